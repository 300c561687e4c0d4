"""`tracker remind` as an office runs it: dry run, real deliveries to robots on 127.0.0.1, the record, units and show."""

from __future__ import annotations

import sqlite3

from tracker import store

from tests.test_notify import DING_SECRET, DING_TOKEN, SECRETS, WECOM_KEY, contacts_text, env, robots  # noqa: F401

PLAN = """
[plan]
title = "2024年重点目标任务"
year = 2024

[[task]]
id = "195"
title = "新建区域性居家养老服务中心100个"
unit = "市民政局"

[[task.metric]]
key = "centres"
name = "区域性居家养老服务中心"
unit = "个"
target = 100

[[task]]
id = "184"
title = "提高城乡低保救助标准"
unit = "市民政局"

[[task]]
id = "7"
title = "新建学校10所"
unit = "市财政局"

[[task.metric]]
key = "schools"
name = "学校"
unit = "所"
target = 10

[[task]]
id = "8"
title = "新增公园5个"
unit = "市园林局"
"""


def office(project, robots_server):
    project.write_plan(PLAN)
    (project.root / "contacts.toml").write_text(contacts_text(robots_server), encoding="utf-8")
    project.ok("log", "184", "--month", "2024-08", "--percent", "40", "--note", "推进中")
    return project


def test_dry_run_in_chinese_shows_each_message_and_who_to_phone_and_sends_nothing(project, robots, env):
    office(project, robots)
    r = project.ok("remind", "--month", "2024-08", "--dry-run", "--lang", "zh")
    assert "195.新建区域性居家养老服务中心100个" in r.out and "7.新建学校10所" in r.out
    assert "184." not in r.out  # reported this month: not missing
    assert "市园林局" in r.out  # flagged, no channel: to phone
    assert "未报送" in r.out and "2024年8月" in r.out
    assert "\n@13800000000 @13900000001\n" in r.out and "\n@13700000002\n" in r.out  # who the group sees mentioned
    assert robots.requests == []
    assert not any(s in r.out + r.err for s in SECRETS)
    assert project.ok("units", "--month", "2024-08", "--format", "json").json()["units"][0]["reminded"] == 0


def test_a_real_run_delivers_records_and_is_counted_by_units_and_listed_by_show(project, robots, env):
    office(project, robots)
    r = project.ok("remind", "--month", "2024-08")
    assert robots.count("ding") == 1 and robots.count("wecom") == 1
    ding = next(q for q in robots.requests if q["channel"] == "ding")
    assert "195.新建区域性居家养老服务中心100个" in ding["body"]["text"]["content"]
    assert "sign" in ding["query"]  # signed with the secret from env:T_DING_SECRET (the server recomputes it)
    assert "市园林局" in r.out
    assert not any(s in r.out + r.err for s in SECRETS)
    units = {u["unit"]: u for u in project.ok("units", "--month", "2024-08", "--format", "json").json()["units"]}
    assert units["市民政局"]["reminded"] == 1 and units["市财政局"]["reminded"] == 1 and units["市园林局"]["reminded"] == 0
    assert project.ok("units", "--month", "2024-07", "--format", "json").json()["units"][0]["reminded"] == 0
    shown = project.ok("show", "195", "--month", "2024-08", "--format", "json").json()["reminders"]
    assert [(s["unit"], s["channel"], s["delivered"]) for s in shown] == [("市民政局", "dingtalk", True)]
    assert project.ok("show", "184", "--month", "2024-08", "--format", "json").json()["reminders"] == []
    table = project.ok("show", "195", "--month", "2024-08", "--lang", "zh").out
    assert "催报记录" in table and "dingtalk (127.0.0.1" in table
    rows = sqlite3.connect(project.db).execute("SELECT unit, channel, target, delivered, reason, tasks FROM reminders").fetchall()
    assert sorted(rows) == sorted([("市民政局", "dingtalk", f"dingtalk (127.0.0.1:{robots.port})", 1, None, '["195"]'),
                                   ("市财政局", "wecom", f"wecom (127.0.0.1:{robots.port})", 1, None, '["7"]')])
    assert not any(s in repr(rows) for s in SECRETS)
    assert project.ok("validate").out.startswith("ok:")
    assert "before" not in r.out
    # run again (a cron's retry, a second clerk): sent again, and said to be the unit's second this month
    again = project.ok("remind", "--month", "2024-08", "--lang", "zh").out
    assert f"已发送给市民政局：dingtalk (127.0.0.1:{robots.port})（1项任务；此前已就2024-08送达1次）" in again


