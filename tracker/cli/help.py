"""`--help` in Chinese: click's help formatter, whose every piece is looked up in labels' catalogue under zh.

click builds a help from English pieces (the usage line, the headings, a command's description, each option's
help with its `[default: …]`) and wraps them by characters; here each piece is translated (labels_help.py holds
their Chinese) and wrapped by the cells it takes on a screen (a Chinese character takes two), where Chinese text
may break (render/linebreak.py). Only a run whose language is Chinese imports this: an English help is click's own.
"""

from __future__ import annotations

import re

from rich.cells import cell_len

from tracker.labels import label, load_help
from tracker.cli.help_cells import CellFormatter, wrap

load_help()

_USAGE_WORDS = ("[OPTIONS]", "COMMAND", "[ARGS]...")  # the usage line's placeholders (metavars stay as typed)


def zh(text: str) -> str:
    """One paragraph of help in Chinese: keyed by its English as click reflows it (its lines joined by a space)."""
    return label("zh", " ".join(text.split()))


def paragraphs(text: str) -> list[tuple[bool, str]]:
    """A description's paragraphs as (kept as written, text): a `\\b` block (the examples) keeps its lines."""
    out = []
    for block in re.split(r"\n[ \t]*\n", text.expandtabs().strip("\n")):
        lines = block.splitlines()
        if lines and lines[0].strip() == "\b":
            out.append((True, "\n".join(lines[1:])))
        elif block.strip():
            out.append((False, " ".join(block.split())))
    return out


def example_line(line: str) -> str:
    """A line of the examples: its heading (`Example:`) and its comment (`# next year's plan`) in Chinese; the
    command itself as typed."""
    command, hash_, comment = line.partition("# ")
    if hash_:
        return command + hash_ + zh(comment)
    return label("zh", line) if line.strip() == line else line


def help_of(text: str) -> tuple[str, list[str]]:
    """An option's help row as click writes it, split: the help, and the words of its `  [default: x; required]`."""
    body, sep, extra = text.rpartition("  [")
    if not sep and text.startswith("[") and text.endswith("]"):  # no help, only the bracket
        body, sep, extra = "", "[", text[1:]
    if not sep or not extra.endswith("]"):
        return text, []
    return body, extra[:-1].split("; ")


def option_help(text: str) -> str:
    """An option's help row in Chinese, its default and `required` too; a default's value stays as typed."""
    body, extras = help_of(text)
    words = []
    for word in extras:
        key, colon, value = word.partition(": ")
        words.append(f"{label('zh', key)}：{value}" if colon else label("zh", word))
    body = zh(body) if body else ""
    if not words:
        return body
    return f"{body}  [{'；'.join(words)}]" if body else f"[{'；'.join(words)}]"


def summary(command) -> str | None:
    """A command's line in `tracker --help`: the first sentence of its Chinese description, as click takes the
    first sentence of the English; None when its description has no Chinese."""
    first = paragraphs(command.help or "")[:1]
    if not first or first[0][0]:
        return None
    text = zh(first[0][1])
    return text.split("。", 1)[0] if text != first[0][1] else None


def write_commands(group, ctx, formatter) -> None:
    """tracker --help's list of commands under zh: each with its Chinese summary, whole, never cut with `...`."""
    rows = []
    for name in group.list_commands(ctx):
        command = group.get_command(ctx, name)
        if command is not None and not command.hidden:
            rows.append((name, summary(command) or command.get_short_help_str(formatter.width - 6 - len(name))))
    if rows:
        with formatter.section("Commands"):
            formatter.write_dl(rows)


class Formatter(CellFormatter):
    """click's help formatter in Chinese: its words and the commands' texts translated, lines measured in cells."""

    lang = "zh"

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        args = " ".join(label("zh", w) if w in _USAGE_WORDS else w for w in args.split(" "))
        head = f"{'':>{self.current_indent}}{prefix or label('zh', 'Usage') + '：'}{prog} "
        width = self.width - cell_len(head)
        if width >= 20:
            lines = wrap(args, width)
            self.write(head + f"\n{' ' * cell_len(head)}".join(lines) + "\n")
        else:  # the command's path leaves no room: its arguments on the lines below
            indent = " " * (self.current_indent + 4)
            self.write(head.rstrip() + "\n" + "".join(f"{indent}{line}\n" for line in wrap(args, self.width - len(indent))))

    def write_heading(self, heading: str) -> None:
        self.write(f"{'':>{self.current_indent}}{label('zh', heading)}：\n")

    def write_text(self, text: str) -> None:
        indent = " " * self.current_indent
        out = []
        for kept, body in paragraphs(text):
            lines = [example_line(line) for line in body.splitlines()] if kept else wrap(zh(body), self.width - len(indent))
            out.append("\n".join(indent + line for line in lines))
        self.write("\n\n".join(out) + "\n")

    def row_text(self, text: str) -> str:
        return option_help(text)
