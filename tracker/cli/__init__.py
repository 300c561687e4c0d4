"""The `tracker` command: the typer app, with the command modules registered as a run needs them."""

from __future__ import annotations

import importlib

# The module that registers each command. A run imports only the module of the command it
# names (an office's `status` has ~30 ms to spare); `tracker.cli.app` has them all.
# tests/test_cli_core.py holds this map to what the modules register.
COMMAND_MODULES = {
    "init": "setup", "validate": "setup", "tasks": "setup",
    "log": "log", "void": "log", "history": "log", "export": "log", "import": "log", "backup": "log",
    "status": "status", "overdue": "status", "show": "show", "report": "report",
    "check": "office", "units": "office", "fill": "office", "remind": "remind", "forms": "forms",
}
MODULES = ("setup", "log", "status", "show", "report", "office", "remind", "forms")  # the order of --help's ties


def register(modules=MODULES):
    from tracker.cli.root import app

    for module in modules:
        importlib.import_module(f"tracker.cli.{module}")
    return app


def __getattr__(name: str):
    if name == "app":  # the whole app, every command registered (tests, and anyone driving tracker from Python)
        return register()
    raise AttributeError(f"module 'tracker.cli' has no attribute {name!r}")


def main() -> None:
    # A command lives for a second and makes no reference cycles worth collecting;
    # the cyclic collector would otherwise run hundreds of times while a large
    # plan or log is loaded (a province's status took 6 times longer with it).
    import gc
    import sys

    gc.disable()
    name = command_named(sys.argv[1:])
    if name in COMMAND_MODULES:
        app = register([COMMAND_MODULES[name]])
        from typer.main import get_command_name

        # typer builds every registered command's options on each run: only the one asked for
        app.registered_commands = [c for c in app.registered_commands
                                   if (c.name or get_command_name(c.callback.__name__)) == name]
    else:  # help, --version, or a name typer does not know: its answer needs every command
        app = register()
    try:
        app()
        code = 0
    except SystemExit as e:
        code = e.code
    leave(code)


def command_named(args: list[str]) -> str | None:
    """The command `args` name after the global options (--tasks PATH, --db PATH, --lang L…), if they name one."""
    i = 0
    while i < len(args) and args[i].startswith("-"):
        if args[i] in ("--tasks", "--db", "--contacts", "--lang"):
            i += 2
        elif args[i].startswith(("--tasks=", "--db=", "--contacts=", "--lang=")):
            i += 1
        else:
            return None  # --help, --version, or an option typer will answer for
    return args[i] if i < len(args) else None


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
        except BrokenPipeError:  # the reader went (`| head`) before the output was out: its end, not check's 1
            from tracker.cli.root import PIPE_CLOSED

            code = PIPE_CLOSED if code in (0, 1) else code  # a refusal's 2 (said on stderr) stays
        except (ValueError, OSError):  # a stream already closed
            code = code or 1
    os._exit(code)


if __name__ == "__main__":
    main()
