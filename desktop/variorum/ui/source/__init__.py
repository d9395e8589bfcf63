"""The original beside the text: a PDF page or an image with the selected words boxed on it."""
