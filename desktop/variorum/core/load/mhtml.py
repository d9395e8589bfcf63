"""Web pages saved as a single file (MHTML, ``.mht``/``.mhtml``: "Save as… Webpage, single file").

An MHTML file is a MIME message: the page's HTML is one part, its images and styles the others. The standard
library's ``email`` package reads it; the HTML part then goes through the web page loader like any saved page.
"""

from __future__ import annotations

import email
import email.policy

from variorum.core.quick_dataclass import dataclass

_SNIFF_BYTES = 4096


@dataclass(frozen=True)
class HtmlPart:
    html: bytes
    charset: str | None  # from the part's Content-Type, when given
    location: str | None  # the address the page was saved from (Content-Location)


def looks_like_mhtml(raw: bytes) -> bool:
    head = raw[:_SNIFF_BYTES].lower()
    return b"mime-version:" in head and b"multipart/related" in head


def html_part(raw: bytes) -> HtmlPart | None:
    """The first HTML part of an MHTML file, or None if it has none."""
    message = email.message_from_bytes(raw, policy=email.policy.compat32)
    for part in message.walk():
        if part.get_content_type() != "text/html":
            continue
        payload = part.get_payload(decode=True)
        if not isinstance(payload, bytes) or not payload.strip():
            continue
        location = part.get("Content-Location") or message.get("Snapshot-Content-Location")
        return HtmlPart(payload, part.get_content_charset(), str(location).strip() if location else None)
    return None
