"""Moving through differences: Alt+Down / Alt+Up, clicks on a highlight, and findings.

Every move selects the corresponding range in every pane (the base span, the compared version's span, and the
aligned counterpart in the other versions) and centres it, so the panes follow together.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from variorum.core.model import Difference, Finding
from variorum.ui.panes import highlights
from variorum.ui.panes.evidence import finding_places
from variorum.ui.panes.highlights import Stop, is_word_diffed
from variorum.ui.panes.view import PanesView
from variorum.ui.session import Session


class Navigator(QObject):
    moved = Signal(str)  # a message for the status bar
    compareRequested = Signal(str)  # a click on another version's difference makes it the compared one
    currentChanged = Signal(object)  # the Stop now selected (None when reset)

    def __init__(self, panes: PanesView, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._panes = panes
        self.index = -1
        self.current: Stop | None = None
        self._session: Session | None = None
        self._prefix = ""  # said before the next move's message (e.g. that the compared version changed)
        panes.clicked.connect(self.on_click)
        panes.jumpRequested.connect(self.jump_to_fraction)

    def follow(self, session: Session) -> None:
        """Forget the current stop when what there is to go through changes (another comparison, another compared
        version, cosmetic differences shown or hidden)."""
        self._session = session
        self._compared = session.compared

        def on_versions() -> None:
            if session.compared != self._compared:  # the compared version was hidden
                self._compared = session.compared
                self.reset()

        def on_compared() -> None:
            self._compared = session.compared
            self.reset()

        session.comparisonChanged.connect(lambda: on_compared() if session.is_final() else None)
        session.currentChanged.connect(on_compared)
        session.versionsChanged.connect(on_versions)
        session.cosmeticChanged.connect(lambda _show: self.reset())
        session.closed.connect(on_compared)

    def reset(self) -> None:
        self.index = -1
        self.current = None
        self._panes.mark_current(None)
        self.currentChanged.emit(None)

    def _stops(self) -> list[Stop]:
        return self._panes.stops()

    def step(self, delta: int) -> bool:
        """The next (``delta`` = 1) or previous difference; past the last one of the compared version, the first
        one of the next version that has any (and back the same way)."""
        stops = self._stops()
        if self.current is not None and self.current in stops:
            index = stops.index(self.current) + delta
        else:
            index = 0 if delta > 0 else len(stops) - 1
        if stops and 0 <= index < len(stops):
            self.go_to(stops, index)
            return True
        if self._continue_in_next_version(delta):
            return True
        if not self._panes.comparison:
            self.moved.emit("Open some versions first")
        elif not stops:
            self.moved.emit("No differences to go to")
        else:
            where = "last" if delta > 0 else "first"
            self.moved.emit(f"This is the {where} difference of the {where} compared version "
                            f"({self._panes.compared})")
        return False

    def _continue_in_next_version(self, delta: int) -> bool:
        s = self._session
        if s is None or s.compared is None:
            return False
        comparable = s.comparable()
        if s.compared not in comparable:
            return False
        left = s.compared
        i = comparable.index(left) + delta
        while 0 <= i < len(comparable):
            vid = comparable[i]
            stops = stops_for(self._panes, vid)
            if stops:
                s.set_compared(vid)  # the panes and this navigator follow at once
                stops = self._stops()
                c = self._panes.comparison
                label = c.version(vid).label if c is not None else vid
                self._prefix = f"No more differences with {left}; now comparing {vid} ({label}). "
                self.go_to(stops, 0 if delta > 0 else len(stops) - 1)
                return True
            i += delta
        return False

    def go_to(self, stops: list[Stop], index: int) -> None:
        stop = stops[index]
        self.index, self.current = index, stop
        if stop.difference is not None:
            self.select_difference(stop.difference)
            d = stop.difference
            kind = f"cosmetic ({d.category})" if d.cosmetic else d.category
            if d.kind == "replace":
                change = f"has “{_short(d.other.text, 40)}” for “{_short(d.base.text, 40)}”"
            elif d.kind == "delete":
                change = f"lacks “{_short(d.base.text)}”"
            elif d.kind == "insert":
                change = f"adds “{_short(d.other.text)}”"
            else:
                change = f"moves “{_short(d.other.text or d.base.text)}”"
            what = f"{d.version} {change} [{kind}]"
        elif stop.finding is not None:
            self.select_finding(stop.finding)
            what = stop.finding.message
        else:  # a stop is a difference or a finding
            return
        self._panes.mark_current(stop)
        prefix, self._prefix = self._prefix, ""
        self.moved.emit(f"{prefix}Difference {index + 1} of {len(stops)} with {self._panes.compared}: {what}")
        self.currentChanged.emit(stop)

    def go_to_difference(self, diff: Difference) -> bool:
        stops = self._stops()
        index = next((i for i, s in enumerate(stops) if s.difference == diff), None)
        if index is None:
            return False
        self.go_to(stops, index)
        return True

    def jump_to_fraction(self, fraction: float) -> None:
        c = self._panes.comparison
        stops = self._stops()
        if not stops or c is None or c.base_version is None:
            return
        target = fraction * len(c.base_version.text)
        index = min(range(len(stops)), key=lambda i: abs((stops[i].start + stops[i].end) / 2 - target))
        self.go_to(stops, index)

    # --- selecting -----------------------------------------------------------------------------------------
    def select_difference(self, diff: Difference) -> None:
        """Select the difference in the base and its version, and the words that read there in every other
        version of the same article (through that version's own word diff), all on one line of the screen."""
        c, amap = self._panes.comparison, self._panes.alignment
        if c is None or amap is None:
            return
        ranges = {}
        for pane in self._panes.panes():
            vid = pane.version_id
            if vid == c.base or (is_word_diffed(c, vid) and c.version(vid).ok):
                ranges[vid] = amap.counterpart(diff, vid)
        self._panes.select_ranges(ranges)

    def select_finding(self, finding: Finding) -> None:
        """Select the finding's evidence in every pane that holds some; the others say they hold none."""
        alignment = self._panes.alignment
        if alignment is None:
            return
        places = finding_places(finding, [p.version_id for p in self._panes.panes()], alignment.exact)
        self._panes.select_places(places)
        cited = [e.version for e in finding.evidence if e.version in places.ranges]
        if cited:
            self._panes.scroll_pane_into_view(cited[0])
        base = self._panes.comparison.base if self._panes.comparison else None
        in_base = places.ranges.get(base) if base is not None else None
        self._panes.mark_current(Stop(*in_base[0], finding=finding) if in_base else None)
        self.moved.emit(_short(finding.message, 180))

    def on_click(self, version_id: str, offset: int) -> None:
        """A click inside a highlighted difference selects it and its counterparts everywhere."""
        c = self._panes.comparison
        if c is None or c.base is None:
            return
        if version_id == c.base:
            for i, s in enumerate(self._stops()):
                if s.start <= offset < s.end or (s.start == s.end == offset):
                    self.go_to(self._stops(), i)
                    return
            return
        if is_word_diffed(c, version_id):
            hit = next((d for d in c.differences if d.version == version_id
                        and d.other.start <= offset < d.other.end
                        and (self._panes.show_cosmetic or not d.cosmetic)), None)
            if hit is None:
                return
            if version_id != self._panes.compared:
                self.compareRequested.emit(version_id)
            stops = self._stops()
            index = next((i for i, s in enumerate(stops) if s.difference == hit), None)
            if index is not None:
                self.go_to(stops, index)
            return
        for f in c.findings:
            if any(e.version == version_id and e.start <= offset < e.end for e in f.evidence):
                self.select_finding(f)
                return


def stops_for(panes: PanesView, version_id: str) -> list[Stop]:
    """The stops Alt+Down would go through with ``version_id`` compared."""
    c = panes.comparison
    return highlights.stops(c, version_id, panes.show_cosmetic) if c is not None else []


def _short(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit - 1] + "…"
