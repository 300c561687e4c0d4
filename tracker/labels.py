"""The words tracker prints around the user's own text, in English and Chinese.

The Chinese catalogue (_ZH) is keyed by the English text itself: rewording a message means changing its key
here too (tests/test_messages.py fails on an English message with no Chinese).
"""

from __future__ import annotations

import os
import re

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
    "done; no report this month": "已完成，本月未报送进展",
    "not started yet; no report owed": "尚未开始，无需报送",
    # check, units, fill (templates: {names} are filled in after translation)
    "{days} days past due {due}, {done} done": "超过截止日期{due}已{days}天，完成{done}",
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
    "running total": "累计数（截至目前）", "this month's amount": "本月数", "was {value}": "此前{value}",
    "Enter skips the task": "回车跳过", "percent 0–100": "完成百分比（0–100）",
    "status (ongoing, done, blocked)": "状态（推进中、已完成、受阻）", "skipped": "已跳过", "no report yet": "尚无报送",
    "nothing to fill: every started task has a report for {month}": "无需填报：{month}已开始的任务均已报送",
    "recorded {n}, skipped {m}": "已记录{n}项，跳过{m}项",
    # init, validate, import, backup
    "wrote {tasks} and {db}; edit the plan, then: tracker status": "已创建 {tasks} 和 {db}；编辑计划后运行：tracker status",
    "ok: {tasks} ({n} tasks), {db} ({m} entries, hash chain intact{head})": "正常：{tasks}（{n}项任务），{db}（{m}条记录，哈希链完整{head}）",
    ", head {head}": "，链头 {head}",
    "imported {n} entries from {file} ({m} already in the log)": "从 {file} 导入{n}条记录（{m}条日志中已有）",
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
    "no figure": "未读出数字",
    # import of tables and forms, forms, the docx report
    "dry run: nothing is written": "试运行：不写入任何内容",
    "{n} entries would be recorded for {month}": "将记录{month}进展{n}条", "{n} entries recorded": "已记录{n}条",
    "{n} entries would be recorded": "将记录{n}条",
    "{n} tasks would be added to {path} (unit {unit})": "将新增{n}项任务到 {path}（牵头单位 {unit}）",
    "{n} tasks left empty": "{n}项任务未填", "{n} task left empty": "{n}项任务未填", "{n} tasks": "{n}项任务",
    "{n} task": "{n}项任务", "wrote {file} ({n} task)": "已生成 {file}（{n}项任务）", "{n} entry recorded": "已记录{n}条",
    "{n} entry would be recorded": "将记录{n}条", "problems": "存在问题", "next steps": "下步计划",
    "{file}: form of {unit} for {month}, filled in by {by}": "{file}: {unit}{month}填报表，填报人 {by}",
    "{file}: form of {unit} for {month}, not filled in ({n} tasks left empty)": "{file}: {unit}{month}填报表，未填写（{n}项任务未填）",
    "in all: {n} entries recorded from {k} of {m} files": "合计：已从{m}个文件中的{k}个记录{n}条",
    "in all: {n} entry recorded from {k} of {m} files": "合计：已从{m}个文件中的{k}个记录{n}条",
    "in all: {n} entry would be recorded from {k} of {m} files": "合计：将从{m}个文件中的{k}个记录{n}条",
    "{file}: form of {unit} for {month}, not filled in ({n} task left empty)": "{file}: {unit}{month}填报表，未填写（{n}项任务未填）",
    "in all: {n} entries would be recorded from {k} of {m} files": "合计：将从{m}个文件中的{k}个记录{n}条",
    "still missing reports for {month}:": "{month}仍未报送的牵头单位：",
    "every lead unit has reported for {month}": "{month}各牵头单位均已报送",
    "wrote {file} ({n} tasks)": "已生成 {file}（{n}项任务）",
    "wrote {file} ({n} entry)": "已写入 {file}（{n}条记录）", "wrote {file} ({n} entries)": "已写入 {file}（{n}条记录）",
    "{n} form for {month}; import it filled in with: tracker import {dir}/*.xlsx":
        "共{n}份{month}填报表；收回后导入：tracker import {dir}/*.xlsx",
    "{n} forms for {month}; import the filled ones with: tracker import {dir}/*.xlsx":
        "共{n}份{month}填报表；收回后导入：tracker import {dir}/*.xlsx",
    "{unit}: nothing to report for {month} (every task done or not started)": "{unit}：{month}无需填报（任务均已完成或未开始）",
    "--template applies to the docx format (give -o FILE.docx or --format docx)":
        "--template 只用于 docx 格式（请用 -o 文件.docx 或 --format docx）",
    "-o {dir}: not a folder (forms are written one file a unit into a folder)": "-o {dir}：不是文件夹（填报表按单位各写一个文件到文件夹中）",
    "month {month} is still in the future; import its table when it comes": "{month}尚未到来，届时再导入",
    "task {task} appears twice (first at {first})": "任务{task}重复出现（首次在{first}）",
    "line {n}": "第{n}行",
    "{n} of them replace a report already recorded for {month} (tasks {tasks})": "其中{n}条替换了{month}已记录的报送（任务{tasks}）",
    "{n} of them would replace a report already recorded for {month} (tasks {tasks})": "其中{n}条将替换{month}已记录的报送（任务{tasks}）",
    "no figure read for {n} metrics of a report that came in: {metrics}; give them with `tracker log ID --set KEY=VALUE`":
        "已报送但未读出数值的指标{n}项：{metrics}；请用 `tracker log ID --set 指标=数值` 补录",
    "no figure read for {n} metric of a report that came in: {metrics}; give it with `tracker log ID --set KEY=VALUE`":
        "已报送但未读出数值的指标{n}项：{metrics}；请用 `tracker log ID --set 指标=数值` 补录",
    "the table's title names month {named} ({title}), but --month is {month}": "表格标题写的是{named}月（{title}），但 --month 为{month}",
    "task {task} in tasks.toml is {declared}, not {title}: a wrong number?": "tasks.toml 中任务{task}是“{declared}”，不是“{title}”：编号写错了？",
    "task {task} is not in tasks.toml, but its title is task {twin}'s: a wrong number?": "tasks.toml 中没有任务{task}，但其标题是任务{twin}的：编号写错了？",
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
    "this row was task {task}'s {metric} when the form was sent out: rows were moved or changed":
        "下发时此行为任务{task}的{metric}：行被移动或改动",
    "{file}: cannot import {suffix}: use a progress table (.md, .txt, .csv, .docx, .xlsx), a returned form (.xlsx) or entries (.jsonl)":
        "{file}: 无法导入{suffix}：请用进展表（.md、.txt、.csv、.docx、.xlsx）、收回的填报表（.xlsx）或条目（.jsonl）",
    "{file}: give --month (e.g. --month 2020-08): a progress table names the month, not the year":
        "{file}: 请给出 --month（如 --month 2020-08）：进展表只写月份，不写年份",
    "{file}: no paragraph reading {{{{ table }}}} to put the table in": "{file}: 没有内容为 {{{{ table }}}} 的段落可放置表格",
    "{file}: not a Word document (.docx) that can be read ({why})": "{file}: 不是可读取的 Word 文档（.docx）（{why}）",
    "{path}: no progress table found (expected a header row such as `序号 | 目标任务 | 总体工作进展及8月份进展 |`)":
        "{path}: 未找到进展表（应有“序号 | 目标任务 | 总体工作进展及8月份进展”这样的表头行）",
    "{path}: no such plan file: a returned form is matched against tasks.toml": "{path}: 计划文件不存在：收回的填报表要与 tasks.toml 核对",
    "{path}: not a Word document (.docx) that can be read ({why})": "{path}: 不是可读取的 Word 文档（.docx）（{why}）",
    "{path}: not an Excel workbook (.xlsx) that can be read ({why})": "{path}: 不是可读取的 Excel 工作簿（.xlsx）（{why}）",
    "{path}:{line}: not a readable table ({why})": "{path}:{line}: 无法读取的表格（{why}）",
    "完成百分比 {value} is not a number from 0 to 100": "完成百分比{value}不是0到100之间的数字",
    "序号 {no} is not a number (a row is `序号 | ID.TITLE | PROGRESS |`)": "序号{no}不是数字（每行应为“序号 | 编号.任务 | 进展”）",
    "the cell shows Excel's error {error} (a formula that failed), not text: write the text in or leave the cell empty":
        "单元格显示的是 Excel 的错误值 {error}（公式出错），不是文字：请填入文字或留空",
    "本月数 {value} is not a number ≥ 0": "本月数{value}不是大于等于0的数字",
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
    "Reminders": "催报记录", "Sent": "发送时间", "To": "发送至", "Delivered": "是否送达", "Reminded": "已催报",
    "stopped: recorded {n}; run tracker fill again for the rest": "已中止：已记录{n}项；其余可再次运行 tracker fill 填报",
}

