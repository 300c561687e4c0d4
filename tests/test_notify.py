"""Reminders (催报): contacts.toml, the message, and delivery to real servers on 127.0.0.1.

The robot server below checks each request as its vendor does (the body's
shape, the signature recomputed from the secret) and answers as the vendor
does; the mail server is aiosmtpd. Nothing of the sending code is mocked:
only the clock and sleep are injected, so that waits cost no time.
"""

from __future__ import annotations

import base64
import datetime as dt
import email
import email.policy
import hashlib
import hmac
import json
import socket
import threading
import time
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from tracker.errors import BadInput
from tracker.core.model import Metric
from tracker.notify.contacts import ContactsError, load_contacts, parse_contacts
from tracker.notify.message import FlaggedTask, Notice, compose, subject, wanted_for
from tracker.labels import reason
from tracker.notify.send import deliver, dry_run_text, plan_dry_run

# Distinctive strings in every secret, token, key and password: none may show anywhere.
DING_TOKEN, DING_SECRET = "TOKENding5f2a9c", "SECRETding7e1b3d"
WECOM_KEY = "KEYwecom4c8d2e"
FEISHU_TOKEN, FEISHU_SECRET = "TOKENfeishu-3b9e-41d7", "SECRETfeishu6a0c5f"
SMTP_PASSWORD = "PASSWORDsmtp8d3f1a"
SECRETS = (DING_TOKEN, DING_SECRET, WECOM_KEY, FEISHU_TOKEN, FEISHU_SECRET, SMTP_PASSWORD)


# --- a robot server that checks requests as the vendors do -------------------------------


class Robots:
    """DingTalk at /ding/robot/send, WeCom at /wecom/cgi-bin/webhook/send, Feishu at /feishu/open-apis/bot/v2/hook/TOKEN."""

    def __init__(self):
        self.requests: list[dict] = []
        self.script: dict[str, list[tuple[int, dict]]] = {}  # channel -> answers to give first (status, body)
        self.delay = 0.0  # seconds before answering (a timeout)
        self.held: set[str] = set()  # channels whose answer waits for `release` (a robot hanging)
        self.cut: list[str] = []  # channels whose next answer stops mid-way, its connection closed (one each)
        self.arrived, self.release = threading.Event(), threading.Event()  # a held request came; let it go
        robots = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def do_POST(self):
                url = urllib.parse.urlsplit(self.path)
                query = urllib.parse.parse_qs(url.query)
                body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
                channel = url.path.split("/")[1]
                robots.requests.append({"channel": channel, "path": url.path, "query": query, "body": body})
                if robots.delay:
                    time.sleep(robots.delay)
                if channel in robots.held:
                    robots.arrived.set()
                    robots.release.wait(20)
                if channel in robots.cut:
                    robots.cut.remove(channel)
                    self.send_response(200)
                    self.send_header("Content-Length", "27")
                    self.end_headers()
                    self.wfile.write(b'{"errco')
                    self.wfile.flush()
                    self.close_connection = True
                    return
                if robots.script.get(channel):
                    status, answer = robots.script[channel].pop(0)
                else:
                    status, answer = 200, getattr(robots, f"_{channel}")(url.path, query, body)
                data = json.dumps(answer).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.port = self.server.server_address[1]
        self.base = f"http://127.0.0.1:{self.port}"

    # The vendors' checks and answers.
    def _ding(self, path, query, body):
        if query.get("access_token") != [DING_TOKEN]:
            return {"errcode": 300001, "errmsg": "token is not exist"}
        if "sign" in query:
            timestamp = query["timestamp"][0]
            if abs(int(timestamp) - time.time() * 1000) > 3600_000:
                return {"errcode": 310000, "errmsg": "invalid timestamp"}
            expected = base64.b64encode(hmac.new(DING_SECRET.encode(), f"{timestamp}\n{DING_SECRET}".encode(),
                                                 hashlib.sha256).digest()).decode()
            if query["sign"] != [expected]:
                return {"errcode": 310000, "errmsg": "sign not match"}
        if body.get("msgtype") != "text" or not isinstance(body["text"]["content"], str):
            return {"errcode": 40035, "errmsg": "缺少参数 json"}
        return {"errcode": 0, "errmsg": "ok"}

    def _wecom(self, path, query, body):
        if query.get("key") != [WECOM_KEY]:
            return {"errcode": 93000, "errmsg": "invalid webhook url"}
        text = body.get("text", {})
        if body.get("msgtype") != "text" or len(text.get("content", "").encode()) > 2048:
            return {"errcode": 40058, "errmsg": "invalid content"}
        return {"errcode": 0, "errmsg": "ok"}

    def _feishu(self, path, query, body):
        if not path.endswith("/" + FEISHU_TOKEN):
            return {"code": 19001, "msg": "param invalid: incoming webhook access token invalid"}
        if "sign" in body:
            timestamp = body["timestamp"]
            if not isinstance(timestamp, str) or abs(int(timestamp) - time.time()) > 3600:
                return {"code": 19021, "msg": "sign match fail or timestamp is not within one hour from current time"}
            expected = base64.b64encode(hmac.new(f"{timestamp}\n{FEISHU_SECRET}".encode(), b"",
                                                 hashlib.sha256).digest()).decode()
            if body["sign"] != expected:
                return {"code": 19021, "msg": "sign match fail or timestamp is not within one hour from current time"}
        if body.get("msg_type") != "text" or not isinstance(body.get("content", {}).get("text"), str):
            return {"code": 9499, "msg": "Bad Request"}
        return {"StatusCode": 0, "StatusMessage": "success", "code": 0, "data": {}, "msg": "success"}

    def count(self, channel: str) -> int:
        return sum(r["channel"] == channel for r in self.requests)


