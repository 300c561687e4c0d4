"""Printing: JSON for scripts, rich renderables for people. Colour only on a terminal."""

from __future__ import annotations

import json
import sys


def console(stderr: bool = False):
    from rich.console import Console

    # rich already drops colour when the stream is not a terminal and honours NO_COLOR.
    return Console(stderr=stderr, highlight=False, markup=False, emoji=False)


def show(renderable) -> None:
    console().print(renderable)


def say(text: str) -> None:
    """A plain line for people; user text inside it is never read as markup."""
    console().print(text, markup=False, highlight=False, soft_wrap=True)


def print_json(data) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


class _Quiet:
    def __enter__(self):
        return lambda n=1: None

    def __exit__(self, *exc):
        return False


def progress(total: int, description: str, threshold: int = 20000):
    """A context giving `tick(n)`: a rich progress bar on a terminal for long work, silent otherwise."""
    import os

    if total < threshold or os.environ.get("CI") or not sys.stderr.isatty():
        return _Quiet()
    return _Bar(total, description)


class _Bar:
    def __init__(self, total: int, description: str):
        from rich.progress import Progress

        self.progress = Progress(console=console(stderr=True), transient=True)
        self.total, self.description = total, description

    def __enter__(self):
        self.progress.__enter__()
        task = self.progress.add_task(self.description, total=self.total)
        return lambda n=1: self.progress.advance(task, n)

    def __exit__(self, *exc):
        return self.progress.__exit__(*exc)
