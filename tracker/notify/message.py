"""A lead unit's reminder (催报) as text: what is asked of it this month, short enough for a phone.

The inputs are neutral values (Notice, FlaggedTask) that the caller builds
from the plan and the standing of its tasks; compose() and subject() only
format them, in English or Chinese. User text (titles, the unit's name) is
shown with control and reordering characters made visible.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from tracker import labels
from tracker.textfile import visible

TITLE_CHARS = 24  # a task's title, cut with … : one line of a phone's screen with its ID
PLAN_TITLE_CHARS = 30
WANTED_CELLS = 120  # what is wanted, in a terminal's cells: 60 Chinese characters or 120 Latin letters


@dataclass(frozen=True)
class FlaggedTask:
    id: str
    title: str
    flags: tuple[str, ...]  # flag codes as evaluate gives them: "missing", "overdue", …
    wanted: str | None = None  # for a missing report: what to send (see wanted_for()); None: "this month's progress"
    why: tuple[str, ...] = ()  # beside each flag, the figures behind it as check words them ("" for none)


@dataclass(frozen=True)
class Notice:
    unit: str
    month: str  # "2024-08"
    plan_title: str | None
    tasks: tuple[FlaggedTask, ...]

    def task_ids(self) -> tuple[str, ...]:
        return tuple(t.id for t in self.tasks)


# The sentences of a reminder; flags and the words of `fill` come from tracker.labels.
_ZH = {
    "[Report due]": "【催报】", "[Follow-up]": "【督办】", "target tasks": "重点目标任务",
    "{unit}: {n} tasks have no progress report for {month} yet; please report:":
        "{unit}：以下{n}项任务{month}进展尚未报送，请尽快报送：",
    "{unit}: {n} tasks need attention as of {month}:": "{unit}：截至{month}，以下{n}项任务请关注：",
    "please send: {wanted}": "请报送：{wanted}", "please send this month's progress": "请报送本月进展",
    "… and {n} more tasks": "……另有{n}项任务", "progress note": "进展情况",
    "percent or status": "完成百分比或状态", "{plan}, {month}: {unit}": "{plan} {month}：{unit}",
}
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
           "October", "November", "December")


def _t(lang: str, text: str) -> str:
    return _ZH.get(text, text) if lang == "zh" else text


def month_text(month: str, lang: str) -> str:
    """"2024-08" as "2024年8月" or "August 2024"."""
    year, m = (int(p) for p in month.split("-"))
    return f"{year}年{m}月" if lang == "zh" else f"{_MONTHS[m - 1]} {year}"


# Characters that reorder or hide text; tracker.textfile.visible shows only control characters.
_HIDDEN = re.compile("[\u200b-\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def shown(text: str) -> str:
    """User text on one line, every control, reordering or invisible character made visible."""
    text = visible(text.replace("\n", " ").replace("\t", " "))
    return _HIDDEN.sub(lambda m: f"<U+{ord(m[0]):04X}>", text).strip()


def cut(text: str, chars: int) -> str:
    text = shown(text)
    return text if len(text) <= chars else text[: chars - 1] + "…"


def cut_cells(text: str, cells: int) -> str:
    """Cut to a width in cells (a Chinese character is two): the same room in either language."""
    from rich.cells import cell_len, set_cell_size

    text = shown(text)
    return text if cell_len(text) <= cells else set_cell_size(text, cells - 1).rstrip() + "…"


def wanted_for(metrics: Iterable, lang: str) -> str:
    """What a missing report should give: each metric (tracker's Metric) and the progress note."""
    parts = []
    for m in metrics:
        amount = labels.asked_figure(lang, m)
        unit = f"（{m.unit}）" if lang == "zh" and m.unit else (f" ({m.unit})" if m.unit else "")
        parts.append(f"{m.name}{unit}{amount}" if lang == "zh" else f"{m.name}{unit}: {amount}")
    if not parts:
        parts.append(_t(lang, "percent or status"))
    parts.append(_t(lang, "progress note"))
    return ("、" if lang == "zh" else "; ").join(parts)


def _kind(notice: Notice) -> str:
    return "[Report due]" if any("missing" in t.flags for t in notice.tasks) else "[Follow-up]"


def subject(notice: Notice, lang: str) -> str:
    """A mail's subject: the kind of notice, the plan's title, the month and the unit."""
    plan = cut(notice.plan_title, PLAN_TITLE_CHARS) if notice.plan_title else _t(lang, "target tasks")
    text = _t(lang, "{plan}, {month}: {unit}").format(plan=plan, month=month_text(notice.month, lang),
                                                     unit=shown(notice.unit))
    return _t(lang, _kind(notice)) + ("" if lang == "zh" else " ") + text


def _task_lines(task: FlaggedTask, lang: str, whole: bool = False) -> list[str]:
    """A task's two lines; cut to a phone's screen for a robot, `whole` for a mail."""
    why = task.why or ("",) * len(task.flags)
    flags = ("、" if lang == "zh" else ", ").join(
        labels.label(lang, f) + (f"（{w}）" if lang == "zh" else f" ({w})") * bool(w) for f, w in zip(task.flags, why))
    if "missing" in task.flags:
        wanted = task.wanted and (shown(task.wanted) if whole else cut_cells(task.wanted, WANTED_CELLS))
        ask = (_t(lang, "please send: {wanted}").format(wanted=wanted) if wanted
               else _t(lang, "please send this month's progress"))
        flags += ("；" if lang == "zh" else "; ") + ask
    return [f"{shown(task.id)}.{shown(task.title) if whole else cut(task.title, TITLE_CHARS)}", f"  {flags}"]


def compose(notice: Notice, lang: str, *, max_bytes: int | None = None) -> str:
    """The message: its kind and the month, then each task (`ID.TITLE`) with its flags and what is wanted.

    With max_bytes (a robot's limit on a message, in UTF-8), titles and what is wanted are cut to a phone's
    screen and the tasks that do not fit are left out and counted on the last line; without (a mail), every
    task is there whole.
    """
    month = month_text(notice.month, lang)
    n = len(notice.tasks)
    every_missing = all("missing" in t.flags for t in notice.tasks)
    if every_missing:
        intro = ("{unit}: {n} tasks have no progress report for {month} yet; please report:" if n != 1 or lang == "zh"
                 else "{unit}: 1 task has no progress report for {month} yet; please report:")
    else:
        intro = ("{unit}: {n} tasks need attention as of {month}:" if n != 1 or lang == "zh"
                 else "{unit}: 1 task needs attention as of {month}:")
    head = [f"{_t(lang, _kind(notice))}{'' if lang == 'zh' else ' '}{month}",
            _t(lang, intro).format(unit=shown(notice.unit), n=n, month=month)]
    if notice.plan_title:
        head.insert(1, cut(notice.plan_title, PLAN_TITLE_CHARS))
    lines = head + [line for t in notice.tasks for line in _task_lines(t, lang, whole=max_bytes is None)]
    text = "\n".join(lines)
    if max_bytes is None or len(text.encode("utf-8")) <= max_bytes:
        return text
    # Keep as many tasks as fit with the line that counts the rest (the longest that line can be).
    budget = max_bytes - len("\n".join(head).encode("utf-8"))
    budget -= len(("\n" + _t(lang, "… and {n} more tasks").format(n=n)).encode("utf-8"))
    kept: list[str] = []
    for i, task in enumerate(notice.tasks):
        block = "".join("\n" + line for line in _task_lines(task, lang))
        budget -= len(block.encode("utf-8"))
        if budget < 0:
            break
        kept.append(block)
    text = "\n".join(head) + "".join(kept) + "\n" + _t(lang, "… and {n} more tasks").format(n=n - len(kept))
    return text.encode("utf-8")[:max_bytes].decode("utf-8", errors="ignore")  # only a very long unit name is cut
