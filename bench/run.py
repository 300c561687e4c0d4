"""Reproduce every figure of issue 6, "Fast at an office's size and at a province's".

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
launcher (MEMORY_PROBE). Generated data, databases and outputs go under
bench/out/ (git-ignored).
"""

from __future__ import annotations

import argparse
import fcntl
import hashlib
import json
import os
import platform
import shlex
import shutil
import sqlite3
import statistics
import struct
import subprocess
import sys
import sysconfig
import tempfile
import termios
import threading
import time
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
import generate  # noqa: E402  (bench/ is not a package)

BASELINE_CODE = "import typer, rich.table, rich.console, sqlite3"
PTY_COLUMNS, PTY_ROWS = 160, 48
IMPORT_GOAL = 100_000  # entries a second
MEMORY_GOAL_MIB = 150


# --------------------------------------------------------------------- running


@dataclass
class Run:
    seconds: float
    maxrss_kib: int
    returncode: int
    stderr: str
    output_bytes: int = 0


def _drain(fd: int, sink: list[int]) -> None:
    while True:
        try:
            chunk = os.read(fd, 65536)
        except OSError:  # EIO: the child closed the terminal
            return
        if not chunk:
            return
        sink[0] += len(chunk)


def run_once(argv: list[str], env: dict[str, str], output: str | Path = "devnull",
             cwd: Path = ROOT) -> Run:
    """Run argv once; `output` is "devnull", "pty" or a file path for stdout."""
    with tempfile.TemporaryFile() as err:
        master = slave = None
        sink = [0]
        reader = None
        stdout_file = None
        if output == "pty":
            master, slave = os.openpty()
            fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", PTY_ROWS, PTY_COLUMNS, 0, 0))
            stdout, stdin = slave, slave
            reader = threading.Thread(target=_drain, args=(master, sink), daemon=True)
            reader.start()
        elif output == "devnull":
            stdout, stdin = subprocess.DEVNULL, subprocess.DEVNULL
        else:
            stdout_file = open(output, "wb")
            stdout, stdin = stdout_file, subprocess.DEVNULL
        began = time.perf_counter()
        proc = subprocess.Popen(argv, stdin=stdin, stdout=stdout, stderr=err, env=env, cwd=cwd)
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - began
        proc.returncode = os.waitstatus_to_exitcode(status)
        if slave is not None:
            os.close(slave)
            reader.join(timeout=10)
            os.close(master)
        if stdout_file is not None:
            stdout_file.close()
            sink[0] = Path(output).stat().st_size
        err.seek(0)
        stderr = err.read().decode("utf-8", "replace")
    return Run(seconds, usage.ru_maxrss, proc.returncode, stderr, sink[0])


# Peak memory is read in a pass of its own, through this small launcher: a
# child's ru_maxrss also counts the memory of the process that spawned it, up
# to its exec, and run.py itself holds the data of a whole province.
MEMORY_PROBE = """\
import os, sys
pid = os.fork()
if pid == 0:
    os.execvp(sys.argv[1], sys.argv[1:])
_, status, usage = os.wait4(pid, 0)
print(usage.ru_maxrss, file=sys.stderr)
sys.exit(os.waitstatus_to_exitcode(status))
"""


def peak_memory_kib(argv: list[str], env: dict[str, str], output: str | Path = "devnull") -> int | None:
    """The command's own peak resident memory, in KiB (None when it failed)."""
    result = run_once([sys.executable, "-c", MEMORY_PROBE, *argv], env, output)
    try:
        return int(result.stderr.strip().splitlines()[-1])
    except (ValueError, IndexError):
        return None


@dataclass
class Bench:
    """One timed command; its runs accumulate over the rounds."""

    key: str
    argv: list[str]
    env: dict[str, str]
    output: str | Path = "devnull"
    ok_codes: tuple[int, ...] = (0,)
    runs: list[Run] = field(default_factory=list)
    error: str | None = None
    peak_kib: int | None = None

    def run(self) -> None:
        if self.error:
            return
        result = run_once(self.argv, self.env, self.output)
        if result.returncode not in self.ok_codes:
            last = result.stderr.strip().splitlines()[-1:] or [""]
            self.error = f"exit {result.returncode}: {last[0][:200]}"
            return
        self.runs.append(result)

    @property
    def median(self) -> float | None:
        return statistics.median(r.seconds for r in self.runs) if self.runs else None

    @property
    def peak_mib(self) -> float | None:
        return self.peak_kib / 1024 if self.peak_kib is not None else None

    def measure_memory(self) -> None:
        if not self.error:
            self.peak_kib = peak_memory_kib(self.argv, self.env, self.output)


