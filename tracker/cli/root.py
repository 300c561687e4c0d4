"""The typer application, its global options, and the one path by which errors reach the user."""

import os

import sys
from enum import Enum
from typing import Annotated, Optional

import typer
from typer import Abort
from typer.core import TyperCommand, TyperGroup

try:  # typer ≥ 0.20 carries its own copy of click
    from typer._click.exceptions import ClickException, NoArgsIsHelpError, UsageError
except ImportError:  # pragma: no cover - older typer on plain click
    from click.exceptions import ClickException, NoArgsIsHelpError, UsageError

from tracker import __version__
from tracker.errors import BadInput, TrackerError, Word
from tracker.store import DatabaseError


# `tracker --help` lists commands in the order of a month's work, not of registration.
HELP_ORDER = ("init", "tasks", "log", "void", "fill", "status", "show", "overdue", "history", "report", "check",
              "units", "remind", "forms", "import", "export", "backup", "validate")


class Context(typer.Context):
    """A run's context, whose help is in the run's language: click's own in English (measured in cells), cli/help.py's in Chinese."""

    def make_formatter(self):
        if _lang(getattr(self.find_root().command, "run_args", None)) == "en":
            from tracker.cli.help_cells import CellFormatter as Formatter
        else:
            from tracker.cli.help import Formatter

        return Formatter(width=self.terminal_width, max_width=self.max_content_width)


class Command(TyperCommand):
    """A tracker command: typer's, with the help in the run's language."""

    context_class = Context


class Typer(typer.Typer):
    """typer's app whose commands are tracker's Command unless one names its own class."""

    def command(self, name=None, *, cls=None, **kw):
        return super().command(name, cls=cls or Command, **kw)


class Group(TyperGroup):
    """Every error becomes one line on stderr and exit 2 (tracker's own, usage, SQLite)."""

    context_class = Context

    def list_commands(self, ctx):
        names = super().list_commands(ctx)
        return sorted(names, key=lambda n: HELP_ORDER.index(n) if n in HELP_ORDER else len(HELP_ORDER))

    def format_commands(self, ctx, formatter):
        if getattr(formatter, "lang", "en") == "en":
            return super().format_commands(ctx, formatter)
        from tracker.cli.help import write_commands  # the summaries whole, in Chinese: click would cut the English

        write_commands(self, ctx, formatter)

    def invoke(self, ctx):
        from tracker.cli.project import say_notices

        try:
            rv = super().invoke(ctx)
        except typer.Exit:  # a command's own exit code (check's 1): what it showed stands, with its notices
            say_notices()
            raise
        except KeyboardInterrupt:  # typer's main would end with 130 and say nothing (it never reaches main's handlers)
            from tracker.labels import label

            _fail([label(_lang(None), "tracker: interrupted")], 130)
        except DatabaseError as e:  # the real reason (disk full, read-only, locked), naming the database
            from tracker.store import failure

            raise failure(e, getattr(ctx.obj, "db_path", None) or "the database") from None
        except BrokenPipeError:  # the reader went (`| head`): click would end with 1, which is check's "flagged"
            raise typer.Exit(PIPE_CLOSED) from None
        except OSError as e:  # a file the system would not give or take: one line, never a traceback
            raise BadInput("{path}: {reason}", path=e.filename or "tracker", reason=Word(e.strerror or str(e))) from None
        say_notices()
        return rv

    def main(self, args=None, prog_name=None, complete_var=None, standalone_mode=True, **extra):
        _replace_unencodable()
        self.run_args = args  # for the help's language (Context.make_formatter): --help is answered before --lang
        try:
            rv = super().main(args, prog_name or "tracker", complete_var, standalone_mode=False, **extra)
        except NoArgsIsHelpError as e:  # bare `tracker`: the help is the answer
            print(e.format_message())
            sys.exit(0)
        except UsageError as e:
            where = f" {e.ctx.info_name}" if e.ctx and e.ctx.info_name and e.ctx.info_name != "tracker" else ""
            _fail([f"tracker{where}: {_usage(e.format_message(), _lang(args))}"])
        except TrackerError as e:
            _fail(e.message(_lang(args)).splitlines() or [type(e).__doc__])
        except Abort:
            from tracker.labels import label

            _fail([label(_lang(args), "tracker: aborted")], 130)  # (a prompt's answer never came: Ctrl-D)
        except ClickException as e:
            _fail([f"tracker: {e.format_message()}"], e.exit_code)
        except DatabaseError as e:  # raised outside a command (its options' callbacks)
            from tracker.store import failure

            _fail([str(failure(e, "the database"))])
        except BrokenPipeError:  # the reader went (`| head`) outside a command: as invoke() ends then
            sys.stderr = open(os.devnull, "w")
            sys.exit(PIPE_CLOSED)
        if standalone_mode:
            sys.exit(rv if isinstance(rv, int) else 0)
        return rv


