"""The Chinese of tracker's messages (errors, warnings, questions, notices): templates whose {names} are filled
in after translation. labels.py adds them to the words of its tables and reports; tests/test_messages.py fails
when a template raised or printed anywhere in tracker/ has no Chinese in either."""

_ZH: dict[str, str] = {}

_ZH.update({
    # checks before recording (core/checks.py, cli/confirm.py)
    "unknown task {task} (`tracker tasks` lists the declared ones)": "未知任务 {task}（`tracker tasks` 可列出已声明的任务）",
    "task {task} starts in {start}: no report can be for {month}": "任务 {task} 自 {start} 开始，不能报送 {month} 的进展",
    "month {month} is still in the future; report it when it comes": "{month} 尚未到来，到时再报送",
    "note: month {month} is still to come: nothing is reported for it yet (this month is {now})":
        "注意：{month} 尚未到来，还没有报送可看（本月是 {now}）",
    "month {month} is still to come: nothing is reported for it yet, nor chased (this month is {now})":
        "{month} 尚未到来，还没有报送，也无需催报（本月是 {now}）",
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
    "warning: task {task} {month}: status done, but {what} {value}{unit} is below its target {against}{unit} (a task "
    "is done when its figures reach their targets)":
        "提示：任务 {task} {month}：状态为已完成，但 {what} {value}{unit} 未达到目标 {against}{unit}（各项指标都达到目标才算完成）",
    "Record it anyway?": "仍要记录吗？", "answer y (yes) or n (no); Enter is {default}": "请回答 y（是）或 n（否）；直接回车即{default}", "Record this report?": "记录这条报送吗？", "not recorded": "未记录",
    "not recorded; the task's questions again": "未记录；重新填报该任务",
    # what users type (core/entries.py)
    "recorded_at must be a time such as 2024-08-31T09:00:00Z, not {value}": "recorded_at 应为时间，如 2024-08-31T09:00:00Z，而不是 {value}",
    "recorded_at {value} is not an ISO 8601 time": "recorded_at {value} 不是 ISO 8601 时间",
    "{what}: {value} is not a number": "{what}：{value} 不是数字",
    "{what}: {value} is not a number ≥ 0": "{what}：{value} 不是大于等于 0 的数",
    "{what}: {value} is not a number (a comma groups thousands, 1,500; a decimal point is written 1.5)":
        "{what}：{value} 不是数字（逗号只用于千位分隔，如 1,500；小数请写 1.5）",
    "{what}: {value} is not a number: write it in digits (15, not 十五)": "{what}：{value} 不是数字：请用阿拉伯数字填写（如 15，而不是 十五）",
    "{what}: {value} is not in this metric's measure word {unit}: write {figure} (or {figure}{unit})":
        "{what}：{value} 与该指标的计量单位（{unit}）不符：请填写 {figure}（或 {figure}{unit}）",
    "{what}: {value} is not a number: this metric has no measure word, write {figure}":
        "{what}：{value} 不是数字：该指标没有计量单位，请只填写数字 {figure}",
    "{what}: {value} is too large": "{what}：{value} 太大",
    "{what}: {value} is outside 0–100": "{what}：{value} 不在 0–100 之间",
    "{what} must be text, not {value}": "{what} 应为文本，而不是 {value}",
    "recorded_at is required (a time such as 2024-08-31T09:00:00Z)": "缺少 recorded_at（时间，如 2024-08-31T09:00:00Z）",
    "no log at {path}: nothing is recorded there (is --db or TRACKER_DB right?)":
        "{path} 处没有记录库：尚无任何记录（--db 或 TRACKER_DB 是否写对？）",
    "started a new log at {path}": "已在 {path} 新建记录库",
    "no log at {path}: nothing is recorded there, so every unit would be chased (is --db or TRACKER_DB right? `--dry-run` shows what would go)":
        "{path} 处没有记录库：尚无任何记录，每个单位都会被催报（--db 或 TRACKER_DB 是否写对？`--dry-run` 可预览）",
    "another `tracker remind` is sending with the log {path} now: let it end, then see `tracker units` (two at once would chase every unit twice)":
        "另一个 `tracker remind` 正在使用记录库 {path} 发送：请等它结束，再看 `tracker units`（同时运行两个会把每个单位催报两次）",
    "{path}: no such contacts file (given by --contacts or TRACKER_CONTACTS)": "{path}：没有这个联系人文件（由 --contacts 或 TRACKER_CONTACTS 指定）",
    "{what} is not valid text (position {n}: not UTF-8; check the terminal's or file's encoding)": "{what} 不是有效文本（第 {n} 个字符不是 UTF-8；请检查终端或文件的编码）",
    "percent": "完成百分比", "note": "进展情况", "problems": "存在问题", "next_steps": "下步计划", "title": "标题",
    # log, void, history, import
    "give --note or --note-file, not both": "--note 和 --note-file 只能给一个",
    "--set {item}: write it as KEY=VALUE, e.g. --set centres=15": "--set {item}：应写成 指标=数值，如 --set centres=15",
    "--set {key} is given twice": "--set {key} 给了两次",
    "--by: a name is required (it is empty)": "--by：需要填写报送人姓名（现为空）",
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
    "Recorded (local time)": "记录时间", "in force": "有效", "corrected by {id}": "已被 {id} 更正", "corrected by {id}; in force: {parts}": "已被 {id} 更正；仍有效：{parts}",
    "voided by {id}: {reason} ({by}, {at})": "已被 {id} 作废：{reason}（{by}，{at}）", "voids {id}": "作废 {id}",
    "--month and --unit apply to progress tables, not to .jsonl entries": "--month 和 --unit 用于进展表，不用于 .jsonl 条目",
    "{file}: cannot import {kind}: use .md/.txt (progress table) or .jsonl (entries)": "{file}: 不能导入{kind}：请用 .md/.txt（进展表）或 .jsonl（条目）",
    "a file without extension": "没有扩展名的文件",
    "warning: {path} declares no task: nothing was checked": "警告：{path} 中没有任何任务：未检查任何内容",
    "{file}: a form whose hidden sheet is gone (its cells copied into another workbook?): its rows cannot be matched to tasks; have the unit fill in the form as it was sent": "{file}: 填报表的隐藏工作表已丢失（单元格被复制到了另一个工作簿？）：无法将各行对应到任务；请让单位在原样下发的填报表中填写",
    "merged cells: each row's figure is its own; unmerge them (取消合并) and fill in each row": "单元格被合并：每行的数值各自独立；请取消合并，逐行填写",
    "{head} was changed to {shown} (it was sent out as {sent}): a form changes neither the plan nor last month's "
    "report; put {sent} back, and tell the office what should change":
        "{head}被改为{shown}（下发时为{sent}）：填报表不能修改任务计划或上月报送；请改回{sent}，需要调整的内容请另告督查室",
    "the form's columns were changed (this column was {head} when the form was sent out, it is {shown}): put them "
    "back as they were (hiding a column is fine), or fill in a new form":
        "填报表的列被改动（此列下发时为{head}，现为{shown}）：请恢复原样（隐藏列不影响），或重新填写新的填报表",
    "a row was added below the form's tasks: the form reads only the rows it was sent out with; delete the row, or "
    "write what it says in a task's row": "表格任务行之下新增了一行：只读取下发时的各行；请删除该行，或将其内容填入相应任务的行",
    "it is an old binary .xls, .doc or .et file renamed: open it and save it as .xlsx or .docx (另存为)": "这是改了扩展名的旧版 .xls、.doc 或 .et 文件：请打开后另存为 .xlsx 或 .docx",
    "its content is no Word or Excel file": "其内容不是 Word 或 Excel 文件",
    "the file is empty (0 bytes): ask the unit to send it again": "文件是空的（0字节）：请该单位重新发送",
    "{file}: cannot import {suffix}, an archive: unzip it (解压) and import the files in it":
        "{file}: 不能导入 {suffix} 压缩包：请解压后导入其中的文件",
    "{file}: cannot import {suffix}, a scan or a picture: ask the unit for the file itself (.docx, .xlsx or the form), "
    "or give its figures with tracker log":
        "{file}: 不能导入 {suffix}（扫描件或图片）：请向该单位要原文件（.docx、.xlsx 或填报表），或用 tracker log 录入其数据",
    "note: {file}: the lock file Word, WPS or Excel leaves beside an open document, no reply: left out":
        "提示：{file} 是 Word、WPS 或 Excel 打开文档时留下的锁定文件，不是报送材料：已跳过",
    "note: {file} is the same file as {first} (sent twice): read once": "提示：{file} 与 {first} 内容完全相同（重复发送）：只读取一次",
    "it is damaged: an incomplete copy or download?": "文件已损坏：复制或下载不完整？",
    "it is an Excel workbook (.xlsx)": "这是 Excel 工作簿（.xlsx）",
    "it is a Word document (.docx)": "这是 Word 文档（.docx）",
    "{file}: {n} entries to import, {m} already in the log": "{file}: 待导入 {n} 条，日志中已有 {m} 条",
    "{file}: {n} entry to import, {m} already in the log": "{file}: 待导入 {n} 条，日志中已有 {m} 条",
    "nothing written (--dry-run)": "未写入任何内容（--dry-run）",
    "note: {place}: the table names {given} as task {task}'s lead unit; tasks.toml's {unit} is what counts":
        "提示：{place}：表中任务{task}的牵头单位写作{given}；以 tasks.toml 中的{unit}为准",
    "note: {place}: the table gives task {task}'s due as {given}; tasks.toml's {due} is what counts":
        "提示：{place}：表中任务{task}的完成时限写作{given}；以 tasks.toml 中的{due}为准",
    "note: {place}: the table of month {named} is left out; the file's table of {month} is the one imported":
        "提示：{place}：{named}月的表未导入；导入的是本文件中{month}的表",
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
    "{file}: give --month (e.g. --month {example}): a progress table names the month, not the year": "{file}: 请给出 --month（如 --month {example}）：进展表只写月份，不写年份",
    "{file}:{line}: the table's header names month {named} ({header}), but --month is {month}": "{file}:{line}: 表头写的是 {named} 月（{header}），但 --month 是 {month}",
    "month {month} is still in the future; import its table when it comes": "{month} 尚未到来，到时再导入该月的表",
    "the form is for {month}, still to come: import it when the month has come": "该填报表是 {month} 的，该月尚未到来：到时再导入",
    "{file}: the tasks it adds would make {path} invalid ({first})": "{file}: 新增的任务会使 {path} 无效（{first}）",
    "{path}:{line}: the task cell must be the task's number, a dot and its title (`195.新建…`), not {cell}": "{path}:{line}: 任务单元格应为 编号.标题（`195.新建…`），而不是 {cell}",
    "{path}:{line}: task {tid} appears twice (first at line {first})": "{path}:{line}: 任务 {tid} 出现两次（第一次在第 {first} 行）",
    "{path}:{line}: task {tid} is not in tasks.toml: give --unit (its lead unit) to add it": "{path}:{line}: 任务 {tid} 不在 tasks.toml 中：请用 --unit（牵头单位）新增",
    "{path}: no progress table found (expected a header row such as `序号 | 目标任务 | 总体工作进展及8月份进展 |`)": "{path}: 没有找到进展表（应有表头行，如 `序号 | 目标任务 | 总体工作进展及8月份进展 |`）",
    "{path}: no progress table found: the row `{row}` names no task column (目标任务, 任务, 编号) and no progress column (…进展…, 完成情况)":
        "{path}: 没有找到进展表：`{row}` 一行中既没有任务列（目标任务、任务、编号），也没有进展列（…进展…、完成情况）",
    "{path}: no progress table found: the row `{row}` names no task column (目标任务, 任务, 编号)":
        "{path}: 没有找到进展表：`{row}` 一行中没有任务列（目标任务、任务、编号）",
    "{path}: no progress table found: the row `{row}` names no progress column (…进展…, 完成情况)":
        "{path}: 没有找到进展表：`{row}` 一行中没有进展列（…进展…、完成情况）",
    "{path}: no progress table found: the row `{row}` names no progress column (…进展…, 完成情况); to add the tasks "
    "of a plan sheet, add an empty column headed 进展情况":
        "{path}: 没有找到进展表：`{row}` 一行中没有进展列（…进展…、完成情况）；如果这是任务分解表，要导入其中的任务，"
        "请加一个表头为“进展情况”的空列",
    "{path}: no progress table found: the row `{row}` names no progress column (…进展…, 完成情况); to add the tasks "
    "of a plan sheet, add an empty column headed 进展情况 and head the tasks' numbers 编号":
        "{path}: 没有找到进展表：`{row}` 一行中没有进展列（…进展…、完成情况）；如果这是任务分解表，要导入其中的任务，"
        "请加一个表头为“进展情况”的空列，并把任务编号列的表头写作“编号”",
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
    "malformed month {value}: use 2024-08, 2024年8月 or 8月 (in the plan's year)":
        "月份格式不对 {value}：请用 2024-08、2024年8月 或 8月（计划年度的月份）",
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
    "contacts file": "联系人文件", "tracker database": "tracker 数据库", "template": "模板文件",
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
    "{path}: the {path}-wal beside it is from another copy of the database (a backup restored without moving it "
    "aside?): nothing was read; move {path}-wal and {path}-shm aside and run it again":
        "{path}: 旁边的 {path}-wal 属于数据库的另一个副本（恢复备份时没有先移走它？）：未读取任何内容；请把 {path}-wal 和 "
        "{path}-shm 移到别处后再运行",
    "{path}: written by a newer tracker (schema {version}); upgrade tracker": "{path}: 由更新版本的 tracker 写入（结构版本 {version}）；请升级 tracker",
    "{path}: is a directory, not a tracker database": "{path}: 是目录，不是 tracker 数据库",
    "{path}: cannot open the database: {why}": "{path}: 无法打开数据库：{why}",
    "{path}: busy: another tracker has been writing for over {seconds} s; try again when it is done": "{path}: 忙：另一个 tracker 已写入超过 {seconds} 秒；请等它结束后重试",
    "{path}: a SQLite database, but not tracker's (it has other tables)": "{path}: 是 SQLite 数据库，但不是 tracker 的（含有其他表）",
    "{path}: not a usable SQLite database: {why}": "{path}: 不是可用的 SQLite 数据库：{why}",
    # tasks.toml
    "no such file (run `tracker init` to start a plan, or give --tasks)": "没有这个文件（运行 `tracker init` 新建计划，或用 --tasks 指定）",
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
    "invalid TOML: a key in Chinese ({typed}) needs quotes: write \"{typed}\"": "TOML 格式错误：中文的键（{typed}）须加英文引号：写作 \"{typed}\"",
    "invalid TOML: not a date (write 2024-12-31)": "TOML 格式错误：不是日期（请写 2024-12-31）",
    "invalid TOML: {date} is no date: a year has 12 months": "TOML 格式错误：{date} 不是有效日期：一年只有 12 个月",
    "invalid TOML: {date} is no date: {year}-{month:02d} has {days} days": "TOML 格式错误：{date} 不是有效日期：{year}年{month}月只有 {days} 天",
    "invalid TOML: Chinese quotes (“…”) are not TOML's: write text between \"…\"":
        "TOML 格式错误：中文引号（“…”）不是 TOML 的引号：文字请写在英文双引号 \"…\" 之间",
    "invalid TOML: a number in full-width digits ({typed}): write {ascii}": "TOML 格式错误：数字是全角的（{typed}）：请写半角 {ascii}",
    "invalid TOML: a date in full-width digits ({typed}): write {ascii}": "TOML 格式错误：日期是全角的（{typed}）：请写半角 {ascii}",
    "invalid TOML: a Chinese comma (，) between values: write ,": "TOML 格式错误：值之间用了中文逗号（，）：请写英文逗号 ,",
    "invalid TOML: a full-width ＝ or ： after a key: write =": "TOML 格式错误：键后面用了全角的“＝”或“：”，请写半角 =",
    "invalid TOML: full-width brackets (［］【】): write [ ]": "TOML 格式错误：用了全角括号（［］【】）：请写半角 [ ]",
    "invalid TOML: a full-width space (　) outside quotes: write an ordinary space":
        "TOML 格式错误：引号外用了全角空格（　）：请写半角空格",
    "invalid TOML: full-width characters ({typed}) where TOML wants ASCII: write {ascii}":
        "TOML 格式错误：用了全角字符（{typed}），TOML 此处要半角：请写 {ascii}",
    "invalid TOML (see line {line})": "TOML 格式错误（见第 {line} 行）",
    "task {id}: ": "任务 {id}：", "task #{n}: ": "第 {n} 个任务：",
    "unknown table or key {key} (expected [plan] and [[task]])": "未知的表或键 {key}（应为 [plan] 和 [[task]]）",
    "plan must be a table": "plan 应为表", "task must be an array of tables ([[task]])": "task 应为表数组（[[task]]）",
    "duplicate task id {id} (first declared at line {first})": "任务编号 {id} 重复（第一次在第 {first} 行）",
    "task id {id} is task {other} written another way (declared at line {first}): give it a number of its own":
        "任务编号 {id} 与第 {first} 行的任务 {other} 是同一个编号的不同写法：请另编一个编号",
    "task {id}: due is required (or set plan.year)": "任务 {id}：缺少 due（或设置 plan.year）",
    "task {id}: due {due} must be after start {start}": "任务 {id}：截止日期 {due} 应晚于开始日期 {start}",
    "task {id}: duplicate metric key {key}": "任务 {id}：指标键 {key} 重复",
    "task {id}: metric {key}: target {target} must be greater than baseline {baseline}": "任务 {id}：指标 {key}：目标值 {target} 应大于基数 {baseline}",
    "task {id}: milestone needs `metric =` (the task has {n} metrics)": "任务 {id}：节点目标需要写 `metric =`（该任务有 {n} 个指标）",
    "task {id}: a milestone is a checkpoint of a metric, and the task has none": "任务 {id}：节点目标是某项指标的阶段目标，该任务没有指标",
    "task {id}: milestone names unknown metric {key}": "任务 {id}：节点目标写了未知指标 {key}",
    "task {id}: milestone due {when} must fall between start {start} and due {due}": "任务 {id}：节点日期 {when} 应在开始 {start} 与截止 {due} 之间",
    "task {id}: milestone target {value} must lie between baseline {baseline} and target {target}": "任务 {id}：节点目标 {value} 应在基数 {baseline} 与目标值 {target} 之间",
    "{who}{field} is not a known key: tasks.toml writes it {key}": "{who}{field} 不是已知的键：tasks.toml 中应写作 {key}",
    "{who}{field} is not a known key (did you mean {key}?)": "{who}{field} 不是已知的键（是否指 {key}？）",
    "invalid TOML: a key in Chinese ({typed}): tasks.toml writes it {key}": "TOML 格式错误：中文的键（{typed}）：tasks.toml 中应写作 {key}",
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
    "the database or its folder is read-only ({code}): nothing was written; check the permissions, or whether the disk is mounted read-only": "数据库或其文件夹只读（{code}）：未写入任何内容；请检查权限，或磁盘是否以只读方式挂载",
    # validate
    "integrity check failed: {why}": "完整性检查未通过：{why}",
    "the table of chain heads is gone: removals of the latest entries cannot be checked": "链头表已不存在：无法检查最近条目是否被删除",
    "the log holds {n} entries but no record of any append (the table of chain heads is empty): emptied behind tracker's back; rewritten entries could not be seen": "日志有 {n} 条记录，却没有任何追加记录（链头表为空）：被绕过 tracker 清空；改写的条目将无法发现",
    "append-only guards missing: {names} (the log could be edited unseen)": "缺少只追加保护：{names}（日志可能被改而不被发现）",
    "append-only guards altered: {names} (the log could be edited unseen)": "只追加保护被改动：{names}（日志可能被改而不被发现）",
    "entry {id} names task {task}, which tasks.toml does not declare": "条目 {id} 写的任务 {task} 未在 tasks.toml 中声明",
    "entry {id} of task {task} is for {month}, before the task's start in tasks.toml ({start}), and still counts: "
    "move the start back, or void the entry":
        "任务 {task} 的条目 {id} 填报的是 {month}，早于 tasks.toml 中该任务的开始月份（{start}），但仍计入进度："
        "请把开始日期改回，或作废该条目",
    "entry {id} names metric {key}, which task {task} does not have": "条目 {id} 写的指标 {key}，任务 {task} 没有该指标",
    "{what} (run `tracker validate --repair`)": "{what}（请运行 `tracker validate --repair`）",
    "{kind} {name} is missing (run `tracker validate --repair` for a derived table)": "{kind} {name} 缺失（派生表可运行 `tracker validate --repair`）",
    "{kind} {name} is not as tracker made it: {sql}": "{kind} {name} 与 tracker 建立时不同：{sql}",
    "{kind} {name} was not put there by tracker (it can change what is recorded or shown); look at it with the sqlite3 shell, then DROP {upper} \"{name}\"": "{kind} {name} 不是 tracker 建立的（它可能改变记录或显示的内容）；请用 sqlite3 查看，然后 DROP {upper} \"{name}\"",
    "plan_cache holds a row tracker never writes ({key})": "plan_cache 中有 tracker 从不写入的行（{key}）",
    "the cached plan differs from what tasks.toml says: titles, units or targets shown would not be tasks.toml's (run `tracker validate --repair`)": "缓存的计划与 tasks.toml 不一致：显示的标题、单位或目标值将不是 tasks.toml 中的（请运行 `tracker validate --repair`）",
    "the cached plan differs from what tasks.toml says: titles, units or targets shown would not be tasks.toml's": "缓存的计划与 tasks.toml 不一致：显示的标题、单位或目标值将不是 tasks.toml 中的",
    # views
    "reported blocked; last report {month}": "报告受阻；最近报送{month}",
    "log names {n} tasks or metrics that tasks.toml no longer has ({names}); `tracker validate` lists them":
        "日志中有 {n} 个任务或指标已不在 tasks.toml 中（{names}）；`tracker validate` 可列出",
    "log names {n} task or metric that tasks.toml no longer has ({names}); `tracker validate` lists it":
        "日志中有 {n} 个任务或指标已不在 tasks.toml 中（{names}）；`tracker validate` 可列出",
})


