"""The words tracker prints around the user's own text, in English and Chinese.

The Chinese catalogue (_ZH) is keyed by the English text itself: rewording a message means changing its key
here or in labels_messages.py too (tests/test_messages.py fails on an English message with no Chinese).
"""

from __future__ import annotations

import os
import re

from tracker.labels_messages import _ZH as _MESSAGES

LANGS = ("en", "zh")

_ZH = {
    # statuses and flags
    "done": "已完成", "pending": "未开始", "overdue": "逾期", "stalled": "停滞",
    "behind": "滞后", "on_track": "正常", "missing": "未报送",
    "regressed": "数据回退", "repeated_note": "进展雷同", "unmeasured": "未量化",
    "ongoing": "推进中", "blocked": "受阻", "measured": "已量化",
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
    "late": "超期",
    # show and its chart (issue 7)
    "actual": "实际进度", "expected": "序时进度", "milestone": "节点目标", "due": "截止",
    "forecast": "预计完成", "beyond the chart": "超出图表范围", "no progress in three months": "近三个月无进展",
    "against": "对比", "rate": "月均进度", "month": "月", "Reports": "报送记录",
    "Month by month": "逐月进展", "Reported": "当月报送", "note only": "仅文字", "target": "目标",
    "from": "起点", "increment": "按月增量", "Value": "数值", "Change": "变化", "Ratio": "完成比例",
    "Metric": "指标", "Target": "目标值", "Met": "是否达成", "yes": "是", "no": "否",
    "Progress chart": "进度图",
    "no report this month": "本月未报送进展",
    "done; no report this month": "已完成，本月未报送进展",
    "not started yet; no report owed": "尚未开始，无需报送",
    "reported; no progress note": "已报送，未附进展情况",
    # check, units, fill (templates: {names} are filled in after translation)
    "{days} days past due {due}, {done} done": "超过截止日期{due}已{days}天，完成{done}",
    "1 day past due {due}, {done} done": "超过截止日期{due}已1天，完成{done}",
    "due {due}, before the month ends; {done} done": "截止日期{due}在本月内，完成{done}",
    "{done} done, {expected} expected": "完成{done}，序时进度{expected}",
    "no increase since {month}: {figures}": "自{month}以来没有增长：{figures}",
    ", though the {month} report came, with no figure": "，但{month}已报送（没有数值）",
    "no report since {month}": "{month}以来未报送", "never reported": "从未报送",
    "last report {month}": "最近报送{month}", "same note as {month}": "与{month}进展情况相同",
    "Notes (they do not fail the check)": "提示（不影响检查结果）",
    "ok: none of {total} tasks is {flags} as of {month}": "检查通过：截至{month}，{total}项任务均无{flags}",
    "{n} of {total} tasks fail the check ({flags}) as of {month}": "检查未通过：截至{month}，{total}项任务中有{n}项存在{flags}",
    "{n} of {total} tasks fails the check ({flags}) as of {month}": "检查未通过：截至{month}，{total}项任务中有{n}项存在{flags}",
    "{n} of {total} task fails the check ({flags}) as of {month}": "检查未通过：截至{month}，{total}项任务中有{n}项存在{flags}",
    "Units": "单位排名", "Rank": "名次", "Tasks": "任务数",
    "missing reports for {month}: {n}": "{month}尚缺报送：{n}项", "due {due}": "截止{due}",
    "Enter on a task's first question skips it, on the others leaves the answer empty; Ctrl-C stops, and what was recorded stays.":
        "任务的第一个问题直接回车即跳过该任务，其余问题回车留空；Ctrl-C 中止，已记录的保留。",
    "running total": "累计数（截至目前）", "this month's amount": "本月数", "rate to date": "截至目前的数值", "was {value}": "此前{value}",
    "Enter skips the task": "回车跳过", "percent 0–100, or status": "完成百分比（0–100）或状态",
    "status (ongoing, done, blocked)": "状态（推进中、已完成、受阻）", "skipped": "已跳过", "no report yet": "尚无报送",
    "nothing to fill: every started task has a report for {month}": "无需填报：{month}已开始的任务均已报送",
    "recorded {n}, skipped {m}": "已记录{n}项，跳过{m}项",
    # init, validate, import, backup
    "wrote {tasks} and {db}; edit the plan, then: {then}": "已创建 {tasks} 和 {db}；编辑计划后运行：{then}",
    "ok: {tasks} ({n} tasks), {db} ({m} entries, hash chain intact{head})": "正常：{tasks}（{n}项任务），{db}（{m}条记录，哈希链完整{head}）",
    ", head {head}": "，链头 {head}",
    "imported {n} entries from {file} ({m} already in the log)": "从 {file} 导入{n}条记录（{m}条日志中已有）",
    "imported {n} entry from {file} ({m} already in the log)": "从 {file} 导入{n}条记录（{m}条日志中已有）",
    "backed up {n} entries to {file}": "已备份{n}条记录到 {file}",
    "{file}: {n} rows": "{file}: {n}行", "{file}: {n} row": "{file}: {n}行", "{n} entries recorded for {month}": "已记录{month}进展{n}条",
    "{n} tasks added to {path} (unit {unit})": "新增{n}项任务到 {path}（牵头单位 {unit}）",
    "{n} already in the log": "{n}项日志中已有", "note, no metric": "仅进展情况，无指标",
    "no progress text": "无进展内容", " (already in the log)": "（日志中已有）", " [added]": "［新增］",
    "{file}: cannot import {suffix}: open it in Excel, Word or WPS and save it as {new} (另存为 {new}), then import that":
        "{file}: 不能导入 {suffix} 文件：请用 Excel、Word 或 WPS 打开，另存为 {new} 后再导入",
    "{value} this month (target {target})": "本月新增{value}（目标{target}）",
    "repaired: {problem}": "已修复：{problem}", " (run `tracker validate --repair`)": "（请运行 `tracker validate --repair`）",
    "{path}: another tracker is writing; waiting for it to finish…": "{path}: 另一个 tracker 正在写入，等待其完成……",
    "… and {n} more warnings (--dry-run lists them all)": "……另有{n}条提示（--dry-run 可全部列出）",
    "--repair rebuilds the derived tables from the log only when the log itself is intact, and it is not (below): "
    "nothing was repaired; restore the log from a backup":
        "--repair 只在日志本身完好时才据以重建派生表，而日志已不完好（见下）：未作任何修复；请从备份恢复日志",
    "note: not set in the environment: {names}; the dry run goes on without them, sending needs them":
        "提示：环境变量 {names} 未设置：预览照常进行，实际发送时需要设置",
    "{head} holds a formula ({formula}) whose result was never saved: open the form in Excel or WPS and save it, "
    "or type the figure": "{head}是公式（{formula}），但没有保存计算结果：请用 Excel 或 WPS 打开表格保存一次，或直接填写数字",
    "task {task}'s report for {month} is also at {first}: import one file at a time, the one to be in force last":
        "任务{task}的{month}报送也在{first}：请逐个导入，应当生效的那份最后导入",
    "{place}: task {task}'s report for {month} is in the log already, but a later one (recorded {at}) is in force: "
    "importing it again changes nothing; record its figures with `tracker log` to put them back in force":
        "{place}: 任务{task}的{month}报送日志中已有，但生效的是之后的一份（记录于{at}）：再次导入不会改变什么；"
        "如要恢复这份数据，请用 `tracker log` 重新填报",
    "{place}: task {task}'s report for {month} is in the log already, and was voided: importing it again changes "
    "nothing; record its figures with `tracker log` to put them back in force":
        "{place}: 任务{task}的{month}报送日志中已有，且已作废：再次导入不会改变什么；如要恢复这份数据，"
        "请用 `tracker log` 重新填报",
    "no figure": "未读出数字", " (target {target})": "（目标{target}）",
    ": the text has no figure in {unit}": "：文中没有以“{unit}”计的数字",
    ": the text's {figures}, not clearly this metric's": "：文中的{figures}不能确定属于该指标",
    ": the text's figures in {unit} are its other metrics'": "：文中以“{unit}”计的数字已读作其他指标的",
    "no target read from its title": "标题中未读出目标值",
    "no target read from the title of {n} task added: {tasks}; give it a [[task.metric]] in {path} (key, name, unit, target) before its figures are recorded":
        "{n}项新增任务的标题中未读出目标值：{tasks}；请在{path}中为其补写[[task.metric]]（key、name、unit、target），之后才能记录其数值",
    "no target read from the titles of {n} tasks added: {tasks}; give each a [[task.metric]] in {path} (key, name, unit, target) before their figures are recorded":
        "{n}项新增任务的标题中未读出目标值：{tasks}；请在{path}中为每项补写[[task.metric]]（key、name、unit、target），之后才能记录其数值",
    # import of tables and forms, forms, the docx report
    "dry run: nothing is written": "试运行：不写入任何内容",
    "{n} entries would be recorded for {month}": "将记录{month}进展{n}条", "{n} entries recorded": "已记录{n}条",
    "{n} entries would be recorded": "将记录{n}条",
    "{n} tasks would be added to {path} (unit {unit})": "将新增{n}项任务到 {path}（牵头单位 {unit}）",
    "{n} tasks left empty": "{n}项任务未填", "{n} task left empty": "{n}项任务未填", "{n} tasks": "{n}项任务",
    "{n} task": "{n}项任务", "wrote {file} ({n} task)": "已生成 {file}（{n}项任务）", "{n} entry recorded": "已记录{n}条",
    "{n} entry would be recorded": "将记录{n}条", "next steps": "下步计划",
    "{file}: form of {unit} for {month}, filled in by {by}": "{file}: {unit}{month}填报表，填报人 {by}",
    "{file}: form of {unit} for {month}, not filled in ({n} tasks left empty)": "{file}: {unit}{month}填报表，未填写（{n}项任务未填）",
    "in all: {n} entries recorded from {k} of {m} files": "合计：{m}个文件，其中{k}个有新内容，已记录{n}条",
    "in all: {n} entry recorded from {k} of {m} files": "合计：{m}个文件，其中{k}个有新内容，已记录{n}条",
    "in all: {n} entry would be recorded from {k} of {m} files": "合计：{m}个文件，其中{k}个有新内容，将记录{n}条",
    "{file}: form of {unit} for {month}, not filled in ({n} task left empty)": "{file}: {unit}{month}填报表，未填写（{n}项任务未填）",
    "in all: {n} entries would be recorded from {k} of {m} files": "合计：{m}个文件，其中{k}个有新内容，将记录{n}条",
    "still missing reports for {month}:": "{month}仍未报送的牵头单位：",
    "every lead unit has reported for {month}": "{month}各牵头单位均已报送",
    "wrote {file} ({n} tasks)": "已生成 {file}（{n}项任务）",
    "wrote {file} ({n} entry)": "已写入 {file}（{n}条记录）", "wrote {file} ({n} entries)": "已写入 {file}（{n}条记录）",
    "{n} form for {month}; import it filled in with: tracker import {dir}/*.xlsx":
        "共{n}份{month}填报表；收回后导入：tracker import {dir}/*.xlsx",
    "{n} forms for {month}; import the filled ones with: tracker import {dir}/*.xlsx":
        "共{n}份{month}填报表；收回后导入：tracker import {dir}/*.xlsx",
    "{unit}: nothing to report for {month} (every task done or not started)": "{unit}：{month}无需填报（任务均已完成或未开始）",
    "no form written: {path} declares no task": "未生成报表：{path} 中没有任何任务",
    "--template applies to the docx format (give -o FILE.docx or --format docx)":
        "--template 只用于 docx 格式（请用 -o 文件.docx 或 --format docx）",
    "-o {dir}: not a folder (forms are written one file a unit into a folder)": "-o {dir}：不是文件夹（填报表按单位各写一个文件到文件夹中）",
    "task {task} appears twice (first at {first})": "任务{task}重复出现（首次在{first}）",
    "task {task} is given in two files (first at {first}): keep it in one, or import them one after the other "
    "(the later is in force)": "任务{task}在两个文件中都有（首次在{first}）：请只保留一处，或分两次导入（以后导入的为准）",
    "line {n}": "第{n}行",
    "{n} of them replace a report already recorded for {month} (tasks {tasks})": "其中{n}条替换了{month}已记录的报送（任务{tasks}）",
    "1 of them replaces a report already recorded for {month} (task {tasks})": "其中1条替换了{month}已记录的报送（任务{tasks}）",
    "1 of them would replace a report already recorded for {month} (task {tasks})": "其中1条将替换{month}已记录的报送（任务{tasks}）",
    "{n} of them would replace a report already recorded for {month} (tasks {tasks})": "其中{n}条将替换{month}已记录的报送（任务{tasks}）",
    "no figure read for {n} metrics of a report that came in: {metrics}; give them with `tracker log ID --set KEY=VALUE` (`tracker log {task} --set {key}=VALUE`)":
        "已报送但未读出数值的指标{n}项：{metrics}；请用 `tracker log 任务编号 --set 指标代码=数值` 补录"
        "（指标代码是括号中的英文，如 `tracker log {task} --set {key}=数值`）",
    "no figure read for {n} metric of a report that came in: {metrics}; give it with `tracker log ID --set KEY=VALUE` (`tracker log {task} --set {key}=VALUE`)":
        "已报送但未读出数值的指标{n}项：{metrics}；请用 `tracker log 任务编号 --set 指标代码=数值` 补录"
        "（指标代码是括号中的英文，如 `tracker log {task} --set {key}=数值`）",
    "the table's title names month {named} ({title}), but --month is {month}": "表格标题写的是{named}月（{title}），但 --month 为{month}",
    "task {task} in tasks.toml is {declared}, not {title}: a wrong number?": "tasks.toml 中任务{task}是“{declared}”，不是“{title}”：编号写错了？",
    "task {task} is not in tasks.toml, but its title is task {twin}'s: a wrong number?": "tasks.toml 中没有任务{task}，但其标题是任务{twin}的：编号写错了？",
    "task {task} in tasks.toml is {declared}, not {title}: that one is `tracker init`'s sample: delete init's sample tasks from tasks.toml, then import":
        "tasks.toml 中任务{task}是“{declared}”，不是“{title}”：那是 `tracker init` 生成的示例任务，请先从 tasks.toml 中删除示例任务再导入",
    "task {task} is not in tasks.toml, but its title is task {twin}'s: that one is `tracker init`'s sample: delete init's sample tasks from tasks.toml, then import":
        "tasks.toml 中没有任务{task}，但其标题是任务{twin}的：那是 `tracker init` 生成的示例任务，请先从 tasks.toml 中删除示例任务再导入",
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
    "the 编号 {cell} is not a task's number (digits, optionally dotted: 195, 3.2); a sub-item (50-1) is reported "
    "under its task's own number": "编号{cell}不是任务编号（应为数字，可带小数点：195、3.2）；子项（50-1）请按所属任务的编号报送",
    "Added by {command}": "以下任务由 {command} 新增",  # tasks.toml's comment above the tasks an import adds
    "note: this corrects task {task}'s report already recorded for {month} (`tracker history {task}` shows both)":
        "注意：本条更正了任务 {task} 已记录的 {month} 报送（`tracker history {task}` 可查看两条）",
    "note: {place}: the {column} cell says 同上: the row above's {column} is recorded in this task's note":
        "注意：{place}：{column}单元格写的是“同上”，已将上一行的{column}记入本任务的进展情况",
    "note: {place}: the column {head} is not read: a qualitative task's percent is logged with `tracker log ID "
    "--percent N`, or sent back in the office's form (tracker forms)":
        "注意：{place}：不读取“{head}”列；定性任务的完成百分比请用 `tracker log 编号 --percent N` 录入，"
        "或在督查室下发的填报表（tracker forms）中填写",
    "the cell says 同上 (same as above), but there is no text above it to take: write the text in":
        "单元格写的是“同上”，但上方没有可取的内容：请写明内容",
    "the task cell must be the task's number, a dot and its title (`195.新建…`), not {cell}":
        "任务单元格应为“编号.任务名称”（如`195.新建…`），而不是{cell}",
    "the task cell must be the task's number, a dot and its title (`195.新建…`), not {cell}; or, when 序号 holds "
    "the tasks' own numbers, head that column 编号":
        "任务单元格应为“编号.任务名称”（如`195.新建…`），而不是{cell}；如果序号列就是任务的编号，请把该列表头改为“编号”",
    "this row was task {task} when the form was sent out: rows were moved or changed": "下发时此行为任务{task}：行被移动或改动",
    "this row was task {task}'s {metric} when the form was sent out: rows were moved or changed":
        "下发时此行为任务{task}的{metric}：行被移动或改动",
    "{file}: cannot import {suffix}: use a progress table (.md, .txt, .csv, .docx, .xlsx), a returned form (.xlsx) or entries (.jsonl)":
        "{file}: 无法导入{suffix}：请用进展表（.md、.txt、.csv、.docx、.xlsx）、收回的填报表（.xlsx）或条目（.jsonl）",
    "{file}: no paragraph reading {{{{ table }}}} to put the table in": "{file}: 没有内容为 {{{{ table }}}} 的段落可放置表格",
    "{file}: not a Word document (.docx) that can be read ({why})": "{file}: 不是可读取的 Word 文档（.docx）（{why}）",
    "{path}: no such plan file: a returned form is matched against tasks.toml": "{path}: 计划文件不存在：收回的填报表要与 tasks.toml 核对",
    "{path}: not a Word document (.docx) that can be read ({why})": "{path}: 不是可读取的 Word 文档（.docx）（{why}）",
    "{path}: not an Excel workbook (.xlsx) that can be read ({why})": "{path}: 不是可读取的 Excel 工作簿（.xlsx）（{why}）",
    "{path}:{line}: not a readable table ({why})": "{path}:{line}: 无法读取的表格（{why}）",
    "完成百分比 {value} is not a number from 0 to 100": "完成百分比{value}不是0到100之间的数字",
    "序号 {no} is not a number (a row is `序号 | ID.TITLE | PROGRESS |`)": "序号{no}不是数字（每行应为“序号 | 编号.任务 | 进展”）",
    "the cell shows Excel's error {error} (a formula that failed), not text: write the text in or leave the cell empty":
        "单元格显示的是 Excel 的错误值 {error}（公式出错），不是文字：请填入文字或留空",
    "本月数 {value} is not a number ≥ 0": "本月数{value}不是大于等于0的数字",
    "本月数 {value} is words, not a figure: type the figure alone (in {unit}), and the words in 进展情况":
        "本月数{value}是文字，不是数字：本月数只填数字（单位：{unit}），文字写在“进展情况”中",
    "本月数 {value} is words, not a figure: type the figure alone, and the words in 进展情况":
        "本月数{value}是文字，不是数字：本月数只填数字，文字写在“进展情况”中",
    "状态 {value} is not one of {words}": "状态{value}不是{words}之一",
    # validate: the hash chain and its heads
    "entry {id} (#{seq}, task {task}, {month})": "条目 {id}（第{seq}条，任务 {task}，{month}）",
    "after {entry}": "在{entry}之后", "at the start of the log": "在日志开头", "(the log is empty)": "（日志为空）",
    "entry #{a} is": "第{a}条", "entries #{a}–#{b} are": "第{a}–{b}条",
    "{span} missing {after}, before {entry}: removed behind tracker's back":
        "{span}缺失（{after}、{entry}之前）：被绕过 tracker 删除",
    "{entry} does not match its hash: it was changed, or an entry before it was removed":
        "{entry}与其哈希不符：它被改动过，或其前面的条目被删除",
    "{entry} no longer matches the hash recorded when it was appended ({when}): rewritten behind tracker's back, its hash recomputed":
        "{entry}与追加时（{when}）记录的哈希不再相符：被绕过 tracker 改写，并重新计算了哈希",
    "entries #{first}–#{last} (the last: {entry}) no longer match the head recorded when they were appended ({when}): one of them was rewritten behind tracker's back, hashes recomputed":
        "第{first}–{last}条（最后一条：{entry}）与追加时（{when}）记录的链头不再相符：其中有条目被绕过 tracker 改写，并重新计算了哈希",
    "{span} missing at the end of the log {tail}: the last append ({when}) recorded #{upto}; removed behind tracker's back":
        "日志末尾{span}缺失（{tail}）：最近一次追加（{when}）记录到第{upto}条；被绕过 tracker 删除",
    "entries #{first}–#{last} (the last: {entry})": "第{first}–{last}条（最后一条：{entry}）",
    "{what} recorded by no append: added behind tracker's back": "{what}没有对应的追加记录：被绕过 tracker 添加",
    "{path}: the log's entry #{seq} has {what} tracker cannot read ({text}): written behind its back; "
    "`tracker validate` checks the log": "{path}: 日志第 {seq} 条的{what}无法读取（{text}）：被绕过 tracker 写入；`tracker validate` 可检查日志",
    "a month": "月份", "figures": "数值",
    "entry {id} (#{seq}) has a month tracker cannot read ({text})": "条目 {id}（第{seq}条）的月份无法读取（{text}）",
    "entry {id} (#{seq}) has figures tracker cannot read ({text})": "条目 {id}（第{seq}条）的数值无法读取（{text}）",
    "records of appends are missing from the table of chain heads: removed behind tracker's back":
        "链头表中缺少追加记录：被绕过 tracker 删除",
    "table {table} disagrees with the log ({n} rows differ)": "表 {table} 与日志不符（{n}行不同）",
    "table {table} disagrees with the log ({n} row differs)": "表 {table} 与日志不符（{n}行不同）",
    "table series_state does not mark the last entry of the log": "表 series_state 没有标记到日志的最后一条",
    "wrote {file} ({format}, {n} tasks, {heading})": "已写入 {file}（{format}，{n}项任务，{heading}）",
    "-o {output}: cannot tell the format from {suffix} (one of {formats}); give --format":
        "-o {output}：无法从扩展名 {suffix} 判断格式（可用：{formats}）；请用 --format 指定",
    "a directory": "一个文件夹", "a FIFO (named pipe)": "一个命名管道（FIFO）", "a device": "一个设备",
    "a socket": "一个套接字", "a symbolic link": "一个符号链接", "not a regular file": "不是普通文件",
    # remind
    "nothing to remind: no task is {flags} for {month}": "无需催报：{month}没有{flags}的任务",
    "sent to {unit} by {where} ({n} tasks)": "已发送给{unit}：{where}（{n}项任务）",
    "sent to {unit} by {where} ({n} task)": "已发送给{unit}：{where}（{n}项任务）",
    "sent to {unit} by {where} ({n} task; {earlier} delivered to it for {month} before)":
        "已发送给{unit}：{where}（{n}项任务；此前已就{month}送达{earlier}次）",
    "led by {unit}": "{unit}牵头",
    "sent to {unit} by {where} ({n} tasks; {earlier} delivered to it for {month} before)":
        "已发送给{unit}：{where}（{n}项任务；此前已就{month}送达{earlier}次）",
    "not delivered to {unit}: {reason}": "未送达{unit}：{reason}",
    "no channel in contacts.toml, to phone: {units}": "contacts.toml 中没有渠道，请电话催报：{units}",
    "--unit {unit}: no task has this lead unit; did you mean {close}?": "--unit {unit}：没有以此为牵头单位的任务；是否指 {close}？",
    "--unit {unit}: no task has this lead unit; it shares tasks as a co-unit (--co-unit {unit})":
        "--unit {unit}：没有以此为牵头单位的任务；它是部分任务的配合单位（--co-unit {unit}）",
    "--co-unit {unit}: no task has this co-unit; did you mean {close}?": "--co-unit {unit}：没有以此为配合单位的任务；是否指 {close}？",
    "--co-unit {unit}: no task has this co-unit (co-units: {known})": "--co-unit {unit}：没有以此为配合单位的任务（配合单位：{known}）",
    "with {unit}": "{unit}配合", "titles with {words}": "目标任务含“{words}”",
    "--category {category}: no task is in this category; did you mean {close}?": "--category {category}：没有该类别的任务；是否指 {close}？",
    "Reminders": "催报记录", "Sent": "发送时间", "To": "发送至", "Delivered": "是否送达", "Reminded": "已催报",
    "stopped: recorded {n}; run tracker fill again for the rest": "已中止：已记录{n}项；其余可再次运行 tracker fill 填报",
    # the starter tasks.toml's comments (plan/starter.py)
    "The plan: the target tasks this office follows, one [[task]] each.": "计划：本单位跟踪的目标任务，每项任务一个 [[task]]。",
    "Reference: the README's \"tasks.toml\" section.": "写法见 README 的“tasks.toml”一节。",
    "default start (1 January) and due (31 December) year": "计划年度：任务默认 1月1日开始、12月31日到期",
    "a task is stalled when its completion has not grown for this many months": "完成进度连续这么多个月没有增长，即为停滞",
    "behind: completion more than this below the time elapsed (序时进度)":
        "完成进度低于序时进度超过此值（0.10 即 10 个百分点），即为滞后",
    "the lead department (牵头单位)": "牵头单位",
    "webhook keys and secrets of reminders (tracker remind)": "催报（tracker remind）用的机器人密钥和 webhook 地址",
    "no metric: a qualitative task, measured by --percent or --status in its reports":
        "没有指标：定性任务，按报送的 --percent（完成百分比）或 --status（状态）计算进度",
}

