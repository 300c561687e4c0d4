"""The series of a large log, folded with numpy: series.arrays(inforce.fold(...)) for 650,000 entries in a second.

A province's first import folds every entry into the series (series.py) at
once. Entry by entry in Python that costs ~4 s, most of an import; here the
same reduction is done column-wise: the entries are sorted by (task, month)
or (task, metric, month), the last of each month in the log's order taken,
then carried forward (a running maximum of indices) or summed, month by month
for all rows at once. The answer is byte for byte that of series.arrays()
(tests/test_seriesfold.py holds the two equal), sums included: each row's
running total is added up in month order, as Python adds it.

Only for logs this large (appending.py); numpy is imported on first use.
"""

from __future__ import annotations

from itertools import chain as _concat
from itertools import repeat
from operator import is_not

from tracker.store.series import _STATUS_CODE

# Below this many entries the Python fold is as fast (numpy's import alone costs ~80 ms).
MIN_ENTRIES = 20_000


def numpy():
    """numpy, imported without OpenBLAS's thread pool (unless asked for): nothing here multiplies matrices,
    and its idle threads spin on the CPUs a large import needs (~0.1 s of CPU, measured with perf)."""
    import os

    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
    import numpy as np

    return np


class _Codes(dict):
    """Names and their codes: a name not met before is given the next code when it is asked for."""

    def __missing__(self, name) -> int:
        self[name] = code = len(self)
        return code


def gather(n: int):
    """Columns (add(), fold()) for the fold of about n entries: arrays folded with numpy when there are
    MIN_ENTRIES or more, else lists folded in Python (series.arrays(inforce.fold(...)))."""
    return Columns() if n >= MIN_ENTRIES else _Lists()


class _Lists:
    """Columns' add() and fold() for a few entries: kept as they come, folded in Python."""

    def __init__(self):
        self._columns: tuple[list, ...] = ([], [], [], [], [], [])
        self.n = 0

    def add(self, tasks, months, values, percents, statuses, noted, figures=None) -> None:
        for column, run in zip(self._columns, (tasks, months, values, percents, statuses, noted)):
            column += run
        self.n += len(tasks)

    def fold(self, seqs, order=None) -> tuple[list, list]:
        from tracker.core import inforce
        from tracker.store import series

        tasks, months, values, percents, statuses, noted = self._columns
        seqs = list(seqs)
        return series.arrays(inforce.fold({}, (
            (seqs[i], tasks[i], months[i], percents[i], statuses[i], values[i], seqs[i] if noted[i] else None)
            for i in (range(self.n) if order is None else order))))


