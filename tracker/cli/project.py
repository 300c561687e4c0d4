"""Where the project's files are, what today is, and loading the plan (through its cache).

The edge of the pipeline: this module reads the environment, the clock and
files, so that the core never has to.
"""

import datetime as dt
import json
import os
from typing import NamedTuple

from tracker import __version__, store
from tracker.core import months
from tracker.errors import BadInput, PlanError
from tracker.core.model import Plan, plan_from_data, plan_to_data

try:  # hashlib's own blake2b, without hashlib loading OpenSSL's library (a few ms of every command)
    from _blake2 import blake2b as _blake2b
except ImportError:  # pragma: no cover - a Python built without it
    from hashlib import blake2b as _blake2b

# Part of the cache key, with tracker's version: a tracker that reads plans differently (a release, or a change of
# what tasks.toml may hold: bump this with it) re-parses them, so that a plan it would refuse is never taken from
# an older tracker's cache. 5: a task's id is the digits 0-9 (a full-width '１' passed before); 6: an id that is
# another's number written another way (05 beside 5) is refused; 7: the cache's form (a metric's key, name, unit
# and mode, a task's dates, stall months and tolerance, each written once: model.plan_to_data).
PLAN_CACHE_VERSION = f"plan-cache-7 {__version__}".encode()


class Project(NamedTuple):
    tasks_path: str
    db_path: str
    contacts_path: str  # where reminders go (remind); beside tasks.toml unless given
    contacts_given: bool = False  # by --contacts or TRACKER_CONTACTS: then it must exist

    @classmethod
    def from_options(cls, tasks: str | None, db: str | None, contacts: str | None = None) -> "Project":
        # A leading ~ is the home folder, as the shell would have it: it does not expand `--db=~/…` nor a
        # quoted TRACKER_DB="~/…", and a log started at such a path went into a folder named ~ here.
        home = os.path.expanduser
        tasks_path = home(tasks or os.environ.get("TRACKER_TASKS") or "tasks.toml")
        given = contacts or os.environ.get("TRACKER_CONTACTS")
        return cls(
            tasks_path,
            home(db or os.environ.get("TRACKER_DB") or os.path.join("data", "tracker.db")),
            home(given) if given else os.path.join(os.path.dirname(tasks_path), "contacts.toml"),
            bool(given),
        )

    def month(self, text: str | None, future: str | None = "") -> int:
        """The month a command works on: the option, else this month. A month still to come (a year typed wrong,
        2026-08 for 2025-08, shows every task unreported) is said in a note on stderr; with `future`, refused
        with it (nothing can be reported, or chased, for it yet); with None, taken as it is (forms, which may go
        out before their month)."""
        now = months.of(today())
        p = self.parse_month(text) if text is not None else now  # --month= (empty) is no month
        if p > now and future is not None:
            if future:
                raise BadInput(future, month=months.fmt(p), now=months.fmt(now))
            _say_once(("future", p), "note: month {month} is still to come: nothing is reported for it yet "
                      "(this month is {now})", month=months.fmt(p), now=months.fmt(now))
        return p

    def parse_month(self, text: str) -> int:
        """A month as typed; one without its year (`8月`, `8`) is of the plan's year (plan.year: January's
        `--month 12月` is still the plan's December), else of this year."""
        if not months.yearless(text):
            return months.parse(text, year=0)  # 0: the refusal names the month alone among the forms
        try:
            year = load_plan(self.tasks_path).year
        except (BadInput, PlanError):  # no plan (yet) or a broken one: its own command says what is wrong
            year = None
        return months.parse(text, year or today().year)

    def read(self, upgrade: bool = True):
        """A reading connection, or None when there is no log yet (said once a run on stderr: every task
        then shows unreported, and a --db or TRACKER_DB mistyped is how that happens)."""
        _hear_waits()  # a read that writes (an upgrade, validate --repair) may wait for the lock too
        conn = store.open_read(self.db_path, upgrade)
        if conn is None and _no_file(self.db_path) and getattr(_context(), "info_name", None) in SHOWS_LOG:
            # said after what the command shows, and only when it showed it (a refusal is the news then)
            _PENDING["no log"] = ("no log at {path}: nothing is recorded there (is --db or TRACKER_DB right?)",
                                  {"path": self.db_path}, run_lang())  # the command's --lang, known here
        return conn

    def write(self):
        _hear_waits()
        new = not os.path.lexists(self.db_path)
        conn = store.open_write(self.db_path)
        if new:
            self.started()
        unrecorded_notice(conn)
        return conn

    def reminded(self, p: int) -> dict[str, int]:
        """The reminders delivered to each unit for month p (tracker remind)."""
        from tracker.store import reminders

        conn = self.read()
        try:
            return reminders.delivered_counts(conn, p)
        finally:
            if conn is not None:
                conn.close()

    def started(self) -> None:
        """Say that this run started the log: a mistyped --db must not start a second log unnoticed."""
        _say_once("new log", "started a new log at {path}", path=self.db_path)

    def plan(self, conn=None, notice: bool = True) -> Plan:
        """The plan; with the log's connection, a one-line notice on stderr when the log names tasks or
        metrics the plan no longer has (validate lists them; it asks without the notice)."""
        plan = load_plan(self.tasks_path, conn)
        if notice and conn is not None:
            stale_notice(plan, conn)
        return plan


    def own_files(self) -> list[str]:
        """The files no `-o FILE` or backup may write over: the database and SQLite's files beside it,
        tasks.toml, contacts.toml."""
        db = self.db_path
        return [db, db + "-wal", db + "-shm", db + "-journal", self.tasks_path, self.contacts_path]


