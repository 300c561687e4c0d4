"""Files tracker writes and opens: `-o FILE` and `backup FILE` never write over the record, a device or a
FIFO; a write is whole or absent, and what a killed one leaves is cleaned up; the database and plan
paths are never waited on; a failed write says why in one line (SPEC: Files written, and limits)."""

from __future__ import annotations

import fcntl
import hashlib
import json
import os
import signal
import sqlite3
import stat
import subprocess
import sys
import time

import pytest

from tests.conftest import BASIC_PLAN
from tests.test_reliability import TIMEOUT, _env, _wal_size, db_of, folder, jsonl, rows, spawn, tracker  # noqa: F401
from tracker import files
from tracker.errors import BadInput


def _digest(path) -> str:
    return hashlib.sha256(open(path, "rb").read()).hexdigest()


@pytest.fixture
def recorded(project):
    project.ok("log", "195", "--set", "centres=10", "--note", "八月进展")
    project.ok("status")
    (project.root / "contacts.toml").write_text('[unit."市民政局"]\nemail = ["a@example.org"]\n', encoding="utf-8")
    return project


def _own_files(project):
    db = str(project.db.relative_to(project.root))
    return [db, db + "-wal", db + "-shm", "tasks.toml", "contacts.toml"]


WRITES = {
    "report": lambda target: ("report", "-o", target, "--format", "md"),
    "export": lambda target: ("export", "-o", target),
    "backup": lambda target: ("backup", target),
}


@pytest.mark.parametrize("command", WRITES)
def test_no_write_goes_over_the_database_its_companions_the_plan_or_contacts(recorded, command):
    (recorded.root / "data" / "tracker.db-shm").touch()  # WAL's files beside it (present or not, both refused)
    before = {p: _digest(recorded.root / p) for p in _own_files(recorded) if (recorded.root / p).exists()}
    for target in _own_files(recorded) + ["./data/../data/tracker.db", str(recorded.db)]:
        r = recorded.bad(*WRITES[command](target))
        assert r.err.count("\n") == 1 and "refusing to write over it" in r.err, r.err
    assert {p: _digest(recorded.root / p) for p in before} == before
    assert recorded.ok("validate").out.startswith("ok:")


@pytest.mark.parametrize("command", WRITES)
def test_links_to_the_database_are_refused(recorded, command):
    os.symlink(recorded.db, recorded.root / "link.md")
    os.link(recorded.db, recorded.root / "hard.md")
    before = _digest(recorded.db)
    assert "is a symbolic link" in recorded.bad(*WRITES[command]("link.md")).err
    assert "is tracker's own file data/tracker.db" in recorded.bad(*WRITES[command]("hard.md")).err
    os.makedirs(recorded.root / "via")
    os.symlink(recorded.root / "data", recorded.root / "via" / "d")  # a folder that leads to the database
    assert "tracker's own file" in recorded.bad(*WRITES[command]("via/d/tracker.db")).err
    assert _digest(recorded.db) == before


@pytest.mark.parametrize("command", WRITES)
def test_directories_fifos_and_devices_are_refused_at_once(recorded, command):
    os.mkdir(recorded.root / "folder")
    os.mkfifo(recorded.root / "fifo")
    for target, kind in (("folder", "a directory"), ("fifo", "a FIFO"), ("/dev/null", "a device")):
        r = recorded.bad(*WRITES[command](target))
        assert r.err.startswith(f"{target}: is {kind}"), r.err
    assert stat.S_ISFIFO(os.stat(recorded.root / "fifo").st_mode)
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)


def test_an_output_file_is_replaced_whole_keeping_its_mode(recorded):
    out = recorded.root / "table.md"
    out.write_text("old", encoding="utf-8")
    os.chmod(out, 0o640)
    recorded.ok("report", "-o", "table.md")
    assert out.read_text(encoding="utf-8").startswith("# 2024年") and stat.S_IMODE(os.stat(out).st_mode) == 0o640
    assert [n for n in os.listdir(recorded.root) if "tracker-tmp" in n] == []


def test_a_killed_writes_temporary_files_are_removed_by_the_next_write_there_but_not_a_live_one(recorded):
    root = recorded.root
    stale = [root / ".table.md.dead0001.tracker-tmp", root / ".b.db.dead0002.tracker-tmp",
             root / ".b.db.dead0002.tracker-tmp-journal", root / ".gone.dead0003.tracker-tmp-wal"]
    for p in stale:
        p.write_bytes(b"x" * 1000)
    live = root / ".other.md.live0004.tracker-tmp"
    fd = os.open(live, os.O_RDWR | os.O_CREAT)
    fcntl.flock(fd, fcntl.LOCK_EX)  # a write in progress, in this process
    try:
        recorded.ok("report", "-o", "table.md")
        assert [p.name for p in stale if p.exists()] == []
        assert live.exists()
    finally:
        os.close(fd)
    recorded.ok("export", "-o", "log.jsonl")
    assert not live.exists()
    assert sorted(n for n in os.listdir(root) if n.startswith(".")) == []


