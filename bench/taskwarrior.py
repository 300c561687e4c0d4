"""Taskwarrior 2.6 as the yardstick: a data dir of its own holding the generated
tasks, with the dates shifted so that the same tasks are overdue."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

from measure import run_once


def taskwarrior_version() -> str | None:
    task = shutil.which("task")
    if not task:
        return None
    try:
        return subprocess.run([task, "--version"], capture_output=True, text=True, timeout=30).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return None


def install_taskwarrior() -> str | None:
    """Taskwarrior installed from Debian's packages (apt-get, as root or through sudo), as issue 6 asks of
    the benchmark when it is missing; its version, or None (no apt-get, no rights, no network: said why)."""
    apt = shutil.which("apt-get")
    if not apt:
        print("  Taskwarrior is missing and there is no apt-get to install it with")
        return None
    prefix = [] if os.geteuid() == 0 else ["sudo", "-n"] if shutil.which("sudo") else None
    if prefix is None:
        print("  Taskwarrior is missing; install it as root: apt-get install -y taskwarrior")
        return None
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    print("  installing Taskwarrior from Debian's packages (apt-get install -y taskwarrior)")
    for attempt in ([], [[*prefix, apt, "update", "-q"]]):  # the package lists only if the first try fails
        try:
            for argv in (*attempt, [*prefix, apt, "install", "-y", "-q", "taskwarrior"]):
                done = subprocess.run(argv, capture_output=True, text=True, env=env, timeout=600)
                if done.returncode != 0:
                    break
        except (OSError, subprocess.SubprocessError) as e:
            print(f"  could not run apt-get: {e}")
            return None
        version = taskwarrior_version()
        if version:
            return version
    print(f"  apt-get could not install taskwarrior: {(done.stderr or done.stdout).strip().splitlines()[-1:]}")
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