_NOTICED: set = set()


_PENDING: dict = {}  # notices said when the command has done its work (say_notices); emptied with _NOTICED


_KEPT: list = []  # what a run loaded, held until it exits; emptied when the next run starts


def keep(*loaded) -> None:
    """Hold a run's plan, logs and standings until the process exits (cli.leave(), which frees nothing):
    freed one object at a time when the command returns, a province's take 17–24 ms, for nothing."""
    _KEPT.extend(loaded)


def say_notices() -> None:
    """The notices a run put off until its command had shown what it shows."""
    for key, (template, fields, lang) in list(_PENDING.items()):
        _say_once(key, template, lang, **fields)
    _PENDING.clear()


def _say_once(key: str, template: str, lang: str | None = None, **fields) -> None:
    """A notice on stderr, once a run, in `lang` (else the running command's)."""
    import sys

    from tracker.labels import label
    from tracker.textfile import visible

    if key in _NOTICED:
        return
    _NOTICED.add(key)
    print(visible(label(lang or run_lang(), template).format(**fields)), file=sys.stderr)


def stale_notice(plan: Plan, conn, names=None) -> None:
    """Once a run: say on stderr when the log names tasks or metrics that tasks.toml no longer has.

    `names`: (task, metric or None) pairs among which the stale ones are (store.load_recent gives them
    as it reads the series); else every name of the log (series.names)."""
    import sys

    from tracker.store import series

    unrecorded_notice(conn)
    if True in _NOTICED:
        return
    _NOTICED.add(True)  # emptied by the app's callback at the start of each run
    stale = []
    for t, m in series.names(conn) if names is None else names:
        task = plan.task(t)
        if task is None:
            if m is None:
                stale.append(t)
        elif m is not None and task.metric(m) is None:
            stale.append(f"{t}.{m}")
    if stale:
        from tracker.labels import label
        from tracker.textfile import visible

        stale.sort()
        shown = ", ".join(stale[:5]) + (", …" if len(stale) > 5 else "")
        said = ("log names {n} task or metric that tasks.toml no longer has ({names}); `tracker validate` lists it"
                if len(stale) == 1 else
                "log names {n} tasks or metrics that tasks.toml no longer has ({names}); `tracker validate` lists them")
        print(visible(label(run_lang(), said).format(n=len(stale), names=shown)), file=sys.stderr)