_ZH.update({
    # click's usage errors (cli/root.py _usage)
    "missing {kind} {name}": "缺少{kind} {name}", "argument": "参数", "option": "选项", "parameter": "参数",
    "no such option {name}": "没有选项 {name}",
    "no such command {name}": "没有命令 {name}",
    "missing command (`tracker --help` lists them)": "缺少命令（`tracker --help` 列出全部命令）",
    " (did you mean {maybe}?)": "（是否想用 {maybe}？）",
    "unexpected extra arguments: {args}": "多余的参数：{args}",
    "option {name} needs a value": "选项 {name} 需要一个值",
    "invalid value {value} for {name}: one of {choices}": "{name} 的值 {value} 无效，可选：{choices}",
    "invalid value {value} for {name}: not a number": "{name} 的值 {value} 无效：不是数字",
    "invalid value {value} for {name}: not in the range {range}": "{name} 的值 {value} 无效：不在 {range} 范围内",
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
    "warning: unit {unit} leads no task in the plan; did you mean {close}? (the name must be the plan's)":
        "提示：单位 {unit} 不是任何任务的牵头单位；是否指 {close}？（单位名须与计划中的一致）",
    "warning: {path} holds secrets and other users of this computer can read it: chmod 600 {path}, or write the secrets as env:NAME":
        "提示：{path} 中写有密钥，且本机其他用户可以读取：请执行 chmod 600 {path}，或把密钥写成 env:NAME",
    "warning: unit {unit} leads no task in the plan (a typo of one that does?)":
        "提示：单位 {unit} 不是任何任务的牵头单位（是否写错了单位名？）",
    "tracker: aborted": "tracker：已中止", "tracker: interrupted": "tracker：已中断",
})
