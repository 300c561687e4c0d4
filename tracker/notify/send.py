"""Deliver each unit's reminder through its channels, or plan what a dry run would send.

Each robot takes at most 20 messages a minute (a sliding window per
webhook address); a timeout, a lost connection or a 5xx is tried again
after a growing wait (an answer cut mid-way too), three tries in all and 30 s at most, and so is an answer
that says the robot is sent too much (HTTP 429, robots.BUSY); an answer that
refuses the message (any other non-zero error code or 4xx) is not tried again.
One unit's failure never stops the others. Every Delivery names a robot by
its channel and host only, and every reason is one short line, scrubbed
of every secret in contacts.toml as a last guard.
"""

from __future__ import annotations

import datetime as dt
import socket
import time
import urllib.error
import urllib.request
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from http.client import HTTPException, IncompleteRead

from tracker.notify import robots
from tracker.notify.contacts import Contacts, UnitContacts
from tracker.notify.mail import MailError, send_mail
from tracker.notify.message import Notice, compose, shown, subject

TRIES = 3
BUDGET = 30.0  # seconds, all tries and waits of one message
WAITS = (2.0, 4.0)  # before the second and the third try
PER_MINUTE = 20
WINDOW = 60.0
NO_CHANNEL = "no channel in contacts.toml"


@dataclass(frozen=True)
class Delivery:
    unit: str
    channel: str | None  # "dingtalk", "wecom", "feishu", "email"; None for a unit with no channel
    where: str  # "dingtalk (oapi.dingtalk.com)", "email (a@example.org)"; "" with no channel
    delivered: bool
    reason: str | None  # why not, one line, no secret
    tasks: tuple[str, ...]  # the IDs of the tasks the message was about
    at: dt.datetime  # UTC, when the last try ended
    attempts: int = 0


@dataclass(frozen=True)
class Planned:
    unit: str
    channel: str
    where: str
    subject: str | None  # mail only
    text: str
    tasks: tuple[str, ...]


@dataclass(frozen=True)
class DryRun:
    messages: tuple[Planned, ...]
    unreachable: tuple[str, ...]  # units with flagged tasks and no channel: to be phoned
    phoned: tuple[Planned, ...] = ()  # what to tell each of them on the phone: the message whole, as a mail has it


class _Failed(Exception):
    """One try did not deliver; `retry` says whether another may."""

    def __init__(self, reason: str, retry: bool):
        self.reason, self.retry = reason, retry
        super().__init__(reason)


class RateLimit:
    """At most `per_minute` sends to one key in any `window` seconds (a sliding window); waits with `sleep`."""

    def __init__(self, clock: Callable[[], float], sleep: Callable[[float], None],
                 per_minute: int = PER_MINUTE, window: float = WINDOW):
        self.clock, self.sleep, self.per_minute, self.window = clock, sleep, per_minute, window
        self.sent: dict[str, deque[float]] = {}

    def wait(self, key: str) -> None:
        sent = self.sent.setdefault(key, deque())
        while True:
            now = self.clock()
            while sent and now - sent[0] >= self.window:
                sent.popleft()
            if len(sent) < self.per_minute:
                sent.append(now)
                return
            self.sleep(self.window - (now - sent[0]))


def _messages(notice: Notice, unit: UnitContacts, lang: str):
    """(channel, where, subject, text, send-key, build) for each of the unit's channels."""
    out = []
    robot_text = compose(notice, lang, max_bytes=robots.MAX_BYTES - 16 * len(unit.mobiles))
    if unit.dingtalk:
        out.append(("dingtalk", robots.where("dingtalk", unit.dingtalk), None, robots.mentioning(robot_text, unit.mobiles),
                    unit.dingtalk,
                    lambda: robots.dingtalk(unit.dingtalk, unit.dingtalk_secret, robot_text, unit.mobiles)))
    if unit.wecom:
        out.append(("wecom", robots.where("wecom", unit.wecom), None, robots.mentioning(robot_text, unit.mobiles), unit.wecom,
                    lambda: robots.wecom(unit.wecom, robot_text, unit.mobiles)))
    if unit.feishu:
        out.append(("feishu", robots.where("feishu", unit.feishu), None, robot_text, unit.feishu,
                    lambda: robots.feishu(unit.feishu, unit.feishu_secret, robot_text)))
    if unit.email:
        out.append(("email", f"email ({', '.join(shown(a) for a in unit.email)})", subject(notice, lang),
                    compose(notice, lang), None, None))
    return out


