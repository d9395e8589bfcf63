# Two entry points for a fresh clone: `make demo` opens the app on the bundled demo case,
# `make test` runs the whole test suite (property-based tests on a short, fixed set of examples); `make fuzz`
# runs the property-based tests long, on fresh random examples. All create .venv and install Variorum first.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: demo test fuzz lint bench accuracy screenshot clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

demo: $(STAMP)
	@command -v tesseract >/dev/null 2>&1 || echo "Note: reading screenshots and scans (OCR) needs the optional" \
		"tesseract-ocr program (Debian/Ubuntu: apt-get install tesseract-ocr tesseract-ocr-eng)."
	$(BIN)/variorum --demo

test: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest $(PYTEST_ARGS)

fuzz: $(STAMP)
	VARIORUM_HYPOTHESIS_PROFILE=fuzz QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest tests/property $(PYTEST_ARGS)

lint: $(STAMP)
	$(BIN)/ruff check desktop tests bench

bench: $(STAMP)
	$(BIN)/python bench/run.py

accuracy: $(STAMP)
	$(BIN)/python bench/accuracy.py

screenshot: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/variorum --demo --screenshot docs/screenshot.png

clean:
	rm -rf $(VENV) build dist *.egg-info desktop/*.egg-info