PIPE_CLOSED = 141  # 128 + SIGPIPE: the exit code shells give a command whose reader closed the pipe


def _replace_unencodable() -> None:
    """Text a terminal's encoding cannot show (PYTHONIOENCODING=ascii, a C locale) is replaced, never a traceback.

    Python gives a C locale's stdout `surrogateescape` (which raises on a Chinese character as `strict` does)
    and stderr `backslashreplace` (`\\u672a`, which reads as nothing): both become `?` like the rest."""
    for stream in (sys.stdout, sys.stderr):
        try:
            encoding = (stream.encoding or "").lower().replace("-", "").replace("_", "")
            if (stream.errors or "strict") == "strict" or not encoding.startswith("utf"):
                stream.reconfigure(errors="replace")
        except (AttributeError, ValueError, OSError):  # not a text stream that can be reconfigured (a test's)
            pass


def _lang(args) -> str:
    """The language a run's messages are in: its last --lang option (a command's own after tracker's), else
    TRACKER_LANG, else English."""
    from tracker.labels import lang_of

    args = list(sys.argv[1:] if args is None else args)
    for i in range(len(args) - 1, -1, -1):
        if args[i] == "--lang" and i + 1 < len(args):
            return lang_of(args[i + 1])
        if args[i].startswith("--lang="):
            return lang_of(args[i].split("=", 1)[1])
    return lang_of(None)


# click's usage messages, as it words them, and the templates of ours that say the same (translated by labels).
_USAGE = (
    (r"Missing (?P<kind>argument|option|parameter) (?P<name>.+)\.", "missing {kind} {name}"),
    (r"No such option: (?P<name>\S+)(?: Did you mean (?P<maybe>\S+)\?| \(Possible options: (?P<maybe2>.+)\))?",
     "no such option {name}"),
    (r"No such command (?P<name>.+?)\.(?: Did you mean (?P<maybe>.+)\?)?", "no such command {name}"),
    (r"Missing command\.", "missing command (`tracker --help` lists them)"),
    (r"Got unexpected extra arguments? ?(?:\(s\))? \((?P<args>.*)\)", "unexpected extra arguments: {args}"),
    (r"Option (?P<name>.+) requires an argument\.", "option {name} needs a value"),
    (r"Invalid value for (?P<name>.+?): (?P<value>'.*') is not one of (?P<choices>.+)\.",
     "invalid value {value} for {name}: one of {choices}"),
    (r"Invalid value for (?P<name>.+?): (?P<value>'.*') is not a valid (?P<type>integer|float|int|integer range|int range|float range)\.",
     "invalid value {value} for {name}: not a number"),
    (r"Invalid value for (?P<name>.+?): (?P<value>\S+) is not in the range (?P<range>.+)\.",
     "invalid value {value} for {name}: not in the range {range}"),
    (r"Invalid value for (?P<name>.+?): (?P<why>.+)", "invalid value for {name}: {why}"),
)


