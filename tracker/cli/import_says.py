"""What `tracker import` says of what it read: task by task, each figure with the words it was read from,
the counts of each file, the corrections, the metrics left unread, a returned form's rows, the units still owing
reports, and the notes on stderr (a lead unit or due other than tasks.toml's, a report no longer in force)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from tracker.core import months
from tracker.exchange.table import Read, _short
from tracker.labels import label

if TYPE_CHECKING:
    from tracker.cli.imports import Source


def warn_other_declared(reads: list, plan, p: int, lang: str) -> None:
    """A row whose 牵头单位 is not its task's in tasks.toml (a typo, 市民政居, or a task handed over), or whose
    完成时限 names another date than its due (a deadline moved in the office's sheet): said, as tasks.toml's is what
    counts, lest the clerk think the table changed it. A due cell that names no date (持续推进) is not."""
    import sys

    from tracker.exchange.table import due_date
    from tracker.textfile import visible

    for r in reads:
        task = plan.task(r.task_id)
        if task is None:
            continue
        if r.row.unit and r.row.unit.strip() != task.unit:
            print(visible(label(lang, "note: {place}: the table names {given} as task {task}'s lead unit; tasks.toml's "
                                      "{unit} is what counts").format(place=r.row.places.get("unit", r.row.place),
                                                                     given=r.row.unit.strip(), task=r.task_id,
                                                                     unit=task.unit)), file=sys.stderr)
        due = due_date(r.row.due, months.year_of(p)) if r.row.due else None
        if due is not None and due != task.due:
            print(visible(label(lang, "note: {place}: the table gives task {task}'s due as {given}; tasks.toml's "
                                      "{due} is what counts").format(place=r.row.places.get("due", r.row.place),
                                                                    given=r.row.due.strip(), task=r.task_id,
                                                                    due=task.due.isoformat())), file=sys.stderr)


def table_notes(table, lang: str) -> None:
    """What a table says that the import takes otherwise than its writer may think, on stderr:
    - a progress cell that says 同上 gives its task the row above's text of its column in its note: one line a cell,
      named by its column (each is a report to check), lest one department's words stand as another task's unnoticed (同上 in the
      lead-unit, due, 存在问题 or 下步计划 column is what a merged cell shows, and is read silently);
    - a 完成率 column is not read (a table's rate is often the office's own computed completion, and a percent is
      refused for a task with metrics): said once, with where a qualitative task's percent goes."""
    import sys

    # named by its column: of 总体工作进展 | 8月份进展, one may be its own
    say_same_above([(place, "".join(table.headers[i].split())) for place, i in table.same_above], lang)
    for head, place in zip(table.headers, table.header_places):
        if head.replace(" ", "").startswith(_RATE_HEADS):
            print(label(lang, "note: {place}: the column {head} is not read: a qualitative task's percent is "
                              "logged with `tracker log ID --percent N`, or sent back in the office's form "
                              "(tracker forms)").format(place=place, head=head.strip()), file=sys.stderr)


def say_same_above(cells: list, lang: str) -> None:
    """Each progress cell (place, column) that said 同上, of a table or a returned form: one line a cell on
    stderr, as another task's words now stand in this task's note."""
    import sys

    for place, column in cells:
        print(label(lang, "note: {place}: the {column} cell says 同上: the row above's {column} is recorded in this "
                          "task's note").format(place=place, column=column), file=sys.stderr)


_RATE_HEADS = ("完成率", "完成百分比", "完成比例", "完成进度")


def warn_superseded(superseded: dict, places: list, entries: list, lang: str) -> None:
    import sys

    from tracker.render.terminal import local_time
    from tracker.textfile import visible

    for e, place in zip(entries, places):
        if e.id in superseded:
            at = superseded[e.id]
            line = label(lang, "{place}: task {task}'s report for {month} is in the log already, but a later one "
                               "(recorded {at}) is in force: importing it again changes nothing; record its "
                               "figures with `tracker log` to put them back in force" if at else
                               "{place}: task {task}'s report for {month} is in the log already, and was voided: "
                               "importing it again changes nothing; record its figures with `tracker log` to put "
                               "them back in force").format(place=place, task=e.task, month=months.fmt(e.month),
                                                            at=local_time(at) if at else "")
            print(visible(line), file=sys.stderr)


def say_counts(s: Source, p: int, new: list, unit, path: str, lang: str, dry_run: bool) -> None:
    from tracker.cli.output import say

    ids = {r.task_id for r in s.reads}
    n = sum(1 for e in new if e.task in ids)
    verb = "would be recorded" if dry_run else "recorded"
    if lang == "zh":
        parts = [label(lang, f"{{n}} entries {verb} for {{month}}").format(n=n, month=months.fmt(p))]
    else:
        parts = [f"{n} {'entry' if n == 1 else 'entries'} {verb} for {months.fmt(p)}"]
    adding = sum(1 for r in s.reads if r.added)
    if adding:
        units = sorted({r.row.unit or unit for r in s.reads if r.added})
        shown = "、".join(units) if lang == "zh" else ", ".join(units)
        verb = "would be added" if dry_run else "added"
        if lang == "zh":
            parts.append(label(lang, f"{{n}} tasks {verb} to {{path}} (unit {{unit}})").format(n=adding, path=path, unit=shown))
        else:
            parts.append(f"{adding} {'task' if adding == 1 else 'tasks'} {verb} to {path} (unit {shown})")
    unchanged = sum(1 for r in s.reads if not r.new and (r.note or any(v is not None for _, v, _ in r.figures)))
    if unchanged:
        parts.append(label(lang, "{n} already in the log").format(n=unchanged))
    separator = "；" if lang == "zh" else "; "
    say(label(lang, "{file}: {n} row" if len(s.reads) == 1 else "{file}: {n} rows").format(file=s.path, n=len(s.reads)) + separator + separator.join(parts))


def id_order(tid: str) -> list:
    return [int(x) if x.isdigit() else 0 for x in tid.split(".")]


def say_corrections(tasks: list[str], p: int, lang: str, dry_run: bool) -> None:
    """The tasks whose report of the month these tables or a returned form replace (a corrected table or form, or
    one given the wrong month)."""
    from tracker.cli.output import say

    if tasks:
        shown = ("、" if lang == "zh" else ", ").join(tasks[:20]) + ("…" if len(tasks) > 20 else "")
        if len(tasks) == 1:
            text = ("1 of them would replace a report already recorded for {month} (task {tasks})" if dry_run
                    else "1 of them replaces a report already recorded for {month} (task {tasks})")
        else:
            text = ("{n} of them would replace a report already recorded for {month} (tasks {tasks})" if dry_run
                    else "{n} of them replace a report already recorded for {month} (tasks {tasks})")
        say(label(lang, text).format(n=len(tasks), month=months.fmt(p), tasks=shown))


def say_unread(reads: list, lang: str) -> None:
    """Last of what was read: the metrics a report came in for whose figure was not read, for the clerk to give."""
    from tracker.cli.output import say

    left = [(r.task_id, metric) for r in reads if r.note is not None for metric, value, _words in r.figures
            if value is None]
    brackets = "（{}）" if lang == "zh" else " ({})"  # a Chinese line's own brackets
    unread = [f"{task} {metric.name}{brackets.format(metric.key)}" for task, metric in left]
    if unread:
        shown = ("、" if lang == "zh" else ", ").join(unread[:12]) + ("…" if len(unread) > 12 else "")
        say(label(lang, "no figure read for {n} metrics of a report that came in: {metrics}; give them with "
                        "`tracker log ID --set KEY=VALUE` (`tracker log {task} --set {key}=VALUE`)" if len(unread) > 1 else
                  "no figure read for {n} metric of a report that came in: {metrics}; give it with "
                  "`tracker log ID --set KEY=VALUE` (`tracker log {task} --set {key}=VALUE`)").format(n=len(unread), metrics=shown, task=left[0][0],
                                                             key=left[0][1].key))  # the first as an example


def untargeted(read: Read) -> bool:
    """A task the import adds whose title writes a figure, yet no target was read from it: it has no metric, and
    its figures are never read until one is declared by hand."""
    return read.added and not read.figures and any(c.isdigit() for c in read.title)


def say_untargeted(reads: list, path: str, lang: str) -> None:
    """Last, with the metrics left unread: the tasks added with no metric though their titles write a figure."""
    from tracker.cli.output import say

    tasks = [r.task_id for r in reads if untargeted(r)]
    if tasks:
        shown = ("、" if lang == "zh" else ", ").join(tasks[:20]) + ("…" if len(tasks) > 20 else "")
        say(label(lang, "no target read from the title of {n} task added: {tasks}; give it a [[task.metric]] in {path} "
                        "(key, name, unit, target) before its figures are recorded" if len(tasks) == 1 else
                  "no target read from the titles of {n} tasks added: {tasks}; give each a [[task.metric]] in {path} "
                  "(key, name, unit, target) before their figures are recorded").format(n=len(tasks), tasks=shown,
                                                                                         path=path))


def say_left(reads: list, path: str, lang: str) -> None:
    """What the import left for the clerk to give by hand: the new reports' metrics left unread, then the tasks
    added with no target read from their titles."""
    say_unread([r for r in reads if r.new], lang)
    say_untargeted(reads, path, lang)


def _why_unread(read: Read, metric, lang: str) -> str:
    """Why a report's figure was left unread, as far as the text shows it: no figure in the metric's measure word,
    or some the reader could not tell were this metric's (shown, for the clerk to give with `log --set`)."""
    from tracker.exchange.table import figures_in

    if read.note is None or not metric.unit:
        return ""
    found = figures_in(read.note, metric.unit)
    others = {f for m, value, words in read.figures if value is not None and m.unit == metric.unit
              for f in figures_in(words, m.unit)}
    if not found:
        return label(lang, ": the text has no figure in {unit}").format(unit=metric.unit)
    found = [f for f in found if f not in others]
    if not found:
        return label(lang, ": the text's figures in {unit} are its other metrics'").format(unit=metric.unit)
    return label(lang, ": the text's {figures}, not clearly this metric's").format(
        figures=("、" if lang == "zh" else ", ").join(found[:4]) + ("…" if len(found) > 4 else ""))


def _title_room() -> int:
    """How many characters of a task's title a line of the import's output shows: what half the terminal's
    width holds (a Chinese character takes two columns), 24 at least (80 columns, or a pipe)."""
    from tracker.cli.output import console

    return max(24, console().width // 2 - 16)


def describe(read: Read, lang: str = "en") -> str:
    """What was read for one row: the task, then each metric: the figure set and the words it came from, or unset."""
    head = f"  {read.task_id} {_short(read.title, _title_room())}"
    if read.added:
        head += label(lang, " [added]")
    seen = label(lang, " (already in the log)") if not read.new and read.note is not None else ""
    texts = [label(lang, w) for w, t in (("problems", read.row.problems), ("next steps", read.row.next_steps)) if t]
    also = f" (+{'、'.join(texts) if lang == 'zh' else ', '.join(texts)})" if texts else ""
    if not read.figures:
        said = label(lang, 'note, no metric' if read.note else 'no progress text')
        if untargeted(read):
            said += ("；" if lang == "zh" else "; ") + label(lang, "no target read from its title")
        return f"{head}: {said}{also}{seen}"
    lines = [f"{head}{': ' + label(lang, 'no progress text') if read.note is None else ''}{also}{seen}"]
    for metric, value, words in read.figures:
        if value is None:
            # the target beside it: for a task the import adds, the figure its title gave, to check as well
            target = label(lang, " (target {target})").format(target=f"{_fig(metric.target)}{metric.unit}")
            lines.append(f"      {metric.key} {metric.name}: {label(lang, 'no figure')}{target}{_why_unread(read, metric, lang)}")
        else:
            lines.append(f"      {metric.key} {metric.name}: {_fig_of(value, metric.target)}{metric.unit}"
                         f"  ← «{words}»")
    return "\n".join(lines)


def say_form(back, present: set, lang: str, dry_run: bool) -> None:
    from tracker.cli.output import say

    if not back.entries:  # one line for a form sent back as it went out (or not yet filled in)
        say(label(lang, "{file}: form of {unit} for {month}, not filled in ({n} task left empty)" if back.empty == 1 else
                  "{file}: form of {unit} for {month}, not filled in ({n} tasks left empty)").format(
            file=back.path, unit=back.unit, month=months.fmt(back.month), n=back.empty))
        return
    say(label(lang, "{file}: form of {unit} for {month}, filled in by {by}").format(
        file=back.path, unit=back.unit, month=months.fmt(back.month), by=back.by))
    for tid, title, said in back.taken:
        say(f"  {tid} {_short(title, _title_room())}: {' · '.join(label(lang, word) for word in said)}")
    n = sum(1 for e in back.entries if e.id not in present)
    verb = "would be recorded" if dry_run else "recorded"
    line = label(lang, f"{{n}} {'entry' if n == 1 else 'entries'} {verb}").format(n=n)
    if len(back.entries) > n:
        line += ("；" if lang == "zh" else "; ") + label(lang, "{n} already in the log").format(n=len(back.entries) - n)
    if back.empty:
        line += ("；" if lang == "zh" else "; ") + label(lang, "{n} task left empty" if back.empty == 1 else
                                                         "{n} tasks left empty").format(n=back.empty)
    say(line)


def say_missing(project, form_months: set, new: list, lang: str) -> None:
    """Last: the lead units that still owe reports for the forms' months (the 催报 list)."""
    from tracker.cli.output import say
    from tracker.cli.status import standings

    for m in sorted(form_months):
        _plan, rows = standings(project, m)
        reported = {e.task for e in new if e.month == m}
        owing: dict[str, int] = {}
        for s in rows:
            if "missing" in s.flags and s.task.id not in reported:
                owing[s.task.unit] = owing.get(s.task.unit, 0) + 1
        if not owing:
            say(label(lang, "every lead unit has reported for {month}").format(month=months.fmt(m)))
            continue
        say(label(lang, "still missing reports for {month}:").format(month=months.fmt(m)))
        for unit, n in sorted(owing.items(), key=lambda kv: (-kv[1], kv[0])):
            say(f"  {unit}{'：' if lang == 'zh' else ': '}{label(lang, '{n} task' if n == 1 else '{n} tasks').format(n=n)}")


def _fig(x) -> str:
    from tracker.render.terminal import fig

    return fig(x)


def _fig_of(value, target) -> str:
    from tracker.render.terminal import fig_of

    return fig_of(value, target)