@pytest.fixture
def robots():
    server = Robots()
    thread = threading.Thread(target=server.server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    yield server
    server.server.shutdown()
    server.server.server_close()
    thread.join()


class FakeTime:
    """A clock that only sleep() moves: waits are checked, not waited."""

    def __init__(self):
        self.now, self.sleeps = 1000.0, []

    def clock(self):
        return self.now

    def sleep(self, seconds):
        self.sleeps.append(seconds)
        self.now += seconds


def contacts_text(robots: Robots, **extra) -> str:
    text = f"""
[unit."市民政局"]
dingtalk = "{robots.base}/ding/robot/send?access_token={DING_TOKEN}"
dingtalk_secret = "env:T_DING_SECRET"
mobiles = ["13800000000", "13900000001"]

[unit."市财政局"]
wecom = "{robots.base}/wecom/cgi-bin/webhook/send?key={WECOM_KEY}"
mobiles = ["13700000002"]

[unit."市教育局"]
feishu = "{robots.base}/feishu/open-apis/bot/v2/hook/{FEISHU_TOKEN}"
feishu_secret = "{FEISHU_SECRET}"
"""
    return text + "".join(extra.values())


@pytest.fixture
def env(monkeypatch):
    monkeypatch.setenv("T_DING_SECRET", DING_SECRET)
    monkeypatch.setenv("T_SMTP_PASSWORD", SMTP_PASSWORD)


TITLE = "新建区域性居家养老服务中心100个,改造社区养老服务站300个。"
METRICS = (Metric("centres", "区域性居家养老服务中心", "个", 100), Metric("stations", "社区养老服务站", "个", 300))


def notice(unit: str, *tasks: FlaggedTask, plan_title="2024年市民政局重点目标任务") -> Notice:
    tasks = tasks or (FlaggedTask("195", TITLE, ("missing",), wanted_for(METRICS, "zh")),)
    return Notice(unit, "2024-08", plan_title, tasks)


def assert_no_secret(*texts):
    for text in texts:
        for secret in SECRETS:
            assert secret not in str(text)


# --- the robots -------------------------------------------------------------------------------


def test_dingtalk_signed_with_its_secret_and_mentions_the_liaisons(robots, env):
    contacts = parse_contacts(contacts_text(robots))
    (d,) = deliver([notice("市民政局")], contacts, "zh")
    assert (d.delivered, d.reason, d.channel, d.tasks, d.attempts) == (True, None, "dingtalk", ("195",), 1)
    assert d.where == f"dingtalk (127.0.0.1:{robots.port})" and d.at.tzinfo == dt.timezone.utc
    (r,) = robots.requests
    assert set(r["query"]) == {"access_token", "timestamp", "sign"}  # the server recomputed the sign
    assert r["body"]["at"] == {"atMobiles": ["13800000000", "13900000001"], "isAtAll": False}
    content = r["body"]["text"]["content"]
    assert content.startswith("【催报】2024年8月\n2024年市民政局重点目标任务\n")
    assert "195.新建区域性居家养老服务中心100个,改造社区养…" in content
    assert "未报送；请报送：区域性居家养老服务中心（个）累计数" in content
    assert content.endswith("@13800000000 @13900000001")  # DingTalk mentions only who the text names


def test_a_wrong_dingtalk_secret_is_refused_by_the_robot_and_not_tried_again(robots, monkeypatch):
    monkeypatch.setenv("T_DING_SECRET", "not the robot's secret")
    fake = FakeTime()
    (d,) = deliver([notice("市民政局")], parse_contacts(contacts_text(robots)), "zh", clock=fake.clock, sleep=fake.sleep)
    assert not d.delivered and d.attempts == 1 and robots.count("ding") == 1 and fake.sleeps == []
    assert d.reason == f"dingtalk (127.0.0.1:{robots.port}): error 310000: sign not match"


def test_wecom_mentions_by_mobile(robots, env):
    (d,) = deliver([notice("市财政局")], parse_contacts(contacts_text(robots)), "en")
    assert d.delivered and d.where == f"wecom (127.0.0.1:{robots.port})"
    (r,) = robots.requests
    assert r["body"]["msgtype"] == "text"
    assert r["body"]["text"]["mentioned_mobile_list"] == ["13700000002"]
    assert r["body"]["text"]["content"].startswith("[Report due] August 2024\n")


def test_feishu_signed_in_the_body(robots, env):
    (d,) = deliver([notice("市教育局")], parse_contacts(contacts_text(robots)), "zh")
    assert d.delivered, d.reason
    (r,) = robots.requests
    assert set(r["body"]) == {"timestamp", "sign", "msg_type", "content"}  # the server recomputed the sign
    assert r["body"]["content"]["text"].startswith("【催报】")


def test_feishu_error_code_is_a_failure(robots, env):
    robots.script["feishu"] = [(200, {"code": 19024, "msg": "Key Words Not Found"})]
    (d,) = deliver([notice("市教育局")], parse_contacts(contacts_text(robots)), "zh")
    assert not d.delivered and d.reason == f"feishu (127.0.0.1:{robots.port}): error 19024: Key Words Not Found"


def test_5xx_twice_then_delivered_on_the_third_try_after_growing_waits(robots, env):
    robots.script["wecom"] = [(502, {}), (503, {})]
    fake = FakeTime()
    (d,) = deliver([notice("市财政局")], parse_contacts(contacts_text(robots)), "zh", clock=fake.clock, sleep=fake.sleep)
    assert d.delivered and d.attempts == 3 and robots.count("wecom") == 3
    assert fake.sleeps == [2.0, 4.0]


def test_always_5xx_fails_after_three_tries(robots, env):
    robots.script["ding"] = [(500, {})] * 5
    fake = FakeTime()
    (d,) = deliver([notice("市民政局")], parse_contacts(contacts_text(robots)), "zh", clock=fake.clock, sleep=fake.sleep)
    assert not d.delivered and d.attempts == 3 and robots.count("ding") == 3
    assert d.reason == f"dingtalk (127.0.0.1:{robots.port}): HTTP 500 (3 tries)"
    assert sum(fake.sleeps) <= 30


def test_a_timeout_is_tried_again(robots, env):
    robots.delay = 0.4
    fake = FakeTime()
    (d,) = deliver([notice("市财政局")], parse_contacts(contacts_text(robots)), "zh",
                   clock=fake.clock, sleep=fake.sleep, timeout=0.1)
    assert not d.delivered and d.attempts == 3 and d.reason.endswith("timed out (3 tries)")


def test_an_answer_cut_mid_way_is_a_lost_connection_and_tried_again(robots, env):
    # the robot may or may not have taken it: as a connection lost, not a robot's refusal in words not JSON
    robots.cut = ["wecom", "wecom", "wecom"]
    fake = FakeTime()
    (d,) = deliver([notice("市财政局")], parse_contacts(contacts_text(robots)), "zh", clock=fake.clock, sleep=fake.sleep)
    assert not d.delivered and d.attempts == 3 and robots.count("wecom") == 3
    assert d.reason == f"wecom (127.0.0.1:{robots.port}): the server closed the connection (3 tries)"
    robots.cut = ["wecom"]
    (d,) = deliver([notice("市财政局")], parse_contacts(contacts_text(robots)), "zh", clock=fake.clock, sleep=fake.sleep)
    assert d.delivered and d.attempts == 2


@pytest.mark.parametrize("unit, channel, answer", [
    ("市民政局", "ding", (200, {"errcode": 130101, "errmsg": "send too fast, exceed 20 times per minute"})),
    ("市财政局", "wecom", (200, {"errcode": 45009, "errmsg": "api freq out of limit"})),
    ("市教育局", "feishu", (200, {"code": 11232, "msg": "frequency limited"})),
    ("市教育局", "feishu", (429, {"code": 99991400, "msg": "request trigger frequency limit"})),
    ("市财政局", "wecom", (429, {})),
])
def test_a_robot_sent_too_much_is_tried_again(robots, env, unit, channel, answer):
    # "Too many messages" will get better with a wait (another run, a colleague's, may have sent to the same
    # robot this minute): tried again as a timeout is, where a wrong signature or key is not.
    robots.script[channel] = [answer]
    fake = FakeTime()
    (d,) = deliver([notice(unit)], parse_contacts(contacts_text(robots)), "zh", clock=fake.clock, sleep=fake.sleep)
    assert d.delivered and d.attempts == 2 and fake.sleeps == [2.0]
    assert robots.count(channel) == 2


def test_a_dingtalk_robot_still_sent_too_much_says_how_long_it_holds(robots, env):
    # DingTalk takes nothing from a robot for 10 minutes after 20 messages in a minute: the retries' seconds do not
    # get through, and the reason says how long to wait before running remind again
    robots.script["ding"] = [(200, {"errcode": 130101, "errmsg": "send too fast, exceed 20 times per minute"})] * 3
    fake = FakeTime()
    (d,) = deliver([notice("市民政局")], parse_contacts(contacts_text(robots)), "zh", clock=fake.clock, sleep=fake.sleep)
    assert not d.delivered and d.attempts == 3
    assert d.reason.endswith("error 130101: send too fast, exceed 20 times per minute; the robot takes no more for 10 "
                             "minutes: run tracker remind again after that (3 tries)")
    assert reason("zh", d.reason).endswith("错误码 130101: send too fast, exceed 20 times per minute；该机器人 10 分钟内"
                                           "不再接收消息：请过后再运行 tracker remind（已试 3 次）")


def test_one_unit_failing_does_not_stop_the_others(robots, env):
    robots.script["ding"] = [(200, {"errcode": 310000, "errmsg": "sign not match"})]
    fake = FakeTime()
    got = deliver([notice("市民政局"), notice("市财政局"), notice("市教育局"), notice("市公安局")],
                  parse_contacts(contacts_text(robots)), "zh", clock=fake.clock, sleep=fake.sleep)
    assert [(d.unit, d.delivered) for d in got] == [
        ("市民政局", False), ("市财政局", True), ("市教育局", True), ("市公安局", False)]
    assert got[0].reason.endswith("error 310000: sign not match")
    assert (got[3].channel, got[3].reason) == (None, "no channel in contacts.toml")


def test_at_most_20_messages_a_minute_to_one_robot(robots, env):
    fake = FakeTime()
    notices = [notice("市财政局")] * 21
    got = deliver(notices, parse_contacts(contacts_text(robots)), "zh", clock=fake.clock, sleep=fake.sleep)
    assert all(d.delivered for d in got) and robots.count("wecom") == 21
    assert fake.sleeps == [60.0]  # only the 21st waited, for the first to leave the window
    assert fake.now == 1060.0


def test_a_robot_that_is_down_is_named_without_its_token(env):
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]  # closed again: connections are refused
    contacts = parse_contacts(f"""
[unit."市民政局"]
dingtalk = "http://127.0.0.1:{port}/robot/send?access_token={DING_TOKEN}"
dingtalk_secret = "{DING_SECRET}"
feishu = "http://127.0.0.1:{port}/open-apis/bot/v2/hook/{FEISHU_TOKEN}"
""")
    fake = FakeTime()
    got = deliver([notice("市民政局")], contacts, "zh", clock=fake.clock, sleep=fake.sleep)
    assert [d.reason for d in got] == [f"dingtalk (127.0.0.1:{port}): connection refused (3 tries)",
                                       f"feishu (127.0.0.1:{port}): connection refused (3 tries)"]
    assert_no_secret(*got, repr(got), repr(contacts))