def run_rounds(benches: list[Bench], repeat: int) -> None:
    """One untimed warm-up run of each, `repeat` timed rounds of all, then one memory pass."""
    for bench in benches:
        bench.run()
        bench.runs.clear()
    for _ in range(repeat):
        for bench in benches:
            bench.run()
    for bench in benches:
        bench.measure_memory()


def fmt_cmd(argv: list[str]) -> str:
    return " ".join(shlex.quote(a) for a in argv)


# --------------------------------------------------------------------- data


def ensure_data(out: Path, tasks: int, months: int, regenerate: bool) -> dict:
    """Generate into `out` unless the same generator already wrote it there."""
    manifest_path = out / "manifest.json"
    if manifest_path.exists() and not regenerate:
        manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
        source = hashlib.sha1(Path(generate.__file__).read_bytes()).hexdigest()
        if (manifest.get("tasks"), manifest.get("months"), manifest.get("source_sha1")) == (tasks, months, source):
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


# --------------------------------------------------------------------- Taskwarrior


def taskwarrior_version() -> str | None:
    task = shutil.which("task")
    if not task:
        return None
    try:
        return subprocess.run([task, "--version"], capture_output=True, text=True, timeout=30).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return None


def taskwarrior_tasks(truth: list[dict], today: date, now: datetime) -> list[dict]:
    """The generated tasks as Taskwarrior import objects.

    Taskwarrior has no TRACKER_TODAY, so every date is shifted by (now − today):
    a task overdue for tracker as of `today` is overdue for Taskwarrior now.
    Tasks done by the last month are `completed`, the others `pending`.
    """
    shift = now - datetime(today.year, today.month, today.day, tzinfo=timezone.utc)

    def stamp(day: str, hour: int = 0) -> str:
        moment = datetime.fromisoformat(day).replace(hour=hour, tzinfo=timezone.utc) + shift
        return min(moment, now - timedelta(hours=1) if hour else moment).strftime("%Y%m%dT%H%M%SZ")

    tasks = []
    for row in truth:
        n = int(row["id"])
        task = {
            "uuid": f"{n:08x}-0000-4000-8000-{n:012x}",
            "description": row["title"],
            "project": row["unit"],
            "entry": stamp(row["start"]),
            "due": stamp(row["due"]),
            "status": "pending",
        }
        if row["category"]:
            task["tags"] = [row["category"]]
        if row["done_month"]:
            year, month = map(int, row["done_month"].split("-"))
            end = date(year, month, 28).isoformat()
            task["status"] = "completed"
            task["end"] = stamp(end, hour=12)
        tasks.append(task)
    return tasks


TASKRC = """\
# Taskwarrior configuration for bench/run.py: no prompts, no chatter.
data.location={data}
confirmation=off
verbose=nothing
color=off
hooks=off
news.version={version}
"""


def build_taskwarrior(truth: list[dict], today: date, work: Path) -> tuple[dict[str, str], dict]:
    """A fresh Taskwarrior data dir holding the tasks; its env and import figures."""
    shutil.rmtree(work, ignore_errors=True)
    (work / "data").mkdir(parents=True)
    version = (taskwarrior_version() or "2.6.2").split()[0]
    (work / "taskrc").write_text(TASKRC.format(data=work / "data", version=version), encoding="utf-8")
    env = dict(os.environ, TASKRC=str(work / "taskrc"), TASKDATA=str(work / "data"))
    tasks = taskwarrior_tasks(truth, today, datetime.now(timezone.utc).replace(microsecond=0))
    (work / "tasks.json").write_text(json.dumps(tasks, ensure_ascii=False), encoding="utf-8")
    result = run_once(["task", "import", str(work / "tasks.json")], env)
    if result.returncode != 0:
        raise RuntimeError(f"task import failed: {result.stderr.strip()[:500]}")
    info = {"tasks": len(tasks), "import_seconds": result.seconds,
            "pending": sum(t["status"] == "pending" for t in tasks),
            "completed": sum(t["status"] == "completed" for t in tasks)}
    return env, info


# --------------------------------------------------------------------- tracker


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
    env = {k: v for k, v in os.environ.items()
           if k not in ("TRACKER_TASKS", "TRACKER_DB", "TRACKER_LANG", "COLUMNS", "LINES", "NO_COLOR")}
    env["TRACKER_TODAY"] = today
    env["TERM"] = env.get("TERM") if env.get("TERM") not in (None, "", "dumb") else "xterm-256color"
    return env


