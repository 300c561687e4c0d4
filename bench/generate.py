"""Deterministic plan and progress log for benchmarking tracker.

Writes, for N tasks over M months from January of the plan year:

- ``tasks.toml``: the plan, in the format of SPEC.md;
- ``entries.jsonl``: the progress log, one entry a line in the shape of
  ``tracker export`` (ordered by ``recorded_at``), ready for ``tracker import``;
- ``truth.jsonl``: what each task was generated to be as of the last month
  (done, on_track, behind, stalled, overdue), for Taskwarrior's copy of the
  tasks and for sanity checks; not part of any contract;
- ``manifest.json``: the sizes, the seed, the last month and the date to set
  as ``TRACKER_TODAY``.

Only the standard library is used, and one ``random.Random(seed)`` drives
everything, so the same arguments always give byte-identical files.

    python bench/generate.py --tasks 300 --months 24 --out bench/out/office
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import sys
import time
from pathlib import Path

from plan_gen import PLAN_YEAR, PROFILES, Task, fmt_number, make_task, month_end, month_start, month_str, plan_toml
from vocabulary import CORRECTION_NOTES, DONE_NOTES, FILLERS, OPENINGS, STALL_NOTES

# Bump when the output for the same arguments changes, so that bench/run.py
# regenerates what it had cached.
GENERATOR_VERSION = 1


class EntryWriter:
    """Turns each task's path into monthly entries, month after month."""

    def __init__(self, rng: random.Random, tasks: list[Task], last: int):
        self.rng = rng
        self.tasks = tasks
        self.last = last
        # Per task: the last reported cumulative value of each increment metric,
        # the last note, and how many reports came in after it was done (-1
        # once the unit stopped reporting).
        self.reported = {t.id: {m.key: m.baseline for m in t.metrics if m.increment} for t in tasks}
        self.last_note: dict[str, str] = {}
        self.after_done = {t.id: 0 for t in tasks}
        self.stats = {"entries": 0, "corrections": 0, "missing": 0, "reports": 0}

    def uid(self) -> str:
        x = self.rng.getrandbits(128)
        x = (x & ~(0xF000 << 64) | (0x4000 << 64)) & ~(0xC000 << 48) | (0x8000 << 48)
        h = f"{x:032x}"
        return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"

    def note(self, task: Task, index: int, values: dict, completion: float) -> str:
        r = self.rng.random
        m = index % 12 + 1
        if task.done_index is not None and index >= task.done_index:
            return DONE_NOTES[int(r() * len(DONE_NOTES))] + "。"
        if task.stall_from is not None and index >= task.stall_from:
            previous = self.last_note.get(task.id)
            if previous and r() < 0.5:
                return previous  # copied forward: a repeated note
            return STALL_NOTES[int(r() * len(STALL_NOTES))] + "。"
        parts = [OPENINGS[int(r() * len(OPENINGS))].format(m=m)]
        for metric in task.metrics[:2]:
            if metric.key in values:
                word = "当月" if metric.increment else "累计"
                parts.append(f"{word}{metric.kind.verb}{metric.kind.name}{values[metric.key]}{metric.kind.unit}")
        if not task.metrics:
            parts.append(f"总体完成{int(completion * 100)}%")
        while sum(map(len, parts)) < 36:
            parts.append(FILLERS[int(r() * len(FILLERS))].format(p=int(completion * 100)))
        sep = ";\n" if r() < 0.02 else ","
        return parts[0] + "," + sep.join(parts[1:]) + "。"

    def stamp(self, index: int, day: int) -> str:
        r = self.rng.random
        year, month = divmod(index, 12)
        # Office hours in UTC+8, written in UTC the way tracker writes them.
        return (f"{PLAN_YEAR + year:04d}-{month + 1:02d}-{day:02d}T{int(r() * 10):02d}:"
                f"{int(r() * 60):02d}:{int(r() * 60):02d}.{int(r() * 1e6):06d}Z")

    def month(self, index: int) -> list[tuple[str, str]]:
        """The month's entries as (recorded_at, JSON line)."""
        r = self.rng.random
        rows = []
        month = month_str(index)
        dumps = json.dumps
        for task in self.tasks:
            if index < task.start_index:
                continue
            done = task.done_index is not None and index > task.done_index
            if done:
                # Most units keep reporting "done" for a while, some stop at once.
                if self.after_done[task.id] < 0 or r() < 0.1:
                    self.after_done[task.id] = -1
                    continue
                self.after_done[task.id] += 1
            elif r() < 0.05:
                self.stats["missing"] += 1
                continue
            completion = task.path[index - task.start_index]
            values: dict = {}
            for metric in task.metrics:
                ratio = 1.0 if completion >= 1.0 else min(0.995, completion * metric.spread)
                span = metric.target - metric.baseline
                total = fmt_number(metric.baseline + ratio * span, metric.kind.decimals)
                if metric.increment:
                    if r() < 0.05 and completion < 1.0:
                        continue  # left out: its amount comes with the next report
                    amount = fmt_number(total - self.reported[task.id][metric.key], metric.kind.decimals)
                    self.reported[task.id][metric.key] = total
                    values[metric.key] = amount
                else:
                    values[metric.key] = total
            percent = status = None
            if not task.metrics and task.measured:
                percent = int(completion * 100)
                if completion >= 1.0:
                    status = "done"
                elif task.stall_from is not None and index >= task.stall_from and r() < 0.3:
                    status = "blocked"
                elif r() < 0.5:
                    status = "ongoing"
            elif task.done_index == index and r() < 0.5:
                status = "done"
            note = self.note(task, index, values, completion)
            self.last_note[task.id] = note
            day = 18 + int(r() * 8)
            stamp = self.stamp(index, day)
            entry = {"id": self.uid(), "task": task.id, "month": month, "recorded_at": stamp,
                     "by": task.reporter, "values": values, "percent": percent,
                     "status": status, "note": note}
            if r() < 0.03:
                # A correction: the first report was wrong, a second one a day
                # or three later puts it right.
                self.stats["corrections"] += 1
                wrong = dict(entry)
                if values:
                    key = next(iter(values))
                    wrong["values"] = dict(values, **{key: round(values[key] * 10, 2)})
                    fixed = {"values": {key: values[key]}, "percent": None, "status": None,
                             "note": None} if r() < 0.5 else {}
                else:
                    wrong["percent"] = None if percent is None else min(100, percent + 20)
                    fixed = {}
                rows.append((stamp, dumps(wrong, ensure_ascii=False)))
                entry.update(fixed)
                entry["id"] = self.uid()
                entry["recorded_at"] = stamp = self.stamp(index, day + 1 + int(r() * 3))
                if entry["note"] is not None:
                    entry["note"] = CORRECTION_NOTES[int(r() * len(CORRECTION_NOTES))] + ":" + note
            rows.append((stamp, dumps(entry, ensure_ascii=False)))
            self.stats["reports"] += 1
        rows.sort(key=lambda row: row[0])
        self.stats["entries"] += len(rows)
        return rows