# Messages (errors, warnings, questions): templates whose {names} are filled in after translation.
# tests/test_messages.py fails when a template raised or printed anywhere in tracker/ has no Chinese here.
_ZH.update({
    # checks before recording (core/checks.py, cli/confirm.py)
    "unknown task {task} (`tracker tasks` lists the declared ones)": "未知任务 {task}（`tracker tasks` 可列出已声明的任务）",
    "task {task} starts in {start}: no report can be for {month}": "任务 {task} 自 {start} 开始，不能报送 {month} 的进展",
    "month {month} is still in the future; report it when it comes": "{month} 尚未到来，到时再报送",
    "recorded_at {at} is later than now": "记录时间 {at} 晚于当前时间",
    "{field} is {n} characters long; at most {limit} are allowed": "{field} 长 {n} 个字符，最多 {limit} 个",
    "a void entry sets nothing: only the entry it voids and the reason": "作废条目不能填报数据，只写所作废的条目和原因",
    "a void entry needs its reason (--reason)": "作废需要写明原因（--reason）",
    "task {task} has no metric {key} (its metrics: {known})": "任务 {task} 没有指标 {key}（其指标：{known}）",
    "task {task} has no metric {key}: it has none; report a percent or a status": "任务 {task} 没有指标 {key}：该任务无量化指标，请报送完成百分比或状态",
    "{task}.{key}: {value} is not a number ≥ 0": "{task}.{key}：{value} 不是大于等于 0 的数",
    "{task}.{key}: {value} is text; write the number without quotes": "{task}.{key}：{value} 是文本；请写不带引号的数字",
    "percent {value} is text; write the number without quotes": "百分比 {value} 是文本；请写不带引号的数字",
    "task {task} is measured by its metrics; give their figures, not a percent": "任务 {task} 按指标计量，请报送指标数值，而不是百分比",
    "percent {value} is not a number ≥ 0": "百分比 {value} 不是大于等于 0 的数",
    "percent {value} is outside 0–100": "百分比 {value} 不在 0–100 之间",
    "status {value} is not one of {known}": "状态 {value} 不是 {known} 之一",
    "status {value} is not one of ongoing, done, blocked": "状态 {value} 不是 推进中、已完成、受阻 之一",
    "nothing to record: the entry gives no figure, percent, status or note": "没有可记录的内容：未填数值、百分比、状态或进展情况",
    "… and {n} more": "……另有 {n} 处",
    "warning: task {task} {month}: {what} {value}{unit} is above its target {against}{unit}": "提示：任务 {task} {month}：{what} {value}{unit} 超过目标值 {against}{unit}",
    "warning: task {task} {month}: {what} {value}{unit} is below last month's {against}{unit}": "提示：任务 {task} {month}：{what} {value}{unit} 低于上月的 {against}{unit}",
    "warning: task {task} {month}: percent {value}% is lower than the {against}% in force before": "提示：任务 {task} {month}：完成百分比 {value}% 低于此前的 {against}%",
    "warning: task {task} {month}: status done, but percent {value}% is below 100%": "提示：任务 {task} {month}：状态为已完成，但完成百分比 {value}% 不足100%",
    "Record it anyway?": "仍要记录吗？", "Record this report?": "记录这条报送吗？", "not recorded": "未记录",
    "not recorded; the task's questions again": "未记录；重新填报该任务",
    # what users type (core/entries.py)
    "recorded_at must be a time such as 2024-08-31T09:00:00Z, not {value}": "recorded_at 应为时间，如 2024-08-31T09:00:00Z，而不是 {value}",
    "recorded_at {value} is not an ISO 8601 time": "recorded_at {value} 不是 ISO 8601 时间",
    "{what}: {value} is not a number": "{what}：{value} 不是数字",
    "{what}: {value} is not a number ≥ 0": "{what}：{value} 不是大于等于 0 的数",
    "{what}: {value} is too large": "{what}：{value} 太大",
    "{what}: {value} is outside 0–100": "{what}：{value} 不在 0–100 之间",
    "{what} must be text, not {value}": "{what} 应为文本，而不是 {value}",
    "recorded_at is required (a time such as 2024-08-31T09:00:00Z)": "缺少 recorded_at（时间，如 2024-08-31T09:00:00Z）",
    "no log at {path}: nothing is recorded there (is --db or TRACKER_DB right?)":
        "{path} 处没有记录库：尚无任何记录（--db 或 TRACKER_DB 是否写对？）",
    "started a new log at {path}": "已在 {path} 新建记录库",
    "no log at {path}: nothing is recorded there, so every unit would be chased (is --db or TRACKER_DB right? `--dry-run` shows what would go)":
        "{path} 处没有记录库：尚无任何记录，每个单位都会被催报（--db 或 TRACKER_DB 是否写对？`--dry-run` 可预览）",
    "{path}: no such contacts file (given by --contacts or TRACKER_CONTACTS)": "{path}：没有这个联系人文件（由 --contacts 或 TRACKER_CONTACTS 指定）",
    "{what} is not valid text (position {n}: not UTF-8; check the terminal's or file's encoding)": "{what} 不是有效文本（第 {n} 个字符不是 UTF-8；请检查终端或文件的编码）",
    "percent": "完成百分比", "note": "进展情况", "problems": "存在问题", "next_steps": "下步计划", "title": "标题",
    # log, void, history, import
    "give --note or --note-file, not both": "--note 和 --note-file 只能给一个",
    "--set {item}: write it as KEY=VALUE, e.g. --set centres=15": "--set {item}：应写成 指标=数值，如 --set centres=15",
    "--set {key} is given twice": "--set {key} 给了两次",
    "recorded {task} {month}: {what} (by {by}, {at}, id {id})": "已记录 {task} {month}：{what}（报送人 {by}，{at}，编号 {id}）",
    "no entry {id} in the log (`tracker history ID` lists a task's entries and their ids)": "日志中没有条目 {id}（`tracker history 任务编号` 可列出任务的条目及编号）",
    "{id} is the beginning of {n} entries' ids; give more of it": "{id} 是 {n} 个条目编号的开头，请多写几位",
    "voided {id} of task {task} {month} ({what}): it no longer counts; void {void}": "已作废任务 {task} {month} 的条目 {id}（{what}），不再计入；作废条目 {void}",
    "entry {id} is not in the log": "日志中没有条目 {id}",
    "entry {id} is of task {other}, not {task}: a void names an entry of its own task": "条目 {id} 属于任务 {other}，不是 {task}：只能作废本任务的条目",
    "entry {id} is itself a void and cannot be voided; log the figures again instead": "条目 {id} 本身是作废条目，不能再作废；请重新报送数据",
    "entry {id} is already voided": "条目 {id} 已作废",
    "entry {id} is given twice, with different content": "条目 {id} 出现两次且内容不同",
    "entry {id} is given twice, with different content (first at line {line})": "条目 {id} 出现两次且内容不同（第一次在第{line}行）",
    "entry {id} is already in the log with other content": "日志中已有条目 {id}，且内容不同",
    "entry for task {task}: {what} is not valid text (not UTF-8)": "任务 {task} 的条目：{what} 不是有效文本（不是 UTF-8）",
    "an entry holds text that is not valid UTF-8": "条目中有不是 UTF-8 的文本",
    "Recorded (local time)": "记录时间", "in force": "有效", "corrected by {id}": "已被 {id} 更正",
    "voided by {id}: {reason} ({by}, {at})": "已被 {id} 作废：{reason}（{by}，{at}）", "voids {id}": "作废 {id}",
    "--month and --unit apply to progress tables, not to .jsonl entries": "--month 和 --unit 用于进展表，不用于 .jsonl 条目",
    "{file}: cannot import {kind}: use .md/.txt (progress table) or .jsonl (entries)": "{file}: 不能导入{kind}：请用 .md/.txt（进展表）或 .jsonl（条目）",
    "a file without extension": "没有扩展名的文件",
    "{file}: {n} entries to import, {m} already in the log": "{file}: 待导入 {n} 条，日志中已有 {m} 条",
    "nothing written (--dry-run)": "未写入任何内容（--dry-run）",
    "note: {place}: the table names {given} as task {task}'s lead unit; tasks.toml's {unit} is what counts":
        "提示：{place}：表中任务{task}的牵头单位写作{given}；以 tasks.toml 中的{unit}为准",
    "note: --unit {unit} is the lead unit of tasks an import adds; these tables add none (it chooses no rows)":
        "提示：--unit {unit} 是导入所新增任务的牵头单位；这些表格没有新增任务（它不筛选行）",
    "not a JSON object": "不是 JSON 对象", "not a JSON object: {why} (column {col})": "不是 JSON 对象：{why}（第 {col} 列）",
    "not a JSON object: a number has too many digits": "不是 JSON 对象：数字位数过多",
    "not a JSON object: arrays or objects nested too deeply": "不是 JSON 对象：数组或对象嵌套过深",
    # the json module's words for what is wrong in a line
    "Expecting value": "缺少值（文本要加双引号）", "Expecting property name enclosed in double quotes": "键名要用双引号括起",
    "Expecting ':' delimiter": "缺少冒号 :", "Expecting ',' delimiter": "缺少逗号 ,",
    "Invalid control character at": "字符串中有控制字符", "Invalid \\escape": "无效的 \\ 转义",
    "Invalid \\uXXXX escape": "无效的 \\u 转义", "Extra data": "对象之后还有多余内容",
    "Unterminated string starting at": "字符串没有结束（缺少引号）",
    "id is required (a string)": "缺少 id（字符串）", 'task is required (a string such as "195")': "缺少 task（字符串，如 \"195\"）",
    'month is required ("2024-08")': "缺少 month（如 \"2024-08\"）",
    "values must be an object (metric: number)": "values 应为对象（指标: 数值）",
    "by must be text or null": "by 应为文本或 null", "status must be text or null": "status 应为文本或 null",
    "voids must be an entry's id or null": "voids 应为条目编号或 null",
    "{file}: give --month (e.g. --month 2020-08): a progress table names the month, not the year": "{file}: 请给出 --month（如 --month 2020-08）：进展表只写月份，不写年份",
    "{file}:{line}: the table's header names month {named} ({header}), but --month is {month}": "{file}:{line}: 表头写的是 {named} 月（{header}），但 --month 是 {month}",
    "month {month} is still in the future; import its table when it comes": "{month} 尚未到来，到时再导入该月的表",
    "{file}: the tasks it adds would make {path} invalid ({first})": "{file}: 新增的任务会使 {path} 无效（{first}）",
    "{path}:{line}: the task cell must be the task's number, a dot and its title (`195.新建…`), not {cell}": "{path}:{line}: 任务单元格应为 编号.标题（`195.新建…`），而不是 {cell}",
    "{path}:{line}: task {tid} appears twice (first at line {first})": "{path}:{line}: 任务 {tid} 出现两次（第一次在第 {first} 行）",
    "{path}:{line}: task {tid} is not in tasks.toml: give --unit (its lead unit) to add it": "{path}:{line}: 任务 {tid} 不在 tasks.toml 中：请用 --unit（牵头单位）新增",
    "{path}: no progress table found (expected a header row such as `序号 | 目标任务 | 总体工作进展及8月份进展 |`)": "{path}: 没有找到进展表（应有表头行，如 `序号 | 目标任务 | 总体工作进展及8月份进展 |`）",
    "{path}: no progress table found: its first row `{row}` names no task column (目标任务, 任务, 编号) and no progress column (…进展…, 完成情况)":
        "{path}: 没有找到进展表：首行 `{row}` 中既没有任务列（目标任务、任务、编号），也没有进展列（…进展…、完成情况）",
    "{path}: no progress table found: its first row `{row}` names no task column (目标任务, 任务, 编号)":
        "{path}: 没有找到进展表：首行 `{row}` 中没有任务列（目标任务、任务、编号）",
    "{path}: no progress table found: its first row `{row}` names no progress column (…进展…, 完成情况)":
        "{path}: 没有找到进展表：首行 `{row}` 中没有进展列（…进展…、完成情况）",
    "{path}:{line}: the progress table has no rows": "{path}:{line}: 进展表没有内容行",
    "{path}:{line}: 序号 {no} is not a number (a row is `序号 | ID.TITLE | PROGRESS |`)": "{path}:{line}: 序号 {no} 不是数字（每行应为 `序号 | 编号.标题 | 进展 |`）",
    "{path}:{line}: the row has more cells than the header's {ncols}": "{path}:{line}: 该行的单元格比表头的 {ncols} 个多",
    "{path}:{line}: the row has {n} cells, the header {ncols}": "{path}:{line}: 该行有 {n} 个单元格，表头有 {ncols} 个",
    "{path}:{ended}: a line inside the table that is not a row (the table goes on at line {next})": "{path}:{ended}：表格中有一行不是表格行（表格在第 {next} 行继续）",
    "{path}:{line}: the row has no closing `|` (the file ends first)": "{path}:{line}: 该行没有结束的 `|`（文件先结束了）",
    "{path}:{line}: the row is not closed before the next row starts at line {next} (a cell is missing its `|`)": "{path}:{line}: 该行在第 {next} 行的下一行开始前没有结束（有单元格缺少 `|`）",
    # options, filters
    "{option}: give one or more of {known}": "{option}：请给出以下一项或多项：{known}",
    "{option}: unknown {words} (use any of {known})": "{option}：未知的 {words}（可用：{known}）",
    "--unit {unit}: no task has this lead unit (units: {known})": "--unit {unit}：没有以此为牵头单位的任务（单位：{known}）",
    "--category {category}: no task is in this category (categories: {known})": "--category {category}：没有该类别的任务（类别：{known}）",
    "malformed month {value}: use 2024-08, 2024/08 or 2024年8月": "月份格式不对 {value}：请用 2024-08、2024/08 或 2024年8月",
    "malformed month {value}: no month {month} in a year": "月份格式不对 {value}：一年中没有 {month} 月",
    "TRACKER_TODAY={fixed} is not a date (YYYY-MM-DD)": "TRACKER_TODAY={fixed} 不是日期（YYYY-MM-DD）",
    "-o {output} looks like {guessed}, but --format is {format}: make them agree": "-o {output} 看起来是 {guessed}，但 --format 是 {format}：请保持一致",
    "--format {format} is a binary file: give -o FILE (e.g. -o table.{format})": "--format {format} 是二进制文件：请用 -o 文件名（如 -o table.{format}）",
    "tracker fill asks questions and needs a terminal on stdin; from a script, use `tracker log`": "tracker fill 需要在终端中逐项提问；脚本中请用 `tracker log`",
    # files and the database
    "{path}: no such {what}": "{path}: 没有这个{what}", "{path}: is a directory, not a {what}": "{path}: 是目录，不是{what}",
    "{path}: cannot read: {why}": "{path}: 无法读取：{why}", "{path}: too large to read": "{path}: 文件太大，无法读取",
    "{path}:{line}: binary data, not text (control character U+{code}){hint}": "{path}:{line}: 是二进制数据，不是文本（控制字符 U+{code}）{hint}",
    "{path}:{line}: not UTF-8 text{hint}": "{path}:{line}: 不是 UTF-8 文本{hint}",
    "{path}:{line}: damaged {codec} text": "{path}:{line}: {codec} 文本已损坏",
    " (it looks like UTF-16 without its byte-order mark: save it as UTF-8)": "（看起来是没有字节序标记的 UTF-16：请另存为 UTF-8）",
    " (it looks like GBK/GB18030: convert it with `iconv -f GB18030 -t UTF-8`)": "（看起来是 GBK/GB18030 编码：请用 `iconv -f GB18030 -t UTF-8` 转换）",
    "note file": "进展文件", "plan file": "计划文件", "progress table": "进展表", "file to import": "导入文件",
    "contacts file": "联系人文件", "tracker database": "tracker 数据库",
    "No such file or directory": "没有这个文件或目录", "Permission denied": "没有权限", "Is a directory": "是目录",
    "No space left on device": "磁盘空间不足", "Read-only file system": "文件系统只读",
    "{path}: cannot write: {why}": "{path}: 无法写入：{why}",
    "{path}: is a directory, not a plan file": "{path}: 是目录，不是计划文件",
    "{path}: already exists; tracker init never overwrites": "{path}: 已存在；tracker init 不会覆盖",
    "{path}: already exists; choose a new file for the backup": "{path}: 已存在；请为备份另选一个新文件",
    "{path}: no database to back up yet": "{path}: 还没有可备份的数据库",
    "{path}: cannot write the backup: {why}": "{path}: 无法写入备份：{why}",
    "{path}: the database is damaged ({check}); no backup written. Keep the file and its -wal as they are and restore from an earlier backup": "{path}: 数据库已损坏（{check}）；未写入备份。请保持该文件及其 -wal 原样，并从更早的备份恢复",
    "{path}: not a SQLite database (is --db or TRACKER_DB pointing at the right file?)": "{path}: 不是 SQLite 数据库（--db 或 TRACKER_DB 指向的文件对吗？）",
    "{path}: written by a newer tracker (schema {version}); upgrade tracker": "{path}: 由更新版本的 tracker 写入（结构版本 {version}）；请升级 tracker",
    "{path}: is a directory, not a tracker database": "{path}: 是目录，不是 tracker 数据库",
    "{path}: cannot open the database: {why}": "{path}: 无法打开数据库：{why}",
    "{path}: busy: another tracker has been writing for over {seconds} s; try again when it is done": "{path}: 忙：另一个 tracker 已写入超过 {seconds} 秒；请等它结束后重试",
    "{path}: a SQLite database, but not tracker's (it has other tables)": "{path}: 是 SQLite 数据库，但不是 tracker 的（含有其他表）",
    "{path}: not a usable SQLite database: {why}": "{path}: 不是可用的 SQLite 数据库：{why}",
    "{path}: cannot create the database folder: {why}": "{path}: 无法创建数据库所在的文件夹：{why}",
    # tasks.toml
    "no such file (run `tracker init` to start a plan, or give --tasks)": "没有这个文件（运行 `tracker init` 新建计划，或用 --tasks 指定）",
    "invalid TOML: arrays or tables nested too deeply": "TOML 格式错误：数组或表嵌套太深",
    "invalid TOML: a string is not closed (a missing quote)": "TOML 格式错误：字符串没有结束（缺少引号）",
    "invalid TOML: a string is not closed before the line ends (a missing quote)": "TOML 格式错误：字符串在行尾前没有结束（缺少引号）",
    "invalid TOML: a list is not closed (a missing ])": "TOML 格式错误：列表没有结束（缺少 ]）",
    "invalid TOML: an inline table is not closed (a missing closing brace)": "TOML 格式错误：内联表没有结束（缺少右花括号）",
    "invalid TOML: a value is missing or not a TOML value (text needs quotes)": "TOML 格式错误：缺少值或值不合法（文字要加引号）",
    "invalid TOML: a key is given twice": "TOML 格式错误：同一个键写了两次",
    "invalid TOML: a table is declared twice": "TOML 格式错误：同一个表声明了两次",
    "invalid TOML: a key needs `= value` after it": "TOML 格式错误：键后面要有 `= 值`",
    "invalid TOML: something follows a value on its line": "TOML 格式错误：值的后面还有多余内容",
    "invalid TOML: a line that is neither `key = value` nor a [table]": "TOML 格式错误：这一行既不是 `键 = 值`，也不是 [表]",
    "invalid TOML: not a date (write 2024-12-31)": "TOML 格式错误：不是日期（请写 2024-12-31）",
    "invalid TOML: Chinese quotes (“…”) are not TOML's: write text between \"…\"":
        "TOML 格式错误：中文引号（“…”）不是 TOML 的引号：文字请写在英文双引号 \"…\" 之间",
    "invalid TOML: a number in full-width digits ({typed}): write {ascii}": "TOML 格式错误：数字是全角的（{typed}）：请写半角 {ascii}",
    "invalid TOML: a Chinese comma (，) between values: write ,": "TOML 格式错误：值之间用了中文逗号（，）：请写英文逗号 ,",
    "invalid TOML: a full-width ＝ or ： after a key: write =": "TOML 格式错误：键后面用了全角的“＝”或“：”，请写半角 =",
    "invalid TOML: full-width brackets (［］【】): write [ ]": "TOML 格式错误：用了全角括号（［］【】）：请写半角 [ ]",
    "invalid TOML (see line {line})": "TOML 格式错误（见第 {line} 行）",
    "task {id}: ": "任务 {id}：", "task #{n}: ": "第 {n} 个任务：",
    "unknown table or key {key} (expected [plan] and [[task]])": "未知的表或键 {key}（应为 [plan] 和 [[task]]）",
    "plan must be a table": "plan 应为表", "task must be an array of tables ([[task]])": "task 应为表数组（[[task]]）",
    "duplicate task id {id} (first declared at line {first})": "任务编号 {id} 重复（第一次在第 {first} 行）",
    "task {id}: due is required (or set plan.year)": "任务 {id}：缺少 due（或设置 plan.year）",
    "task {id}: due {due} must be after start {start}": "任务 {id}：截止日期 {due} 应晚于开始日期 {start}",
    "task {id}: duplicate metric key {key}": "任务 {id}：指标键 {key} 重复",
    "task {id}: metric {key}: target {target} must be greater than baseline {baseline}": "任务 {id}：指标 {key}：目标值 {target} 应大于基数 {baseline}",
    "task {id}: milestone needs `metric =` (the task has {n} metrics)": "任务 {id}：节点目标需要写 `metric =`（该任务有 {n} 个指标）",
    "task {id}: milestone names unknown metric {key}": "任务 {id}：节点目标写了未知指标 {key}",
    "task {id}: milestone due {when} must fall between start {start} and due {due}": "任务 {id}：节点日期 {when} 应在开始 {start} 与截止 {due} 之间",
    "task {id}: milestone target {value} must lie between baseline {baseline} and target {target}": "任务 {id}：节点目标 {value} 应在基数 {baseline} 与目标值 {target} 之间",
    "{who}{field} is required": "{who}缺少 {field}", "{who}{field} is not a known key": "{who}{field} 不是已知的键",
    "{who}{field} must be text in quotes": "{who}{field} 应为加引号的文字", "{who}{field} must not be empty": "{who}{field} 不能为空",
    "{who}{field} must be a number": "{who}{field} 应为数字", "{who}{field} must be a whole number": "{who}{field} 应为整数",
    "{who}{field} must be a finite number": "{who}{field} 应为有限的数", "{who}{field} must be true or false": "{who}{field} 应为 true 或 false",
    '{who}{field} must be a list ["…", …]': '{who}{field} 应为列表 ["…", …]', "{who}{field} must be a table": "{who}{field} 应为表",
    "{who}{field} must be a date such as 2024-12-31 (no quotes)": "{who}{field} 应为日期，如 2024-12-31（不加引号）",
    "{who}{field} must be a date such as 2024-12-31, without a time": "{who}{field} 应为日期，如 2024-12-31，不带时间",
    "{who}{field} must be {choices}": "{who}{field} 应为 {choices}", "{head} or {last}": "{head} 或 {last}",
    "{who}{field} must be at least {limit}": "{who}{field} 应不小于 {limit}", "{who}{field} must be more than {limit}": "{who}{field} 应大于 {limit}",
    "{who}{field} must be at most {limit}": "{who}{field} 应不大于 {limit}", "{who}{field} must be less than {limit}": "{who}{field} 应小于 {limit}",
    '{who}{field} must be digits 0-9, optionally dotted ("195", "3.2")': '{who}{field} 应为半角数字 0-9，可带点（"195"、"3.2"）',
    "{who}{field} must match [a-z][a-z0-9_]*": "{who}{field} 应符合 [a-z][a-z0-9_]*",
    "{who}{field} is {n} characters long; at most {limit} are allowed": "{who}{field} 长 {n} 个字符，最多 {limit} 个",
    "{who}{field} has a value that is not allowed here": "{who}{field} 的值在这里不允许",
})
_ZH.update({
    # files written, the database's real reasons
    "{path}: is {kind}, not a {what}": "{path}: 是{kind}，不是{what}",
    "{path}: cannot write: {reason}": "{path}: 无法写入：{reason}",
    "{path}: cannot read: {reason}": "{path}: 无法读取：{reason}",
    "{path}: cannot write: no temporary name could be made beside it": "{path}: 无法写入：无法在旁边建立临时文件",
    "{path}: is {kind}; give a new file name or a regular file to write": "{path}: 是{kind}；请给出新文件名或普通文件",
    "{path}: already exists; choose a new file": "{path}: 已存在；请另选一个新文件",
    "{path}: not a {what}: a part of the path is not a folder": "{path}: 不是{what}：路径中有一部分不是文件夹",
    "{path}: is tracker's own file {own}; refusing to write over it": "{path}: 是 tracker 自己的文件 {own}；不会覆盖",
    "import a .jsonl file of entries on its own, not with other files": ".jsonl 条目文件要单独导入，不能与其他文件一起",
    "no database at {path} ({why}): nothing to check (is --db or TRACKER_DB right?)": "{path} 处没有数据库（{why}）：没有可检查的内容（--db 或 TRACKER_DB 对吗？）",
    "the file is empty": "文件为空", "no such file": "没有这个文件",
    "{path}: cannot create the project: {reason}": "{path}: 无法新建项目：{reason}",
    "{path}: {reason}": "{path}: {reason}",
    "{db}: the database is damaged ({check}); no backup written. Keep the file and its -wal as they are and restore from an earlier backup": "{db}：数据库已损坏（{check}）；未写入备份。请保持该文件及其 -wal 原样，并从更早的备份恢复",
    "{path}: database error: {reason}": "{path}: 数据库错误：{reason}",
    "{path}: a SQLite database, but not tracker's (schema version {version})": "{path}: 是 SQLite 数据库，但不是 tracker 的（结构版本 {version}）",
    "the database did not keep the entries as appended (a trigger that tracker did not make drops or adds rows): nothing was recorded; run `tracker validate`": "数据库没有按追加的样子保存条目（有不是 tracker 建立的触发器在删改行）：未记录任何内容；请运行 `tracker validate`",
    "the disk is full ({code}): nothing was written; free some space and run it again": "磁盘已满（{code}）：未写入任何内容；请腾出空间后重试",
    "the database cannot be written ({code}): check the permissions of the file and of its folder; nothing was written": "数据库无法写入（{code}）：请检查文件及其文件夹的权限；未写入任何内容",
    "the database is locked by another program ({code}); run it again when that is done": "数据库被另一个程序锁定（{code}）；等它结束后重试",
    "cannot open the database or the files SQLite keeps beside it ({code}): check that its folder exists and can be written": "无法打开数据库或 SQLite 放在旁边的文件（{code}）：请检查其文件夹是否存在且可写",
    "the disk failed to read or write ({code}): nothing was written; check the disk": "磁盘读写失败（{code}）：未写入任何内容；请检查磁盘",
    "the database is damaged ({code}): keep the file and its -wal as they are, run `tracker validate`, restore from a backup": "数据库已损坏（{code}）：请保持该文件及其 -wal 原样，运行 `tracker validate`，并从备份恢复",
    "not a SQLite database ({code})": "不是 SQLite 数据库（{code}）",
    "the database cannot be written ({code}): access denied": "数据库无法写入（{code}）：没有权限",
    "the database or its folder is read-only ({code}): tracker writes beside the database even to read it (its -wal and -shm files); check the permissions, or whether the disk is mounted read-only": "数据库或其文件夹只读（{code}）：tracker 即使只读也要在数据库旁写文件（-wal 和 -shm）；请检查权限，或磁盘是否以只读方式挂载",
    # validate
    "integrity check failed: {why}": "完整性检查未通过：{why}",
    "the table of chain heads is gone: removals of the latest entries cannot be checked": "链头表已不存在：无法检查最近条目是否被删除",
    "the log holds {n} entries but no record of any append (the table of chain heads is empty): emptied behind tracker's back; rewritten entries could not be seen": "日志有 {n} 条记录，却没有任何追加记录（链头表为空）：被绕过 tracker 清空；改写的条目将无法发现",
    "append-only guards missing: {names} (the log could be edited unseen)": "缺少只追加保护：{names}（日志可能被改而不被发现）",
    "append-only guards altered: {names} (the log could be edited unseen)": "只追加保护被改动：{names}（日志可能被改而不被发现）",
    "entry {id} names task {task}, which tasks.toml does not declare": "条目 {id} 写的任务 {task} 未在 tasks.toml 中声明",
    "entry {id} names metric {key}, which task {task} does not have": "条目 {id} 写的指标 {key}，任务 {task} 没有该指标",
    "{what} (run `tracker validate --repair`)": "{what}（请运行 `tracker validate --repair`）",
    "{kind} {name} is missing (run `tracker validate --repair` for a derived table)": "{kind} {name} 缺失（派生表可运行 `tracker validate --repair`）",
    "{kind} {name} is not as tracker made it: {sql}": "{kind} {name} 与 tracker 建立时不同：{sql}",
    "{kind} {name} was not put there by tracker (it can change what is recorded or shown); look at it with the sqlite3 shell, then DROP {upper} \"{name}\"": "{kind} {name} 不是 tracker 建立的（它可能改变记录或显示的内容）；请用 sqlite3 查看，然后 DROP {upper} \"{name}\"",
    "plan_cache holds a row tracker never writes ({key})": "plan_cache 中有 tracker 从不写入的行（{key}）",
    "the cached plan differs from what tasks.toml says: titles, units or targets shown would not be tasks.toml's (run `tracker validate --repair`)": "缓存的计划与 tasks.toml 不一致：显示的标题、单位或目标值将不是 tasks.toml 中的（请运行 `tracker validate --repair`）",
    "the cached plan differs from what tasks.toml says: titles, units or targets shown would not be tasks.toml's": "缓存的计划与 tasks.toml 不一致：显示的标题、单位或目标值将不是 tasks.toml 中的",
    # views
    "reported blocked; last report {month}": "报告受阻；最近报送 {month}",
    "log names {n} tasks or metrics that tasks.toml no longer has ({names}); `tracker validate` lists them":
        "日志中有 {n} 个任务或指标已不在 tasks.toml 中（{names}）；`tracker validate` 可列出",
})