def plan_dry_run(notices: list[Notice], contacts: Contacts, lang: str) -> DryRun:
    """What deliver() would send, and where; the units that have no channel."""
    planned, unreachable, phoned = [], [], []
    for notice in notices:
        unit = contacts.of(notice.unit)
        if unit is None or not unit.channels():
            unreachable.append(notice.unit)
            phoned.append(Planned(notice.unit, "phone", "", None, compose(notice, lang), notice.task_ids()))
            continue
        for channel, where, subj, text, _, _ in _messages(notice, unit, lang):
            planned.append(Planned(notice.unit, channel, where, subj, text, notice.task_ids()))
    return DryRun(tuple(planned), tuple(unreachable), tuple(phoned))


def dry_run_text(dry: DryRun, lang: str) -> str:
    """A dry run as the command prints it: each message under the place it would go, then the units to phone."""
    zh = lang == "zh"
    blocks = []
    for p in dry.messages:
        head = f"→ {shown(p.unit)} · {p.where}"
        if p.subject:
            head += f"\n{'主题' if zh else 'Subject'}: {p.subject}"
        blocks.append(f"{head}\n{p.text}")
    for p in dry.phoned:  # a clerk with no robot yet reads the message out, or pastes it into a chat by hand
        where = "电话（contacts.toml 中没有它的提醒渠道）" if zh else "by phone (no channel of it in contacts.toml)"
        blocks.append(f"→ {shown(p.unit)} · {where}\n{p.text}")
    if dry.unreachable:
        title = "以下单位没有提醒渠道，请电话催报：" if zh else "No channel in contacts.toml (phone them):"
        blocks.append(title + "\n" + "\n".join(f"  {shown(u)}" for u in dry.unreachable))
    if not blocks:
        blocks.append("没有需要提醒的单位" if zh else "nobody to remind")
    return "\n\n".join(blocks)


def deliver(notices: list[Notice], contacts: Contacts, lang: str, *, clock: Callable[[], float] = time.monotonic,
            sleep: Callable[[float], None] = time.sleep, timeout: float = 10,
            done: Callable[[Notice], None] | None = None,
            sent: Callable[[Delivery], None] | None = None) -> list[Delivery]:
    """Send each notice through each of its unit's channels; one Delivery per channel (or per unit with none).
    done(notice), when given, is called as each notice has gone (a progress bar); sent(delivery) as each
    message has gone or failed, so that the caller records it then: a run interrupted later keeps on record
    what it sent."""
    limit = RateLimit(clock, sleep)
    secrets = contacts.secrets()
    out: list[Delivery] = []
    for notice in notices:
        unit = contacts.of(notice.unit)
        if unit is None or not unit.channels():
            out.append(Delivery(notice.unit, None, "", False, NO_CHANNEL, notice.task_ids(), _now()))
            if done is not None:
                done(notice)
            continue
        for channel, where, subj, text, key, build in _messages(notice, unit, lang):
            if build is not None:
                attempt, gate = _robot_attempt(build, timeout), (lambda key=key: limit.wait(key))
            else:
                attempt, gate = _mail_attempt(contacts, unit.email, subj, text, timeout), None
            delivered, reason, tries = _with_retries(attempt, clock, sleep, gate)
            if reason is not None:
                reason = _scrub(f"{where}: {reason}", secrets)
            out.append(Delivery(notice.unit, channel, where, delivered, reason, notice.task_ids(), _now(), tries))
            if sent is not None:
                sent(out[-1])
        if done is not None:
            done(notice)
    return out