# --------------------------------------------------------------------- report


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
    }


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
    lines += ["Commands (tracker runs with `TRACKER_TODAY` set to the last generated month):", "", "```"]
    lines += commands + ["```", ""]
    return "\n".join(lines)


# --------------------------------------------------------------------- main


def ms(seconds: float | None) -> str:
    return "–" if seconds is None else f"{seconds * 1000:.0f} ms"


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
    today = province_m["today"]
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

    # Imports: timed one at a time, each into a fresh database.
    import_runs: list[Run] = []
    import_error = None
    if tracker_ok:
        print("importing")
        for plan, db, m, reps in ((o_plan, o_db, office_m, 1), (p_plan, p_db, province_m, min(args.repeat, 3))):
            cmd = t(plan, db, "import", str(plan.parent / "entries.jsonl"))
            commands.append(fmt_cmd(cmd))
            for _ in range(reps):
                remove_db(db)
                result = run_once(cmd, env, plan.parent / "import.out")
                if result.returncode != 0:
                    import_error = f"exit {result.returncode}: {result.stderr.strip()[-300:]}"
                    print(f"  import failed: {import_error}")
                    break
                print(f"  {plan.parent.name}: {m['entries']} entries in {result.seconds:.2f} s "
                      f"({m['entries'] / result.seconds:,.0f}/s)")
                if db == p_db:
                    import_runs.append(result)
            if import_error:
                break
    tracker_ok = tracker_ok and import_error is None

    benches: list[Bench] = [Bench("baseline", [sys.executable, "-c", BASELINE_CODE], dict(os.environ))]
    commands.insert(0, fmt_cmd(benches[0].argv))
    if tracker_ok:
        log_id, log_set, log_note = pick_log_task(read_truth(office), o_plan)
        copy_db(o_db, log_db)
        benches += [
            Bench("office_status", t(o_plan, o_db, "status", "--month", last_month), env, "pty"),
            Bench("office_log", t(o_plan, log_db, "log", log_id, "--set", log_set, "--note", log_note,
                                  "--by", "bench"), env, "pty"),
            Bench("province_status", t(p_plan, p_db, "status", "--format", "json"), env,
                  province / "status.json"),
            Bench("province_check", t(p_plan, p_db, "check", "--format", "json"), env,
                  province / "check.json", ok_codes=(0, 1)),
        ]
        commands += [fmt_cmd(b.argv) + ("   # under a pseudo-terminal" if b.output == "pty" else
                                        f"   > {b.output}" if b.output != "devnull" else "")
                     for b in benches[1:]]

    tw_version = None if args.no_taskwarrior else taskwarrior_version()
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
        commands += [f"TASKRC={tw_env['TASKRC']} " + fmt_cmd(b.argv) + " > /dev/null" for b in benches[-2:]]
    elif not args.no_taskwarrior and not args.quick:
        print("  Taskwarrior is not installed (apt-get install -y taskwarrior): its rows are skipped")

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
    if import_runs:
        seconds = statistics.median(r.seconds for r in import_runs)
        rate = province_m["entries"] / seconds
        rows.append(Row("province", f"`tracker import` of {province_m['entries']:,} entries (JSONL)",
                        f"{rate:,.0f}/s", f"≥ {IMPORT_GOAL:,}/s", IMPORT_GOAL / rate))
    else:
        rows.append(Row("province", "`tracker import` (JSONL)", "–", f"≥ {IMPORT_GOAL:,}/s", None,
                        "ERROR " + (import_error or "tracker not runnable")))

    extras.append(f"baseline `python -c \"{BASELINE_CODE}\"`: {ms(base)}")
    for key, label in (("tw_list", "`task list`"), ("tw_overdue", "`task overdue`")):
        if key in b and b[key].runs and b[key].peak_mib is not None:
            extras.append(f"Taskwarrior {label}: {ms(b[key].median)}, peak {b[key].peak_mib:.0f} MiB")
    if "province_check" in b and b["province_check"].peak_mib is not None:
        extras.append(f"tracker `check --format json` peak memory: {b['province_check'].peak_mib:.0f} MiB")
    if tracker_ok and (province / "status.json").exists():
        extras += sanity(province / "status.json", read_truth(province))

    info["load at the end"] = load_average()
    print_table(rows)
    print(f"  load average at the start {info['load']}, at the end {info['load at the end']}")
    for line in extras:
        print("  " + line)
    if args.markdown:
        args.markdown.write_text(markdown(rows, info, extras, commands, args), encoding="utf-8")
        print(f"wrote {args.markdown}")
    return 0 if all(row.result == "PASS" for row in rows) else 1


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


if __name__ == "__main__":
    sys.exit(main())
