"""Smoke test of the benchmark's data generator (bench/generate.py): tiny sizes, no timing."""

from __future__ import annotations

import json
import subprocess
import sys
import tomllib
from collections import Counter
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
GENERATE = ROOT / "bench" / "generate.py"
TASKS, MONTHS = 100, 14


@pytest.fixture(scope="module")
def generated(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("bench")
    subprocess.run([sys.executable, str(GENERATE), "--tasks", str(TASKS), "--months", str(MONTHS),
                    "--out", str(out)], check=True, capture_output=True)
    return out


def read_entries(out: Path) -> list[dict]:
    with open(out / "entries.jsonl", encoding="utf-8") as f:
        return [json.loads(line) for line in f]


def test_plan_parses_with_the_declared_tasks(generated):
    with open(generated / "tasks.toml", "rb") as f:
        plan = tomllib.load(f)
    assert plan["plan"]["year"] == 2024
    tasks = plan["task"]
    assert [t["id"] for t in tasks] == [str(n) for n in range(1, TASKS + 1)]
    for task in tasks:
        assert task["title"] and task["unit"].startswith("市")
        keys = [m["key"] for m in task.get("metric", [])]
        assert len(keys) == len(set(keys)) <= 3
        for metric in task.get("metric", []):
            assert metric["target"] > metric["baseline"] >= 0
            assert metric.get("mode", "cumulative") in ("cumulative", "increment")
        for milestone in task.get("milestone", []):
            assert milestone.get("metric", keys[0]) in keys


def test_entries_have_the_export_shape_in_recorded_order(generated):
    entries = read_entries(generated)
    manifest = json.loads((generated / "manifest.json").read_text(encoding="utf-8"))
    assert len(entries) == manifest["entries"] > 0
    assert manifest["last_month"] == "2025-02" and manifest["today"] == "2025-02-28"
    for e in entries:
        assert set(e) == {"id", "task", "month", "recorded_at", "by", "values", "percent", "status", "note"}
        assert 1 <= int(e["task"]) <= TASKS and "2024-01" <= e["month"] <= "2025-02"
        assert all(v >= 0 for v in e["values"].values())
        assert e["status"] in (None, "ongoing", "done", "blocked")
    assert len({e["id"] for e in entries}) == len(entries)
    stamps = [e["recorded_at"] for e in entries]
    assert stamps == sorted(stamps)
    corrections = Counter((e["task"], e["month"]) for e in entries)
    assert sum(n > 1 for n in corrections.values()) == manifest["corrections"]


def test_same_arguments_give_the_same_bytes(generated, tmp_path):
    subprocess.run([sys.executable, str(GENERATE), "--tasks", str(TASKS), "--months", str(MONTHS),
                    "--out", str(tmp_path)], check=True, capture_output=True)
    for name in ("tasks.toml", "entries.jsonl", "truth.jsonl"):
        assert (tmp_path / name).read_bytes() == (generated / name).read_bytes()


@pytest.fixture
def tracker_run(generated, tmp_path, monkeypatch):
    """Run the tracker CLI on the generated plan and a fresh database."""
    pytest.importorskip("tracker.cli")
    from typer.testing import CliRunner

    from tracker.cli import app

    monkeypatch.setenv("TRACKER_TODAY", "2025-02-28")
    for var in ("TRACKER_TASKS", "TRACKER_DB", "TRACKER_LANG"):
        monkeypatch.delenv(var, raising=False)
    runner = CliRunner()
    where = ["--tasks", str(generated / "tasks.toml"), "--db", str(tmp_path / "tracker.db")]

    def run(*args: str, codes=(0,)):
        result = runner.invoke(app, where + list(args), catch_exceptions=False)
        assert result.exit_code in codes, result.stderr + result.stdout
        return result

    run("import", str(generated / "entries.jsonl"))
    return run


def test_tracker_imports_and_reports_every_generated_task(generated, tracker_run):
    exported = tracker_run("export").stdout.splitlines()
    assert len(exported) == len(read_entries(generated))
    status = json.loads(tracker_run("status", "--format", "json").stdout)
    assert status["as_of"] == "2025-02"
    assert [t["id"] for t in status["tasks"]] == [str(n) for n in range(1, TASKS + 1)]


def test_tracker_check_runs_on_the_generated_data(tracker_run):
    if "No such command" in tracker_run("check", "--help", codes=(0, 2)).stderr:
        pytest.skip("tracker has no `check` command yet")
    check = json.loads(tracker_run("check", "--format", "json", codes=(0, 1)).stdout)
    assert check["as_of"] == "2025-02"
    assert all(set(t["flags"]) & set(check["fail_on"]) for t in check["tasks"])


def test_taskwarrior_copy_has_the_same_tasks_overdue(generated):
    sys.path.insert(0, str(ROOT / "bench"))
    from datetime import date, datetime, timezone

    from taskwarrior import taskwarrior_tasks

    with open(generated / "truth.jsonl", encoding="utf-8") as f:
        truth = [json.loads(line) for line in f]
    now = datetime(2030, 5, 17, 9, 30, tzinfo=timezone.utc)
    tasks = taskwarrior_tasks(truth, date(2025, 2, 28), now)
    assert len(tasks) == TASKS and len({t["uuid"] for t in tasks}) == TASKS
    stamp = now.strftime("%Y%m%dT%H%M%SZ")
    overdue = {str(int(t["uuid"][-12:], 16)) for t in tasks if t["status"] == "pending" and t["due"] < stamp}
    assert overdue and overdue == {row["id"] for row in truth if row["profile"] == "overdue"}
    assert all(t["end"] <= stamp for t in tasks if t["status"] == "completed")
    assert sum(t["status"] == "completed" for t in tasks) == sum(bool(row["done_month"]) for row in truth)