# --- mail ---------------------------------------------------------------------------------------


class Inbox:
    def __init__(self):
        self.mails = []

    async def handle_DATA(self, server, session, envelope):
        self.mails.append((envelope.mail_from, envelope.rcpt_tos,
                           email.message_from_bytes(envelope.content, policy=email.policy.default)))
        return "250 OK"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def smtp_server():
    from aiosmtpd.controller import Controller

    started = []

    def start(inbox=None, **kwargs):
        inbox = inbox or Inbox()
        controller = Controller(inbox, hostname="127.0.0.1", port=free_port(), **kwargs)
        controller.start()
        started.append(controller)
        return inbox, controller.port

    yield start
    for controller in started:
        controller.stop()


@pytest.fixture
def tls_cert(tmp_path):
    """A self-signed certificate for 127.0.0.1 (made by the openssl command), and a server TLS context with it."""
    import shutil
    import ssl
    import subprocess

    if not shutil.which("openssl"):
        pytest.skip("no openssl command to make a certificate with")
    cert_file, key_file = tmp_path / "cert.pem", tmp_path / "key.pem"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
                    "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1", "-days", "1",
                    "-keyout", str(key_file), "-out", str(cert_file)], check=True, capture_output=True)
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(cert_file, key_file)
    return str(cert_file), context


