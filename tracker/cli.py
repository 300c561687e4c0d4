"""The `tracker` command: the typer app with every command module registered."""

from __future__ import annotations

from tracker.app import app
from tracker.commands import plan_cmds, log_cmds, status_cmds, show_cmds, report_cmds, office_cmds  # noqa: F401,I001  (they register commands)


def main() -> None:
    # A command lives for a second and makes no reference cycles worth collecting;
    # the cyclic collector would otherwise run hundreds of times while a large
    # plan or log is loaded (a province's status took 6 times longer with it).
    import gc

    gc.disable()
    app()


if __name__ == "__main__":
    main()