def test_a_failed_delivery_is_named_recorded_and_exits_1_while_the_others_go(project, robots, env):
    office(project, robots)
    robots.script["ding"] = [(200, {"errcode": 310000, "errmsg": "sign not match"})]
    r = project.run("remind", "--month", "2024-08")
    assert r.code == 1
    assert "市民政局" in r.err and "310000" in r.err and DING_TOKEN not in r.err and DING_SECRET not in r.err
    assert robots.count("wecom") == 1
    failed = sqlite3.connect(project.db).execute("SELECT unit, delivered, reason FROM reminders WHERE delivered = 0").fetchall()
    assert len(failed) == 1 and failed[0][0] == "市民政局" and "sign not match" in failed[0][2]
    units = {u["unit"]: u for u in project.ok("units", "--month", "2024-08", "--format", "json").json()["units"]}
    assert units["市民政局"]["reminded"] == 0


def test_the_record_of_reminders_is_append_only(project, robots, env):
    office(project, robots)
    project.ok("remind", "--month", "2024-08", "--unit", "市财政局")
    conn = sqlite3.connect(project.db)
    for sql in ("UPDATE reminders SET delivered = 0", "DELETE FROM reminders"):
        try:
            conn.execute(sql)
        except sqlite3.DatabaseError as e:
            assert "append-only" in str(e)
        else:
            raise AssertionError(f"{sql} went through")


def test_only_overdue_names_other_flags_and_an_unknown_unit_is_refused(project, robots, env):
    office(project, robots)
    r = project.ok("remind", "--month", "2024-08", "--only", "overdue", "--dry-run")
    assert "nothing to remind" in r.out
    bad = project.bad("remind", "--month", "2024-08", "--unit", "民政局", "--lang", "zh")
    assert "市民政局" in bad.err and "没有以此为牵头单位的任务" in bad.err
    # a mistyped flag is named under the option the user typed, not check's --fail-on
    assert project.bad("remind", "--month", "2024-08", "--only", "stalld", "--dry-run").err.startswith(
        "--only: unknown stalld (use any of")


def test_an_invalid_contacts_file_is_refused_with_its_line(project):
    project.write_plan(PLAN)
    project.ok("log", "184", "--month", "2024-08", "--percent", "40")
    (project.root / "contacts.toml").write_text('[unit."市民政局"]\nwecom = "ftp://x"\n', encoding="utf-8")
    r = project.bad("remind", "--month", "2024-08")
    assert "contacts.toml:2" in r.err


def test_without_contacts_every_flagged_unit_is_listed_to_phone(project):
    project.write_plan(PLAN)
    project.ok("log", "184", "--month", "2024-08", "--percent", "40")
    r = project.ok("remind", "--month", "2024-08")
    assert "市民政局" in r.out and "市财政局" in r.out and "市园林局" in r.out


def test_init_keeps_contacts_out_of_git(tmp_path, monkeypatch):
    from tests.conftest import Project

    p = Project(tmp_path, monkeypatch)
    p.ok("init", "office")
    assert "contacts.toml" in (tmp_path / "office" / ".gitignore").read_text().splitlines()


