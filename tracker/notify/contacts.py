"""Read contacts.toml (where each lead unit's reminders go) into frozen Contacts.

Every problem is collected and reported at once as `PATH:LINE: message`, in
one ContactsError. Values written `env:NAME` are read from the environment.
No problem quotes a webhook address (it carries its robot's token) or a
secret; a problem with an `env:NAME` value names the variable, never its value.
"""

from __future__ import annotations

import os
import re
import urllib.parse
from dataclasses import dataclass, field
from email.utils import parseaddr
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from tracker import textfile
from tracker.errors import BadInput, Problems
from tracker.model_words import rest, said
from tracker.plan import line_of, toml_problem

ROBOTS = ("dingtalk", "wecom", "feishu")
SECURITY_BY_PORT = {465: "ssl", 587: "starttls"}
PORT_BY_SECURITY = {"ssl": 465, "starttls": 587, "none": 25}


class ContactsError(Problems):
    """contacts.toml has one or more problems, each `PATH:LINE: message`, in the run's language."""


@dataclass(frozen=True)
class Smtp:
    host: str
    port: int
    security: str  # "ssl", "starttls" or "none"
    sender: str  # the `from` address, e.g. "督查室 <office@example.org>"
    user: str | None = None
    password: str | None = field(default=None, repr=False)
    cafile: str | None = None  # PEM certificates to trust besides the system's (a private CA)


@dataclass(frozen=True)
class UnitContacts:
    unit: str
    # Webhook addresses hold their robot's token: never shown, not even by repr().
    dingtalk: str | None = field(default=None, repr=False)
    dingtalk_secret: str | None = field(default=None, repr=False)
    wecom: str | None = field(default=None, repr=False)
    feishu: str | None = field(default=None, repr=False)
    feishu_secret: str | None = field(default=None, repr=False)
    mobiles: tuple[str, ...] = ()
    email: tuple[str, ...] = ()

    def channels(self) -> tuple[str, ...]:
        """The unit's channels, in sending order: the robots it has, then email."""
        have = [name for name in ROBOTS if getattr(self, name)]
        return tuple(have + (["email"] if self.email else []))


@dataclass(frozen=True)
class Contacts:
    path: str
    units: dict[str, UnitContacts]
    smtp: Smtp | None = None
    lines: dict[str, int] = field(default_factory=dict)  # each unit's [unit."NAME"] line, for a warning's place
    written_in: bool = False  # a secret (a token in an address, a signing secret, the password) is in the file itself

    def of(self, unit: str) -> UnitContacts | None:
        return self.units.get(unit)

    def secrets(self) -> tuple[str, ...]:
        """Every secret in the file: signing secrets, the SMTP password, and the tokens inside webhook addresses."""
        found: set[str] = set()
        for u in self.units.values():
            found.update(s for s in (u.dingtalk_secret, u.feishu_secret) if s)
            for url in (u.dingtalk, u.wecom, u.feishu):
                if url:
                    found.update(url_tokens(url))
        if self.smtp and self.smtp.password:
            found.add(self.smtp.password)
        return tuple(sorted(found, key=len, reverse=True))


def url_tokens(url: str) -> list[str]:
    """The parts of a webhook address that may be its token: the query's values and the path's segments."""
    parts = urllib.parse.urlsplit(url)
    found = [v for _, v in urllib.parse.parse_qsl(parts.query, keep_blank_values=False)]
    # Feishu's token is the path's last segment (/open-apis/bot/v2/hook/TOKEN); its other segments hold no digit.
    found += [seg for seg in parts.path.split("/") if len(seg) >= 8 and any(c.isdigit() for c in seg)]
    found += [p for p in (parts.password, parts.username) if p]
    return [t for t in found if len(t) >= 4]


# --- what the file may hold ---------------------------------------------------------

Text = Annotated[str, Field(min_length=1, strict=True)]