def unrecorded_notice(conn) -> None:
    """Once a run: say on stderr when the log holds entries that no append of tracker's recorded (added with
    another tool, behind its back): they count, and the next append chains onto them, until someone looks."""
    import sys

    if "unrecorded" in _NOTICED or conn is None:
        return
    _NOTICED.add("unrecorded")
    found = store.unrecorded(conn)
    if found:
        which = (BadInput("entry #{n}", n=found[0]) if found[0] == found[1]
                 else BadInput("entries #{first}–#{last}", first=found[0], last=found[1]))
        print(BadInput("warning: the log holds {which} that no append of tracker's recorded (added behind its "
                       "back); `tracker validate` checks them", which=which).message(run_lang()),
              file=sys.stderr)


def _context():
    """The running command's click context, or None (tracker driven from Python)."""
    try:
        try:  # typer ≥ 0.20 carries its own copy of click
            from typer._click.globals import get_current_context
        except ImportError:
            from click import get_current_context
        return get_current_context()
    except (ImportError, RuntimeError):
        return None


def _no_file(path: str) -> bool:
    """No log file at path: none at all, or an empty one (cut short, or a git LFS checkout gone wrong)."""
    return not os.path.lexists(path) or (os.path.isfile(path) and os.path.getsize(path) == 0)


def run_lang() -> str:
    """The language of the running command: its --lang, else TRACKER_LANG, else English."""
    from tracker.labels import lang_of

    value = getattr(_context(), "params", {}).get("lang")
    return lang_of(getattr(value, "value", value))


# The commands that show what the log holds: with no log at their path, they say so (a mistyped --db).
# (Those that append start a log there, and say that instead; validate says there is none.)
SHOWS_LOG = ("status", "overdue", "show", "history", "report", "check", "units", "remind", "forms", "export")


def today() -> dt.date:
    """Today, or TRACKER_TODAY (YYYY-MM-DD) for tests and reproducible runs."""
    fixed = os.environ.get("TRACKER_TODAY")
    if fixed:
        try:
            return dt.date.fromisoformat(fixed.strip())
        except ValueError:
            raise BadInput("TRACKER_TODAY={fixed} is not a date (YYYY-MM-DD)", fixed=repr(fixed)) from None
    return dt.date.today()


def load_plan(path: str, conn=None) -> Plan:
    """The validated plan; re-parsed only when the file's content changed since it was cached."""
    # One cached plan per database, found by its content: a clone elsewhere (another path)
    # or a checkout that only touched mtimes still hits, and reading never dirties the file.
    # A cache whose seal does not hold (edited by hand) is never shown: tasks.toml is parsed instead.
    plan, digest, present = _sealed_cache(path, conn)
    if plan is not None:
        return plan
    plan, digest = parse_plan(path)
    if not present:  # an edited cache stays as it is, for validate to find
        data = cache_data(plan)
        store.cache_plan(conn, CACHE_KEY, sealed(digest, data), data)
    return plan


CACHE_KEY = "plan"  # the one row of plan_cache


def checked_plan(path: str, conn) -> tuple[Plan, str, str | None]:
    """validate's plan: (the plan, tasks.toml's digest, the cache's data as parsing the file gives it).

    A cached plan stored under this content's digest and the seal of its data (sealed()) was written by
    tracker after it validated these very bytes: it is the plan, and the file is not parsed again (the
    third item is then None: there is nothing left to compare). Otherwise tasks.toml is parsed and
    validated, and its data is what the cache must hold.
    """
    plan, digest, _ = _sealed_cache(path, conn)
    if plan is not None:
        return plan, digest, None
    plan, digest = parse_plan(path)
    return plan, digest, cache_data(plan)


