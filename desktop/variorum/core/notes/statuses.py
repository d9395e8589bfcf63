"""The statuses a note (and so the finding it is attached to) can have, in the order they are offered.

A module of its own so that a report, which counts findings by status, loads none of the notes store's records.
"""

from __future__ import annotations

STATUSES: tuple[str, ...] = ("open", "confirmed", "explained", "dismissed")
