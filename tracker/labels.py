"""The words tracker prints around the user's own text, in English and Chinese."""

from __future__ import annotations

import os

LANGS = ("en", "zh")

_ZH = {
    # statuses and flags
    "done": "已完成", "pending": "未开始", "overdue": "逾期", "stalled": "停滞",
    "behind": "滞后", "on_track": "正常", "missing": "未报送",
    "regressed": "数据回退", "repeated_note": "进展雷同", "unmeasured": "未量化",
    "ongoing": "推进中", "blocked": "受阻",
    # column headings
    "ID": "编号", "Title": "目标任务", "Unit": "牵头单位", "Progress": "完成进度",
    "Expected": "序时进度", "Status": "状态", "Flags": "标记", "Last report": "最近报送",
    "Metrics": "指标", "Forecast": "预计完成", "Category": "类别", "Start": "开始",
    "Due": "截止", "Co-units": "配合单位", "Milestones": "节点目标", "Days overdue": "逾期天数",
    "Month": "月份", "Recorded (UTC)": "记录时间(UTC)", "By": "报送人", "Values": "数据",
    "Percent": "百分比", "Note": "进展情况", "Entry": "条目",
    "No.": "序号", "Task": "目标任务", "Problems": "存在问题", "Next steps": "下步计划", "Completion": "完成率", "Warnings": "提示",
    # sentences
    "as of": "截至", "no tasks": "没有任务", "no overdue tasks": "没有逾期任务",
    "no entries": "没有记录", "recorded": "已记录", "tasks": "项任务",
    "late": "将逾期",
    # show and its chart (issue 7)
    "actual": "实际进度", "expected": "序时进度", "milestone": "节点目标", "due": "截止",
    "forecast": "预计完成", "beyond the chart": "超出图表范围", "no progress in three months": "近三个月无进展",
    "against": "对比", "rate": "月均进度", "month": "月", "Reports": "报送记录",
    "Month by month": "逐月进展", "Reported": "当月报送", "note only": "仅文字", "target": "目标",
    "from": "起点", "increment": "按月增量", "Value": "数值", "Change": "变化", "Ratio": "完成比例",
    "Metric": "指标", "Target": "目标值", "Met": "是否达成", "yes": "是", "no": "否",
    "Progress chart": "进度图",
    "no report this month": "本月未报送进展",
    # check, units, fill (templates: {names} are filled in after translation)
    "{days} days past due {due}, {done} done": "超过截止日期{due}已{days}天，完成{done}",
    "{done} done, {expected} expected": "完成{done}，序时进度{expected}",
    "no increase since {month}: {figures}": "自{month}以来没有增长：{figures}",
    "no report since {month}": "{month}以来未报送", "never reported": "从未报送",
    "last report {month}": "最近报送{month}", "same note as {month}": "与{month}进展情况相同",
    "Notes (they do not fail the check)": "提示（不影响检查结果）",
    "ok: none of {total} tasks is {flags} as of {month}": "检查通过：截至{month}，{total}项任务均无{flags}",
    "{n} of {total} tasks fail the check ({flags}) as of {month}": "检查未通过：截至{month}，{total}项任务中有{n}项存在{flags}",
    "Units": "单位排名", "Rank": "名次", "Tasks": "任务数",
    "missing reports for {month}: {n}": "{month}尚缺报送：{n}项", "due {due}": "截止{due}",
    "Enter on a task's first question skips it, on the others leaves the answer empty; Ctrl-C stops, and what was recorded stays.":
        "任务的第一个问题直接回车即跳过该任务，其余问题回车留空；Ctrl-C 中止，已记录的保留。",
    "running total": "累计数（截至目前）", "this month's amount": "本月数", "was {value}": "此前{value}",
    "Enter skips the task": "回车跳过此任务", "percent 0–100": "完成百分比（0–100）",
    "status (ongoing, done, blocked)": "状态（推进中、已完成、受阻）", "skipped": "已跳过", "no report yet": "尚无报送",
    "nothing to fill: every started task has a report for {month}": "无需填报：{month}已开始的任务均已报送",
    "recorded {n}, skipped {m}": "已记录{n}项，跳过{m}项",
    # init, validate, import, backup
    "wrote {tasks} and {db}; edit the plan, then: tracker status": "已创建 {tasks} 和 {db}；编辑计划后运行：tracker status",
    "ok: {tasks} ({n} tasks), {db} ({m} entries, hash chain intact{head})": "正常：{tasks}（{n}项任务），{db}（{m}条记录，哈希链完整{head}）",
    ", head {head}": "，链头 {head}",
    "imported {n} entries from {file} ({m} already in the log)": "从 {file} 导入{n}条记录（{m}条日志中已有）",
    "backed up {n} entries to {file}": "已备份{n}条记录到 {file}",
    "{file}: {n} rows": "{file}：{n}行", "{n} entries recorded for {month}": "记录{month}条目{n}条",
    "{n} tasks added to {path} (unit {unit})": "新增{n}项任务到 {path}（牵头单位 {unit}）",
    "{n} already in the log": "{n}项日志中已有", "note, no metric": "仅进展情况，无指标",
    "no progress text": "无进展内容", " (already in the log)": "（日志中已有）", " [added]": "［新增］",
    "no figure": "未读出数字",
    "{what} is {n} characters long; at most {max} are kept": "{what}长{n}个字符，最多{max}个",
    # import of tables and forms, forms, the docx report
    "dry run: nothing is written": "试运行：不写入任何内容",
    "{n} entries would be recorded for {month}": "将记录{month}条目{n}条", "{n} entries recorded": "记录条目{n}条",
    "{n} entries would be recorded": "将记录条目{n}条",
    "{n} tasks would be added to {path} (unit {unit})": "将新增{n}项任务到 {path}（牵头单位 {unit}）",
    "{n} tasks left empty": "{n}项任务未填", "{n} task left empty": "{n}项任务未填", "{n} tasks": "{n}项任务",
    "{n} task": "{n}项任务", "wrote {file} ({n} task)": "已生成 {file}（{n}项任务）", "{n} entry recorded": "记录条目{n}条",
    "{n} entry would be recorded": "将记录条目{n}条", "problems": "存在问题", "next steps": "下步计划",
    "{file}: form of {unit} for {month}, filled in by {by}": "{file}：{unit}{month}填报表，填报人 {by}",
    "still missing reports for {month}:": "{month}仍未报送的牵头单位：",
    "every lead unit has reported for {month}": "{month}各牵头单位均已报送",
    "wrote {file} ({n} tasks)": "已生成 {file}（{n}项任务）",
    "{n} forms for {month}; import the filled ones with: tracker import {dir}/*.xlsx":
        "共{n}份{month}填报表；收回后导入：tracker import {dir}/*.xlsx",
    "{unit}: nothing to report for {month} (every task done or not started)": "{unit}：{month}无需填报（任务均已完成或未开始）",
    "--template applies to the docx format (give -o FILE.docx or --format docx)":
        "--template 只用于 docx 格式（请用 -o 文件.docx 或 --format docx）",
    "-o {dir}: not a folder (forms are written one file a unit into a folder)": "-o {dir}：不是文件夹（填报表按单位各写一个文件到文件夹中）",
    "month {month} is still in the future; import its table when it comes": "{month}尚未到来，届时再导入",
    "task {task} appears twice (first at {first})": "任务{task}重复出现（首次在{first}）",
    "task {task} is no longer in tasks.toml": "任务{task}已不在 tasks.toml 中",
    "task {task} is no longer {unit}'s (its lead unit is now {now})": "任务{task}已不属于{unit}（现牵头单位为{now}）",
    "task {task} is not in tasks.toml: give --unit (its lead unit) to add it": "任务{task}不在 tasks.toml 中：请用 --unit 指定牵头单位以新增",
    "task {task} starts {start}: it has no report for {month}": "任务{task}自{start}开始，{month}无需报送",
    "task {task}'s metrics have changed since the form was made: send its unit a new form":
        "任务{task}的指标在填报表生成后已变更：请重新生成填报表发给该单位",
    "the due date {due} of task {task} is not a date (write 2024年12月底, 12月底, 年底 or 2024-12-31)":
        "任务{task}的完成时限{due}不是日期（请写 2024年12月底、12月底、年底 或 2024-12-31）",
    "the form is for {form}, but --month is {month}": "填报表是{form}的，但 --month 为{month}",
    "the form's month was changed to {shown}: it was sent out for {month}": "填报表月份被改为{shown}：下发时为{month}",
    "the form's sheet {sheet} is gone": "填报表的工作表“{sheet}”已不存在",
    "the form's unit was changed to {shown}: it was sent out to {unit}": "填报单位被改为{shown}：下发给的是{unit}",
    "the progress table has no rows": "进展表没有数据行",
    "the table's header names month {named} ({head}), but --month is {month}": "表头写的是{named}月（{head}），但 --month 为{month}",
    "the task cell must be the task's number, a dot and its title (`195.新建…`), not {cell}":
        "任务单元格应为“编号.任务名称”（如`195.新建…`），而不是{cell}",
    "this row was task {task} when the form was sent out: rows were moved or changed": "下发时此行为任务{task}：行被移动或改动",
    "{file}: cannot import {suffix}: use a progress table (.md, .txt, .csv, .docx, .xlsx), a returned form (.xlsx) or entries (.jsonl)":
        "{file}：无法导入{suffix}：请用进展表（.md、.txt、.csv、.docx、.xlsx）、收回的填报表（.xlsx）或条目（.jsonl）",
    "{file}: give --month (e.g. --month 2020-08): a progress table names the month, not the year":
        "{file}：请给出 --month（如 --month 2020-08）：进展表只写月份，不写年份",
    "{file}: no paragraph reading {{{{ table }}}} to put the table in": "{file}：没有内容为 {{{{ table }}}} 的段落可放置表格",
    "{file}: not a Word document (.docx) that can be read ({why})": "{file}：不是可读取的 Word 文档（.docx）（{why}）",
    "{path}: no progress table found (expected a header row such as `序号 | 目标任务 | 总体工作进展及8月份进展 |`)":
        "{path}：未找到进展表（应有“序号 | 目标任务 | 总体工作进展及8月份进展”这样的表头行）",
    "{path}: no such plan file: a returned form is matched against tasks.toml": "{path}：计划文件不存在：收回的填报表要与 tasks.toml 核对",
    "{path}: not a Word document (.docx) that can be read ({why})": "{path}：不是可读取的 Word 文档（.docx）（{why}）",
    "{path}: not an Excel workbook (.xlsx) that can be read ({why})": "{path}：不是可读取的 Excel 工作簿（.xlsx）（{why}）",
    "{path}:{line}: not a readable table ({why})": "{path}:{line}：无法读取的表格（{why}）",
    "完成百分比 {value} is not a number from 0 to 100": "完成百分比{value}不是0到100之间的数字",
    "序号 {no} is not a number (a row is `序号 | ID.TITLE | PROGRESS |`)": "序号{no}不是数字（每行应为“序号 | 编号.任务 | 进展”）",
    "本月数 {value} is not a number ≥ 0": "本月数{value}不是大于等于0的数字",
    "状态 {value} is not one of {words}": "状态{value}不是{words}之一",
    # remind
    "nothing to remind: no task is {flags} for {month}": "无需催报：{month}没有{flags}的任务",
    "sent to {unit} by {where} ({n} tasks)": "已发送给{unit}：{where}（{n}项任务）",
    "not delivered to {unit}: {reason}": "未送达{unit}：{reason}",
    "no channel in contacts.toml, to phone: {units}": "contacts.toml 中没有渠道，请电话催报：{units}",
    "--unit {unit}: no task has this lead unit (known: {known})": "--unit {unit}：没有以此为牵头单位的任务（已有：{known}）",
    "Reminders": "催报记录", "Sent": "发送时间", "To": "发送至", "Delivered": "是否送达", "Reminded": "已催报",
    "stopped: recorded {n}; run tracker fill again for the rest": "已中止：已记录{n}项；其余可再次运行 tracker fill 填报",
}


def lang_of(option: str | None) -> str:
    """The label language: the option, else TRACKER_LANG, else English."""
    lang = (option or os.environ.get("TRACKER_LANG") or "en").strip().lower()
    if lang.startswith("zh"):
        return "zh"
    return "en"


def label(lang: str, text: str) -> str:
    """`text` is the English label (or a status/flag code); Chinese where asked and known."""
    if lang == "zh":
        return _ZH.get(text, text)
    return text.replace("_", " ") if text in ("on_track", "repeated_note") else text
