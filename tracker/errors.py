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
        text, fields = self.template, self.fields
        if lang != "en":
            from tracker.labels import label

            text = label(lang, text)
            fields = {k: _translated(v, lang, label) for k, v in fields.items()}
        if fields:
            text = text.format(**fields)
        return f"{self.place}: {text}" if self.place else text


class Word(str):
    """One of tracker's own words in a message's field ("note file", a hint): it follows the language,
    unlike what the user typed, which is shown as typed."""


class Words(tuple):
    """A list of tracker's own words in a message's field (the known flags): ", "-joined, or "、"-joined in Chinese."""

    def __str__(self) -> str:
        return ", ".join(self)

    def __format__(self, spec: str) -> str:
        return format(str(self), spec)


def _translated(value, lang: str, label):
    if isinstance(value, Word):
        return label(lang, value)
    if isinstance(value, Words):
        return "、".join(label(lang, w) for w in value)
    if isinstance(value, TrackerError):  # a message used as a phrase of another ("task 195: ")
        return value.message(lang)
    return value


class BadInput(TrackerError):
    """Input the user gave (a file, an option, a value) is not acceptable: exit 2."""


class Problems(BadInput):
    """Several problems at once, each with its place: one line each (at most `limit`), in the run's language.

    A problem is a BadInput (a template with its place) or, from code that words its own lines, a str.
    """

    SHOWN = 50  # named one by one; the rest counted

    def __init__(self, problems: list, limit: int | None = None):
        self.items = list(problems)
        self.problems = [str(p) for p in self.items]  # in English, each `PLACE: message`
        self._shown = self.items[:self.SHOWN if limit is None else limit]
        self._more = len(self.items) - len(self._shown)
        super().__init__()

    def message(self, lang: str = "en") -> str:
        lines = [p.message(lang) if isinstance(p, TrackerError) else p for p in self._shown]
        if self._more > 0:
            lines.append(BadInput("… and {n} more", n=self._more).message(lang))
        return "\n".join(lines)

    def __str__(self) -> str:
        return self.message("en")


class PlanError(Problems):
    """tasks.toml has one or more problems, each `PATH:LINE: message`."""
