"""The group robots' webhook messages (DingTalk, WeCom, Feishu/Lark), as their published APIs define them.

Each function returns the request to POST (address and JSON body), signed
where the robot has a signing secret; answer_problem() reads the robot's
answer. Sending is send.py's job. A text message is the kind every robot
takes, and reads the same on a phone as in the desktop client.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import time
import urllib.parse
from dataclasses import dataclass, field
from typing import NamedTuple

# A text message's limit: WeCom takes 2,048 bytes of UTF-8; DingTalk and Feishu take more,
# but a reminder that long is no longer read on a phone.
MAX_BYTES = 2048


@dataclass(frozen=True)
class Request:
    channel: str
    url: str = field(repr=False)  # holds the robot's token (and DingTalk's signature): never shown
    body: bytes = field(repr=False)

    @property
    def where(self) -> str:
        return where(self.channel, self.url)


def where(channel: str, url: str) -> str:
    """A robot as outputs name it: its channel and host, never the path or query that carry its token."""
    parts = urllib.parse.urlsplit(url)
    host = parts.hostname or "?"
    if ":" in host:
        host = f"[{host}]"
    return f"{channel} ({host}:{parts.port})" if parts.port else f"{channel} ({host})"


def _json(payload: dict) -> bytes:
    return json.dumps(payload, ensure_ascii=False).encode("utf-8")


# --- DingTalk: https://open.dingtalk.com/document/robots/custom-robot-access ----------------


def dingtalk_sign(secret: str, timestamp_ms: int) -> str:
    """加签: base64(HMAC-SHA256(key = secret, message = timestamp + "\\n" + secret)), before URL encoding."""
    digest = hmac.new(secret.encode("utf-8"), f"{timestamp_ms}\n{secret}".encode("utf-8"), hashlib.sha256).digest()
    return base64.b64encode(digest).decode("ascii")


def mentioning(text: str, mobiles: tuple[str, ...]) -> str:
    """The text as the group reads it with its @-mentions: DingTalk needs them in the text; WeCom shows them so."""
    return text + "\n" + " ".join(f"@{m}" for m in mobiles) if mobiles else text


def dingtalk(url: str, secret: str | None, text: str, mobiles: tuple[str, ...] = (), *, now=time.time) -> Request:
    """A text message; the mobiles are @-mentioned (DingTalk shows a mention only when `@MOBILE` is in the text)."""
    text = mentioning(text, mobiles)
    body = {"msgtype": "text", "text": {"content": text}, "at": {"atMobiles": list(mobiles), "isAtAll": False}}
    if secret:
        timestamp = int(now() * 1000)
        url = _with_query(url, {"timestamp": str(timestamp), "sign": dingtalk_sign(secret, timestamp)})
    return Request("dingtalk", url, _json(body))


def _with_query(url: str, params: dict[str, str]) -> str:
    parts = urllib.parse.urlsplit(url)
    query = [(k, v) for k, v in urllib.parse.parse_qsl(parts.query, keep_blank_values=True) if k not in params]
    query += list(params.items())
    return urllib.parse.urlunsplit(parts._replace(query=urllib.parse.urlencode(query)))


# --- WeCom (企业微信): https://developer.work.weixin.qq.com/document/path/91770 --------------


def wecom(url: str, text: str, mobiles: tuple[str, ...] = ()) -> Request:
    """A text message; the mobiles are @-mentioned through mentioned_mobile_list."""
    body = {"msgtype": "text", "text": {"content": text, "mentioned_mobile_list": list(mobiles)}}
    return Request("wecom", url, _json(body))


# --- Feishu / Lark: https://open.feishu.cn/document/client-docs/bot-v3/add-custom-bot -------


def feishu_sign(secret: str, timestamp_s: int) -> str:
    """签名校验: base64(HMAC-SHA256(key = timestamp + "\\n" + secret, message = empty))."""
    digest = hmac.new(f"{timestamp_s}\n{secret}".encode("utf-8"), b"", hashlib.sha256).digest()
    return base64.b64encode(digest).decode("ascii")


def feishu(url: str, secret: str | None, text: str, *, now=time.time) -> Request:
    """A text message. Feishu's text @-mentions a user by open_id only, not by mobile: no one is mentioned."""
    body: dict = {"msg_type": "text", "content": {"text": text}}
    if secret:
        timestamp = int(now())
        body = {"timestamp": str(timestamp), "sign": feishu_sign(secret, timestamp), **body}
    return Request("feishu", url, _json(body))


# --- the answer -----------------------------------------------------------------------


# The error codes with which a robot says that it is sent too much (DingTalk's 20 a minute, WeCom's limit,
# Feishu's custom-bot and gateway limits): unlike a wrong signature or key, a wait may get the message through.
BUSY = {"dingtalk": frozenset({130101}), "wecom": frozenset({45009}), "feishu": frozenset({11232, 99991400})}
# DingTalk takes nothing more from a robot sent over 20 messages in a minute for the next 10 minutes: said with
# its refusal, so that the clerk waits that long before sending the rest (a wait of seconds does not get through).
HOLD_MINUTES = {"dingtalk": 10}


class Problem(NamedTuple):
    """Why a robot did not take a message; `busy`: it said it is sent too much (BUSY), and may take it later."""

    reason: str
    busy: bool = False


def answer_problem(channel: str, payload: bytes) -> Problem | None:
    """None when the robot took the message; else why not, as the robot said it (its error code and message).

    DingTalk and WeCom answer {"errcode": 0, "errmsg": "ok"}; Feishu
    {"code": 0, "msg": "success"} or, from older robots, {"StatusCode": 0, …}.
    """
    try:
        answer = json.loads(payload.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        return Problem("answered with something that is not JSON")
    if not isinstance(answer, dict):
        return Problem("answered with something that is not a JSON object")
    if channel == "feishu":
        code = answer.get("code", answer.get("StatusCode"))
        message = answer.get("msg", answer.get("StatusMessage"))
    else:
        code, message = answer.get("errcode"), answer.get("errmsg")
    if code == 0:
        return None
    if code is None:
        return Problem("answered without an error code")
    busy = type(code) is int and code in BUSY.get(channel, ())
    reason = f"error {code}: {message}" if message else f"error {code}"
    if busy and channel in HOLD_MINUTES:
        reason += f"; the robot takes no more for {HOLD_MINUTES[channel]} minutes: run tracker remind again after that"
    return Problem(reason, busy)