def test_new_file_keeps_a_name_that_appeared_meanwhile(tmp_path):
    target = tmp_path / "copy.db"
    with pytest.raises(BadInput, match="already exists"):
        with files.new_file(str(target), replace=False) as tmp:
            open(tmp, "wb").write(b"mine")
            target.write_bytes(b"theirs")  # another process got there first
    assert target.read_bytes() == b"theirs"
    assert os.listdir(tmp_path) == ["copy.db"]


# --- kill -9 in the middle of a write (hole 8) ---------------------------------------------


@pytest.fixture
def big(folder):
    """A log of 30,000 entries: export and backup take long enough to be killed in the middle."""
    (folder / "big.jsonl").write_text(jsonl(30000), encoding="utf-8")
    assert tracker(folder, "import", "big.jsonl").returncode == 0
    return folder


def _kill_when_a_temporary_file_appears(folder, *args) -> bool:
    """Run tracker with args; kill -9 it as soon as its temporary file is there. Whether it was killed mid-write."""
    proc = spawn(folder, *args)
    deadline = time.monotonic() + TIMEOUT
    while proc.poll() is None and time.monotonic() < deadline:
        if any("tracker-tmp" in n for n in os.listdir(folder)):
            proc.send_signal(signal.SIGKILL)
            break
        time.sleep(0.001)
    proc.communicate(timeout=TIMEOUT)
    return proc.returncode == -signal.SIGKILL


@pytest.mark.parametrize("args", [("export", "-o", "log.jsonl"), ("backup", "copy.db")], ids=["export", "backup"])
def test_kill_9_during_a_write_leaves_nothing_after_the_next_write_there(big, args):
    killed = [_kill_when_a_temporary_file_appears(big, *args) for _ in range(3)]
    assert any(killed)
    assert not (big / args[-1]).exists()  # never half a file under the name
    assert any("tracker-tmp" in n for n in os.listdir(big))  # what the kill left
    r = tracker(big, *args)
    assert r.returncode == 0, r.stderr
    assert [n for n in os.listdir(big) if "tracker-tmp" in n] == []
    if args[0] == "backup":
        assert tracker(big, "--db", "copy.db", "validate").returncode == 0
    else:
        assert (big / "log.jsonl").read_bytes().count(b"\n") == 30000


def test_kill_9_during_an_import_leaves_nothing_after_the_next_write(big):
    (big / "more.jsonl").write_text(jsonl(30000, prefix="more"), encoding="utf-8")
    # Its output goes to a file: a pipe nobody reads fills up with the slips it warns about and
    # stops the import before it writes anything.
    with open(big / "import.out", "w") as out:
        proc = subprocess.Popen([sys.executable, "-m", "tracker", "import", "more.jsonl"], cwd=big, env=_env(),
                                stdout=out, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + TIMEOUT
        while proc.poll() is None and time.monotonic() < deadline and _wal_size(big) < 65536:
            time.sleep(0.001)
        assert proc.poll() is None and _wal_size(big) >= 65536  # killed while writing, as meant
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=TIMEOUT)
    (big / "import.out").unlink()
    assert tracker(big, "log", "184", "--percent", "10").returncode == 0
    assert sorted(os.listdir(big / "data")) == ["tracker.db"]
    assert [n for n in os.listdir(big) if n.startswith(".")] == []
    assert tracker(big, "validate").returncode == 0


# --- what used to hang or end in a traceback (hole 5) ---------------------------------------


def test_four_backups_to_one_file_at_once_one_wins_the_others_say_so(folder):
    assert tracker(folder, "log", "195", "--set", "centres=1").returncode == 0
    for round_ in range(3):
        name = f"b{round_}.db"
        procs = [spawn(folder, "backup", name) for _ in range(4)]
        results = [(p.wait(timeout=TIMEOUT), p.stdout.read(), p.stderr.read()) for p in procs]
        for p in procs:
            p.stdout.close(), p.stderr.close()
        assert sorted(code for code, _, _ in results) == [0, 2, 2, 2], results
        for code, _out, err in results:
            if code == 2:
                assert err == f"{name}: already exists; choose a new file\n" or \
                    err == f"{name}: already exists; choose a new file for the backup\n", err
        assert tracker(folder, "--db", name, "validate").returncode == 0
    assert [n for n in os.listdir(folder) if "tracker-tmp" in n] == []


