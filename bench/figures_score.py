"""Precision and recall of tracker.core.figures on tests/figures/phrases.tsv, part by part.

    python bench/figures_score.py                 # every part
    python bench/figures_score.py --part tuning   # one part
    python bench/figures_score.py --misses        # also list the rows read wrong or missed

How rows are scored: tests/figure_phrases.py.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from figure_phrases import load, score  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--part", action="append", help="tuning, held_out (default: every part)")
    ap.add_argument("--misses", action="store_true", help="list the rows read wrong or missed")
    args = ap.parse_args(argv)
    rows = load()
    parts = args.part or list(dict.fromkeys(r.part for r in rows))
    for part in parts:
        some = [r for r in rows if r.part == part]
        t, v = score(some)
        print(f"{part:9} {len(some):4} rows  targets: precision {t.precision:6.1%} recall {t.recall:6.1%} "
              f"({t.right}/{t.present}, {t.wrong} wrong, names as written {t.names_same}/{t.right})  "
              f"values: precision {v.precision:6.1%} recall {v.recall:6.1%} ({v.right}/{v.present}, {v.wrong} wrong)")
        if args.misses:
            for row, got in t.misses + v.misses:
                want = row.expected
                print(f"  {row.line}: {row.kind} {row.text[:60]!r} {row.name} {row.unit}: want {want}, got {got}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
