"""Forbidding the network to a test, and recording every attempt to use it.

``GUARD`` is Python source: as a ``sitecustomize.py`` on a child process's PYTHONPATH it is run before the
program itself, so even what happens at import time is caught. :func:`forbid_network` does the same inside the
test process (with monkeypatch). Every socket operation that could reach another machine, or ask for a name to
be resolved, is recorded and then refused.
"""

from __future__ import annotations

import json
import socket
from pathlib import Path

GUARD = '''
import json, os, socket

_LOG = os.environ["VARIORUM_TEST_NETWORK_LOG"]
with open(_LOG, "a", encoding="utf-8") as _log:
    _log.write(json.dumps(["guard", "installed"]) + "\\n")


def _refuse(name):
    def refused(*args, **kwargs):
        shown = [a for a in args if not isinstance(a, socket.socket)]
        with open(_LOG, "a", encoding="utf-8") as log:
            log.write(json.dumps([name, repr(shown)]) + "\\n")
        raise OSError(f"network use forbidden by the test: {name}")
    return refused


for _name in ("connect", "connect_ex", "sendto", "sendmsg", "bind"):
    setattr(socket.socket, _name, _refuse("socket." + _name))
for _name in ("create_connection", "getaddrinfo", "gethostbyname", "gethostbyname_ex", "gethostbyaddr"):
    setattr(socket, _name, _refuse(_name))
'''

# The check urllib3 makes when it is imported (trafilatura imports it): it binds a socket to the IPv6 loopback
# address to learn whether the system has IPv6. Nothing is sent, and refusing it changes nothing.
LOOPBACK_PROBE = ["socket.bind", "[('::1', 0)]"]
INSTALLED = ["guard", "installed"]


def _entries(log_path) -> list[list[str]]:
    try:
        return [json.loads(line) for line in log_path.read_text(encoding="utf-8").splitlines()]
    except FileNotFoundError:
        return []


def guarded(log_path) -> bool:
    """Whether the guard was in place (it notes that first)."""
    return INSTALLED in _entries(log_path)


def attempts(log_path) -> list[list[str]]:
    """What the guarded program tried, apart from urllib3's loopback probe."""
    return [entry for entry in _entries(log_path) if entry not in (LOOPBACK_PROBE, INSTALLED)]


def forbid_network(monkeypatch, log_path) -> None:
    """Run ``GUARD`` in this process, undone by ``monkeypatch`` at the end of the test."""
    monkeypatch.setenv("VARIORUM_TEST_NETWORK_LOG", str(log_path))
    for name in ("connect", "connect_ex", "sendto", "sendmsg", "bind"):
        monkeypatch.setattr(socket.socket, name, getattr(socket.socket, name))
    for name in ("create_connection", "getaddrinfo", "gethostbyname", "gethostbyname_ex", "gethostbyaddr"):
        monkeypatch.setattr(socket, name, getattr(socket, name))
    exec(compile(GUARD, "netguard", "exec"), {"__name__": "netguard"})


REMOTE = "http://example.invalid"

PAGE = f"""<!DOCTYPE html>
<html><head>
<base href="{REMOTE}/news/">
<meta charset="utf-8"><title>Dam bursts after storm</title>
<meta http-equiv="refresh" content="30; url={REMOTE}/refresh">
<link rel="stylesheet" href="{REMOTE}/style.css"><link rel="preload" href="{REMOTE}/font.woff2" as="font">
<link rel="canonical" href="{REMOTE}/news/dam">
<script src="{REMOTE}/tracker.js"></script>
<style>@import url("{REMOTE}/more.css"); body {{ background: url({REMOTE}/bg.png); }}</style>
</head><body>
<article>
<h1>Dam bursts after storm</h1>
<p>The dam above the village burst on {{DAY}} night after three days of rain, officials said.</p>
<figure><img src="{REMOTE}/dam.jpg" srcset="{REMOTE}/dam-2x.jpg 2x" alt="The dam">
<figcaption>Photo: Agency</figcaption></figure>
<p>About 200 people were evacuated, according to the <a href="{REMOTE}/report">regional report</a>.</p>
<iframe src="{REMOTE}/video"></iframe><video poster="{REMOTE}/poster.jpg" src="{REMOTE}/clip.mp4"></video>
<object data="{REMOTE}/plugin.swf"></object><embed src="{REMOTE}/embed.svg">
<p style="background-image: url('{REMOTE}/inline.png')">Repairs will take months.</p>
</article>
</body></html>
"""


def remote_page(folder: Path, day: str) -> Path:
    """A saved news page that asks for remote images, styles, scripts, frames and media; ``day`` varies it."""
    page = folder / f"dam-{day.lower()}.html"
    page.write_text(PAGE.replace("{DAY}", day), encoding="utf-8")
    return page