@pytest.mark.parametrize("variable", ["TRACKER_DB", "TRACKER_TASKS"])
@pytest.mark.parametrize("kind", ["fifo", "/dev/zero", "folder"])
def test_a_database_or_plan_path_that_is_not_a_file_is_refused_never_waited_on(folder, variable, kind):
    assert tracker(folder, "log", "195", "--set", "centres=1").returncode == 0
    if kind == "fifo":
        os.mkfifo(folder / "fifo")
    elif kind == "folder":
        os.mkdir(folder / "folder")
    env = _env(**{variable: kind})
    for args in (("status",), ("log", "195", "--set", "centres=2"), ("validate",)):
        # A hang fails here (the timeout), instead of blocking the suite.
        r = subprocess.run([sys.executable, "-m", "tracker", *args], cwd=folder, env=env, capture_output=True,
                           text=True, timeout=TIMEOUT)
        assert r.returncode == 2 and r.stderr.count("\n") == 1, r.stderr
        assert r.stderr.startswith(f"{kind}: is "), r.stderr


def test_a_database_whose_schema_version_is_negative_is_refused_in_one_line(project):
    project.db.parent.mkdir()
    conn = sqlite3.connect(project.db)
    conn.execute("CREATE TABLE t (x)")
    conn.execute("PRAGMA user_version = -1")
    conn.close()
    for args in (("status",), ("log", "195", "--set", "centres=1"), ("validate",)):
        assert project.bad(*args).err == "data/tracker.db: a SQLite database, but not tracker's (schema version -1)\n"


def test_init_where_nothing_can_be_made_says_so(project):
    r = project.bad("init", "/proc/x")
    assert r.err == "/proc/x: cannot create the project: No such file or directory\n"


def test_output_the_terminal_cannot_encode_is_replaced_never_a_traceback(folder):
    assert tracker(folder, "log", "195", "--set", "centres=1", "--note", "八月进展").returncode == 0
    env = _env(PYTHONIOENCODING="ascii")
    for args in (("status",), ("history", "195"), ("log", "195", "--set", "centres=2", "--note", "九月"),
                 ("tasks",), ("check",), ("units",)):
        r = subprocess.run([sys.executable, "-m", "tracker", *args], cwd=folder, env=env, capture_output=True,
                           timeout=TIMEOUT)
        assert r.returncode in (0, 1) and b"Traceback" not in r.stderr, r.stderr
        assert b"?" in r.stdout
    r = subprocess.run([sys.executable, "-m", "tracker", "log", "999"], cwd=folder, env=env, capture_output=True,
                       timeout=TIMEOUT)
    assert r.returncode == 2 and r.stderr.count(b"\n") == 1


# --- the real reason for a failed write (hole 6) --------------------------------------------


@pytest.fixture
def small_disk(tmp_path):
    """A 768 KB file system of its own (tmpfs; needs root), unmounted after the test."""
    mount = tmp_path / "disk"
    mount.mkdir()
    if os.geteuid() != 0 or subprocess.run(["mount", "-t", "tmpfs", "-o", "size=768k", "tmpfs", str(mount)],
                                           capture_output=True).returncode != 0:
        pytest.skip("mounting a small tmpfs needs root")
    try:
        (mount / "tasks.toml").write_text(BASIC_PLAN, encoding="utf-8")
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], capture_output=True)


def _fill(folder, leave_kb: int) -> None:
    free = os.statvfs(folder).f_bavail * os.statvfs(folder).f_frsize
    with open(folder / "filler", "wb") as f:
        f.write(b"\0" * max(0, free - leave_kb * 1024))


def test_a_full_disk_is_named_as_such_never_as_a_failed_rollback(small_disk):
    assert tracker(small_disk, "log", "195", "--set", "centres=1").returncode == 0
    assert tracker(small_disk, "status").returncode == 0
    note = "截至目前,全市新建区域性居家养老服务中心。" * 900  # 18,900 characters: about 57 KB
    seen = set()
    for leave in (0, 48, 96, 160):
        _fill(small_disk, leave)
        for args in (("log", "195", "--set", "centres=2", "--note", note), ("report", "-o", "t.md"),
                     ("backup", "b.db"), ("export", "-o", "e.jsonl")):
            r = tracker(small_disk, *args)
            if r.returncode == 0:
                continue
            assert r.returncode == 2 and r.stderr.count("\n") == 1, r.stderr
            assert "rollback" not in r.stderr and "Traceback" not in r.stderr
            assert ("the disk is full" in r.stderr or "No space left on device" in r.stderr), r.stderr
            seen.add(args[0])
        for p in ("t.md", "b.db", "e.jsonl", "filler"):
            if (small_disk / p).exists():
                os.unlink(small_disk / p)
    assert "log" in seen
    assert [n for n in os.listdir(small_disk) if "tracker-tmp" in n] == []
    assert tracker(small_disk, "validate").returncode == 0


