"""Reproduce every figure of the performance goals (issue 18): an office's size and a province's.

Generates the two data sets (bench/generate.py), imports them with the
tracker CLI, builds a Taskwarrior data dir with the same tasks, then times
every command side by side, in rounds (each round runs every command once, so
that a slow spell of the machine hits all of them alike), and prints each
median against its goal:

    python bench/run.py                  # the full run (a few minutes)
    python bench/run.py --quick          # smoke test: tiny sizes, one round
    python bench/run.py --markdown bench/README-figures.md

Every command is a child process timed from spawn to exit with the wall clock;
its peak memory is its own ru_maxrss, read in one more run through a small
launcher (measure.MEMORY_PROBE). Generated data, databases and outputs go under
bench/out/ (git-ignored).
"""

from __future__ import annotations

import argparse
import json
import os
import shlex
import shutil
import sqlite3
import statistics
import sys
import sysconfig
from datetime import date
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))  # bench/ is not a package
import generate  # noqa: E402
from measure import Bench, Run, fmt_cmd, peak_memory_kib, run_once, run_rounds  # noqa: E402
from report import Row, load_average, loop_seconds, machine_info, markdown, ms, print_table, sanity  # noqa: E402
from taskwarrior import build_taskwarrior, install_taskwarrior, taskwarrior_version  # noqa: E402

BASELINE_CODE = "import typer, rich.table, rich.console, sqlite3"
MEMORY_GOAL_MIB = 150
IMPORT_MEMORY_GOAL_MIB = 300


def ensure_data(out: Path, tasks: int, months: int, regenerate: bool) -> dict:
    """Generate into `out` unless the same generator already wrote it there."""
    manifest_path = out / "manifest.json"
    if manifest_path.exists() and not regenerate:
        manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
        wanted = (tasks, months, generate.source_digest())
        if (manifest.get("tasks"), manifest.get("months"), manifest.get("source_sha1")) == wanted:
            print(f"  {out}: cached ({manifest['entries']} entries, generated in {manifest['seconds']} s)")
            return manifest
    manifest = generate.generate(tasks, months, out)
    print(f"  {out}: {manifest['tasks']} tasks, {manifest['entries']} entries, "
          f"generated in {manifest['seconds']} s")
    return manifest


def read_truth(out: Path) -> list[dict]:
    with open(out / "truth.jsonl", encoding="utf-8") as f:
        return [json.loads(line) for line in f]