def source_digest() -> str:
    """What the output depends on besides the arguments: this code and its words."""
    here = Path(__file__).resolve().parent
    digest = hashlib.sha1()
    for name in ("generate.py", "plan_gen.py", "vocabulary.py"):
        digest.update((here / name).read_bytes())
    return digest.hexdigest()


def generate(tasks_count: int, months: int, out: Path, seed: int = 2024) -> dict:
    """Write the plan, the log, the truth and the manifest into `out`."""
    began = time.perf_counter()
    rng = random.Random(seed)
    last = months - 1
    tasks = [make_task(rng, n, last) for n in range(1, tasks_count + 1)]
    out.mkdir(parents=True, exist_ok=True)
    (out / "tasks.toml").write_text(plan_toml(tasks, months), encoding="utf-8")
    writer = EntryWriter(rng, tasks, last)
    with open(out / "entries.jsonl", "w", encoding="utf-8") as f:
        for index in range(months):
            f.writelines(line + "\n" for _, line in writer.month(index))
    with open(out / "truth.jsonl", "w", encoding="utf-8") as f:
        for t in tasks:
            f.write(json.dumps({
                "id": t.id, "title": t.title, "unit": t.unit, "category": t.category, "profile": t.profile,
                "start": month_start(t.start_index).isoformat(), "due": t.due.isoformat(),
                "done_month": None if t.done_index is None else month_str(t.done_index),
                "completion": round(t.path[-1], 4) if t.path else 0.0,
                "qualitative": not t.metrics, "measured": t.measured,
            }, ensure_ascii=False) + "\n")
    profiles = {p: sum(t.profile == p for t in tasks) for p in PROFILES}
    last_day = month_end(last)
    manifest = {
        "generator_version": GENERATOR_VERSION,
        "source_sha1": source_digest(),
        "seed": seed,
        "tasks": tasks_count,
        "months": months,
        "first_month": month_str(0),
        "last_month": month_str(last),
        "today": last_day.replace(day=28).isoformat(),
        "entries": writer.stats["entries"],
        "reports": writer.stats["reports"],
        "corrections": writer.stats["corrections"],
        "missing_reports": writer.stats["missing"],
        "metrics": sum(len(t.metrics) for t in tasks),
        "qualitative": sum(not t.metrics for t in tasks),
        "milestones": sum(len(t.milestones) for t in tasks),
        "late_starts": sum(t.start_index > 0 for t in tasks),
        "profiles": profiles,
        "bytes": {name: (out / name).stat().st_size for name in ("tasks.toml", "entries.jsonl")},
        "seconds": round(time.perf_counter() - began, 2),
    }
    (out / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=2) + "\n",
                                       encoding="utf-8")
    return manifest


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--tasks", type=int, default=300, help="number of tasks (ids 1..N)")
    parser.add_argument("--months", type=int, default=24, help="months of reports from 2024-01")
    parser.add_argument("--out", type=Path, required=True, help="directory to write into")
    parser.add_argument("--seed", type=int, default=2024)
    args = parser.parse_args(argv)
    if args.tasks < 1 or args.months < 1:
        parser.error("--tasks and --months must be at least 1")
    manifest = generate(args.tasks, args.months, args.out, args.seed)
    print(f"{args.out}: {manifest['tasks']} tasks, {manifest['entries']} entries "
          f"({manifest['first_month']}..{manifest['last_month']}, TRACKER_TODAY={manifest['today']}), "
          f"{manifest['seconds']} s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