def test_a_database_of_schema_5_gains_the_record_of_reminders_on_first_write(project):
    from tests.builders import schema_6

    project.ok("log", "195", "--month", "2024-08", "--set", "centres=3")
    schema_6(project.db)  # entries as schema 5 and 6 had them
    conn = sqlite3.connect(project.db, isolation_level=None)
    for name in ("reminders_no_update", "reminders_no_delete"):
        conn.execute(f"DROP TRIGGER {name}")
    conn.execute("DROP TABLE reminders")
    conn.execute("PRAGMA user_version = 5")
    conn.close()
    assert project.ok("units", "--month", "2024-08", "--format", "json").json()["units"][0]["reminded"] == 0
    project.ok("log", "195", "--month", "2024-08", "--set", "centres=4")
    conn = sqlite3.connect(project.db)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == store.SCHEMA_VERSION
    assert conn.execute("SELECT count(*) FROM reminders").fetchone()[0] == 0
    assert project.ok("validate").out.startswith("ok:")


def test_a_fifo_as_contacts_is_refused_at_once(project):
    import os

    project.write_plan(PLAN)
    project.ok("log", "184", "--month", "2024-08", "--percent", "40")
    os.mkfifo(project.root / "contacts.toml")
    r = project.bad("remind", "--month", "2024-08")
    assert "FIFO" in r.err


def test_a_failed_delivery_is_named_in_chinese_under_lang_zh_and_recorded_in_english(project, robots, env):
    office(project, robots)
    robots.script["ding"] = [(503, {"errcode": -1, "errmsg": "busy"})] * 3
    r = project.run("remind", "--month", "2024-08", "--lang", "zh")
    assert r.code == 1
    line = next(x for x in r.err.splitlines() if x.startswith("未送达市民政局："))
    assert line.startswith("未送达市民政局：dingtalk (127.0.0.1:") and "HTTP 503 错误" in line and line.endswith("（已试 3 次）")
    recorded = sqlite3.connect(project.db).execute("SELECT reason FROM reminders WHERE delivered = 0").fetchone()[0]
    assert recorded.startswith("dingtalk (127.0.0.1:") and "HTTP 503" in recorded and recorded.endswith(" (3 tries)")
    shown = project.ok("show", "195", "--month", "2024-08", "--lang", "zh").out
    flat = shown.replace("\n", "").replace(" ", "").replace("│", "")
    assert "否：HTTP503错误" in flat and "（已试3次）" in flat  # the channel is in its own column, not repeated


def test_the_known_words_of_a_failure_are_translated_and_the_rest_kept():
    from tracker.labels import reason

    assert reason("zh", "dingtalk (oapi.dingtalk.com): connection refused (3 tries)") == \
        "dingtalk (oapi.dingtalk.com)：连接被拒绝（已试 3 次）"
    assert reason("zh", "mail (smtp.example.cn:465): timed out") == "mail (smtp.example.cn:465)：超时"
    # what mail.py and robots.py say when a server refuses (each one a new user met in English under --lang zh)
    assert reason("zh", "mail (127.0.0.1:8465): login refused (535)") == "mail (127.0.0.1:8465)：登录被拒绝（535）"
    assert reason("zh", "mail (m:465): certificate not trusted (self-signed certificate)") == \
        "mail (m:465)：证书不受信任（self-signed certificate）"
    assert reason("zh", "mail (m:25): the server closed the connection (3 tries)") == "mail (m:25)：服务器断开了连接（已试 3 次）"
    assert reason("zh", "dingtalk (oapi.dingtalk.com): error 310000: sign not match") == \
        "dingtalk (oapi.dingtalk.com)：错误码 310000: sign not match"
    assert reason("zh", "mail (m): recipient refused: a@b.cn") == "mail (m)：收件人被拒绝：a@b.cn"
    assert reason("zh", "wecom (qyapi.weixin.qq.com): errcode 93000: invalid webhook url") == \
        "wecom (qyapi.weixin.qq.com)：errcode 93000: invalid webhook url"
    assert reason("en", "feishu (x): host not found") == "feishu (x): host not found"


