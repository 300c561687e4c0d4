"""The figures against their goals: the rows, the machine, the printed table
and the Markdown one."""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import time
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from measure import ROOT
from taskwarrior import taskwarrior_version


@dataclass
class Row:
    scale: str
    what: str
    figure: str
    goal: str
    ratio: float | None  # figure / goal, ≤ 1 passes; None when not measured
    note: str = ""

    @property
    def result(self) -> str:
        if self.ratio is None:
            return "n/a" if not self.note.startswith("ERROR") else "ERROR"
        return "PASS" if self.ratio <= 1 else "FAIL"


def machine_info(tracker: list[str], env: dict[str, str]) -> dict[str, str]:
    mem = "?"
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                mem = f"{int(line.split()[1]) / 1024 / 1024:.1f} GiB"
    except OSError:
        pass
    version = run_capture(tracker + ["--version"], env)
    return {
        "cpus": str(len(os.sched_getaffinity(0))),
        "cpu": _cpu_model(),
        "memory": mem,
        "python": platform.python_version(),
        "platform": platform.platform(),
        "tracker": version or "not runnable",
        "taskwarrior": taskwarrior_version() or "not installed",
        "date": datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        "load": load_average(),
        "python loop": loop_seconds(),
    }


def loop_seconds() -> str:
    """How fast the machine runs Python now: a 10-million-step loop's time. This VM's speed swings within
    minutes (0.23 s in a fast spell, 0.87 s in a slow one), which moves the import's absolute goal."""
    start = time.perf_counter()
    for _ in range(10_000_000):
        pass
    return f"{time.perf_counter() - start:.2f} s"


def load_average() -> str:
    """The 1-minute load, with a warning when other work shares the machine."""
    load = os.getloadavg()[0]
    busy = load > 0.5 + 0.5 * len(os.sched_getaffinity(0))
    return f"{load:.2f}" + (" (busy: other processes are running; figures are noisy)" if busy else "")


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "?"


def run_capture(argv: list[str], env: dict[str, str]) -> str | None:
    try:
        done = subprocess.run(argv, capture_output=True, text=True, env=env, cwd=ROOT, timeout=120)
    except (OSError, subprocess.SubprocessError):
        return None
    return done.stdout.strip() if done.returncode == 0 else None


def print_table(rows: list[Row]) -> None:
    print()
    print(f"{'scale':9} {'what':44} {'measured':>14} {'goal':>16} {'ratio':>6}  result")
    for row in rows:
        ratio = f"{row.ratio:.2f}" if row.ratio is not None else "-"
        print(f"{row.scale:9} {row.what:44} {row.figure:>14} {row.goal:>16} {ratio:>6}  {row.result}"
              + (f"  ({row.note})" if row.note else ""))


def markdown(rows: list[Row], info: dict[str, str], extras: list[str], commands: list[str],
             args: argparse.Namespace) -> str:
    lines = [
        "# Benchmark figures",
        "",
        f"Written by `python bench/run.py{' --quick' if args.quick else ''} --repeat {args.repeat}` "
        f"on {info['date']}: medians of {args.repeat} round(s), measured side by side in one run.",
        "",
        "| scale | what | measured | goal | ratio | result |",
        "|---|---|---|---|---|---|",
    ]
    for row in rows:
        ratio = f"{row.ratio:.2f}" if row.ratio is not None else "–"
        result = row.result + (f" ({row.note})" if row.note else "")
        lines.append(f"| {row.scale} | {row.what} | {row.figure} | {row.goal} | {ratio} | {result} |")
    lines += ["", "Machine: " + ", ".join(f"{k} {v}" for k, v in info.items() if k != "date"), ""]
    if extras:
        lines += ["Also measured:", ""] + [f"- {e}" for e in extras] + [""]
    lines += [f"Commands, from the repository's root (tracker runs with `TRACKER_TODAY={args.today}`):",
              "", "```"]
    lines += commands + ["```", ""]
    return "\n".join(lines)


def ms(seconds: float | None) -> str:
    return "–" if seconds is None else f"{seconds * 1000:.0f} ms"


def sanity(status_json: Path, truth: list[dict]) -> list[str]:
    """Compare tracker's statuses with what the generator meant, as a cross-check."""
    try:
        data = json.loads(status_json.read_text(encoding="utf-8"))
        statuses: dict[str, int] = {}
        for task in data["tasks"]:
            statuses[task["status"]] = statuses.get(task["status"], 0) + 1
    except (ValueError, KeyError, TypeError) as e:
        return [f"status.json could not be read back: {e}"]
    meant: dict[str, int] = {}
    for row in truth:
        meant[row["profile"]] = meant.get(row["profile"], 0) + 1
    fmt = lambda d: ", ".join(f"{k} {v}" for k, v in sorted(d.items()))  # noqa: E731
    return [f"province `status --format json` listed {len(data['tasks'])} tasks: {fmt(statuses)} "
            f"(the generator meant {fmt(meant)}; pending, missing and milestones shift these)"]