def remove_db(db: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(str(db) + suffix).unlink(missing_ok=True)


def copy_db(src: Path, dst: Path) -> None:
    """A consistent copy, whatever journal mode tracker uses."""
    remove_db(dst)
    with sqlite3.connect(f"file:{src}?mode=ro", uri=True) as source, sqlite3.connect(dst) as target:
        source.backup(target)
    source.close()
    target.close()


def pick_log_task(truth: list[dict], plan_path: Path) -> tuple[str, str, str]:
    """A started, unfinished task with a metric: its id, `KEY=VALUE` and a note."""
    import tomllib

    with open(plan_path, "rb") as f:
        plan = tomllib.load(f)
    for row, task in zip(truth, plan["task"]):
        metrics = task.get("metric", [])
        if row["profile"] == "on_track" and metrics and row["start"] <= "2024-01-01":
            metric = metrics[0]
            value = metric["baseline"] + (metric["target"] - metric["baseline"]) / 2
            value = round(value, 2) if isinstance(metric["target"], float) else int(value)
            note = f"截至目前,累计完成{metric['name']}{value}{metric['unit']},工作正在有序推进,确保按期完成任务。"
            return task["id"], f"{metric['key']}={value}", note
    raise SystemExit("no task to log against in the office plan")


def tracker_command(override: str | None) -> list[str]:
    """The installed console script (not a pyenv shim), else `python -m tracker`."""
    if override:
        return shlex.split(override)
    script = Path(sysconfig.get_path("scripts")) / "tracker"
    if script.exists():
        return [str(script)]
    found = shutil.which("tracker")
    if found and "/shims/" not in found:
        return [found]
    return [sys.executable, "-m", "tracker"]


def tracker_env(today: str) -> dict[str, str]:
    # PYTHONDONTWRITEBYTECODE (set in some sandboxes) would make every run of an
    # editable install compile tracker's source again; a user's install has bytecode.
    env = {k: v for k, v in os.environ.items()
           if k not in ("TRACKER_TASKS", "TRACKER_DB", "TRACKER_LANG", "COLUMNS", "LINES", "NO_COLOR",
                        "PYTHONDONTWRITEBYTECODE")}
    env["TRACKER_TODAY"] = today
    env["TERM"] = env.get("TERM") if env.get("TERM") not in (None, "", "dumb") else "xterm-256color"
    return env


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true",
                        help="smoke test: tiny sizes, one round, Taskwarrior skipped when absent")
    parser.add_argument("--repeat", type=int, default=None, help="timed rounds (default 5; 1 with --quick)")
    parser.add_argument("--markdown", type=Path, help="also write the table as Markdown to this file")
    parser.add_argument("--tracker", help="the tracker command to run (default: the installed "
                        "console script, else `python -m tracker`)")
    parser.add_argument("--regenerate", action="store_true", help="regenerate the data even if cached")
    parser.add_argument("--no-taskwarrior", action="store_true", help="skip the Taskwarrior rows")
    parser.add_argument("--out", type=Path, default=HERE / "out", help="where generated data goes")
    args = parser.parse_args(argv)
    args.repeat = args.repeat or (1 if args.quick else 5)
    sizes = {"office": (30, 3), "province": (60, 3)} if args.quick else {"office": (300, 24), "province": (30000, 24)}
    out = args.out / "quick" if args.quick else args.out

    tracker = tracker_command(args.tracker)
    print("generating data")
    office_m = ensure_data(out / "office", *sizes["office"], args.regenerate)
    province_m = ensure_data(out / "province", *sizes["province"], args.regenerate)
    today = args.today = province_m["today"]
    last_month = province_m["last_month"]
    env = tracker_env(today)
    info = machine_info(tracker, env)
    print("machine: " + ", ".join(f"{k} {v}" for k, v in info.items()))
    rows: list[Row] = []
    extras: list[str] = []
    commands: list[str] = []
    tracker_ok = info["tracker"] != "not runnable"
    if not tracker_ok:
        print(f"  tracker is not runnable as `{fmt_cmd(tracker)}`: its rows will say ERROR")

    office, province = out / "office", out / "province"
    o_plan, p_plan = office / "tasks.toml", province / "tasks.toml"
    o_db, p_db, log_db = office / "tracker.db", province / "tracker.db", office / "log-copy.db"

    def t(plan: Path, db: Path, *rest: str) -> list[str]:
        return tracker + ["--tasks", str(plan), "--db", str(db), *rest]

    # Imports, timed one at a time, each into a new database, `sync`ed first (the last one's 280 MB written
    # out before the next is timed). The office's once (it makes the office's database); the province's
    # in rounds beside the floor's (bench/floor.py), after one untimed warm-up of each: tracker into a new
    # database (no plan cache: tasks.toml parsed), the floor, and tracker into an empty database whose plan
    # cache is warm (made by `tracker init` and `tracker status`).
    floor_cmd = [sys.executable, str(HERE / "floor.py")]
    p_jsonl, floor_db, cached_db = province / "entries.jsonl", province / "floor.db", province / "cached.db"
    empty_db = province / "empty" / "data" / "tracker.db"
    imports: dict[str, list[Run]] = {"new": [], "floor": [], "cached": []}
    import_peak_kib = None
    import_error = None

    def timed_import(key: str, cmd: list[str], db: Path, template: Path | None = None) -> Run | None:
        nonlocal import_error
        remove_db(db)
        if template is not None:
            copy_db(template, db)
        os.sync()
        result = run_once(cmd, env, province / "import.out")
        if result.returncode != 0:
            import_error = f"{key}: exit {result.returncode}: {result.stderr.strip()[-300:]}"
            print(f"  import failed: {import_error}")
            return None
        return result

    if tracker_ok:
        print("importing")
        cmd = t(o_plan, o_db, "import", str(office / "entries.jsonl"))
        commands.append(fmt_cmd(cmd))
        done = timed_import("office", cmd, o_db)
        if done:
            print(f"  office: {office_m['entries']} entries in {done.seconds:.2f} s")
        shutil.rmtree(province / "empty", ignore_errors=True)
        run_once(tracker + ["init", str(province / "empty")], env)
        # The plan parsed and cached in the empty database: status caches it (validate checks the cache
        # against tasks.toml but never writes it).
        run_once(t(p_plan, empty_db, "status", "--format", "json"), env)
        cmds = {"new": t(p_plan, p_db, "import", str(p_jsonl)),
                "floor": floor_cmd + ["import", str(p_jsonl), str(floor_db)],
                "cached": t(p_plan, cached_db, "import", str(p_jsonl))}
        dbs = {"new": (p_db, None), "floor": (floor_db, None), "cached": (cached_db, empty_db)}
        commands += [fmt_cmd(cmds["floor"]), fmt_cmd(cmds["new"]),
                     fmt_cmd(cmds["cached"]) + f"   # into a copy of {fmt_cmd([str(empty_db)])}"]
        rounds = 1 + min(args.repeat, 3)
        for rep in range(rounds):
            for key in ("new", "floor", "cached"):
                done = timed_import(key, cmds[key], *dbs[key])
                if done is None:
                    break
                print(f"  province {key:6}: {province_m['entries']} entries in {done.seconds:.2f} s"
                      + (" (warm-up, not counted)" if rep == 0 else ""))
                if rep:
                    imports[key].append(done)
            if import_error:
                break
        if not import_error:  # the database status and check read is the last import into a new one
            remove_db(p_db)
            os.sync()
            import_peak_kib = peak_memory_kib(cmds["new"], env, province / "import.out")
            if not p_db.exists():
                import_error = "new: the memory probe's import failed"
    tracker_ok = tracker_ok and import_error is None

    benches: list[Bench] = [Bench("baseline", [sys.executable, "-c", BASELINE_CODE],
                                  {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"})]
    commands.insert(0, fmt_cmd(benches[0].argv))
    if tracker_ok:
        log_id, log_set, log_note = pick_log_task(read_truth(office), o_plan)
        copy_db(o_db, log_db)
        benches += [
            Bench("office_status", t(o_plan, o_db, "status", "--month", last_month), env, "pty"),
            Bench("office_log", t(o_plan, log_db, "log", log_id, "--set", log_set, "--note", log_note, "--yes",
                                  "--by", "bench"), env, "pty"),
            Bench("province_status", t(p_plan, p_db, "status", "--format", "json"), env,
                  province / "status.json"),
            Bench("province_check", t(p_plan, p_db, "check", "--format", "json"), env,
                  province / "check.json", ok_codes=(0, 1)),
            Bench("province_validate", t(p_plan, p_db, "validate"), env),
            Bench("floor_rehash", floor_cmd + ["rehash", str(p_db)], env),
        ]
        commands += [fmt_cmd(b.argv) + ("   # under a pseudo-terminal" if b.output == "pty" else
                                        f"   > {fmt_cmd([str(b.output)])}" if b.output != "devnull" else "")
                     for b in benches[1:]]

    tw_version = None if args.no_taskwarrior else taskwarrior_version()
    if tw_version is None and not args.no_taskwarrior and not args.quick:  # --quick (the smoke test) installs nothing
        tw_version = install_taskwarrior()
    if tw_version:
        print(f"building the Taskwarrior {tw_version} data dir")
        tw_env, tw_info = build_taskwarrior(read_truth(province), date.fromisoformat(today),
                                            out / "taskwarrior")
        print(f"  {tw_info['tasks']} tasks ({tw_info['pending']} pending, {tw_info['completed']} completed) "
              f"imported in {tw_info['import_seconds']:.2f} s")
        extras.append(f"Taskwarrior `task import` of {tw_info['tasks']} tasks: {tw_info['import_seconds']:.2f} s "
                      f"({tw_info['pending']} pending, {tw_info['completed']} completed)")
        # Taskwarrior's own defaults: output to /dev/null is 80 columns wide
        # without colour; rc.defaultwidth=0 or 160 and rc.gc=off were measured
        # no faster.
        # Exit 1 is Taskwarrior's "no matches".
        benches += [Bench("tw_list", ["task", "list"], tw_env, ok_codes=(0, 1)),
                    Bench("tw_overdue", ["task", "overdue"], tw_env, ok_codes=(0, 1))]
        commands += [f"TASKRC={fmt_cmd([tw_env['TASKRC']])} " + fmt_cmd(b.argv) + " > /dev/null"
                     for b in benches[-2:]]
    elif not args.no_taskwarrior and not args.quick:
        print("  Taskwarrior could not be installed: its rows are skipped (and the run fails)")

    print(f"timing: 1 warm-up and {args.repeat} round(s) of {len(benches)} commands")
    run_rounds(benches, args.repeat)
    b = {bench.key: bench for bench in benches}
    for bench in benches:
        peak = "?" if bench.peak_mib is None else f"{bench.peak_mib:.0f}"
        state = bench.error or f"median {ms(bench.median)}, peak {peak} MiB"
        print(f"  {bench.key:16} {state}")

    base = b["baseline"].median

    def versus(key: str, scale: str, what: str, factor: float, goal_text: str, ref: float | None) -> None:
        bench = b.get(key)
        if bench is None or bench.error or ref is None:
            note = ("ERROR " + bench.error) if bench and bench.error else (
                "ERROR tracker not runnable" if not tracker_ok else "reference not measured")
            rows.append(Row(scale, what, ms(bench.median) if bench else "–", goal_text, None, note))
            return
        rows.append(Row(scale, what, ms(bench.median), goal_text, bench.median / (ref * factor)))

    versus("office_status", "office", "`tracker status` (terminal table)", 1.3, f"≤ 1.3 × {ms(base)}", base)
    versus("office_log", "office", "`tracker log` of one entry", 1.5, f"≤ 1.5 × {ms(base)}", base)
    tw_list = b["tw_list"].median if "tw_list" in b else None
    tw_overdue = b["tw_overdue"].median if "tw_overdue" in b else None
    versus("province_status", "province", "`tracker status --format json`", 1.0,
           f"< {ms(tw_list)} (`task list`)", tw_list)
    versus("province_check", "province", "`tracker check --format json`", 1.0,
           f"< {ms(tw_overdue)} (`task overdue`)", tw_overdue)
    status_bench = b.get("province_status")
    if status_bench and status_bench.peak_mib is not None:
        rows.append(Row("province", "peak memory of `status --format json`", f"{status_bench.peak_mib:.0f} MiB",
                        f"≤ {MEMORY_GOAL_MIB} MiB", status_bench.peak_mib / MEMORY_GOAL_MIB))
    else:
        rows.append(Row("province", "peak memory of `status --format json`", "–", f"≤ {MEMORY_GOAL_MIB} MiB",
                        None, "ERROR not measured"))
    floor_s = statistics.median(r.seconds for r in imports["floor"]) if imports["floor"] else None
    for key, what in (("new", "new log"), ("cached", "plan cached")):
        label = f"`tracker import` ({what})"
        if imports[key] and floor_s:
            seconds = statistics.median(r.seconds for r in imports[key])
            rows.append(Row("province", label, f"{seconds:.2f} s", f"≤ 1.5 × {floor_s:.2f} s (floor)",
                            seconds / (1.5 * floor_s)))
        else:
            rows.append(Row("province", label, "–", "≤ 1.5 × the floor", None,
                            "ERROR " + (import_error or "tracker not runnable")))
    if import_peak_kib is not None:
        rows.append(Row("province", "peak memory of `import` (new log)", f"{import_peak_kib / 1024:.0f} MiB",
                        f"≤ {IMPORT_MEMORY_GOAL_MIB} MiB", import_peak_kib / 1024 / IMPORT_MEMORY_GOAL_MIB))
    else:
        rows.append(Row("province", "peak memory of `import` (new log)", "–",
                        f"≤ {IMPORT_MEMORY_GOAL_MIB} MiB", None, "ERROR not measured"))
    versus("province_validate", "province", "`tracker validate`", 1.5,
           f"≤ 1.5 × {ms(b['floor_rehash'].median) if 'floor_rehash' in b else '–'} (floor rehash)",
           b["floor_rehash"].median if "floor_rehash" in b and not b["floor_rehash"].error else None)

    for key in imports:
        if imports[key]:
            extras.append(f"province imports, {key}: " + ", ".join(f"{r.seconds:.2f}" for r in imports[key]) + " s")
    extras.append(f"baseline `python -c \"{BASELINE_CODE}\"`: {ms(base)}")
    for key, label in (("tw_list", "`task list`"), ("tw_overdue", "`task overdue`")):
        if key in b and b[key].runs and b[key].peak_mib is not None:
            extras.append(f"Taskwarrior {label}: {ms(b[key].median)}, peak {b[key].peak_mib:.0f} MiB")
    if "province_check" in b and b["province_check"].peak_mib is not None:
        extras.append(f"tracker `check --format json` peak memory: {b['province_check'].peak_mib:.0f} MiB")
    if tracker_ok and (province / "status.json").exists():
        extras += sanity(province / "status.json", read_truth(province))

    info["load at the end"] = load_average()
    info["python loop at the end"] = loop_seconds()
    print_table(rows)
    print(f"  load average at the start {info['load']}, at the end {info['load at the end']}")
    print(f"  a 10-million-step Python loop: {info['python loop']} at the start, "
          f"{info['python loop at the end']} at the end")
    for line in extras:
        print("  " + line)
    if args.markdown:
        args.markdown.write_text(markdown(rows, info, extras, commands, args), encoding="utf-8")
        print(f"wrote {args.markdown}")
    return 0 if all(row.result == "PASS" for row in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