_ZH.update({
    # click's usage errors (cli/root.py _usage)
    "missing {kind} {name}": "缺少{kind} {name}", "argument": "参数", "option": "选项", "parameter": "参数",
    "no such option {name}": "没有选项 {name}",
    "no such command {name}": "没有命令 {name}",
    " (did you mean {maybe}?)": "（是否想用 {maybe}？）",
    "unexpected extra arguments: {args}": "多余的参数：{args}",
    "option {name} needs a value": "选项 {name} 需要一个值",
    "invalid value {value} for {name}: one of {choices}": "{name} 的值 {value} 无效，可选：{choices}",
    "invalid value {value} for {name}: not a number": "{name} 的值 {value} 无效：不是数字",
    "invalid value for {name}: {why}": "{name} 的值无效：{why}",
})


_ZH.update({
    "no task matches these filters as of {month}": "截至 {month}，没有符合筛选条件的任务",
    "warning: the log holds {which} that no append of tracker's recorded (added behind its back); `tracker validate` checks them":
        "提示：日志{which}不是 tracker 写入的（没有 tracker 的追加记录）；`tracker validate` 可检查",
    "entry #{n}": "第 {n} 条", "entries #{first}–#{last}": "第 {first}–{last} 条",
    # contacts.toml (notify/contacts.py)
    "unit {name}": "单位 {name}", "unit {name}.{key}": "单位 {name}.{key}",
    "invalid TOML: arrays or tables nested too deeply": "TOML 格式错误：数组或表嵌套过深",
    "invalid TOML: {reason}": "TOML 格式错误：{reason}",
    "unknown table or key {key} (expected [unit.\"NAME\"] tables and [smtp])":
        "未知的表或键 {key}（应为 [unit.\"单位名\"] 表和 [smtp]）",
    'unit must hold tables, one per lead unit: [unit."市民政局"]': 'unit 应为表，每个牵头单位一个：[unit."市民政局"]',
    "{what}: email needs an [smtp] table": "{what}：填写 email 需要 [smtp] 表",
    "{what} must be a table": "{what} 应为表",
    "{what}: `env:` must be followed by an environment variable's name": "{what}：`env:` 后应为环境变量名",
    "{what}: environment variable {name} is not set": "{what}：环境变量 {name} 未设置",
    "smtp.from must be a mail address (or give smtp.user)": "smtp.from 应为邮箱地址（或填写 smtp.user）",
    "smtp.user and smtp.password go together": "smtp.user 与 smtp.password 须同时填写",
    'smtp: a password is never sent with security = "none": use "ssl" or "starttls"':
        'smtp：security = "none" 时不会发送密码：请用 "ssl" 或 "starttls"',
    "{what} must be an http:// or https:// address": "{what} 应为 http:// 或 https:// 地址",
    "{what} is set without {robot}": "{what} 已填写，但未填写 {robot}",
    "{what}: {value} is not a mobile number": "{what}：{value} 不是手机号码",
    "{what}: {value} is not a mail address": "{what}：{value} 不是邮箱地址",
    "warning: unit {unit} leads no task in the plan (a typo of one that does?)":
        "提示：单位 {unit} 不是任何任务的牵头单位（是否写错了单位名？）",
})


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
    (r"\blogin refused \((\d+)\)", r"登录被拒绝（\1）"),
    (r"\bcertificate not trusted \((.*)\)$", r"证书不受信任（\1）"),
    (r"\bTLS failed \((.*)\)$", r"TLS 握手失败（\1）"),
    (r"\bthe server closed the connection\b", "服务器断开了连接"),
    (r"\bthe server does not offer STARTTLS \(set security in \[smtp\]\)",
     "服务器不支持 STARTTLS（请在 [smtp] 中设置 security）"),
    (r"\bthe server does not support what this mail needs \(SMTPUTF8 or AUTH\)",
     "服务器不支持这封邮件所需的功能（SMTPUTF8 或 AUTH）"),
    (r"^recipient refused: ", "收件人被拒绝："),
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