class _In(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class UnitIn(_In):
    dingtalk: Text | None = None
    dingtalk_secret: Text | None = None
    wecom: Text | None = None
    feishu: Text | None = None
    feishu_secret: Text | None = None
    mobiles: list[Text] = []
    email: list[Text] = []


class SmtpIn(_In):
    host: Text
    port: Annotated[int, Field(ge=1, le=65535, strict=True)] | None = None
    security: Literal["ssl", "starttls", "none"] | None = None
    user: Text | None = None
    password: Text | None = None
    from_: Annotated[Text | None, Field(alias="from")] = None
    cafile: Text | None = None


# A mainland mobile (11 digits from 1), or an international one with its + and country code (E.164); spaces
# and hyphens between digits allowed. A shorter number reaches nobody: DingTalk and WeCom mention by it.
_MOBILE = re.compile(r"^(?:1\d{10}|\+\d{6,15})$")


def load_contacts(path: str, unset_secrets: list | None = None) -> Contacts:
    """contacts.toml at `path`, validated and with `env:NAME` values resolved; ContactsError with every problem.

    `unset_secrets`: a secret or password whose environment variable is not set is no problem; its variable's
    name is added to the list and a stand-in that nothing shows takes its place (a dry run sends nothing).
    """
    try:
        text = textfile.read(path, "contacts file")
    except BadInput as e:
        raise ContactsError([e]) from None
    return parse_contacts(text, path, unset_secrets=unset_secrets)


def parse_contacts(text: str, path: str = "contacts.toml", environ=None, unset_secrets: list | None = None) -> Contacts:
    import tomli

    environ = os.environ if environ is None else environ
    if unset_secrets is not None:
        environ = _StandIns(environ, unset_secrets)
    try:
        data = tomli.loads(text)
    except tomli.TOMLDecodeError as e:
        raise ContactsError([toml_problem(str(e), text, path)]) from None  # worded as for tasks.toml
    except RecursionError:
        raise ContactsError([BadInput("invalid TOML: arrays or tables nested too deeply", place=f"{path}:1")]) from None
    lines = key_lines(text)
    problems: list[tuple[int, str]] = []

    def problem(loc: tuple, template: str, **fields) -> None:
        line = line_of(lines, loc)
        problems.append((line, BadInput(template, place=f"{path}:{line}", **fields)))

    for key in data:
        if key not in ("unit", "smtp"):
            problem((key,), "unknown table or key {key} (expected [unit.\"NAME\"] tables and [smtp])", key=repr(key))
    smtp = _smtp(data.get("smtp"), environ, problem)
    units: dict[str, UnitContacts] = {}
    raw_units = data.get("unit", {})
    if not isinstance(raw_units, dict):
        problem(("unit",), 'unit must hold tables, one per lead unit: [unit."市民政局"]')
        raw_units = {}
    for name, raw in raw_units.items():
        got = _unit(name, raw, environ, problem)
        if got is not None:
            units[name] = got
        if isinstance(raw, dict) and raw.get("email") and "smtp" not in data:
            problem(("unit", name, "email"), "{what}: email needs an [smtp] table", what=_unit_word(name))
    if problems:
        raise ContactsError([p for _, p in sorted(problems, key=lambda p: p[0])])
    secret_keys = (*ROBOTS, "dingtalk_secret", "feishu_secret", "password")
    tables = [t for t in [*raw_units.values(), data.get("smtp")] if isinstance(t, dict)]
    written_in = any(isinstance(t.get(k), str) and not t[k].startswith("env:") for t in tables for k in secret_keys)
    return Contacts(path, units, smtp, {name: line_of(lines, ("unit", name)) for name in units}, written_in)


def _validated(model, raw, loc: tuple, what: str, problem):
    if not isinstance(raw, dict):
        problem(loc, "{what} must be a table", what=what)
        return None
    try:
        return model.model_validate(raw)
    except ValidationError as err:
        for e in err.errors(include_url=False):
            at = tuple("from" if p == "from_" else p for p in e["loc"])
            name = ".".join(str(p) for p in at)
            template, fields = said(e)
            problem(loc + at, template, who="", field=BadInput("{what}.{name}", what=what, name=name) if name else what,
                    **fields)
        return rest(model, raw, err)

class _StandIns(dict):
    """The environment, where a secret's unset variable reads as a stand-in and is noted (load_contacts)."""

    def __init__(self, environ, unset: list):
        super().__init__(environ)
        self.unset = unset

    def secret(self, name: str) -> str | None:
        got = self.get(name)
        if got:
            return got
        if name not in self.unset:
            self.unset.append(name)
        return "unset-" + name


_SECRET_KEYS = ("password", "dingtalk_secret", "feishu_secret")


def _env(value, loc: tuple, what: str, environ, problem):
    """A value, or the environment variable it names (`env:NAME`); None and a problem when that is not set."""
    if isinstance(value, list):
        out = [_env(v, loc, what, environ, problem) for v in value]
        return None if None in out else out
    if not isinstance(value, str) or not value.startswith("env:"):
        return value
    name = value[4:].strip()
    if not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", name):
        problem(loc, "{what}: `env:` must be followed by an environment variable's name", what=what)
        return None
    got = environ.secret(name) if isinstance(environ, _StandIns) and loc[-1] in _SECRET_KEYS else environ.get(name)
    if not got or not got.strip():  # set to blanks (an export of nothing): as good as unset
        problem(loc, "{what}: environment variable {name} is not set", what=what, name=name)
        return None
    return got


def _smtp(raw, environ, problem) -> Smtp | None:
    if raw is None:
        return None
    got = _validated(SmtpIn, raw, ("smtp",), "smtp", problem)
    if got is None:
        return None
    values = {k: _env(getattr(got, k), ("smtp", "from" if k == "from_" else k), f"smtp.{k.rstrip('_')}", environ, problem)
              for k in ("host", "user", "password", "from_", "cafile")}
    ok = all(values[k] is not None or getattr(got, k) is None for k in values)
    security = got.security or SECURITY_BY_PORT.get(got.port, "starttls")
    port = got.port or PORT_BY_SECURITY[security]
    sender = values["from_"] or values["user"]
    if (sender is None and ok) or (sender is not None and "@" not in parseaddr(sender)[1]):
        problem(("smtp", "from") if got.from_ else ("smtp",), "smtp.from must be a mail address (or give smtp.user)")
        ok = False
    if ("user" in raw) != ("password" in raw):  # (a value of the wrong kind is said as such, above)
        problem(("smtp", "password" if got.password else "user"), "smtp.user and smtp.password go together")
        ok = False
    if got.password and security == "none":
        problem(("smtp", "security"), 'smtp: a password is never sent with security = "none": use "ssl" or "starttls"')
        ok = False
    if not ok:
        return None
    return Smtp(values["host"], port, security, sender, values["user"], values["password"], values["cafile"])


def _unit_word(name: str, key: str | None = None) -> BadInput:
    """`unit '市民政局'` or `unit '市民政局'.mobiles` as a phrase of a message, in the run's language."""
    if key is None:
        return BadInput("unit {name}", name=repr(name))
    return BadInput("unit {name}.{key}", name=repr(name), key=key)


def _unit(name: str, raw, environ, problem) -> UnitContacts | None:
    loc = ("unit", name)
    what = _unit_word(name)
    got = _validated(UnitIn, raw, loc, what, problem)
    if got is None:
        return None
    values = {key: _env(getattr(got, key), loc + (key,), _unit_word(name, key), environ, problem)
              for key in UnitIn.model_fields}
    ok = all(values[key] is not None or getattr(got, key) is None for key in values)
    values.update({k: v or [] for k, v in values.items() if k in ("mobiles", "email")})
    for robot in ROBOTS:
        url = values[robot]
        if url is not None and not _http_url(url):
            problem(loc + (robot,), "{what} must be an http:// or https:// address", what=_unit_word(name, robot))
            ok = False
        if robot != "wecom" and getattr(got, f"{robot}_secret") and not getattr(got, robot):
            problem(loc + (f"{robot}_secret",), "{what} is set without {robot}", what=_unit_word(name, f"{robot}_secret"),
                    robot=robot)
            ok = False
    typed, values["mobiles"] = values["mobiles"], [re.sub(r"(?<=\d)[ -](?=\d)", "", m) for m in values["mobiles"]]
    for m, plain in zip(typed, values["mobiles"]):  # plain digits, as the robots match a member's mobile
        if not _MOBILE.match(plain):
            problem(loc + ("mobiles",), "{what}: {value} is not a mobile number", what=_unit_word(name, "mobiles"),
                    value=repr(textfile.visible(m)))
            ok = False
    for address in values["email"]:
        if "@" not in parseaddr(address)[1]:
            problem(loc + ("email",), "{what}: {value} is not a mail address", what=_unit_word(name, "email"),
                    value=repr(textfile.visible(address)))
            ok = False
    if not ok:
        return None
    return UnitContacts(name, values["dingtalk"], values["dingtalk_secret"], values["wecom"], values["feishu"],
                        values["feishu_secret"], tuple(values["mobiles"]), tuple(values["email"]))


def _http_url(url: str) -> bool:
    try:
        parts = urllib.parse.urlsplit(url)
        return parts.scheme in ("http", "https") and bool(parts.hostname) and parts.port != 0
    except ValueError:  # a port that is not a number
        return False


# --- where things are in the file ----------------------------------------------------

_PART = re.compile(r'\s*("(?:[^"\\]|\\.)*"|\'[^\']*\'|[A-Za-z0-9_\-]+)\s*')


def _parts(dotted: str) -> tuple[str, ...] | None:
    """`unit."市民政局".email` → ('unit', '市民政局', 'email'); None if it is not a TOML key."""
    parts, at = [], 0
    while True:
        m = _PART.match(dotted, at)
        if not m:
            return None
        token = m[1]
        parts.append(token[1:-1] if token[0] in "\"'" else token)
        at = m.end()
        if at == len(dotted):
            return tuple(parts)
        if dotted[at] != ".":
            return None
        at += 1


_TABLE = re.compile(r"^\s*\[\s*([^\[\]]+?)\s*\]\s*(#.*)?$")
_ASSIGN = re.compile(r'^\s*((?:"(?:[^"\\]|\\.)*"|\'[^\']*\'|[A-Za-z0-9_\-.\s])+?)\s*=')


def key_lines(text: str) -> dict[tuple, int]:
    """Map ('unit', '市民政局', 'email') and its prefixes to the line where each is written."""
    lines: dict[tuple, int] = {}
    current: tuple = ()
    for n, raw in enumerate(text.splitlines(), 1):
        table = _TABLE.match(raw)
        if table:
            current = _parts(table[1]) or ()
            for end in range(1, len(current) + 1):
                lines.setdefault(current[:end], n)
            continue
        assign = _ASSIGN.match(raw)
        if assign and (key := _parts(assign[1])):
            for end in range(1, len(key) + 1):
                lines.setdefault(current + key[:end], n)
    return lines
