"""The Chinese of `--help`: click's words, each command's description and each option's help, keyed by the English.

A description is keyed paragraph by paragraph, each as click reflows it (its lines joined by one space); its
first sentence, up to 。, is the command's summary in `tracker --help`'s list, as click takes the English
first sentence. labels.load_help adds this table to labels' one catalogue when a help is printed (cli/help.py);
tests/test_help.py fails on a description or an option's help with no Chinese here.
"""

_ZH: dict[str, str] = {
    # click's and typer's own words
    "Usage": "用法", "Options": "选项", "Commands": "命令", "Arguments": "参数",
    "default": "默认", "required": "必填", "Example:": "示例：",
    "[OPTIONS]": "[选项]", "COMMAND": "命令", "[ARGS]...": "[参数]...",
    "Show this message and exit.": "显示本帮助并退出。",
    # tracker, and the options before a command
    "Follow a government's numbered target tasks through the year: declare them in tasks.toml, log monthly "
    "progress, see where each stands.": "跟踪政府年度目标任务：在 tasks.toml 中列明任务，按月登记进展，随时查看每项任务进展到哪一步。",
    "The plan file (default: TRACKER_TASKS, else ./tasks.toml).": "计划文件（默认：TRACKER_TASKS，否则为 ./tasks.toml）。",
    "The progress log (default: TRACKER_DB, else ./data/tracker.db).":
        "进展记录库（默认：TRACKER_DB，否则为 ./data/tracker.db）。",
    "Where reminders go (default: TRACKER_CONTACTS, else contacts.toml beside tasks.toml).":
        "催报的发送渠道（默认：TRACKER_CONTACTS，否则为 tasks.toml 同一文件夹中的 contacts.toml）。",
    "Label language of every command of the run: en or zh (a command's own --lang wins).":
        "本次运行各命令的语言：en（英文）或 zh（中文）（以命令自己的 --lang 为准）。",
    "Print the version and exit.": "显示版本号并退出。",
    # options many commands share
    "Label language: en or zh (default: TRACKER_LANG, else en).": "语言：en（英文）或 zh（中文）（默认：TRACKER_LANG，否则为 en）。",
    "Month: 2024-08 or 2024年8月; 8月 alone is the plan's year's (default: this month).": "月份：2024-08、2024年8月，或计划年度的 8月（默认：本月）。",
    "table (for people) or json (for scripts).": "table（表格，供人阅读）或 json（供脚本使用）。",
    "Only this lead unit's tasks.": "只看该牵头单位的任务。",
    "Only this category.": "只看该类别的任务。",
    "Only the tasks this unit shares: its co_units, 配合单位.": "只看该单位配合的任务（co_units，配合单位）。",
    "Only tasks whose title holds every one of these words (--search \"养老 中心\").":
        "只看目标任务中含有全部这些词的任务（--search \"养老 中心\"）。",
    "Who reports (default: TRACKER_BY, else your login name).": "报送人（默认：TRACKER_BY，否则为登录用户名）。",
    "The task's number, as in tasks.toml.": "任务编号，与 tasks.toml 中的一致。",
    # init, validate, tasks
    "Start a project: a starter tasks.toml and an empty data/tracker.db. Never overwrites.":
        "新建项目。生成一份示例 tasks.toml 和空的 data/tracker.db，不覆盖已有文件。",
    "next year's plan": "明年的计划",
    "Folder for the new project (default: here).": "新项目的文件夹（默认：当前文件夹）。",
    "The plan's year (default: this year; in December, next year's plan is `--year` the next).":
        "计划年度（默认：今年；12月编制明年的计划时，`--year` 写明年）。",
    "Check tasks.toml and the log: integrity, append-only guards, hash chain and its heads, known tasks and metrics.":
        "校验计划和记录库。检查 tasks.toml 和记录库：完整性、只增不改的保护、哈希链及其链头、任务和指标是否都已列明。",
    "Silent but for one summary line when all is well; one line per problem and exit 2 otherwise.":
        "一切正常时只输出一行汇总；否则每个问题一行，退出码为 2。",
    "First recompute the derived tables of figures in force from the log (the log itself is never changed).":
        "先根据记录重新计算现行数据的派生表（记录本身从不改动）。",
    "List the declared tasks with their metrics, milestones and dues.":
        "查看任务清单。列出计划中的任务及其指标、节点目标和完成时限。",
    # log, void, history, export, import, backup
    "Append one report to the log and print what was recorded.": "登记进展。向记录库追加一条报送，并显示记下的内容。",
    "Figures are as of the month: the running total (截至目前) for a cumulative metric, that month's amount for an "
    "increment metric. A correction is just a later entry. What cannot be right is refused; a figure that looks like "
    "a slip (above its target, below last month's) is named, and on a terminal you are asked before it is recorded.":
        "数值以所报月份为准：累计型指标填截至目前的累计数，增量型指标填当月数。更正只需再登记一条。不可能正确的内容会被拒绝；"
        "疑似笔误的数值（超过目标值、低于上月）会被指出，在终端中还会先询问再记录。",
    "A metric's figure; repeat for each metric.": "一项指标的数值；每项指标各写一次。",
    "0–100 (85 or 85%), for a task without metrics.": "完成百分比 0–100（85 或 85%），用于没有量化指标的任务。",
    "ongoing, done or blocked (or 推进中, 已完成, 受阻).": "状态：ongoing、done 或 blocked（或 推进中、已完成、受阻）。",
    "The progress narrative.": "进展情况。",
    "Read the narrative from a file (- for stdin).": "从文件读取进展情况（- 表示标准输入）。",
    "存在问题: what stands in the way.": "存在问题：工作推进中遇到的困难。",
    "下步计划: what comes next.": "下步计划：下一步的工作安排。",
    "Record without asking when a figure looks like a slip.": "数值疑似笔误时不询问，直接记录。",
    "Take an entry out of the count (作废): a void entry is appended; the entry stays in history, marked voided.":
        "作废一条报送。追加一条作废记录，原条目不再计入；它仍留在报送记录中，标为已作废。",
    "For a report in the wrong month or of the wrong task. A correction of the same month is just a new `log`.":
        "用于报错了月份或任务的报送。同一月份的更正只需重新 `log` 一条。",
    "The entry's id, or its first 8 characters as history shows them.": "条目编号，或 history 显示的前 8 位。",
    "Why it no longer counts (kept as the void entry's note).": "作废原因（记为作废条目的进展情况）。",
    "Who voids it (default: TRACKER_BY, else your login name).": "作废人（默认：TRACKER_BY，否则为登录用户名）。",
    "Every entry of one task, oldest first, corrections included.": "查看报送记录。一项任务的全部记录，按先后排列，含更正。",
    "The task's number.": "任务编号。",
    "Every entry ever recorded, as JSON Lines (full history, re-importable with `tracker import`).":
        "导出全部记录。以 JSON Lines 格式输出记下的每一条（完整历史，可用 `tracker import` 重新导入）。",
    "Write to this file instead of stdout.": "写入该文件，而不是标准输出。",
    "Import progress tables, returned forms or exported entries: all the files or nothing, never twice.":
        "导入报表。导入进展表、收回的填报表或导出的记录：所有文件要么全部导入，要么都不导入，同一份不会导入两次。",
    "Prints what it read, task by task: each figure with the words it was read from, and the figures left unset.":
        "逐项任务显示读到的内容：每个数值及其所依据的原文，以及没有填的数值。",
    "Progress tables (.md, .txt, .csv, .docx, .xlsx), returned forms (.xlsx) or entries (.jsonl).":
        "进展表（.md、.txt、.csv、.docx、.xlsx）、收回的填报表（.xlsx）或记录（.jsonl）。",
    "The month a progress table reports: 2024-08, 2024年8月 or 8月 (required for a table; a form and a .jsonl "
    "carry their own).": "进展表所报的月份：2024-08、2024年8月 或 8月（导入进展表时必填；填报表和 .jsonl 自带月份）。",
    "Lead unit for tasks a table adds to tasks.toml (when it has no 牵头单位 column).":
        "表格新增到 tasks.toml 的任务的牵头单位（表格没有“牵头单位”列时）。",
    "Say what would be recorded, and the checks' warnings; write nothing.": "试运行：显示将要记录的内容和检查提示，不写入任何内容。",
    "A consistent copy of the database, safe while others write (SQLite's online backup).":
        "备份记录库。生成记录库的一致副本，他人正在写入时也安全（SQLite 在线备份）。",
    "To restore, with no tracker running: move data/tracker.db and its -wal and -shm files aside (SQLite would apply "
    "a stale -wal to the copy), copy FILE to data/tracker.db, run tracker validate.":
        "恢复时先确认没有 tracker 在运行：把 data/tracker.db 及其 -wal、-shm 文件移到别处（否则 SQLite 会把旧的 -wal "
        "用到副本上），把 FILE 复制为 data/tracker.db，再运行 tracker validate。",
    "Where to write the copy (must not exist yet).": "副本写到哪里（该文件须尚不存在）。",
    # status, overdue, show, report
    "Every task: progress against the time elapsed (序时进度), status, flags, last report, figures.":
        "查看进展。每项任务的完成进度与序时进度对比，以及状态、标记、最近报送和数据。",
    "Only tasks with any of these statuses or flags (behind,stalled,missing…).":
        "只看有其中任一状态或标记的任务（behind,stalled,missing… 或 滞后,停滞,未报送…）。",
    "Tasks past their due date and not done, most days overdue first.": "查看逾期任务。已过完成时限仍未完成的任务，逾期天数多的在前。",
    "One task in full: a chart of its progress against the expected line, its forecast, each metric month by month, "
    "and every report.": "查看单项任务。一项任务的全貌：完成进度与序时进度对比图、预计完成时间、各项指标的逐月数据和每一次报送。",
    "The monthly progress table: tasks in declaration order, each with the month's note.":
        "生成月度进展表。任务按计划中的顺序排列，各附当月进展情况。",
    "Its columns: 序号 | 目标任务 | 总体工作进展及8月份进展.": "表格各列：序号 | 目标任务 | 总体工作进展及8月份进展。",
    "The format (default: from -o FILE's extension, else md).": "格式（默认：按 -o 文件的扩展名，否则为 md）。",
    "Add two columns: completion and status.": "增加两列：完成率和状态。",
    "docx: the office's own document; the table takes the place of its paragraph {{ table }}.":
        "docx：本单位自己的文档模板，表格放在其中内容为 {{ table }} 的段落处。",
    "Write to FILE instead of stdout (written whole or not at all).": "写入 FILE，而不是标准输出（要么完整写入，要么不写）。",
    "Only this lead unit's tasks (a department's own table).": "只含该牵头单位的任务（部门自己的表）。",
    "Only tasks with any of these statuses or flags (behind,overdue… for a 督办 table).":
        "只含有其中任一状态或标记的任务（如督办表用 behind,overdue… 或 滞后,逾期…）。",
    # check, units, fill, remind, forms
    "For CI: the tasks with any flag in --fail-on, grouped by lead unit with the figures behind each flag.":
        "检查预警。列出带有 --fail-on 中任一标记的任务，按牵头单位分组，附上每个标记所依据的数据（可用于 CI）。",
    "Exit 0 when none is flagged (one summary line), 1 when any is, 2 when the plan or the log is invalid. Regressed "
    "figures and repeated notes are shown as notes; they do not fail the check.":
        "没有任务被标记时退出码为 0（输出一行汇总），有则为 1，计划或记录库无效时为 2。数据回退和进展雷同列为提示，不影响检查结果。",
    "Fail on any of overdue,blocked,stalled,behind,missing (default: overdue,stalled).":
        "出现 overdue,blocked,stalled,behind,missing 中任一标记即不通过（默认：overdue,stalled）。",
    "text (people), json (scripts) or github (annotations in GitHub Actions).":
        "text（供人阅读）、json（供脚本使用）或 github（GitHub Actions 中的标注）。",
    "One row per lead unit: its tasks by status, missing reports and mean completion, ranked best first (排名).":
        "单位排名。每个牵头单位一行：各状态的任务数、未报送数和平均完成率，好的排在前面。",
    "Completion is the mean over the unit's started tasks; units with none started come last.":
        "完成率是该单位已开始任务的平均值；没有已开始任务的单位排在最后。",
    "Enter the month's missing reports at the terminal, task after task; each is recorded as soon as it is complete.":
        "逐项填报。在终端中逐项录入本月未报送的进展，每项填完即记录。",
    "Shows each task, its targets and last report, then asks for each figure (or percent and status) and the note; "
    "Enter on the first question skips the task, a wrong answer is asked again. Needs a terminal: from a script, use "
    "`tracker log`.": "先显示每项任务及其目标和最近报送，再逐一询问各项数值（或完成百分比和状态）和进展情况；第一个问题直接回车即跳过该任务，"
    "答得不对的会再问一次。须在终端中使用；脚本中请用 `tracker log`。",
    "Send each lead unit with flagged tasks one message (催报) through its channels in contacts.toml.":
        "催报。通过 contacts.toml 中登记的渠道，给有任务被标记的每个牵头单位发送一条消息。",
    "DingTalk, WeCom and Feishu group robots and mail; every delivery and failure is recorded. Exit 0 when every "
    "message went, 1 when one did not (each named), 2 for an invalid contacts.toml.":
        "渠道有钉钉、企业微信、飞书群机器人和邮件；每次送达和失败都有记录。全部发出时退出码为 0，有未送达的为 1（逐条列出），"
        "contacts.toml 无效时为 2。",
    "Remind about tasks with any of these flags (default: missing; e.g. overdue,stalled,blocked for a 督办 notice).":
        "催报有其中任一标记的任务（默认：missing；督办通知可用 overdue,stalled,blocked 等）。",
    "Only this lead unit.": "只催报该牵头单位。",
    "Print each message and where it would go; send and record nothing.": "显示每条消息及其发送渠道；不发送，也不记录。",
    "One Excel form per lead unit for the month's reports: its started, unfinished tasks, last month's figures beside "
    "the cells to fill in. Send each to its unit; `tracker import` takes the filled forms back.":
        "生成填报表。为每个牵头单位生成一份本月报送用的 Excel 填报表：列出其已开始、未完成的任务，待填的单元格旁附上月数据。"
        "分发给各单位，填好收回后用 `tracker import` 导入。",
    "The folder to write the forms into (made if missing).": "填报表写入的文件夹（不存在时自动创建）。",
    "Only this lead unit's form.": "只生成该牵头单位的填报表。",
}
