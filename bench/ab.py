"""Alternate the province import of two versions of tracker, to compare them in the same minutes.

    python bench/ab.py 18f1052 HEAD --runs 4

Each version is checked out (git worktree) under bench/out/ab/, and each run
imports bench/out/province/entries.jsonl (generate it with `python bench/run.py`
first) into a fresh database with `python -m tracker`, from a folder outside
both checkouts (so that each runs its own code). The machine's spells move
both alike, so the ratio within each pair says more than either time.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent


def checkout(rev: str, out: Path) -> Path:
    sha = subprocess.run(["git", "rev-parse", "--short", rev], cwd=ROOT, check=True,
                         capture_output=True, text=True).stdout.strip()
    tree = out / sha
    if not tree.exists():
        subprocess.run(["git", "worktree", "add", "--detach", str(tree), sha], cwd=ROOT, check=True,
                       capture_output=True)
    return tree


def run(tree: Path, data: Path, scratch: Path) -> float:
    shutil.rmtree(scratch, ignore_errors=True)
    scratch.mkdir(parents=True)
    os.sync()  # the last import's database written out first, not by the kernel's flusher during this one
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONDONTWRITEBYTECODE", "TRACKER_DB", "TRACKER_TASKS")}
    env["PYTHONPATH"] = str(tree)
    began = time.perf_counter()
    subprocess.run([sys.executable, "-m", "tracker", "--tasks", str(data / "tasks.toml"), "--db",
                    str(scratch / "tracker.db"), "import", str(data / "entries.jsonl")],
                   cwd=scratch, env=env, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - began


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("a", help="a git revision (the one to compare against)")
    parser.add_argument("b", help="another git revision")
    parser.add_argument("--runs", type=int, default=4, help="pairs of runs (default 4)")
    parser.add_argument("--data", type=Path, default=HERE / "out" / "province", help="where the data set is")
    args = parser.parse_args()
    out = HERE / "out" / "ab"
    out.mkdir(parents=True, exist_ok=True)
    trees = [checkout(rev, out) for rev in (args.a, args.b)]
    times: list[list[float]] = [[], []]
    for i in range(args.runs):
        for side, tree in enumerate(trees):
            times[side].append(run(tree, args.data, out / "scratch"))
        print(f"pair {i + 1}: {args.a} {times[0][-1]:.2f} s, {args.b} {times[1][-1]:.2f} s, "
              f"ratio {times[1][-1] / times[0][-1]:.2f}", flush=True)
    for rev, t in zip((args.a, args.b), times):
        print(f"{rev}: median {statistics.median(t):.2f} s ({min(t):.2f}–{max(t):.2f})")


if __name__ == "__main__":
    main()