def mail_contacts(port: int, security: str, login: bool = False, cafile: str | None = None) -> str:
    auth = 'user = "office@example.org"\npassword = "env:T_SMTP_PASSWORD"\n' if login else ""
    ca = f'cafile = "{cafile}"\n' if cafile else ""
    return f"""
[unit."市民政局"]
email = ["liaison@example.org", "王科长 <wang@example.org>"]

[smtp]
host = "127.0.0.1"
port = {port}
security = "{security}"
from = "督查室 <office@example.org>"
{auth}{ca}"""


def assert_mail(inbox: Inbox):
    ((mail_from, rcpt_tos, msg),) = inbox.mails
    assert mail_from == "office@example.org" and rcpt_tos == ["liaison@example.org", "wang@example.org"]
    assert msg["Subject"] == "【催报】2024年市民政局重点目标任务 2024年8月：市民政局"
    assert msg["From"] == "督查室 <office@example.org>"
    assert msg["To"] == "liaison@example.org, 王科长 <wang@example.org>"
    body = msg.get_content()
    # a mail carries each task whole: the title and all that is wanted (a robot's are cut to a phone's screen)
    assert "195.新建区域性居家养老服务中心100个,改造社区养老服务站300个。\n" in body and "2024年8月" in body
    assert "请报送：区域性居家养老服务中心（个）累计数（截至目前）、社区养老服务站（个）累计数（截至目前）、进展情况" in body


