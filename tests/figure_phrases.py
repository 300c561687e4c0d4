"""The phrase set of the figure reader (tests/figures/phrases.tsv): its rows and how they are scored.

Used by tests/test_figures.py and bench/figures_score.py.  A value is right when it equals the
hand-written figure, wrong when it is another figure (or any figure where the row expects none).
A title's targets are compared by figure and measure word (one with another in parentheses, 套(间), as 套);
names that differ are counted apart (`names_same`), since a clerk may word a metric in more than one way.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

PHRASES = Path(__file__).resolve().parent / "figures" / "phrases.tsv"


@dataclass(frozen=True)
class Row:
    line: int
    part: str
    kind: str
    text: str
    name: str
    unit: str
    expected: object  # float | None for values, [(name, target, unit)] for titles


def load(path: Path = PHRASES) -> list[Row]:
    """The rows of the phrase file."""
    rows = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line or line.startswith("#") or line.startswith("part\t"):
            continue
        part, kind, text, name, unit, expected = line.split("\t")
        text = text.replace("\\n", "\n")
        if kind == "title":
            exp = [] if expected == "-" else [
                (t.split()[0], float(t.split()[1]), t.split()[2]) for t in expected.split(";")]
        else:
            exp = None if expected == "-" else float(expected)
        rows.append(Row(n, part, kind, text, name, unit, exp))
    return rows


@dataclass
class Score:
    right: int = 0
    wrong: int = 0
    present: int = 0
    names_same: int = 0
    misses: list = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.right / (self.right + self.wrong) if self.right + self.wrong else 1.0

    @property
    def recall(self) -> float:
        return self.right / self.present if self.present else 1.0


def measure(unit: str) -> str:
    """A measure word as compared: without the other it may count in parentheses (套(间) is 套), as the reader
    matches a metric declared in 台(套) to a narrative's 台; the phrase file writes such a title's unit both ways."""
    return re.sub(r"[(（][^()（）]*[)）]$", "", unit)


def score(rows: list[Row]) -> tuple[Score, Score]:
    """(targets, values) scores of the rows."""
    from tracker.core.figures import targets_from_title, value_for

    targets, values = Score(), Score()
    for row in rows:
        if row.kind == "title":
            got = targets_from_title(row.text)
            want = Counter((t, measure(u)) for _, t, u in row.expected)
            have = Counter((t.target, measure(t.unit)) for t in got)
            targets.present += sum(want.values())
            ok = want & have
            targets.right += sum(ok.values())
            targets.wrong += sum((have - want).values())
            named = {(t.name, t.target, measure(t.unit)) for t in got}
            expected = {(n, t, measure(u)) for n, t, u in row.expected}
            targets.names_same += len(expected & named)
            if have != want or named != expected:
                targets.misses.append((row, [(t.name, t.target, t.unit) for t in got]))
        else:
            got = value_for(row.text, row.name, row.unit, mode="increment" if row.kind == "increment" else "cumulative")
            values.present += row.expected is not None
            if got is not None:
                if got == row.expected:
                    values.right += 1
                else:
                    values.wrong += 1
            if got != row.expected:
                values.misses.append((row, got))
    return targets, values


