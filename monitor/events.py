"""Events: pieces of evidence of one pledge that tell the same happening. Pure.

Newsrooms copy each other: one release of a ministry becomes twenty articles, and a launch
is restated for weeks. Counting articles would let one happening be "confirmed" by its own
echo, and would date a fulfilment by the latest restatement. So pieces are grouped:
two pieces of the same stance are one event when their texts are near-duplicates (MinHash
over character shingles, datasketch) or when the days they report fall within
``SAME_DAYS`` of each other. An event is dated by the earliest day its pieces say it
happened (else by its first report) and is as strong as its strongest piece, backed by as
many outlets as reported it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import lru_cache

from datasketch import MinHash

from monitor.match import fold

SAME_DAYS = timedelta(days=2)
NEAR_DUPLICATE = 0.6  # estimated Jaccard similarity of 4-character shingles
PERMUTATIONS = 64


@dataclass(frozen=True)
class Piece:
    """One piece of evidence as events see it."""

    id: int
    stance: str
    published_at: datetime
    happened_at: datetime | None  # the day the text says the event happened, if it says
    outlet: str | None
    text: str
    score: float
    human: bool = False
    title: str = ""

    @property
    def day(self) -> datetime:
        return self.happened_at or self.published_at


@dataclass(frozen=True)
class Event:
    stance: str
    pieces: tuple[Piece, ...]  # in order of publication

    @property
    def happened_at(self) -> datetime:
        """When it happened: the earliest day a report says, else the first report."""
        return min(piece.day for piece in self.pieces)

    @property
    def first(self) -> Piece:
        return self.pieces[0]

    @property
    def outlets(self) -> tuple[str, ...]:
        """Independent outlets that reported it (a piece with no known outlet is its own)."""
        named = [p.outlet or f"#{p.id}" for p in self.pieces]
        return tuple(dict.fromkeys(named))

    @property
    def score(self) -> float:
        return max(piece.score for piece in self.pieces)

    @property
    def human(self) -> bool:
        return any(piece.human for piece in self.pieces)


def group(pieces: Sequence[Piece]) -> list[Event]:
    """The events these pieces tell, ordered by their first report."""
    ordered = sorted(pieces, key=lambda p: (p.published_at, p.id))
    signatures = {piece.id: _signature(piece.text) for piece in ordered}
    parent = {piece.id: piece.id for piece in ordered}

    def root(ident: int) -> int:
        while parent[ident] != ident:
            parent[ident] = parent[parent[ident]]
            ident = parent[ident]
        return ident

    for index, piece in enumerate(ordered):
        for earlier in ordered[:index]:
            if earlier.stance == piece.stance and _same_happening(
                earlier, piece, signatures[earlier.id], signatures[piece.id]
            ):
                parent[root(piece.id)] = root(earlier.id)
    members: dict[int, list[Piece]] = {}
    for piece in ordered:
        members.setdefault(root(piece.id), []).append(piece)
    events = [Event(found[0].stance, tuple(found)) for found in members.values()]
    return sorted(events, key=lambda e: (e.first.published_at, e.first.id))


def _same_happening(a: Piece, b: Piece, sig_a: MinHash, sig_b: MinHash) -> bool:
    if abs(a.day - b.day) <= SAME_DAYS:
        return True
    return bool(sig_a.jaccard(sig_b) >= NEAR_DUPLICATE)


# The status engine groups the pieces again at every instant it replays, so the same texts
# are signed over and over; a signature depends on the text alone and is never changed
# after it is made, so each text is signed once.
@lru_cache(maxsize=4096)
def _signature(text: str) -> MinHash:
    folded = " ".join(fold(text).split())
    shingles = {folded[i : i + 4] for i in range(max(1, len(folded) - 3))}
    signature = MinHash(num_perm=PERMUTATIONS, seed=1)
    for shingle in shingles:
        signature.update(shingle.encode("utf-8"))
    return signature
