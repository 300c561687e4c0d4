"""The `tracker` command: the typer app with every command module registered."""

from __future__ import annotations

from tracker.app import app
from tracker.commands import plan_cmds, log_cmds, status_cmds, show_cmds, report_cmds, office_cmds  # noqa: F401,I001  (they register commands)


def main() -> None:
    # A command lives for a second and makes no reference cycles worth collecting;
    # the cyclic collector would otherwise run hundreds of times while a large
    # plan or log is loaded (a province's status took 6 times longer with it).
    import gc
    import sys

    gc.disable()
    only_the_command_asked_for(sys.argv[1:])
    try:
        app()
        code = 0
    except SystemExit as e:
        code = e.code
    leave(code)


def leave(code) -> None:
    """Exit at once, once the output is out: Python's own exit runs a full garbage collection over
    every object left (the plan, the logs) and unloads every module — at an office's size a
    tenth of a `status`, for nothing: each file the commands write is closed by then."""
    import os
    import sys

    if code is None:
        code = 0
    elif not isinstance(code, int):  # SystemExit("message"): Python prints it and exits 1
        print(code, file=sys.stderr)
        code = 1
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (BrokenPipeError, ValueError, OSError):  # a reader gone, or a stream already closed
            code = code or 1
    os._exit(code)


def only_the_command_asked_for(args: list[str]) -> None:
    """Register only the command named in `args`: typer builds every registered command's
    options on each run (a tenth of `status`'s time at an office's size). With no command
    named, or a name typer does not know, every command stays: help and suggestions need them all."""
    from typer.main import get_command_name

    i = 0
    while i < len(args) and args[i].startswith("-"):
        if args[i] in ("--tasks", "--db"):
            i += 2
        elif args[i].startswith(("--tasks=", "--db=")):
            i += 1
        else:
            return  # --help, --version, or an option typer will answer for
    if i >= len(args):
        return
    chosen = [c for c in app.registered_commands if (c.name or get_command_name(c.callback.__name__)) == args[i]]
    if chosen:
        app.registered_commands = chosen


if __name__ == "__main__":
    main()