def test_contacts_problems_are_in_chinese_under_lang_zh(project):
    project.write_plan(PLAN)
    (project.root / "contacts.toml").write_text(
        '[unit."市民政局"]\ndingtalk = "ftp://x"\nmobiles = ["abc"]\nemail = ["a@b.cn"]\n', encoding="utf-8")
    err = project.bad("remind", "--month", "2024-08", "--dry-run", "--lang", "zh").err.splitlines()
    assert err == ["contacts.toml:2: 单位 '市民政局'.dingtalk 应为 http:// 或 https:// 地址",
                   "contacts.toml:3: 单位 '市民政局'.mobiles：'abc' 不是手机号码",
                   "contacts.toml:4: 单位 '市民政局'：填写 email 需要 [smtp] 表"]
    en = project.bad("remind", "--month", "2024-08", "--dry-run").err.splitlines()
    assert en[0] == "contacts.toml:2: unit '市民政局'.dingtalk must be an http:// or https:// address"


def test_a_contacts_typing_slip_is_named_as_in_tasks_toml_in_the_language_asked(project):
    # a clerk's input method types Chinese quotes; a pasted address loses its closing quote; a full-width port
    project.write_plan(PLAN)
    said = {}
    for text in (f'[unit."市民政局"]\nwecom = “https://x/send?key={WECOM_KEY}”\n',
                 f'[unit."市民政局"]\ndingtalk = "https://x/robot/send?access_token={DING_TOKEN}\n',
                 '[smtp]\nhost = "127.0.0.1"\nport = ４６５\n',
                 f'[unit.市民政局]\nwecom = "https://x/send?key={WECOM_KEY}"\n'):  # the unit's name not in quotes
        (project.root / "contacts.toml").write_text(text, encoding="utf-8")
        for lang in ("zh", "en"):
            r = project.bad("remind", "--month", "2024-08", "--dry-run", "--lang", lang)
            assert r.out == "" and len(r.err.splitlines()) == 1, r.err
            assert DING_TOKEN not in r.err and WECOM_KEY not in r.err
            said[text[-12:], lang] = r.err.strip()
    assert list(said.values()) == [
        "contacts.toml:2: TOML 格式错误：中文引号（“…”）不是 TOML 的引号：文字请写在英文双引号 \"…\" 之间",
        "contacts.toml:2: invalid TOML: Chinese quotes (“…”) are not TOML's: write text between \"…\"",
        "contacts.toml:2: TOML 格式错误：字符串在行尾前没有结束（缺少引号）",
        "contacts.toml:2: invalid TOML: a string is not closed before the line ends (a missing quote)",
        "contacts.toml:3: TOML 格式错误：数字是全角的（４６５）：请写半角 465",
        "contacts.toml:3: invalid TOML: a number in full-width digits (４６５): write 465",
        "contacts.toml:1: TOML 格式错误：中文的键（市民政局）须加英文引号：写作 \"市民政局\"",
        "contacts.toml:1: invalid TOML: a key in Chinese (市民政局) needs quotes: write \"市民政局\""]


def test_a_unit_of_contacts_that_leads_no_task_is_warned_about(project, robots, env):
    office(project, robots)  # contacts.toml has 市教育局, whom no task of this plan names
    r = project.ok("remind", "--month", "2024-08", "--dry-run")
    assert "contacts.toml:11: warning: unit 市教育局 leads no task in the plan (a typo of one that does?)" in r.err
    r = project.ok("remind", "--month", "2024-08", "--dry-run", "--lang", "zh")
    assert "contacts.toml:11: 提示：单位 市教育局 不是任何任务的牵头单位（是否写错了单位名？）" in r.err
    assert "市民政局" not in r.err  # a unit that leads tasks is no stranger
    # a name written short, as offices say it: the unit meant is named (it has no channel then, and is phoned)
    with open(project.root / "contacts.toml", "a", encoding="utf-8") as f:
        f.write('\n[unit."市园林"]\nmobiles = ["13800000009"]\nwecom = "https://qyapi.weixin.qq.com/x?key=k"\n')
    r = project.ok("remind", "--month", "2024-08", "--dry-run", "--lang", "zh")
    assert "提示：单位 市园林 不是任何任务的牵头单位；是否指 市园林局？（单位名须与计划中的一致）" in r.err
    assert "→ 市园林局 · 电话" in r.out


