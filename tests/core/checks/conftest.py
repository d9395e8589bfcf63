"""Comparisons built from texts typed in a test, the way a user pasting versions would build them."""

from __future__ import annotations

import pytest

from variorum.core.compare import compare_versions
from variorum.core.load import load_pasted
from variorum.core.model import Comparison, Options

# A neutral article body that the tests below vary one detail at a time.
BODY = ("Officials said on Monday that the new bridge would open next spring after years of delays and cost "
        "overruns that angered residents of the two towns on either side of the river.\n\n"
        "The project, first proposed a decade ago, was approved by the regional council in a narrow vote "
        "after a long debate about its environmental impact on the wetlands nearby.\n\n"
        "Engineers expect the structure to carry about forty thousand vehicles a day once both lanes open.")


def _compare(*texts: str, base: str | None = None) -> Comparison:
    versions = [load_pasted(t, version_id=f"v{i}", label=f"version {i}") for i, t in enumerate(texts, start=1)]
    return compare_versions(versions, options=Options(base=base))


@pytest.fixture
def compare_texts():
    return _compare


@pytest.fixture
def body() -> str:
    return BODY