def test_mail_without_tls(smtp_server, env):
    inbox, port = smtp_server()
    (d,) = deliver([notice("市民政局")], parse_contacts(mail_contacts(port, "none")), "zh")
    assert d.delivered, d.reason
    assert d.where == "email (liaison@example.org, 王科长 <wang@example.org>)"
    assert_mail(inbox)
    # STARTTLS asked of a server that does not offer it: refused, the mail never sent in clear.
    fake = FakeTime()
    (d,) = deliver([notice("市民政局")], parse_contacts(mail_contacts(port, "starttls")), "zh",
                   clock=fake.clock, sleep=fake.sleep)
    assert not d.delivered and d.attempts == 1 and d.reason.endswith("the server does not offer STARTTLS (set security in [smtp])")
    assert len(inbox.mails) == 1


def test_a_refused_recipient_is_named_with_those_who_got_the_mail(smtp_server, env):
    # the server takes the mail for liaison@ and refuses wang@: not delivered (the address is to be mended),
    # but said so that nobody thinks the liaison has not got it, and never tried again
    class Picky(Inbox):
        async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
            if address.startswith("wang@"):
                return "550 5.1.1 no such user"
            envelope.rcpt_tos.append(address)
            return "250 OK"

    inbox, port = smtp_server(Picky())
    fake = FakeTime()
    (d,) = deliver([notice("市民政局")], parse_contacts(mail_contacts(port, "none")), "zh",
                   clock=fake.clock, sleep=fake.sleep)
    assert not d.delivered and d.attempts == 1
    assert d.reason == ("email (liaison@example.org, 王科长 <wang@example.org>): "
                        "recipient refused: wang@example.org; the others got it: liaison@example.org")
    assert [rcpt for _, rcpt, _ in inbox.mails] == [["liaison@example.org"]]
    from tracker.labels import reason
    assert reason("zh", d.reason) == ("email (liaison@example.org, 王科长 <wang@example.org>)："
                                      "收件人被拒绝：wang@example.org；其他收件人已收到：liaison@example.org")


def test_recipients_put_off_with_a_4xx_are_tried_again(smtp_server, env):
    # greylisting, a full mailbox for now: 451 to each recipient is "later", not "no such user"
    class Greylisting(Inbox):
        def __init__(self, times):
            super().__init__()
            self.times = times

        async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
            if self.times:
                self.times -= 1
                return "451 4.7.1 greylisted, try again later"
            envelope.rcpt_tos.append(address)
            return "250 OK"

    inbox, port = smtp_server(Greylisting(times=2))  # both recipients put off at the first try
    fake = FakeTime()
    (d,) = deliver([notice("市民政局")], parse_contacts(mail_contacts(port, "none")), "zh",
                   clock=fake.clock, sleep=fake.sleep)
    assert d.delivered and d.attempts == 2 and fake.sleeps == [2.0]
    assert_mail(inbox)
    inbox, port = smtp_server(Greylisting(times=99))
    (d,) = deliver([notice("市民政局")], parse_contacts(mail_contacts(port, "none")), "zh",
                   clock=fake.clock, sleep=fake.sleep)
    assert not d.delivered and d.attempts == 3 and not inbox.mails
    assert d.reason.endswith("server answered 451 to liaison@example.org, wang@example.org (3 tries)")
    from tracker.labels import reason
    assert reason("zh", d.reason).endswith("服务器回应 451：liaison@example.org, wang@example.org（已试 3 次）")