def _sealed_cache(path: str, conn) -> tuple[Plan | None, str, bool]:
    """(the cached plan of tasks.toml's content if its seal holds, else None; the content's digest;
    whether a cache of this content is there at all)."""
    digest = file_digest(path)
    cached = store.cached_plan(conn, CACHE_KEY, digest) if digest else None
    if cached is not None and cached[1] == sealed(digest, cached[0]):
        return _from_cache(cached[0], path), digest, True
    return None, digest, cached is not None


def sealed(digest: str, data: str | bytes) -> str:
    """The key a cached plan is stored under: tasks.toml's digest, a space, and a digest over that and the
    cached data. Data edited alone no longer matches its key, and validate parses tasks.toml again to
    compare; what it cannot see is data edited and sealed anew by someone who knows this formula (as with
    a log rewritten with its hashes and heads recomputed)."""
    seal = _blake2b(digest.encode(), digest_size=20)
    seal.update(data if isinstance(data, bytes) else data.encode())  # the cache read back is its UTF-8
    return f"{digest} {seal.hexdigest()}"


def _from_cache(data: bytes, path: str) -> Plan:
    payload = json.loads(data.decode())  # json.loads(bytes) would decode it more slowly (surrogatepass)
    payload["path"] = path
    return plan_from_data(payload)


def file_digest(path: str) -> str:
    """The cache key of tasks.toml's content ("" when it cannot be read: parsing it then says why)."""
    from tracker.files import regular_or_absent

    regular_or_absent(path, "plan file")  # a FIFO or /dev/zero: refused, never read
    hasher = _blake2b(digest_size=20)
    try:
        with open(path, "rb") as f:  # in pieces: a province's plan is 10 MB, and memory counts too
            while chunk := f.read(1 << 20):
                hasher.update(chunk)
    except OSError:
        return ""
    hasher.update(PLAN_CACHE_VERSION)
    return hasher.hexdigest()


def cache_data(plan: Plan) -> str:
    """The plan as its cache holds it."""
    return json.dumps(plan_to_data(plan), ensure_ascii=False)


def parse_plan(path: str) -> tuple[Plan, str]:
    """tasks.toml read and validated (plan.py), with its cache key: the digest of the very bytes parsed."""
    from tracker import plan as planfile  # tomli and pydantic: only when tasks.toml changed

    from tracker.files import regular_or_absent

    regular_or_absent(path, "plan file")
    try:
        with open(path, "rb") as f:
            data = f.read()
    except OSError:
        return planfile.load(path), ""  # raises the right message
    digest = _blake2b(data, digest_size=20)
    digest.update(PLAN_CACHE_VERSION)
    return planfile.parse(planfile.decode(data, path), path), digest.hexdigest()


def reporter() -> str | None:
    """Who reports: TRACKER_BY (unless empty or blank), else the login name."""
    name = os.environ.get("TRACKER_BY")
    if name and name.strip():
        return name
    try:
        import getpass

        return getpass.getuser()
    except Exception:  # no login name on this system: record none rather than fail
        return None


def named(by: str | None) -> str | None:
    """`--by` as given: a name typed empty or blank is refused (it would record a blank reporter, or fall back
    to the login name unsaid)."""
    if by is not None and not by.strip():
        raise BadInput("--by: a name is required (it is empty)")
    return by


def _hear_waits() -> None:
    """Have the store say on stderr when this run's write waits for another's lock (base.on_wait)."""
    from tracker.store import base

    base.on_wait = _say_waiting


def _say_waiting(path: str) -> None:
    """On stderr: a write waits for another tracker's (an import, say) to end."""
    import sys

    from tracker.cli.root import _lang
    from tracker.labels import label

    print(label(_lang(None), "{path}: another tracker is writing; waiting for it to finish…").format(path=path),
          file=sys.stderr, flush=True)
