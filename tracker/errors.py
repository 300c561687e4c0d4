"""The project's own exceptions: everything a user can get wrong is a BadInput.

A message is an English template with named fields (`BadInput("unknown task
{task}", task="9")`), optionally with its place (`place="tasks.toml:8"`):
str() gives it in English, `message(lang)` in the language asked for, through
the catalogue of labels.py. Only the CLI's error path chooses the language.
"""

from __future__ import annotations


class TrackerError(Exception):
    """Base of every error tracker raises on purpose."""

    def __init__(self, template: str = "", /, *, place: str | None = None, **fields):
        self.template, self.place, self.fields = template, place, fields
        super().__init__(self.message("en"))

    def message(self, lang: str = "en") -> str:
        """The message in `lang` (en or zh), its place first."""
        text = self.template
        if lang != "en":
            from tracker.labels import label

            text = label(lang, text)
        if self.fields:
            text = text.format(**self.fields)
        return f"{self.place}: {text}" if self.place else text


class BadInput(TrackerError):
    """Input the user gave (a file, an option, a value) is not acceptable: exit 2."""


class PlanError(BadInput):
    """tasks.toml has one or more problems, each `PATH:LINE: message`."""

    def __init__(self, problems: list[str]):
        self.problems = list(problems)
        super().__init__("\n".join(self.problems))


class Problems(BadInput):
    """Several problems with what the user gave, each with its place: all reported at once."""

    SHOWN = 50  # named one by one; the rest counted

    def __init__(self, problems: list[BadInput]):
        self.problems = list(problems)
        super().__init__("")

    def message(self, lang: str = "en") -> str:
        lines = [p.message(lang) for p in self.problems[: self.SHOWN]]
        more = len(self.problems) - self.SHOWN
        if more > 0:
            lines.append(f"… {more} more" if lang == "en" else f"……另有{more}处")
        return "\n".join(lines)