def test_a_contacts_file_with_secrets_in_it_that_others_can_read_is_warned_about(project, robots, env):
    office(project, robots)  # its robots' tokens are in the file; the signing secret is env:
    contacts = project.root / "contacts.toml"
    contacts.chmod(0o644)
    r = project.ok("remind", "--month", "2024-08", "--dry-run", "--lang", "zh")
    assert "提示：contacts.toml 中写有密钥，且本机其他用户可以读取：请执行 chmod 600 contacts.toml" in r.err
    contacts.chmod(0o600)
    assert "chmod" not in project.ok("remind", "--month", "2024-08", "--dry-run").err
    contacts.chmod(0o644)  # every secret from the environment: nothing to hide in the file
    contacts.write_text('[unit."市民政局"]\ndingtalk = "env:T_DING_URL"\ndingtalk_secret = "env:T_DING_SECRET"\n',
                        encoding="utf-8")
    project.monkeypatch.setenv("T_DING_URL", f"{robots.base}/ding/robot/send?access_token={DING_TOKEN}")
    assert "chmod" not in project.ok("remind", "--month", "2024-08", "--dry-run").err


def test_a_dry_run_needs_no_secrets_but_sending_does(project, robots, monkeypatch):
    office(project, robots)  # contacts.toml: dingtalk_secret = "env:T_DING_SECRET", which is not set here
    monkeypatch.delenv("T_DING_SECRET", raising=False)
    r = project.ok("remind", "--month", "2024-08", "--dry-run")
    assert "195.新建区域性居家养老服务中心100个" in r.out and robots.requests == []
    assert "note: not set in the environment: T_DING_SECRET; the dry run goes on without them, sending needs them" in r.err
    assert "unset-" not in r.out + r.err  # the stand-in is never shown
    assert "环境变量 T_DING_SECRET 未设置" in project.ok("remind", "--month", "2024-08", "--dry-run", "--lang", "zh").err
    with (project.root / "contacts.toml").open("a", encoding="utf-8") as f:  # two unset: listed as Chinese lists them
        f.write('\n[smtp]\nhost = "127.0.0.1"\nuser = "office@example.org"\npassword = "env:T_SMTP_PW"\n')
    monkeypatch.delenv("T_SMTP_PW", raising=False)
    assert "环境变量 T_SMTP_PW、T_DING_SECRET 未设置" in project.ok(
        "remind", "--month", "2024-08", "--dry-run", "--lang", "zh").err
    r = project.bad("remind", "--month", "2024-08")
    assert "environment variable T_DING_SECRET is not set" in r.err and robots.requests == []


def test_a_value_of_the_wrong_kind_in_contacts_is_said_in_the_words_tasks_toml_uses_in_either_language(project):
    project.write_plan(PLAN)
    (project.root / "contacts.toml").write_text(
        '[smtp]\nhost = "127.0.0.1"\nport = "25"\nsecurity = "tls"\nuser = "a@b.cn"\npassword = 123\n\n'
        '[unit."市民政局"]\nmobiles = "13800000000"\n', encoding="utf-8")
    assert project.bad("remind", "--month", "2024-08", "--dry-run").err.splitlines() == [
        "contacts.toml:3: smtp.port must be a whole number",
        'contacts.toml:4: smtp.security must be "ssl", "starttls" or "none"',
        "contacts.toml:6: smtp.password must be text in quotes",  # not "smtp.user and smtp.password go together"
        'contacts.toml:9: unit \'市民政局\'.mobiles must be a list ["…", …]']
    assert project.bad("remind", "--month", "2024-08", "--dry-run", "--lang", "zh").err.splitlines() == [
        "contacts.toml:3: smtp.port 应为整数",
        'contacts.toml:4: smtp.security 应为 "ssl", "starttls" 或 "none"',
        "contacts.toml:6: smtp.password 应为加引号的文字",
        'contacts.toml:9: 单位 \'市民政局\'.mobiles 应为列表 ["…", …]']


