"""Try to break tracker's log, and report what happened (issue 5's figures for the README).

    python bench/stress.py              # the full run: a few minutes
    python bench/stress.py --quick      # smoke test: small sizes
    python bench/stress.py --writers 8 --logs 25 --appends 500 --import-size 200000

Phases, each on a fresh project under bench/out/stress/ (git-ignored):

1. writers — N processes each run M `tracker log` one after another, all at once,
   on a database none of them found; then N processes × A appends through the
   library (a new connection per append, as the CLI does), for more contention
   than process start-up allows. Every acknowledged entry must be there once;
   any "database is locked" is counted; integrity and `validate` must pass.
2. kill -9 — a large `tracker import` is killed at several points of its write
   transaction (by the size its WAL has reached); after each kill the log must
   hold all of the import or none of it, with integrity `ok`.
3. backup — `tracker backup` taken again and again while N writers run; each
   copy must pass integrity and `validate` and be a prefix of the final log.
4. tamper — on a copy of the large log: edit, delete in the middle, delete the
   tail, rewrite with hashes recomputed, forge an entry, plant a trigger, edit
   the cached plan, empty the heads, edit a derived series; `validate` must
   exit 2 naming it each time. Also times `validate` on the large log.
5. files — four `tracker backup` to one name at once, again and again (one
   wins, the others say "already exists"); `export -o` and `backup` killed
   mid-write (the next write there removes what they left); the database,
   its -wal, tasks.toml and a device as `-o` targets (refused).

Bounded: every child process has a timeout; nothing here waits forever.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))
from tracker import store
from tracker.store.chain import entry_hash
from tracker.store import check as storecheck  # noqa: E402

TIMEOUT = 600
PLAN = """\
[plan]
title = "压力测试"
year = 2024

[[task]]
id = "1"
title = "新建区域性居家养老服务中心100个"
unit = "市民政局"

[[task.metric]]
key = "centres"
unit = "个"
target = 100

[[task]]
id = "2"
title = "提高城乡低保救助标准"
unit = "市民政局"
"""


def env() -> dict:
    e = {k: v for k, v in os.environ.items() if not k.startswith("TRACKER_")}
    e.update(TRACKER_TODAY="2024-08-20", TRACKER_BY="stress", PYTHONPATH=str(ROOT))
    return e


def tracker(cwd: Path, *args: str, timeout: float = TIMEOUT) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "tracker", *args], cwd=cwd, env=env(),
                          capture_output=True, text=True, timeout=timeout)


def fresh(root: Path, name: str) -> Path:
    folder = root / name
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    (folder / "tasks.toml").write_text(PLAN, encoding="utf-8")
    return folder


def db(folder: Path) -> Path:
    return folder / "data" / "tracker.db"


def query(folder: Path, sql: str, params=()):
    conn = sqlite3.connect(db(folder))
    try:
        return conn.execute(sql, params).fetchall()
    finally:
        conn.close()


def check(ok: bool, what: str, failures: list[str]) -> str:
    if not ok:
        failures.append(what)
    return "ok" if ok else "FAILED"


# --- 1. writers ------------------------------------------------------------------------------


def cli_writer(folder: Path, w: int, logs: int) -> list[tuple[str, int, str]]:
    out = []
    for i in range(logs):
        note = f"w{w}-{i}"
        r = tracker(folder, "log", "1", "--set", f"centres={i % 100}", "--note", note)
        out.append((note, r.returncode, r.stderr.strip()))
    return out


APPENDER = """
import sys, uuid
from tracker import store
path, w, n = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
for i in range(n):
    conn = store.open_write(path)
    e = store.Entry(uuid.uuid4().hex, "2", 2024 * 12 + 7, "", "stress", {}, None, "ongoing", f"a{w}-{i}")
    store.append(conn, [e], stamp=lambda: "2024-08-20T00:00:00.000000Z")
    conn.close()
    print(f"a{w}-{i}", flush=True)  # acknowledged
