"""The project's own exceptions: everything a user can get wrong is a BadInput."""

from __future__ import annotations


class TrackerError(Exception):
    """Base of every error tracker raises on purpose."""


class BadInput(TrackerError):
    """Input the user gave (a file, an option, a value) is not acceptable: exit 2."""


class PlanError(BadInput):
    """tasks.toml has one or more problems, each `PATH:LINE: message`."""

    def __init__(self, problems: list[str]):
        self.problems = list(problems)
        super().__init__("\n".join(self.problems))