def test_mail_with_starttls_and_login(smtp_server, tls_cert, env):
    from aiosmtpd.smtp import AuthResult, LoginPassword

    cafile, context = tls_cert
    logins = []

    def authenticator(server, session, envelope, mechanism, data):
        logins.append(data)
        ok = isinstance(data, LoginPassword) and data.password == SMTP_PASSWORD.encode()
        return AuthResult(success=ok, handled=False)  # handled=False: aiosmtpd answers 535 itself

    inbox, port = smtp_server(tls_context=context, require_starttls=True, authenticator=authenticator)
    contacts = parse_contacts(mail_contacts(port, "starttls", login=True, cafile=cafile))
    (d,) = deliver([notice("市民政局")], contacts, "zh")
    assert d.delivered, d.reason
    assert logins and logins[0].login == b"office@example.org"
    assert_mail(inbox)
    # The same server, its certificate not trusted: refused, said without a secret.
    (d,) = deliver([notice("市民政局")], parse_contacts(mail_contacts(port, "starttls", login=True)), "zh")
    assert not d.delivered and "certificate not trusted" in d.reason and d.attempts == 1
    # A wrong password: refused, never retried, never shown.
    contacts = parse_contacts(mail_contacts(port, "starttls", login=True, cafile=cafile).replace(
        "env:T_SMTP_PASSWORD", "PASSWORDsmtp-wrong"))
    fake = FakeTime()
    (d,) = deliver([notice("市民政局")], contacts, "zh", clock=fake.clock, sleep=fake.sleep)
    assert not d.delivered and d.attempts == 1 and d.reason.startswith("email (") and "login refused (535)" in d.reason
    assert "PASSWORDsmtp-wrong" not in repr(d) and "PASSWORDsmtp-wrong" not in repr(contacts)


def test_mail_with_implicit_tls(smtp_server, tls_cert, env):
    cafile, context = tls_cert
    inbox, port = smtp_server(ssl_context=context)
    (d,) = deliver([notice("市民政局")], parse_contacts(mail_contacts(port, "ssl", cafile=cafile)), "zh")
    assert d.delivered, d.reason
    assert_mail(inbox)


# --- dry run and secrets ---------------------------------------------------------------------------


def test_dry_run_says_what_would_go_where_and_sends_nothing(robots, env):
    contacts = parse_contacts(contacts_text(robots) + mail_contacts(25, "starttls", login=True).replace(
        '[unit."市民政局"]\nemail', '[unit."市科技局"]\nemail'))
    notices = [notice(u) for u in ("市民政局", "市财政局", "市教育局", "市科技局", "市公安局")]
    dry = plan_dry_run(notices, contacts, "zh")
    assert [(p.unit, p.channel) for p in dry.messages] == [
        ("市民政局", "dingtalk"), ("市财政局", "wecom"), ("市教育局", "feishu"), ("市科技局", "email")]
    assert dry.unreachable == ("市公安局",)
    text = dry_run_text(dry, "zh")
    assert f"→ 市民政局 · dingtalk (127.0.0.1:{robots.port})\n【催报】2024年8月" in text
    assert "主题: 【催报】2024年市民政局重点目标任务 2024年8月：市科技局" in text
    assert text.endswith("以下单位没有提醒渠道，请电话催报：\n  市公安局")
    # a unit to phone: what to tell it, whole, so that no clerk makes the message up (or pastes it by hand)
    assert "→ 市公安局 · 电话（contacts.toml 中没有它的提醒渠道）\n【催报】2024年8月\n2024年市民政局重点目标任务\n市公安局：" in text
    assert "→ 市公安局 · by phone (no channel of it in contacts.toml)\n" in dry_run_text(
        plan_dry_run(notices, contacts, "en"), "en")
    assert robots.requests == []
    assert_no_secret(text, repr(dry), repr(contacts))