class Columns:
    """Entries' columns gathered for the fold a run at a time, as arrays: a large import adds each run as it
    reads it (while its objects are fresh in the cache) and keeps no object of an entry after it.

    add(tasks, months, values, percents, statuses, noted): tasks: str; months: int; values: dict of
    metric → number (or None); percents, statuses: None where not set; noted: whether each has a note.
    fold(seqs, order) then gives the rows of metric_series and task_series, as series.arrays() does.
    """

    def __init__(self):
        self._np = numpy()
        self._tasks, self._keys = _Codes(), _Codes()  # codes in the order first met
        self._runs: list[tuple] = []
        self.n = 0

    def add(self, tasks, months, values, percents, statuses, noted, figures=None) -> None:
        """A run of entries, in the log's order after those added before (the columns as the class says).
        figures: every figure of the run's values, in order, if the caller has them already."""
        np, n = self._np, len(tasks)
        if not n:
            return
        if None in values:
            values = [v or {} for v in values]
        if figures is None:
            figures = list(_concat.from_iterable(map(dict.values, values)))
        self._runs.append((
            np.fromiter(map(self._tasks.__getitem__, tasks), np.int64, n),
            np.array(months, np.int64),
            np.fromiter(map(len, values), np.int64, n),
            np.fromiter(map(self._keys.__getitem__, _concat.from_iterable(values)), np.int64, len(figures)),
            np.array(figures, np.float64).reshape(len(figures)),
            np.array(percents, np.float64).reshape(n),  # None: NaN, not taken
            _given(np, percents),
            np.fromiter(map(_STATUS_CODE.get, statuses, repeat(0)), np.uint8, n),
            _given(np, statuses),
            np.array(noted, bool).reshape(n),
        ))
        self.n += n

    def fold(self, seqs, order=None) -> tuple[list, list]:
        """The rows of metric_series and task_series. seqs: each entry's seq, in the order added; order:
        the entries' indices in the fold's order (None: the order added)."""
        np = self._np
        if not self.n:
            return [], []
        tc, m, counts, kc, figures, pct, pct_given, codes, code_given, noted = (
            np.concatenate(column) for column in zip(*self._runs))
        self._runs = []
        seqs = np.arange(seqs.start, seqs.stop, seqs.step) if isinstance(seqs, range) else np.asarray(seqs, np.int64)
        if order is not None and order != range(self.n):
            o = np.asarray(order, np.int64)
            tc, m, pct, pct_given, codes, code_given, noted, seqs = (
                column[o] for column in (tc, m, pct, pct_given, codes, code_given, noted, seqs))
            kc, figures = (column[_ragged(np, counts, o)] for column in (kc, figures))
            counts = counts[o]
        names, tc = _ranked(np, self._tasks, tc)
        key_names, kc = _ranked(np, self._keys, kc)
        return (_metric_rows(np, names, tc, m, counts, key_names, kc, figures),
                _task_rows(np, names, tc, m, pct, pct_given, codes, code_given, seqs, noted))


def _ragged(np, counts, o):
    """The indices that put the figures of entries (counts of each, in order) in the entries' order o."""
    starts = np.cumsum(counts) - counts
    taken = counts[o]
    total = int(taken.sum())
    at = np.cumsum(taken) - taken  # where each taken entry's figures begin, after
    return np.arange(total) - np.repeat(at, taken) + np.repeat(starts[o], taken)


def _ranked(np, codes: dict, coded) -> tuple[list, object]:
    """(the distinct names sorted, each item's code renumbered as its name's index there)."""
    met = list(codes)
    order = sorted(range(len(met)), key=met.__getitem__)
    rank = np.empty(len(met), np.int64)
    rank[order] = np.arange(len(met))
    return [met[i] for i in order], rank[coded]


class _Cells:
    """Entries sorted by (group, month), and the dense layout of the groups' months.

    Each group (a task, or a task's metric) owns the cells off[i] … off[i] + n[i] - 1, one per
    month from its first to its last; entry k of the sorted order falls in cell[k]; last[k]
    says it is the last in the log's order of its cell (of its group's month).
    """

    def __init__(self, np, group, m):
        lo = int(m.min())
        key = group * (int(m.max()) - lo + 1) + (m - lo)
        self.order = o = np.argsort(key, kind="stable")  # stable: the log's order within a month
        key, g, ms = key[o], group[o], m[o]
        starts = np.flatnonzero(np.r_[True, g[1:] != g[:-1]])
        sizes = np.diff(np.r_[starts, len(g)])
        self.groups = g[starts]
        self.first = ms[starts]
        self.n = ms[np.r_[starts[1:], len(g)] - 1] - self.first + 1
        self.off = np.r_[0, np.cumsum(self.n)[:-1]]
        self.size = int(self.n.sum())
        self.member = np.repeat(np.arange(len(starts)), sizes)  # each sorted entry's group
        self.cell = self.off[self.member] + (ms - self.first[self.member])
        self.last = np.r_[key[1:] != key[:-1], True]

    def set_last(self, np, grid, mask, column):
        """grid[cell] = the column's value of the last entry of each cell among those `mask` selects
        (column and mask in sorted order); returns which cells were set."""
        cells, vals = self.cell[mask], column[mask]
        keep = np.ones(len(cells), bool)
        keep[:-1] = cells[1:] != cells[:-1]
        was = np.zeros(self.size, bool)
        grid[cells[keep]] = vals[keep]
        was[cells[keep]] = True
        return was

    def carried(self, np, was):
        """For each cell, the index of the latest cell of its group at or before it that was set; -1 if none."""
        at = np.maximum.accumulate(np.where(was, np.arange(self.size), -1))
        return np.where(at >= np.repeat(self.off, self.n), at, -1)

    def rows(self, *grids):
        """Per group: (first month, each grid's cells of the group as bytes: hashable, as series.arrays()
        gives them and series.disagreements() compares them)."""
        first, n, off = self.first.tolist(), self.n.tolist(), self.off.tolist()
        columns = []
        for g in grids:  # slices of one bytes object: cheaper than an array's slice made bytes
            data, width = g.tobytes(), g.itemsize
            columns.append([data[o * width:(o + k) * width] for k, o in zip(n, off)])
        return list(zip(first, *columns))