def test_a_follow_up_names_the_figures_behind_each_flag_as_check_does(project, robots, env):
    office(project, robots)
    project.ok("log", "195", "--month", "2024-07", "--set", "centres=10")
    r = project.ok("remind", "--month", "2025-01", "--only", "overdue,stalled", "--dry-run", "--lang", "zh",
                   today="2025-01-20")
    # 督办 that says how late and how far done, in check's words (a new user found only the flags' names)
    assert ("195.新建区域性居家养老服务中心100个\n"
            "  逾期（超过截止日期2024-12-31已20天，完成10%）、停滞（自2024-07以来没有增长：10/100 个）\n") in r.out
    check = project.run("check", "--month", "2025-01", "--lang", "zh", today="2025-01-20").out
    assert "逾期：超过截止日期2024-12-31已20天，完成10%" in check and "停滞：自2024-07以来没有增长：10/100 个" in check
    r = project.ok("remind", "--month", "2025-01", "--only", "overdue", "--dry-run", today="2025-01-20")
    assert "7.新建学校10所\n  overdue (20 days past due 2024-12-31, 0% done)\n" in r.out


def test_a_real_run_with_no_log_or_a_contacts_file_mistyped_is_refused_before_anything_goes(project):
    """A mistyped --db would chase every unit for reports it sent; a mistyped --contacts would phone them all."""
    project.write_plan(PLAN)
    r = project.bad("--db", "data/trakcer.db", "remind", "--month", "2024-08")
    assert r.err.startswith("no log at data/trakcer.db: nothing is recorded there, so every unit would be chased")
    assert not (project.root / "data" / "trakcer.db").exists()
    dry = project.ok("--db", "data/trakcer.db", "remind", "--month", "2024-08", "--dry-run")  # a preview still shows
    assert "市民政局" in dry.out and dry.err.startswith("no log at data/trakcer.db")
    project.ok("log", "184", "--month", "2024-08", "--percent", "40")
    assert project.bad("--contacts", "contcts.toml", "remind", "--month", "2024-08").err == \
        "contcts.toml: no such contacts file (given by --contacts or TRACKER_CONTACTS)\n"


def test_a_run_interrupted_keeps_on_record_and_says_what_it_had_sent(project, robots, env):
    """Ctrl-C while one robot hangs: the message already in the other group is recorded and said, so that a
    second run shows the unit was reached, not chased again unawares."""
    import os
    import signal
    import subprocess
    import sys

    from tests.conftest import ROOT

    office(project, robots)
    robots.held.add("wecom")  # 市财政局's robot, the second unit's: 市民政局's dingtalk has gone before it
    child = subprocess.Popen([sys.executable, "-m", "tracker", "remind", "--month", "2024-08"], cwd=project.root,
                             env={**os.environ, "PYTHONPATH": str(ROOT)}, stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, text=True, encoding="utf-8")
    try:
        assert robots.arrived.wait(30), "the held robot was never reached"
        child.send_signal(signal.SIGINT)
        out, err = child.communicate(timeout=30)
    finally:
        robots.release.set()
        if child.poll() is None:
            child.kill()
    assert child.returncode == 130 and "Traceback" not in err, err
    assert f"sent to 市民政局 by dingtalk (127.0.0.1:{robots.port}) (1 task)" in out
    rows = sqlite3.connect(project.db).execute("SELECT unit, channel, delivered FROM reminders").fetchall()
    assert rows == [("市民政局", "dingtalk", 1)]
    units = {u["unit"]: u for u in project.ok("units", "--month", "2024-08", "--format", "json").json()["units"]}
    assert units["市民政局"]["reminded"] == 1