def test_no_secret_in_any_delivery_or_reason(robots, env):
    robots.script = {"ding": [(200, {"errcode": 1, "errmsg": f"echo {DING_TOKEN} {DING_SECRET}"})],
                     "wecom": [(503, {})] * 3, "feishu": [(400, {"code": 19021, "msg": f"bad {FEISHU_SECRET}"})]}
    fake = FakeTime()
    got = deliver([notice(u) for u in ("市民政局", "市财政局", "市教育局")], parse_contacts(contacts_text(robots)),
                  "zh", clock=fake.clock, sleep=fake.sleep)
    assert not any(d.delivered for d in got)
    assert got[0].reason.endswith("error 1: echo *** ***")  # a robot that echoes a secret is scrubbed
    assert got[2].reason.endswith("HTTP 400 (error 19021: bad ***)")
    assert_no_secret(*got, repr(got), *(d.reason for d in got))


# --- contacts.toml ------------------------------------------------------------------------------


def problems(text: str, environ=None) -> list[str]:
    with pytest.raises(ContactsError) as err:
        parse_contacts(text, "contacts.toml", environ or {})
    assert isinstance(err.value, BadInput)
    assert_no_secret(str(err.value))
    return err.value.problems


def test_contacts_syntax_error_names_its_line():
    assert problems('[unit."市民政局"]\nwecom = "https://x/send?key=1"\nmobiles = [13800000000\n') == [
        "contacts.toml:3: invalid TOML: a list is not closed (a missing ])"]


def test_contacts_every_problem_at_once_with_its_line():
    text = f"""[unit."市民政局"]
dingtalk = "https://oapi.dingtalk.com/robot/send?access_token={DING_TOKEN}"
dingtalk_secret = "env:MZJ_DINGTALK_SECRET"
wecom = "ftp://qyapi.weixin.qq.com/cgi-bin/webhook/send?key={WECOM_KEY}"
phone = "0571-1234567"

[unit."市财政局"]
email = ["cz@example.org"]
feishu_secret = "{FEISHU_SECRET}"
mobiles = ["not a number"]

[smsgateway]
"""
    assert problems(text) == [
        "contacts.toml:3: unit '市民政局'.dingtalk_secret: environment variable MZJ_DINGTALK_SECRET is not set",
        "contacts.toml:4: unit '市民政局'.wecom must be an http:// or https:// address",
        "contacts.toml:5: unit '市民政局'.phone is not a known key",
        "contacts.toml:8: unit '市财政局': email needs an [smtp] table",
        "contacts.toml:9: unit '市财政局'.feishu_secret is set without feishu",
        "contacts.toml:10: unit '市财政局'.mobiles: 'not a number' is not a mobile number",
        "contacts.toml:12: unknown table or key 'smsgateway' (expected [unit.\"NAME\"] tables and [smtp])",
    ]


def test_a_secret_in_an_environment_variable_set_to_blanks_is_not_set():
    text = '[unit."市民政局"]\ndingtalk = "https://oapi.dingtalk.com/robot/send?access_token=t1"\ndingtalk_secret = "env:MZJ_SECRET"\n'
    assert problems(text, {"MZJ_SECRET": "   "}) == [
        "contacts.toml:3: unit '市民政局'.dingtalk_secret: environment variable MZJ_SECRET is not set"]


def test_contacts_smtp_problems():
    text = """[smtp]
host = "smtp.example.org"
port = 25
security = "none"
user = "office@example.org"
password = "env:PW"
sender = "x"
"""
    assert problems(text, {"PW": SMTP_PASSWORD}) == [
        'contacts.toml:4: smtp: a password is never sent with security = "none": use "ssl" or "starttls"',
        "contacts.toml:7: smtp.sender is not a known key",
    ]


def test_contacts_defaults_and_file(tmp_path, monkeypatch):
    monkeypatch.setenv("PW", SMTP_PASSWORD)
    path = tmp_path / "contacts.toml"
    path.write_text('[smtp]\nhost = "smtp.example.org"\nport = 587\nuser = "o@example.org"\npassword = "env:PW"\n',
                    encoding="utf-8")
    smtp = load_contacts(str(path)).smtp
    assert (smtp.security, smtp.sender, smtp.password) == ("starttls", "o@example.org", SMTP_PASSWORD)
    path.write_text('[smtp]\nhost = "smtp.example.org"\nfrom = "o@example.org"\n', encoding="utf-8")
    assert (load_contacts(str(path)).smtp.port, load_contacts(str(path)).smtp.security) == (587, "starttls")
    with pytest.raises(ContactsError, match=r"contacts.toml: no such contacts file"):
        load_contacts(str(tmp_path / "missing" / "contacts.toml"))


# --- the message ----------------------------------------------------------------------------------


