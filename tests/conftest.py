"""Shared fixtures: a scratch project in tmp_path and a CLI runner that goes through tracker's own error path."""

from __future__ import annotations

import json
import textwrap
from dataclasses import dataclass
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tracker.cli import app

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"

BASIC_PLAN = """
[plan]
title = "2024年市民政局重点目标任务"
year = 2024

[[task]]
id = "195"
title = "新建区域性居家养老服务中心100个,改造社区养老服务站300个。"
unit = "市民政局"
category = "养老服务"

[[task.metric]]
key = "centres"
name = "区域性居家养老服务中心"
unit = "个"
target = 100

[[task.metric]]
key = "stations"
name = "社区养老服务站"
unit = "个"
target = 300

[[task]]
id = "184"
title = "提高城乡低保、特困人员等困难群体救助标准。"
unit = "市民政局"
"""


@dataclass
class Result:
    code: int
    out: str
    err: str

    def json(self):
        return json.loads(self.out)


class Project:
    """A tracker project in a temporary folder, driven through the real CLI."""

    def __init__(self, root: Path, monkeypatch):
        self.root = root
        self.tasks = root / "tasks.toml"
        self.db = root / "data" / "tracker.db"
        self.runner = CliRunner()
        self.monkeypatch = monkeypatch
        monkeypatch.chdir(root)
        monkeypatch.setenv("TRACKER_TODAY", "2024-08-20")
        monkeypatch.setenv("TRACKER_BY", "tester")
        monkeypatch.setenv("COLUMNS", "200")
        for var in ("TRACKER_TASKS", "TRACKER_DB", "TRACKER_LANG", "NO_COLOR", "FORCE_COLOR"):
            monkeypatch.delenv(var, raising=False)

    def write_plan(self, text: str) -> "Project":
        self.tasks.write_text(textwrap.dedent(text).lstrip(), encoding="utf-8")
        return self

    def run(self, *args: str, input: str | None = None, today: str | None = None) -> Result:
        if today:
            self.monkeypatch.setenv("TRACKER_TODAY", today)
        r = self.runner.invoke(app, list(args), input=input, catch_exceptions=False)
        return Result(r.exit_code, r.stdout, r.stderr)

    def ok(self, *args: str, **kw) -> Result:
        r = self.run(*args, **kw)
        assert r.code == 0, f"exit {r.code}: {r.err}{r.out}"
        return r

    def bad(self, *args: str, **kw) -> Result:
        """Run a command that must be refused: exit 2, one line on stderr, no traceback."""
        r = self.run(*args, **kw)
        assert r.code == 2, f"expected exit 2, got {r.code}: {r.err}{r.out}"
        assert "Traceback" not in r.err + r.out
        assert r.err.strip(), "a refusal must say why on stderr"
        return r


@pytest.fixture
def project(tmp_path, monkeypatch) -> Project:
    return Project(tmp_path, monkeypatch).write_plan(BASIC_PLAN)


@pytest.fixture
def empty_project(tmp_path, monkeypatch) -> Project:
    return Project(tmp_path, monkeypatch)
