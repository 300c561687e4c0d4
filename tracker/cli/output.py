"""Printing: JSON for scripts, rich renderables for people. Colour only on a terminal."""

from __future__ import annotations

import sys


def console(stderr: bool = False):
    from tracker.render.safe import SafeConsole

    # rich already drops colour when the stream is not a terminal and honours NO_COLOR.
    return SafeConsole(stderr=stderr, highlight=False, markup=False, emoji=False)


def file_or_stdout(path: str | None) -> str | None:
    """-o's file, or None for the standard output: no -o, or `-o -` as with most tools."""
    return None if path == "-" else path


def show(renderable) -> None:
    console().print(renderable)


def say(text: str) -> None:
    """A plain line for people; user text inside it is never read as markup."""
    console().print(text, markup=False, highlight=False, soft_wrap=True)


def print_json(data) -> None:
    """Indented for a person at a terminal; one compact line, without spaces, for a pipe or a file
    (4× faster at a province's size)."""
    from tracker.render.jsontext import json_text  # (not imported by a run that prints a table)

    sys.stdout.write(json_text(data, indent=2 if sys.stdout.isatty() else None) + "\n")


class _Quiet:
    def __enter__(self):
        def tick(n=1):
            pass
        tick.describe = lambda text: None
        return tick

    def __exit__(self, *exc):
        return False


def _interactive() -> bool:
    import os

    return not os.environ.get("CI") and sys.stderr.isatty()


def progress(total: int, description: str, threshold: int = 20000):
    """A context giving `tick(n)`: a rich progress bar on a terminal for long work, silent otherwise.
    `tick.describe(text)` says what the work does now (a second stage, its bar full)."""
    if total < threshold or not _interactive():
        return _Quiet()
    return _Bar(total, description)


def busy(description: str, size: int, threshold: int = 20000):
    """A spinner on a terminal while long work of unknown length runs (writing a large import); silent otherwise."""
    if size < threshold or not _interactive():
        return _Quiet()
    return console(stderr=True).status(description)


class _Bar:
    def __init__(self, total: int, description: str):
        from rich.progress import Progress

        self.progress = Progress(console=console(stderr=True), transient=True)
        self.total, self.description = total, description

    def __enter__(self):
        self.progress.__enter__()
        task = self.progress.add_task(self.description, total=self.total)

        def tick(n=1):
            self.progress.advance(task, n)
        tick.describe = lambda text: self.progress.update(task, description=text)
        return tick

    def __exit__(self, *exc):
        return self.progress.__exit__(*exc)