def _now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)


def _with_retries(attempt: Callable[[float], None], clock, sleep, gate=None) -> tuple[bool, str | None, int]:
    """Try up to TRIES times within BUDGET seconds; (delivered, the last reason, tries).

    gate() runs before each try (the rate limit); the time it waits is not
    counted against the budget.
    """
    start = clock()
    for n in range(1, TRIES + 1):
        if gate is not None:
            before = clock()
            gate()
            start += clock() - before
        try:
            attempt(BUDGET - (clock() - start))
            return True, None, n
        except _Failed as failed:
            reason = failed.reason
            if not failed.retry or n == TRIES:
                break
            wait = WAITS[n - 1]
            if clock() - start + wait >= BUDGET:
                break
            sleep(wait)
    tries = f" ({n} tries)" if n > 1 else ""
    return False, reason + tries, n


def _robot_attempt(build, timeout: float):
    def attempt(left: float) -> None:
        request = build()  # signed afresh each try: the signature's timestamp must be recent
        _post(request, min(timeout, max(left, 0.5)))
    return attempt


def _mail_attempt(contacts: Contacts, to: tuple[str, ...], subj: str, text: str, timeout: float):
    def attempt(left: float) -> None:
        try:
            send_mail(contacts.smtp, to, subj, text, timeout=min(timeout, max(left, 0.5)))
        except MailError as e:
            raise _Failed(e.reason, e.retry) from None
    return attempt


def _post(request: robots.Request, timeout: float) -> None:
    http = urllib.request.Request(request.url, data=request.body, method="POST",
                                  headers={"Content-Type": "application/json; charset=utf-8"})
    try:
        with urllib.request.urlopen(http, timeout=timeout) as answer:
            payload = answer.read(65536)
            if answer.length and len(payload) < 65536:  # fewer bytes than its Content-Length: cut mid-answer
                raise IncompleteRead(payload, answer.length)
    except urllib.error.HTTPError as e:
        # 5xx: the robot's service is in trouble, and may not be in a moment; 429 (or a robot's own code for
        # it): sent too much, and a wait may do; any other 4xx: it refused this message.
        problem = robots.answer_problem(request.channel, e.read(65536)) if e.code < 500 else None
        e.close()
        detail = f" ({problem.reason})" if problem and not problem.reason.startswith("answered") else ""
        busy = e.code == 429 or (problem is not None and problem.busy)
        raise _Failed(f"HTTP {e.code}{detail}", retry=e.code >= 500 or busy) from None
    except urllib.error.URLError as e:
        raise _Failed(_network_reason(e.reason), retry=True) from None
    except (TimeoutError, socket.timeout):
        raise _Failed("timed out", retry=True) from None
    except IncompleteRead:  # the robot may have taken the message or not: as a lost connection
        raise _Failed("the server closed the connection", retry=True) from None
    except (OSError, ValueError, HTTPException) as e:  # a connection reset while reading, a malformed answer
        raise _Failed(f"connection failed ({type(e).__name__})", retry=True) from None
    problem = robots.answer_problem(request.channel, payload)
    if problem is not None:  # a refused message (a wrong signature, a bad key) stays refused; "too many" may pass
        raise _Failed(problem.reason, retry=problem.busy)


def _network_reason(reason) -> str:
    if isinstance(reason, (TimeoutError, socket.timeout)):
        return "timed out"
    if isinstance(reason, ConnectionRefusedError):
        return "connection refused"
    if isinstance(reason, socket.gaierror):
        return "host not found"
    if isinstance(reason, OSError) and reason.strerror:
        return reason.strerror.lower()
    return f"connection failed ({type(reason).__name__})" if isinstance(reason, BaseException) else "connection failed"


def _scrub(text: str, secrets: tuple[str, ...]) -> str:
    """One line, with any secret in it (a robot's echo, an odd library message) replaced by ***."""
    for secret in secrets:
        text = text.replace(secret, "***")
    return shown(text)[:300]