def test_a_read_only_disk_is_named_as_such(small_disk):
    assert tracker(small_disk, "log", "195", "--set", "centres=1").returncode == 0
    assert subprocess.run(["mount", "-o", "remount,ro", str(small_disk)], capture_output=True).returncode == 0
    r = tracker(small_disk, "log", "195", "--set", "centres=2")
    assert r.returncode == 2
    assert r.stderr.startswith("data/tracker.db: the database or its folder is read-only (SQLITE_"), r.stderr


def test_a_c_locale_without_utf8_mode_replaces_what_it_cannot_show_in_output_and_errors(folder):
    """An old terminal's C locale with Python's UTF-8 mode off: stdout and stderr are ASCII with
    `surrogateescape` and `backslashreplace`; Chinese is `?` in both, never a traceback or `\\u672a`."""
    assert tracker(folder, "log", "195", "--set", "centres=1", "--note", "八月进展").returncode == 0
    env = _env(LC_ALL="C", LANG="C", PYTHONUTF8="0", PYTHONCOERCECLOCALE="0", TRACKER_LANG="zh")
    env.pop("PYTHONIOENCODING", None)
    for args in (("status",), ("history", "195"), ("check",), ("units",), ("log", "999")):
        r = subprocess.run([sys.executable, "-m", "tracker", *args], cwd=folder, env=env, capture_output=True,
                           timeout=TIMEOUT)
        assert r.returncode in (0, 1, 2) and b"Traceback" not in r.stderr, r.stderr
        assert b"\\u" not in r.stderr and b"?" in r.stdout + r.stderr, r.stderr


def test_a_path_from_the_home_folder_the_shell_left_unexpanded_is_the_home_folder(folder, tmp_path_factory):
    """`--db=~/…` (bash expands no ~ after `=`) or a quoted TRACKER_DB="~/…": the home folder, never a folder
    named ~ in the current one."""
    home = tmp_path_factory.mktemp("home")
    (home / "plan").mkdir()
    (home / "plan" / "tasks.toml").write_text(BASIC_PLAN, encoding="utf-8")
    env = _env(HOME=str(home), TRACKER_TASKS="~/plan/tasks.toml")
    r = subprocess.run([sys.executable, "-m", "tracker", "--db=~/plan/log.db", "log", "195", "--set", "centres=1"],
                       cwd=folder, env=env, capture_output=True, text=True, timeout=TIMEOUT)
    assert r.returncode == 0, r.stderr
    assert (home / "plan" / "log.db").exists() and not (folder / "~").exists()
    r = subprocess.run([sys.executable, "-m", "tracker", "history", "195"], cwd=folder,
                       env={**env, "TRACKER_DB": "~/plan/log.db"}, capture_output=True, text=True, timeout=TIMEOUT)
    assert r.returncode == 0 and "centres=1" in r.stdout.replace(" ", ""), r.stdout + r.stderr


def test_a_log_on_a_read_only_disk_is_read_by_every_command_that_only_reads(small_disk):
    """A read-only checkout in CI: SQLite cannot make the -wal and -shm it keeps beside a log to read it, so
    the log is opened as it is; validate, check and status answer, and only a write is refused."""
    assert tracker(small_disk, "log", "195", "--set", "centres=1").returncode == 0
    assert subprocess.run(["mount", "-o", "remount,ro", str(small_disk)], capture_output=True).returncode == 0
    r = tracker(small_disk, "validate")
    assert r.returncode == 0 and r.stdout.startswith("ok: tasks.toml"), r.stderr
    r = tracker(small_disk, "check", "--format", "json", "--fail-on", "missing")  # 195 reported; 184 not
    assert r.returncode == 1 and [t["id"] for t in json.loads(r.stdout)["tasks"]] == ["184"], r.stderr
    r = tracker(small_disk, "status", "--format", "json")
    assert r.returncode == 0 and json.loads(r.stdout)["tasks"][0]["metrics"][0]["value"] == 1, r.stderr
    r = tracker(small_disk, "log", "195", "--set", "centres=2")
    assert r.returncode == 2 and "read-only" in r.stderr and "nothing was written" in r.stderr, r.stderr
    assert os.listdir(small_disk / "data") == ["tracker.db"]