"""


def phase_writers(root: Path, writers: int, logs: int, appends: int, failures: list[str]) -> dict:
    folder = fresh(root, "writers")
    start = time.perf_counter()
    with ThreadPoolExecutor(writers) as pool:
        results = [r for rs in pool.map(lambda w: cli_writer(folder, w, logs), range(writers)) for r in rs]
    cli_seconds = time.perf_counter() - start
    acked = [note for note, code, _ in results if code == 0]
    # A run's notices on stderr (the one that started the log says so; a writer that waited says so) are no failure.
    notices = ("started a new log at ", ": another tracker is writing; waiting for it to finish…")
    said = [[ln for ln in err.splitlines() if not any(n in ln for n in notices)] for _, _, err in results]
    errors = [err for (_, code, err), rest in zip(results, said) if code != 0 or rest]
    locked = sum("locked" in e or "busy" in e for e in errors)

    start = time.perf_counter()
    procs = [subprocess.Popen([sys.executable, "-c", APPENDER, str(db(folder)), str(w), str(appends)],
                              env=env(), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for w in range(writers)]
    lib_acked, lib_errors = [], []
    for p in procs:
        out, err = p.communicate(timeout=TIMEOUT)
        lib_acked += out.split()
        if p.returncode or err.strip():
            lib_errors.append(err.strip().splitlines()[-1] if err.strip() else f"exit {p.returncode}")
    lib_seconds = time.perf_counter() - start

    notes = [n for (n,) in query(folder, "SELECT note FROM entries WHERE note IS NOT NULL")]
    counts: dict[str, int] = {}
    for n in notes:
        counts[n] = counts.get(n, 0) + 1
    lost = [n for n in acked + lib_acked if counts.get(n, 0) != 1]
    total, distinct = query(folder, "SELECT count(*), count(DISTINCT id) FROM entries")[0]
    integrity = query(folder, "PRAGMA integrity_check")[0][0]
    validate = tracker(folder, "validate")
    return {
        "writers": writers, "logs_each": logs, "appends_each": appends,
        "cli_acknowledged": len(acked), "cli_failed": len(errors), "cli_seconds": round(cli_seconds, 1),
        "lib_acknowledged": len(lib_acked), "lib_failed": len(lib_errors), "lib_seconds": round(lib_seconds, 1),
        "locked_errors": locked + sum("locked" in e for e in lib_errors),
        "entries": total, "distinct_ids": distinct, "lost_or_doubled": len(lost),
        "integrity": integrity, "validate": validate.returncode,
        "verdict": check(not errors and not lib_errors and not lost and total == distinct
                         == len(acked) + len(lib_acked) and integrity == "ok" and validate.returncode == 0,
                         "writers", failures),
    }


# --- 2. kill -9 during a large import ---------------------------------------------------------


def jsonl(n: int) -> str:
    lines = []
    for i in range(n):
        lines.append(json.dumps({
            "id": f"imp-{i:07d}", "task": "1", "month": f"2024-0{1 + i % 8}",
            "recorded_at": f"2024-0{1 + i % 8}-28T09:00:00Z", "by": "导入", "values": {"centres": i % 100},
            "note": f"截至目前,全市新建区域性居家养老服务中心{i % 100}个(第{i}条)。",
        }, ensure_ascii=False))
    return "\n".join(lines) + "\n"


def wal_size(folder: Path) -> int:
    try:
        return os.path.getsize(f"{db(folder)}-wal")
    except FileNotFoundError:
        return 0


def phase_kill(root: Path, size: int, failures: list[str]) -> tuple[dict, Path]:
    folder = fresh(root, "kill")
    (folder / "big.jsonl").write_text(jsonl(size), encoding="utf-8")
    for i in range(3):
        tracker(folder, "log", "1", "--set", f"centres={i}")
    tracker(folder, "status")  # warm the plan cache: from here on, only the import writes
    before = query(folder, "SELECT count(*) FROM entries")[0][0]
    trials = []
    for threshold in (1, 1 << 20, 8 << 20, 32 << 20, 10 ** 12):
        started = time.perf_counter()
        proc = subprocess.Popen([sys.executable, "-m", "tracker", "import", "big.jsonl"], cwd=folder, env=env(),
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        deadline = time.monotonic() + TIMEOUT
        peak = 0
        while proc.poll() is None and time.monotonic() < deadline:
            peak = max(peak, wal_size(folder))
            if peak >= threshold:
                break
            time.sleep(0.001)
        finished = proc.poll() is not None
        seconds = round(time.perf_counter() - started, 1)
        proc.send_signal(signal.SIGKILL)
        proc.communicate(timeout=TIMEOUT)
        count = query(folder, "SELECT count(*) FROM entries")[0][0]
        integrity = query(folder, "PRAGMA integrity_check")[0][0]
        outcome = "none" if count == before else "all" if count == before + size else f"PART ({count - before})"
        trials.append({"killed_at_wal_bytes": None if finished else peak, "after_seconds": seconds, "finished_first": finished,
                       "outcome": outcome, "integrity": integrity})
        if count != before:
            break  # it committed: the rest of the trials would only add nothing
    whole = all(t["outcome"] in ("none", "all") and t["integrity"] == "ok" for t in trials)
    if trials[-1]["outcome"] == "none":  # every kill landed in time: the import, once more, to the end
        start = time.perf_counter()
        r = tracker(folder, "import", "big.jsonl")
        import_seconds = round(time.perf_counter() - start, 1)
        whole = whole and r.returncode == 0
    else:
        import_seconds = trials[-1]["after_seconds"]
    validate = tracker(folder, "validate")
    return {
        "import_size": size, "trials": trials, "full_import_seconds": import_seconds,
        "entries_after": query(folder, "SELECT count(*) FROM entries")[0][0], "validate": validate.returncode,
        "verdict": check(whole and validate.returncode == 0, "kill -9", failures),
    }, folder


# --- 3. backups while writers run ----------------------------------------------------------------


def phase_backup(root: Path, writers: int, logs: int, failures: list[str]) -> dict:
    folder = fresh(root, "backup")
    tracker(folder, "log", "1", "--set", "centres=1")
    backups = []
    with ThreadPoolExecutor(writers + 1) as pool:
        jobs = [pool.submit(cli_writer, folder, w, logs) for w in range(writers)]
        k = 0
        while not all(j.done() for j in jobs):
            path = folder / "backups" / f"b{k:03d}.db"
            r = tracker(folder, "backup", str(path))
            backups.append((path, r.returncode))
            k += 1
        write_errors = [err for j in jobs for _, code, err in j.result() if code or err]
    final = dict(query(folder, "SELECT seq, hash FROM entries"))
    good = 0
    sizes = []
    for path, code in backups:
        if code != 0:
            continue
        conn = sqlite3.connect(path)
        copied = dict(conn.execute("SELECT seq, hash FROM entries"))
        ok = conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        conn.close()
        prefix = list(copied) == list(range(1, len(copied) + 1)) and all(final.get(s) == h for s, h in copied.items())
        valid = tracker(folder, "--db", str(path), "validate").returncode == 0
        good += ok and prefix and valid
        sizes.append(len(copied))
    return {
        "backups": len(backups), "consistent": good, "entries_in_backups": f"{min(sizes, default=0)}–{max(sizes, default=0)}",
        "final_entries": len(final), "writer_errors": len(write_errors),
        "verdict": check(good == len(backups) > 0 and not write_errors, "backup", failures),
    }


# --- 4. tampering ---------------------------------------------------------------------------------


def _drop_guards(conn):
    for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'").fetchall():
        conn.execute(f"DROP TRIGGER {name}")


def _rewrite(conn, seq):
    conn.execute("UPDATE entries SET figures = json_set(figures, '$[0][1]', figures ->> '$[0][1]' + 1) WHERE seq = ?",
                 (seq,))
    prev = conn.execute("SELECT hash FROM entries WHERE seq = ?", (seq - 1,)).fetchone()[0]
    for e in storecheck.chain_rows(conn):
        if e.seq >= seq:
            prev = e.rehash(prev)
            conn.execute("UPDATE entries SET hash = ? WHERE seq = ?", (prev, e.seq))


def _forge(conn, last):
    prev = conn.execute("SELECT hash FROM entries WHERE seq = ?", (last,)).fetchone()[0]
    e = store.Entry("forged", "1", 2024 * 12 + 7, "2024-08-31T00:00:00.000000Z", "x", {"centres": 100.0})
    conn.execute("INSERT INTO entries (seq, id, task, month, by, recorded_at, hash, figures) "
                 "VALUES (?, ?, '1', '2024-08', 'x', ?, ?, '[[\"centres\",100]]')",
                 (last + 1, e.id, e.recorded_at, entry_hash(prev, e)))


def phase_tamper(root: Path, source: Path, failures: list[str]) -> dict:
    last = query(source, "SELECT max(seq) FROM entries")[0][0]
    mid = last // 2
    start = time.perf_counter()
    clean = tracker(source, "validate")
    validate_seconds = round(time.perf_counter() - start, 1)
    cases = {
        "edit a value": (lambda c: c.execute("UPDATE entries SET figures = json_set(figures, '$[0][1]', 99) WHERE seq = ?", (mid,)), f"#{mid},"),
        "edit a note": (lambda c: c.execute("UPDATE entries SET note = '已完成' WHERE seq = ?", (mid,)), f"#{mid},"),
        "delete in the middle": (lambda c: c.execute("DELETE FROM entries WHERE seq = ?", (mid,)), f"entry #{mid} is missing"),
        "delete the tail": (lambda c: c.execute("DELETE FROM entries WHERE seq > ?", (last - 10,)), "missing at the end"),
        "rewrite, hashes recomputed": (lambda c: _rewrite(c, last - 1), "rewritten behind tracker's back"),
        "forge an entry": (lambda c: _forge(c, last), "recorded by no append"),
        "plant a trigger that drops reports": (lambda c: c.execute(
            "CREATE TRIGGER keep_out BEFORE INSERT ON entries WHEN NEW.task = '1' BEGIN SELECT RAISE(IGNORE); END"),
            "was not put there by tracker"),
        "edit the cached plan (a title)": (lambda c: c.execute(
            "UPDATE plan_cache SET data = json_set(data, '$.task_title[0]', '改过')"), "cached plan differs"),
        "empty the table of heads": (lambda c: c.execute("DELETE FROM chain_heads"), "no record of any append"),
        "edit a derived series": (lambda c: c.execute("UPDATE task_series SET first = first + 1"),
                                  "disagrees with the log"),
    }
    rows = {}
    detected = 0
    for name, (act, expect) in cases.items():
        folder = root / "tamper"
        shutil.rmtree(folder, ignore_errors=True)
        (folder / "data").mkdir(parents=True)
        shutil.copy(source / "tasks.toml", folder / "tasks.toml")
        src = sqlite3.connect(db(source))
        dst = sqlite3.connect(db(folder))
        src.backup(dst)
        src.close()
        dst.close()
        conn = sqlite3.connect(db(folder), isolation_level=None)
        _drop_guards(conn)
        act(conn)
        for sql in store.guards().values():  # put the guards back: only the chain and heads can tell
            conn.execute(sql)
        conn.close()
        r = tracker(folder, "validate")
        named = [line for line in r.stderr.splitlines() if expect in line]
        ok = r.returncode == 2 and bool(named)
        detected += ok
        rows[name] = {"exit": r.returncode, "detected": ok, "line": (named or r.stderr.splitlines() or [""])[0][:160]}
    return {
        "entries": last, "validate_clean_exit": clean.returncode, "validate_seconds": validate_seconds,
        "cases": rows, "detected": f"{detected}/{len(cases)}",
        "verdict": check(clean.returncode == 0 and detected == len(cases), "tamper", failures),
    }


# --- 5. files: concurrent backups to one name, kill -9 mid-write, the record as a target ------------


def phase_files(root: Path, source: Path, trials: int, failures: list[str]) -> dict:
    folder = source  # the large log: export and backup take long enough to be killed mid-write
    outcomes = {"ok": 0, "already exists": 0, "other": []}
    for t in range(trials):
        name = f"same-{t}.db"
        procs = [subprocess.Popen([sys.executable, "-m", "tracker", "backup", name], cwd=folder, env=env(),
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for _ in range(4)]
        for p in procs:
            _out, err = p.communicate(timeout=TIMEOUT)
            if p.returncode == 0:
                outcomes["ok"] += 1
            elif p.returncode == 2 and "already exists" in err and err.count("\n") == 1:
                outcomes["already exists"] += 1
            else:
                outcomes["other"].append(err.strip().splitlines()[-1] if err.strip() else f"exit {p.returncode}")
        os.unlink(folder / name)
    killed = {}
    for args in (("export", "-o", "log.jsonl"), ("backup", "copy.db")):
        landed = left = 0
        for _ in range(3):
            proc = subprocess.Popen([sys.executable, "-m", "tracker", *args], cwd=folder, env=env(),
                                    stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            deadline = time.monotonic() + TIMEOUT
            while proc.poll() is None and time.monotonic() < deadline:
                if any("tracker-tmp" in n for n in os.listdir(folder)):
                    proc.send_signal(signal.SIGKILL)
                    break
                time.sleep(0.001)
            proc.communicate(timeout=TIMEOUT)
            landed += proc.returncode == -signal.SIGKILL
            left = max(left, sum(os.path.getsize(folder / n) for n in os.listdir(folder) if "tracker-tmp" in n))
        after = tracker(folder, *args)
        remaining = [n for n in os.listdir(folder) if "tracker-tmp" in n]
        killed[args[0]] = {"kills_mid_write": landed, "largest_leftover_bytes": left,
                           "next_write": after.returncode, "left_after_next_write": len(remaining)}
        for n in ("log.jsonl", "copy.db"):
            if (folder / n).exists():
                os.unlink(folder / n)
    targets = {}
    for target in ("data/tracker.db", "data/tracker.db-wal", "tasks.toml", "/dev/null"):
        r = tracker(folder, "report", "-o", target)
        targets[target] = r.returncode
    ok = (outcomes["ok"] == trials and outcomes["already exists"] == 3 * trials and not outcomes["other"]
          and all(k["kills_mid_write"] and k["next_write"] == 0 and not k["left_after_next_write"] for k in killed.values())
          and all(code == 2 for code in targets.values()) and tracker(folder, "validate").returncode == 0)
    return {"backups_at_once": f"{trials} trials × 4", **{k: v for k, v in outcomes.items()},
            "killed": killed, "refused_targets": targets, "verdict": check(ok, "files", failures)}


# --- the run ----------------------------------------------------------------------------------------


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="small sizes: a smoke test")
    ap.add_argument("--writers", type=int, default=8)
    ap.add_argument("--logs", type=int, default=25, help="`tracker log` runs per writer")
    ap.add_argument("--appends", type=int, default=500, help="library appends per writer")
    ap.add_argument("--import-size", type=int, default=200_000)
    ap.add_argument("--out", type=Path, default=HERE / "out" / "stress")
    ap.add_argument("--json", type=Path, help="also write the figures to this file")
    a = ap.parse_args()
    if a.quick:
        a.writers, a.logs, a.appends, a.import_size = 3, 3, 30, 20_000
    a.out.mkdir(parents=True, exist_ok=True)
    failures: list[str] = []
    print(f"tracker stress: {a.writers} writers, {a.logs} logs and {a.appends} appends each, "
          f"import of {a.import_size}; SQLite {sqlite3.sqlite_version}, {os.cpu_count()} CPUs", flush=True)
    figures = {}
    figures["writers"] = phase_writers(a.out, a.writers, a.logs, a.appends, failures)
    print("writers:", json.dumps(figures["writers"], ensure_ascii=False), flush=True)
    figures["kill"], big = phase_kill(a.out, a.import_size, failures)
    print("kill -9:", json.dumps(figures["kill"], ensure_ascii=False), flush=True)
    figures["backup"] = phase_backup(a.out, min(a.writers, 4), max(a.logs // 2, 2), failures)
    print("backup:", json.dumps(figures["backup"], ensure_ascii=False), flush=True)
    tracker(big, "status")  # the plan cache is there to be tampered with
    figures["tamper"] = phase_tamper(a.out, big, failures)
    print("tamper:", json.dumps(figures["tamper"], ensure_ascii=False, indent=1), flush=True)
    figures["files"] = phase_files(a.out, big, 3 if a.quick else 15, failures)
    print("files:", json.dumps(figures["files"], ensure_ascii=False), flush=True)
    if a.json:
        a.json.write_text(json.dumps(figures, ensure_ascii=False, indent=2), encoding="utf-8")
    print("FAILED: " + ", ".join(failures) if failures else "all phases passed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