def _usage(message: str, lang: str) -> str:
    """A usage error in the run's language: click words it in English; under zh, our template of it."""
    import re

    from tracker.labels import label

    if lang == "en":
        return message
    for pattern, template in _USAGE:
        m = re.fullmatch(pattern, message.strip(), re.S)
        if m:
            fields = {k: v for k, v in m.groupdict().items()}
            fields["maybe"] = fields.get("maybe") or fields.pop("maybe2", None)
            fields.pop("maybe2", None)
            text = label(lang, template).format(**{k: label(lang, v) if k == "kind" else (v or "") for k, v in fields.items()})
            if fields.get("maybe"):
                text += label(lang, " (did you mean {maybe}?)").format(maybe=fields["maybe"])
            return text
    return message


def _fail(lines: list[str], code: int = 2):
    from tracker.textfile import visible  # a message may quote user text: never let it drive the terminal

    for line in lines:
        print(visible(line), file=sys.stderr)
    sys.exit(code)


app = Typer(
    cls=Group,
    name="tracker",
    help="Follow a government's numbered target tasks through the year: declare them in tasks.toml, "
    "log monthly progress, see where each stands.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)


class Lang(str, Enum):
    en = "en"
    zh = "zh"


class TableFormat(str, Enum):
    table = "table"
    json = "json"


LangOpt = Annotated[Optional[Lang], typer.Option("--lang", help="Label language: en or zh (default: TRACKER_LANG, else en).", show_default=False)]
MonthOpt = Annotated[Optional[str], typer.Option("--month", "-m", metavar="MONTH", help="Month: 2024-08 or 2024年8月; 8月 alone is the plan's year's (default: this month).", show_default=False)]
CoUnitOpt = Annotated[Optional[str], typer.Option("--co-unit", metavar="UNIT", help="Only the tasks this unit shares: its co_units, 配合单位.", show_default=False)]
SearchOpt = Annotated[Optional[str], typer.Option("--search", "-s", metavar="WORDS", help="Only tasks whose title holds every one of these words (--search \"养老 中心\").", show_default=False)]
FormatOpt = Annotated[TableFormat, typer.Option("--format", "-f", help="table (for people) or json (for scripts).")]


def _version(value: bool):
    if value:
        print(f"tracker {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    ctx: typer.Context,
    tasks: Annotated[Optional[str], typer.Option("--tasks", metavar="PATH", help="The plan file (default: TRACKER_TASKS, else ./tasks.toml).", show_default=False)] = None,
    db: Annotated[Optional[str], typer.Option("--db", metavar="PATH", help="The progress log (default: TRACKER_DB, else ./data/tracker.db).", show_default=False)] = None,
    contacts: Annotated[Optional[str], typer.Option("--contacts", metavar="PATH", help="Where reminders go (default: TRACKER_CONTACTS, else contacts.toml beside tasks.toml).", show_default=False)] = None,
    lang: Annotated[Optional[Lang], typer.Option("--lang", help="Label language of every command of the run: en or zh (a command's own --lang wins).", show_default=False)] = None,
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version and exit.")] = False,
):
    """Follow numbered target tasks: declare them in tasks.toml, log monthly progress, see where each stands."""
    from tracker.cli.project import _KEPT, _NOTICED, _PENDING, Project

    if lang is not None:  # `tracker --lang zh status`: as TRACKER_LANG=zh for this run, then as it was
        before = os.environ.get("TRACKER_LANG")
        os.environ["TRACKER_LANG"] = lang.value
        ctx.call_on_close(lambda: os.environ.pop("TRACKER_LANG") if before is None
                          else os.environ.__setitem__("TRACKER_LANG", before))

    _NOTICED.clear()  # the log's stale names are said once a run
    _PENDING.clear()
    _KEPT.clear()
    ctx.obj = Project.from_options(tasks, db, contacts)