def _given(np, column: list):
    """Which of a column's values are not None."""
    return np.fromiter(map(is_not, column, repeat(None)), bool, len(column))


def _task_rows(np, names, tc, m, pct, pct_given, codes, code_given, seqs, noted) -> list:
    cells = _Cells(np, tc, m)
    o, size = cells.order, cells.size
    entries = np.zeros(size, np.uint8)
    entries[cells.cell] = 1

    note_grid = np.zeros(size, "<i8")
    cells.set_last(np, note_grid, noted[o], seqs[o])

    set_pct = np.zeros(size, np.float64)
    at = cells.carried(np, cells.set_last(np, set_pct, pct_given[o], pct[o]))
    percent = np.full(size, np.nan, "<f8")  # NaN: no percent in force
    percent[at >= 0] = set_pct[at[at >= 0]]

    set_status = np.zeros(size, np.uint8)
    at = cells.carried(np, cells.set_last(np, set_status, code_given[o], codes[o]))
    status = np.zeros(size, np.uint8)  # 0: no status in force
    status[at >= 0] = set_status[at[at >= 0]]

    rows = cells.rows(entries, percent, status, note_grid)
    return [(names[t], *row) for t, row in zip(cells.groups.tolist(), rows)]


def _metric_rows(np, names, tc, m, counts, key_names, kc, figures) -> list:
    total = len(figures)
    if not total:
        return []
    entry = np.repeat(np.arange(len(counts)), counts)  # each figure's entry, in the log's order
    # codes in (task, metric) order: the rows come out sorted as series.arrays() sorts them
    cells = _Cells(np, tc[entry] * len(key_names) + kc, m[entry])
    size = cells.size
    asof = np.zeros(size, "<f8")
    reported = cells.set_last(np, asof, cells.last, figures[cells.order]).view(np.uint8)
    at = cells.carried(np, reported.view(bool))
    asof = asof[at]  # every group's first cell is reported: at >= 0
    sums = np.where(reported.view(bool), asof, 0.0)  # a month's own figure; 0 where none was reported (x + 0.0 is x)
    points = np.bincount(cells.member[cells.last], minlength=len(cells.n))
    gaps = cells.off[points < cells.n]
    sums[gaps] = 0.0 + sums[gaps]  # Python's running total over gaps starts at 0.0 (-0.0 becomes 0.0)
    by_length = np.argsort(-cells.n, kind="stable")
    lengths, offs = cells.n[by_length], cells.off[by_length]
    for j in range(1, int(lengths[0])):
        k = int(np.searchsorted(-lengths, -j, side="left"))  # the groups longer than j months
        idx = offs[:k] + j
        sums[idx] = sums[idx - 1] + sums[idx]
    rows = cells.rows(asof, sums.astype("<f8", copy=False), reported)
    width = len(key_names)
    return [(names[g // width], key_names[g % width], *row) for g, row in zip(cells.groups.tolist(), rows)]
