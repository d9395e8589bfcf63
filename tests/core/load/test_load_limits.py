"""The limits the loader keeps for what one case opens and what one page gets the article extractor."""

from __future__ import annotations

from variorum.core.load import html as html_loader
from variorum.core.load import load_bytes


def test_a_page_over_the_extractor_limit_is_compared_whole_and_the_user_is_told(monkeypatch):
    monkeypatch.setattr(html_loader, "EXTRACTOR_MAX_CHARS", 2000)
    body = "".join(f"<p>Paragraph {n} of the article says the minister resigned on Tuesday.</p>" for n in range(60))
    raw = f"<html><body><nav>Home | World</nav><article>{body}</article></body></html>".encode()
    version = load_bytes(raw, version_id="v1", label="page.html")
    assert version.error is None
    assert html_loader.EXTRACTOR_SKIPPED in version.warnings
    assert version.text.startswith("Home | World")
    assert "Paragraph 59 of the article" in version.text
