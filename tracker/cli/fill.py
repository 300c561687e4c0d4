"""`tracker fill`: a clerk's month entered at the terminal, one missing report after another.

Each answer is read at once by entries.py and asked again when it is not a
figure; the whole report is then shown back with what the checks before
recording (core/checks.py, as for `log`) say of it, and recorded once the
clerk says yes (default yes, or no when a figure looks like a slip; no asks
the task's questions again). Each report is appended through the same path
as `log`, so an interrupted session keeps what was done.
"""

from __future__ import annotations

from tracker.render.safe import Text  # user text shown, never obeyed (textfile.visible)

from tracker.core import entries as make
from tracker.core import months
from tracker.errors import BadInput
from tracker.core.evaluate import Standing
from tracker.labels import asked_figure, label
from tracker.core.model import TaskLog
from tracker.render.terminal import fig, flags_text, pct


class Skip(Exception):
    """Enter on a task's first question: nothing is recorded for it."""


def card(s: Standing, log: TaskLog, lang: str, n: int, total: int) -> Text:
    """What the clerk sees before the questions: the task, its targets, where it stands, the last report."""
    t = s.task
    text = Text()
    text.append(f"[{n}/{total}] ", style="dim")
    text.append(f"{t.id}. ", style="bold")
    text.append(t.title, style="bold")
    facts = [t.unit, label(lang, "due {due}").format(due=t.due.isoformat())]
    if s.measured:
        facts.append(label(lang, "{done} done, {expected} expected").format(done=pct(s.completion), expected=pct(s.expected)))
    text.append("\n  " + " · ".join(facts), style="dim")
    shown = [f for f in s.flags if f != "missing"]
    if shown:
        text.append(" · ", style="dim")
        text.append_text(flags_text(shown, lang))
    for m in s.metrics:
        text.append(f"\n  {m.metric.key}: {m.metric.name} {fig(m.value)}/{fig(m.metric.target)}"
                    + (f" {m.metric.unit}" if m.metric.unit else ""))
    last = s.last_month
    if last is None:
        text.append("\n  " + label(lang, "no report yet"), style="dim")
        return text
    text.append("\n  " + label(lang, "last report {month}").format(month=months.fmt(last)), style="dim")
    if not t.metrics:
        state = [pct(log.percent[last] / 100)] if last in log.percent else []
        state += [label(lang, log.status[last])] if last in log.status else []
        if state:
            text.append(": " + ", ".join(state), style="dim")
    note = log.notes.get(last)
    if note:
        text.append("\n  «", style="dim")
        text.append(note)
        text.append("»", style="dim")
    return text


class Session:
    """Asks the questions through `ask(prompt) -> str`; `prepare(task, values, pct, status, note)` makes and checks
    the entry (raising a refusal) and gives (entry, slips, summary, warning lines); `record(task, entry, slips)`
    appends it and says what was recorded."""

    def __init__(self, ask, say, prepare, record, lang: str):
        self.ask, self.say, self.prepare, self.record, self.lang = ask, say, prepare, record, lang

    def _until_valid(self, prompt: str, check, first: bool):
        """Ask until `check` accepts the answer; Enter gives None (or skips the task, on its first question)."""
        if first:
            prompt += " · " + label(self.lang, "Enter skips the task")
        while True:
            raw = self.ask(f"  {prompt}: ").strip()
            if not raw:
                if first:
                    raise Skip
                return None
            try:
                return check(raw)
            except BadInput as e:
                self.say(Text(f"  ! {e.message(self.lang)}", style="red"))

    def task(self, s: Standing) -> bool:
        """Ask for one task's report, show it back, and record it once confirmed; False when the clerk skipped it."""
        while True:
            answers = self._answers(s)
            if answers is None:
                return False
            try:
                entry, slips, summary, warnings = self.prepare(s.task, *answers)
            except BadInput as e:
                self.say(Text(f"  ! {e.message(self.lang)}", style="red"))
                continue
            self.say(Text("  " + summary, style="bold"), soft_wrap=True)
            for line in warnings:
                self.say(Text(f"  ! {line}", style="yellow"), soft_wrap=True)
            if self._confirm("Record this report?", default=not slips):
                written = self.record(s.task, entry, slips)
                self.say(Text("  " + written, style="green"), soft_wrap=True)
                return True
            self.say(Text("  " + label(self.lang, "not recorded; the task's questions again"), style="dim"))

    def _confirm(self, question: str, default: bool) -> bool:
        from tracker.cli.confirm import ask_yes

        return ask_yes(question, self.lang, default, ask=lambda prompt: self.ask("  " + prompt),
                       say=lambda said: self.say(Text(f"  ! {said}", style="red")))

    def _answers(self, s: Standing):
        """(values, percent, status, note) as answered, or None when the clerk skipped the task."""
        t, lg = s.task, self.lang
        values, pct_, status = {}, None, None
        try:
            for i, m in enumerate(s.metrics):
                mode = asked_figure(lg, m.metric)
                unit = (f"（{m.metric.unit}）" if lg == "zh" else f" ({m.metric.unit})") if m.metric.unit else ""
                prompt = m.metric.name + unit + f" · {mode}"  # its name: what the clerk knows it by
                if m.metric.mode == "cumulative":
                    prompt += " · " + label(lg, "was {value}").format(value=fig(m.value))
                value = self._until_valid(prompt, lambda raw, k=m.metric.key: make.check_values(t, {k: raw})[k], i == 0)
                if value is not None:
                    values[m.metric.key] = value
            if not t.metrics:
                # a status alone (受阻 with no percent known) is a report, as `log --status` takes it
                first = self._until_valid(label(lg, "percent 0–100, or status"), self._percent_or_status, True)
                if isinstance(first, str):
                    status = first
                else:
                    pct_ = first
                    status = self._until_valid(label(lg, "status (ongoing, done, blocked)"), self._status, False)
            note = self._until_valid(label(lg, "Note"), make.note, False)
        except Skip:
            self.say(Text("  " + label(lg, "skipped"), style="dim"))
            return None
        return values, pct_, status, note

    @staticmethod
    def _percent_or_status(raw: str) -> float | str:
        try:
            return make.percent(raw, "percent")
        except BadInput:
            try:
                return make.status(raw)
            except BadInput:
                pass
            raise

    @staticmethod
    def _status(raw: str) -> str:
        return make.status(raw)  # 推进中, 已完成, 受阻 are understood in either language