def test_a_second_run_while_one_is_sending_is_refused_and_sends_nothing(project, robots, env):
    """cron's run and a clerk's at once would chase every unit twice: the second is refused (exit 2) at once,
    and the first, done, has every unit on record once."""
    import os
    import subprocess
    import sys

    from tests.conftest import ROOT

    office(project, robots)
    robots.held.add("wecom")
    first = subprocess.Popen([sys.executable, "-m", "tracker", "remind", "--month", "2024-08"], cwd=project.root,
                             env={**os.environ, "PYTHONPATH": str(ROOT)}, stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, text=True, encoding="utf-8")
    try:
        assert robots.arrived.wait(30), "the held robot was never reached"
        second = project.bad("remind", "--month", "2024-08", "--lang", "zh")
        assert "另一个 `tracker remind` 正在使用记录库" in second.err
    finally:
        robots.release.set()
        out, err = first.communicate(timeout=30)
    assert first.returncode == 0 and "Traceback" not in err, err
    assert robots.count("ding") == 1 and robots.count("wecom") == 1
    rows = sqlite3.connect(project.db).execute("SELECT unit, channel FROM reminders ORDER BY seq").fetchall()
    assert rows == [("市民政局", "dingtalk"), ("市财政局", "wecom")]
    project.ok("remind", "--month", "2024-08")  # once it has ended, the next run goes (and says who was reached)


RATE_PLAN = """
[plan]
year = 2024

[[task]]
id = "235"
title = "城市生活垃圾分类覆盖率达到95%"
unit = "市城管局"

[[task.metric]]
key = "rate"
name = "城市生活垃圾分类覆盖率"
unit = "%"
target = 95

[[task]]
id = "250"
title = "建设智慧停车泊位2000个"
unit = "市城管局"

[[task.metric]]
key = "spaces"
name = "智慧停车泊位"
unit = "个"
target = 2000
"""


def test_a_rate_is_asked_as_its_value_to_date_and_taken_with_its_sign_as_the_form_takes_it(project):
    """A rate in % is never summed: the reminder asks its value to date, as the form's 指标 cell does, not a
    running total (累计数); and `60%` typed for it is 60, as a form's 60% cell is, where a count's is refused."""
    project.write_plan(RATE_PLAN)
    (project.root / "contacts.toml").write_text('[unit."市城管局"]\nwecom = "https://qyapi.weixin.qq.com/cgi-bin/'
                                                'webhook/send?key=K"\n', encoding="utf-8")
    r = project.ok("remind", "--month", "2024-08", "--dry-run", "--lang", "zh")
    assert "城市生活垃圾分类覆盖率（%）截至目前的数值" in r.out and "智慧停车泊位（个）累计数（截至目前）" in r.out
    assert "rate to date" in project.ok("remind", "--month", "2024-08", "--dry-run").out
    project.ok("log", "235", "--month", "2024-08", "--set", "rate=６０％")
    assert project.ok("history", "235", "--format", "json").json()["entries"][0]["values"] == {"rate": 60}
    assert project.bad("log", "250", "--month", "2024-08", "--set", "spaces=60%").err == \
        "250.spaces: '60%' is not a number\n"


def test_the_run_lock_leaves_sqlites_own_locks_on_the_log_as_they_were(tmp_path):
    """Closing a descriptor of a database drops every POSIX lock the process holds on it: the lock that keeps two
    reminds apart must never open the log itself, or a write under way would lose its lock to another process."""
    import subprocess
    import sys

    from tracker.errors import BadInput
    from tracker.files import held_alone

    db = tmp_path / "tracker.db"
    conn = sqlite3.connect(db, isolation_level=None)
    conn.execute("CREATE TABLE t (x)")
    conn.execute("BEGIN IMMEDIATE")  # this process holds the write lock
    conn.execute("INSERT INTO t VALUES (1)")
    with held_alone(str(db), BadInput("busy")):
        pass
    other = subprocess.run([sys.executable, "-c", "import sqlite3, sys; c = sqlite3.connect(sys.argv[1], timeout=0); "
                            "c.execute('BEGIN IMMEDIATE')", str(db)], capture_output=True, text=True)
    assert other.returncode != 0 and "database is locked" in other.stderr
    conn.execute("COMMIT")