def test_message_in_english_with_flags_and_hidden_characters_shown():
    n = notice("市民政局", FlaggedTask("3.2", "Build\u202e 10\x1b[2J", ("overdue", "stalled")),
               FlaggedTask("184", "提高城乡低保标准", ("missing",)), plan_title=None)
    assert compose(n, "en") == (
        "[Report due] August 2024\n"
        "市民政局: 2 tasks need attention as of August 2024:\n"
        "3.2.Build<U+202E> 10␛[2J\n"
        "  overdue, stalled\n"
        "184.提高城乡低保标准\n"
        "  missing; please send this month's progress")
    assert subject(n, "en") == "[Report due] target tasks, August 2024: 市民政局"
    only_overdue = notice("市民政局", FlaggedTask("9", "x", ("overdue",)))
    assert compose(only_overdue, "zh").startswith("【督办】2024年8月") and subject(only_overdue, "zh").startswith("【督办】")


def test_a_long_message_fits_a_robot_and_counts_what_it_leaves_out():
    many = notice("市民政局", *(FlaggedTask(str(i), TITLE, ("missing",), wanted_for(METRICS, "zh")) for i in range(60)))
    text = compose(many, "zh", max_bytes=2048)
    assert len(text.encode()) <= 2048
    kept = text.count("\n  未报送")
    assert 5 < kept < 60 and text.endswith(f"……另有{60 - kept}项任务")
    assert compose(many, "zh").count("\n  未报送") == 60  # a mail has room for all


def test_three_tries_of_a_slow_robot_take_30_seconds_at_most():
    from tracker.notify.send import _Failed, _with_retries

    fake, timeouts = FakeTime(), []

    def attempt(left):  # each try times out after its whole timeout: 10 s, or what is left of the 30
        timeouts.append(min(10, left))
        fake.now += min(10, left)
        raise _Failed("timed out", retry=True)

    start = fake.now
    assert _with_retries(attempt, fake.clock, fake.sleep) == (False, "timed out (3 tries)", 3)
    assert fake.sleeps == [2.0, 4.0] and timeouts == [10, 10, 4] and fake.now - start == 30


def test_what_is_wanted_gets_the_same_room_in_english_as_in_chinese():
    en, zh = wanted_for(METRICS, "en"), wanted_for(METRICS, "zh")
    assert len(en) > 60  # longer in letters than the Chinese is in characters
    assert f"missing; please send: {en}" in compose(notice("市民政局", FlaggedTask("195", TITLE, ("missing",), en)), "en")
    long = "、".join([zh] * 3)
    line = compose(notice("市民政局", FlaggedTask("195", TITLE, ("missing",), long)), "zh", max_bytes=2048).splitlines()[-1]
    assert line.endswith("…") and len(line) < len(long)  # a robot's message: a phone's screen
    mail = compose(notice("市民政局", FlaggedTask("195", TITLE, ("missing",), long)), "zh").splitlines()[-1]
    assert mail.endswith(long)  # a mail's: everything


def test_a_mobile_must_reach_someone():
    def mobiles(*numbers):
        text = '[unit."市民政局"]\nwecom = "https://x/send?key=1"\nmobiles = [%s]\n' % ", ".join(f'"{n}"' for n in numbers)
        try:
            parse_contacts(text)
            return []
        except ContactsError as e:
            return e.problems

    assert mobiles("13800000000", "138-0000-0000", "138 0000 0000", "+85291234567") == []
    assert mobiles("1380000") == ["contacts.toml:3: unit '市民政局'.mobiles: '1380000' is not a mobile number"]
    assert mobiles("23800000000") and mobiles("+86") and mobiles("138--00000000")


def test_a_mobile_typed_with_spaces_or_hyphens_is_mentioned_by_its_digits(robots, env):
    """DingTalk and WeCom match a member by the digits of the mobile: `138 0000 0000` as typed mentions nobody."""
    text = contacts_text(robots).replace('mobiles = ["13800000000", "13900000001"]',
                                         'mobiles = ["138 0000 0000", "139-0000-0001"]')
    text = text.replace('mobiles = ["13700000002"]', 'mobiles = ["+852 9123 4567"]')
    contacts = parse_contacts(text)
    (ding,) = deliver([notice("市民政局")], contacts, "zh")
    (wecom,) = deliver([notice("市财政局")], contacts, "zh")
    assert ding.delivered and wecom.delivered
    sent = {r["channel"]: r["body"] for r in robots.requests}
    assert sent["ding"]["at"]["atMobiles"] == ["13800000000", "13900000001"]
    assert sent["ding"]["text"]["content"].endswith("\n@13800000000 @13900000001")
    assert sent["wecom"]["text"]["mentioned_mobile_list"] == ["+85291234567"]