# Messages (errors, warnings, questions): templates whose {names} are filled in after translation
# (labels_messages.py; tests/test_messages.py fails when one raised or printed anywhere has no Chinese).
_ZH.update(_MESSAGES)


# The words of a reminder's failure (notify/send.py, mail.py, robots.py words them in English for the record).
# Patterns, compiled by re when first used (only `remind` and its listings need them, not every command).
_REASONS_ZH_WORDS = (
    (r" \((\d+) tries\)$", r"（已试 \1 次）"),
    (r"\bconnection refused\b", "连接被拒绝"),
    (r"\bconnection failed\b", "连接失败"),
    (r"\btimed out\b", "超时"),
    (r"\bhost not found\b", "找不到主机"),
    (r"\banswered with something that is not (a )?JSON( object)?\b", "回应不是 JSON"),
    (r"\banswered without an error code\b", "回应中没有错误码"),
    (r"^HTTP (\d+)", r"HTTP \1 错误"),
    (r"^error (-?\d+)", r"错误码 \1"),
    (r"; the robot takes no more for (\d+) minutes: run tracker remind again after that",
     r"；该机器人 \1 分钟内不再接收消息：请过后再运行 tracker remind"),
    (r"\blogin refused \((\d+)\)", r"登录被拒绝（\1）"),
    (r"\bcertificate not trusted \((.*)\)$", r"证书不受信任（\1）"),
    (r"\bTLS failed \((.*)\)$", r"TLS 握手失败（\1）"),
    (r"\bthe server closed the connection\b", "服务器断开了连接"),
    (r"\bthe server does not offer STARTTLS \(set security in \[smtp\]\)",
     "服务器不支持 STARTTLS（请在 [smtp] 中设置 security）"),
    (r"\bthe server does not support what this mail needs \(SMTPUTF8 or AUTH\)",
     "服务器不支持这封邮件所需的功能（SMTPUTF8 或 AUTH）"),
    (r"^recipient refused: ", "收件人被拒绝："),
    (r"; the others got it: ", "；其他收件人已收到："),
    (r"^server answered ([\d/]+) to ", r"服务器回应 \1："),
    (r"^server answered (\d+)", r"服务器回应 \1"),
    (r"^cannot send \((\w+)\)", r"无法发送（\1）"),
)


