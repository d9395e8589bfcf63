"""An estimate of which version derives from which (a stemma), from the variants the versions share.

How it is estimated: two versions are as far apart as the number of substantive variation places where their
readings differ. The versions are joined by a minimum spanning tree over those distances (ties broken in case
order), so each version hangs from the one it shares most readings with. The tree is then given a direction:
between two versions whose times are known (not from the file's time on disk, which copying changes) the earlier
is the source, and the rest of the tree follows from the root that agrees best with the known times. The texts
alone say which versions are neighbours, not which came first: with fewer than two known times the edges stay
undirected (``oriented_by == "none"``) rather than guessed. Each edge's confidence is how much nearer its two versions are to each
other than the next best way of joining the two parts the edge separates (0: a tie, 1: no alternative), not
counting a way through a version that reads exactly as one of the edge's own.

Where it is unreliable: versions that revise independently from one source and are later merged, a version that
restores earlier wording, or editions that cut text. A spanning tree cannot show two sources for one version, and
undated versions are oriented by a heuristic only. It is an estimate, and says so.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import combinations

from variorum.core.quick_dataclass import dataclass
from variorum.core.timeline import Timeline
from variorum.core.variants import Place

ESTIMATE_NOTE = ("Estimated, not proven: versions are joined by the fewest differing variation places (a minimum "
                 "spanning tree) and directed by their known times; without known times the links are undirected. "
                 "Unreliable when a version restores earlier wording, merges two sources, or when editions cut "
                 "text; a version with two sources is shown with one.")


@dataclass(frozen=True)
class Edge:
    source: str
    target: str
    distance: int  # variation places where the two read differently
    confidence: float  # 0..1: the margin over the next best way to join the tree's two parts
    oriented_by: str  # "time" (the source's known time is earlier) | "none" (no known times say which came first)


@dataclass(frozen=True)
class Stemma:
    root: str | None
    versions: tuple[str, ...]
    edges: tuple[Edge, ...]
    note: str = ESTIMATE_NOTE

    def parent_of(self, version: str) -> str | None:
        return next((e.source for e in self.edges if e.target == version), None)

    def chain(self) -> list[str]:
        """The versions in derivation order (depth first from the root)."""
        out: list[str] = []
        stack = [self.root] if self.root else []
        while stack:
            v = stack.pop()
            out.append(v)
            stack.extend(reversed([e.target for e in self.edges if e.source == v]))
        return out


def distances(places: Sequence[Place], versions: Sequence[str]) -> dict[tuple[str, str], int]:
    """For each pair of versions, the substantive places where their readings differ.

    A place counts for the pairs across its groups of versions (those that read alike, and those with no reading
    there), not for every pair: most places part one version or two from all the others, so a case of 50 versions
    is not charged 1,225 pairs at every place (that made it grow with the cube of the number of versions)."""
    order = {v: i for i, v in enumerate(versions)}
    dist = {pair: 0 for pair in combinations(versions, 2)}
    for p in places:
        if p.cosmetic:
            continue
        group = {v: i for i, r in enumerate(p.readings) for v in r.versions}
        alike: dict[int | None, list[str]] = {}
        for v in versions:
            alike.setdefault(group.get(v), []).append(v)
        parts = list(alike.values())
        for i, part in enumerate(parts):
            for other in parts[i + 1:]:
                for a in part:
                    for b in other:
                        dist[(a, b) if order[a] < order[b] else (b, a)] += 1
    return dist


def _spanning_tree(versions: Sequence[str], dist: dict[tuple[str, str], int]) -> list[tuple[str, str, int, float]]:
    order = {v: i for i, v in enumerate(versions)}
    parent = {v: v for v in versions}

    def find(v: str) -> str:
        while parent[v] != v:
            parent[v] = parent[parent[v]]
            v = parent[v]
        return v

    tree: list[tuple[str, str, int]] = []
    for (a, b), d in sorted(dist.items(), key=lambda kv: (kv[1], order[kv[0][0]], order[kv[0][1]])):
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[ra] = rb
            tree.append((a, b, d))
    out = []
    for a, b, d in tree:
        side = _side(a, [(x, y) for x, y, _ in tree if (x, y) != (a, b)])
        alternatives = [dd for (x, y), dd in dist.items() if (x, y) != (a, b) and ((x in side) != (y in side))
                        and not _same_link(x, y, a, b, dist)]
        alt = min(alternatives, default=None)
        confidence = 1.0 if alt is None else (max(alt - d, 0) / alt if alt else 0.0)
        out.append((a, b, d, round(confidence, 3)))
    return out


def _same_link(x: str, y: str, a: str, b: str, dist: dict[tuple[str, str], int]) -> bool:
    """``x``–``y`` joins the same texts as ``a``–``b``: its ends read exactly as ``a`` and ``b`` (or ``b`` and
    ``a``) do, so it is no real alternative to that edge."""

    def twin(u: str, v: str) -> bool:
        return u == v or dist.get((u, v), dist.get((v, u))) == 0

    return (twin(x, a) and twin(y, b)) or (twin(x, b) and twin(y, a))


def _side(start: str, edges: list[tuple[str, str]]) -> set[str]:
    seen, todo = {start}, [start]
    while todo:
        v = todo.pop()
        for x, y in edges:
            for u, w in ((x, y), (y, x)):
                if u == v and w not in seen:
                    seen.add(w)
                    todo.append(w)
    return seen


def estimate_stemma(places: Sequence[Place], versions: Sequence[str], timeline: Timeline | None = None) -> Stemma:
    """The estimated derivation of ``versions`` from the variation ``places`` (see the module's note)."""
    if not versions:
        return Stemma(root=None, versions=(), edges=())
    dist = distances(places, versions)
    tree = _spanning_tree(versions, dist)
    strong = {t.version: t.moment for t in (timeline.dated if timeline else ()) if not t.weak}

    def by_time(root: str) -> int:
        """How many edges, directed away from ``root``, run from an earlier to a later known time (minus the
        number that run backwards)."""
        return sum((strong[s] < strong[d]) - (strong[s] > strong[d])
                   for s, d, _ in _directed(root, tree) if s in strong and d in strong)

    if len(set(strong.values())) > 1:
        root = max(versions, key=lambda v: (by_time(v), -versions.index(v)))
    else:  # nothing says which came first: drawn from an end of the tree's longest path, edges left undirected
        one = _far_end(versions[0], tree)
        root = min(one, _far_end(one, tree), key=versions.index)
    edges = []
    for src, dst, (d, conf) in _directed(root, tree):
        dated = src in strong and dst in strong and strong[src] != strong[dst]
        edges.append(Edge(source=src, target=dst, distance=d, confidence=conf,
                          oriented_by="time" if dated else "none"))
    return Stemma(root=root, versions=tuple(versions), edges=tuple(edges))


def _far_end(start: str, tree: Sequence[tuple[str, str, int, float]]) -> str:
    """The version farthest (in edges) from ``start``: one end of the tree's longest path."""
    steps = _directed(start, tree)
    return steps[-1][1] if steps else start


def _directed(root: str, tree: Sequence[tuple[str, str, int, float]]) -> list[tuple[str, str, tuple[int, float]]]:
    out: list[tuple[str, str, tuple[int, float]]] = []
    seen, todo = {root}, [root]
    while todo:
        v = todo.pop(0)
        for a, b, d, c in tree:
            for u, w in ((a, b), (b, a)):
                if u == v and w not in seen:
                    seen.add(w)
                    todo.append(w)
                    out.append((u, w, (d, c)))
    return out
