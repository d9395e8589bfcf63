"""The app opens web pages full of remote resources without a single network call (every socket operation
that could leave the machine is refused and recorded inside the test process)."""

from __future__ import annotations

import socket

import pytest
from app_helpers import open_and_wait

from netguard import attempts, forbid_network, guarded, remote_page


def test_opening_pages_with_remote_resources_stays_offline(qtbot, window, tmp_path, monkeypatch):
    log = tmp_path / "network.log"
    forbid_network(monkeypatch, log)
    with pytest.raises(OSError, match="network use forbidden by the test"):
        socket.create_connection(("example.invalid", 80))
    tried = attempts(log)
    assert [name for name, _ in tried] == ["create_connection"]  # the guard is in place
    pages = [remote_page(tmp_path, day) for day in ("Monday", "Tuesday")]
    open_and_wait(qtbot, window, pages)
    versions = window.comparison.versions
    assert [v.ok for v in versions] == [True, True], [v.error for v in versions]
    assert "burst on Monday night" in versions[0].text
    assert guarded(log)
    assert attempts(log) == tried