def reason(lang: str, text: str | None) -> str:
    """Why a reminder was not delivered, in `lang`: the record keeps it in English; its known words translated."""
    text = text or ""
    if lang != "zh":
        return text
    where, sep, why = text.partition(": ")
    if not sep:
        where, why = "", text
    for pattern, zh in _REASONS_ZH_WORDS:
        why = re.sub(pattern, zh, why)
    return f"{where}：{why}" if where else why


def load_help() -> None:
    """Add the Chinese of `--help` (labels_help.py) to the table: only a run that prints a help needs it."""
    from tracker.labels_help import _ZH as _HELP

    _ZH.update(_HELP)


def lang_of(option: str | None) -> str:
    """The label language: the option, else TRACKER_LANG, else English."""
    lang = (option or os.environ.get("TRACKER_LANG") or "en").strip().lower()
    if lang.startswith("zh"):
        return "zh"
    return "en"


# Statuses and flags as people write them in Chinese (their labels, and the words 督查 uses besides).
_CODES = ("done", "pending", "overdue", "stalled", "behind", "on_track", "missing", "blocked", "ongoing",
          "regressed", "repeated_note")
_CODE_WORDS = {**{_ZH[c]: c for c in _CODES}, "进度滞后": "behind", "未报": "missing", "未开始": "pending",
               "超期": "overdue", "按序时推进": "on_track", "on track": "on_track"}


def code_of(word: str) -> str:
    """A status or flag as typed (its code, its Chinese label, `on track`) → its code; unknown words as they are."""
    word = word.strip()
    return _CODE_WORDS.get(word) or _CODE_WORDS.get(word.lower()) or word.lower()


def label(lang: str, text: str) -> str:
    """`text` is the English label (or a status/flag code); Chinese where asked and known."""
    if lang == "zh":
        return _ZH.get(text, text)
    return text.replace("_", " ") if text in ("on_track", "repeated_note") else text


def asked_figure(lang: str, metric) -> str:
    """What a report gives of a metric, in words: the running total of a cumulative one, the month's amount of an
    increment one, and of a rate in % (never summed) its value to date, as the form's 指标 cell says it."""
    if metric.mode == "increment":
        return label(lang, "this month's amount")
    return label(lang, "rate to date" if metric.rate else "running total")
