"""Deterministic plan and progress log for benchmarking tracker.

Writes, for N tasks over M months from January of the plan year:

- ``tasks.toml``: the plan, in the format of SPEC.md;
- ``entries.jsonl``: the progress log, one entry a line in the shape of
  ``tracker export`` (ordered by ``recorded_at``), ready for ``tracker import``;
- ``truth.jsonl``: what each task was generated to be as of the last month
  (done, on_track, behind, stalled, overdue), for Taskwarrior's copy of the
  tasks and for sanity checks; not part of any contract;
- ``manifest.json``: the sizes, the seed, the last month and the date to set
  as ``TRACKER_TODAY``.

Only the standard library is used, and one ``random.Random(seed)`` drives
everything, so the same arguments always give byte-identical files.

    python bench/generate.py --tasks 300 --months 24 --out bench/out/office
"""

from __future__ import annotations

import argparse
import calendar
import hashlib
import json
import random
import sys
import time
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

PLAN_YEAR = 2024
# Bump when the output for the same arguments changes, so that bench/run.py
# regenerates what it had cached.
GENERATOR_VERSION = 1

# Each lead unit with the categories and metrics (keys of METRIC_KINDS) that
# its tasks draw from, so that a unit's tasks read like that unit's work.
UNITS = {
    "市民政局": (["养老服务", "社会救助"], ["centres", "stations", "beds", "canteens", "ageing", "relief"]),
    "市财政局": (["社会救助", "营商环境"], ["relief", "loans", "invest"]),
    "市发展改革委": (["营商环境", "城市建设"], ["invest", "chargers", "hightech"]),
    "市教育局": (["教育"], ["places", "kinder", "training"]),
    "市卫生健康委": (["医疗卫生"], ["clinics", "hospital", "screening", "beds"]),
    "市住房城乡建设局": (["住房保障", "城市建设"], ["rental", "estates", "ageing", "invest"]),
    "市交通运输局": (["交通出行"], ["roads", "parking", "chargers", "invest"]),
    "市人力资源社会保障局": (["就业创业"], ["jobs", "training", "loans"]),
    "市生态环境局": (["生态环境"], ["treated", "sewers", "sorting"]),
    "市农业农村局": (["乡村振兴"], ["toilets", "villages", "forest"]),
    "市商务局": (["营商环境"], ["invest", "online", "hightech"]),
    "市文化广电旅游局": (["文化旅游"], ["tourists", "villages", "greenway"]),
    "市应急管理局": (["安全生产"], ["firestn", "training"]),
    "市市场监管局": (["营商环境", "安全生产"], ["online", "hightech", "training"]),
    "市自然资源和规划局": (["生态环境", "城市建设"], ["forest", "greenway", "invest"]),
    "市水务局": (["生态环境", "城市建设"], ["sewers", "treated", "invest"]),
    "市城市管理局": (["城市建设", "生态环境"], ["sorting", "parking", "greenway", "sewers"]),
    "市公安局": (["安全生产", "交通出行"], ["parking", "online", "training"]),
    "市科技局": (["科技创新"], ["hightech", "towers", "loans"]),
    "市工业和信息化局": (["科技创新", "营商环境"], ["towers", "hightech", "invest", "chargers"]),
}

UNIT_NAMES = list(UNITS)

REPORTERS = [
    "王芳", "李娜", "张伟", "刘洋", "陈静", "杨帆", "赵磊", "黄敏", "周婷", "吴昊",
    "徐丽", "孙强", "胡军", "朱琳", "高峰", "林涛", "何晶", "郭靖", "马超", "罗兰",
]


@dataclass(frozen=True)
class MetricKind:
    key: str
    verb: str
    name: str
    unit: str
    low: float
    high: float
    decimals: int = 0
    rate: bool = False  # a percentage that rises from a baseline, never increment


METRIC_KINDS = [
    MetricKind("centres", "新建", "区域性居家养老服务中心", "个", 40, 200),
    MetricKind("stations", "改造", "社区养老服务站", "个", 100, 500),
    MetricKind("beds", "新增", "养老机构床位", "张", 500, 5000),
    MetricKind("canteens", "建成", "社区老年食堂", "个", 40, 300),
    MetricKind("ageing", "完成", "困难老年人家庭适老化改造", "户", 200, 3000),
    MetricKind("places", "新增", "中小学学位", "个", 2000, 20000),
    MetricKind("kinder", "新增", "普惠性幼儿园学位", "个", 1000, 10000),
    MetricKind("jobs", "实现", "城镇新增就业", "万人", 1, 12, 2),
    MetricKind("training", "开展", "职业技能培训", "人次", 5000, 50000),
    MetricKind("rental", "筹集", "保障性租赁住房", "套", 1000, 20000),
    MetricKind("estates", "改造", "老旧小区", "个", 50, 400),
    MetricKind("roads", "新建改造", "城市道路", "公里", 50, 300, 1),
    MetricKind("invest", "完成", "重点项目投资", "亿元", 20, 500, 1),
    MetricKind("sewers", "新建", "污水管网", "公里", 40, 400, 1),
    MetricKind("greenway", "建设", "城市绿道", "公里", 40, 200, 1),
    MetricKind("forest", "完成", "植树造林", "万亩", 1, 20, 2),
    MetricKind("parking", "新增", "公共停车泊位", "个", 2000, 20000),
    MetricKind("chargers", "建设", "新能源汽车充电桩", "个", 1000, 10000),
    MetricKind("clinics", "完成", "村卫生室标准化建设", "个", 100, 800),
    MetricKind("hospital", "新增", "医疗卫生机构床位", "张", 500, 5000),
    MetricKind("screening", "完成", "适龄妇女两癌筛查", "万人", 1, 15, 2),
    MetricKind("hightech", "新培育", "高新技术企业", "家", 100, 1000),
    MetricKind("loans", "发放", "创业担保贷款", "亿元", 2, 30, 2),
    MetricKind("toilets", "改造", "农村户厕", "万户", 1, 10, 2),
    MetricKind("villages", "建设", "美丽乡村示范村", "个", 50, 300),
    MetricKind("relief", "发放", "困难群众救助资金", "亿元", 2, 40, 2),
    MetricKind("towers", "新建", "5G基站", "个", 1000, 10000),
    MetricKind("firestn", "建设", "微型消防站", "个", 50, 500),
    MetricKind("tourists", "接待", "乡村旅游游客", "万人次", 100, 3000, 1),
    MetricKind("sorting", "使", "城市生活垃圾分类覆盖率", "%", 95, 100, 1, rate=True),
    MetricKind("treated", "使", "城市污水集中处理率", "%", 96, 99, 1, rate=True),
    MetricKind("online", "使", "政务服务事项网上可办率", "%", 95, 100, 1, rate=True),
]

QUALITATIVE_TITLES = [
    "提高城乡低保、特困人员救助供养标准", "完善居家社区机构相协调的养老服务体系",
    "深化“放管服”改革,持续优化营商环境", "推进基层医疗卫生机构综合改革",
    "健全防止返贫动态监测和帮扶机制", "开展安全生产专项整治行动",
    "推动义务教育优质均衡发展", "建立健全城乡居民基本医疗保险制度",
    "完善最低生活保障对象认定办法", "推进城市更新和城市体检工作",
    "实施河湖长制,加强水生态保护修复", "健全突发公共卫生事件应急机制",
    "推进政务数据共享和“一网通办”", "完善社会救助家庭经济状况核对机制",
    "加强食品药品安全监管", "开展农村人居环境整治提升行动",
    "推动公共文化服务体系标准化建设", "加快建设智慧交通管理系统",
]

OPENINGS = ["截至目前", "截至{m}月底", "本月", "1-{m}月", "今年以来", "{m}月份"]
FILLERS = [
    "工作正在有序推进", "资金已全部拨付到位", "正在开展竣工验收", "已完成年度目标的{p}%",
    "下一步将加强督促检查", "确保按期完成任务", "已召开专题推进会议", "部分项目进入收尾阶段",
    "正在组织第三方评估", "已纳入年度重点督查事项", "建立了周调度、月通报机制",
    "各区县进度不平衡", "将进一步压实责任", "已形成阶段性成果",
    "群众满意度明显提升", "项目前期手续已办结",
]
STALL_NOTES = [
    "受资金未到位影响,项目暂停施工,正在积极协调解决",
    "因用地手续尚未办结,工程进展缓慢,正在加快报批",
    "受招标流程影响,本月无新增进展,下一步将加快推进",
    "项目设计方案调整中,暂无实质性进展,已提请专题研究",
]
DONE_NOTES = [
    "已全面完成年度目标任务,正在开展总结评估工作",
    "各项指标均已完成,提前实现目标,转入常态化管理",
    "已按期完成全部建设任务,并通过竣工验收",
]
CORRECTION_NOTES = ["更正上次填报数据", "数据填报有误,予以更正", "经核实,更正本月数据"]

PROFILES = ["done", "on_track", "behind", "stalled", "overdue"]
PROFILE_WEIGHTS = [25, 37, 20, 12, 6]


def month_str(index: int) -> str:
    """The month `index` months after January of the plan year, as YYYY-MM."""
    year, month = divmod(index, 12)
    return f"{PLAN_YEAR + year:04d}-{month + 1:02d}"


def month_end(index: int) -> date:
    year, month = divmod(index, 12)
    year += PLAN_YEAR
    return date(year, month + 1, calendar.monthrange(year, month + 1)[1])


def month_start(index: int) -> date:
    year, month = divmod(index, 12)
    return date(PLAN_YEAR + year, month + 1, 1)


def month_index(day: date) -> int:
    return (day.year - PLAN_YEAR) * 12 + day.month - 1


def toml_str(text: str) -> str:
    # A JSON string (non-ASCII kept) is a valid TOML basic string.
    return json.dumps(text, ensure_ascii=False)


def fmt_number(value: float, decimals: int) -> int | float:
    return int(round(value)) if decimals == 0 else round(value, decimals)


@dataclass
class Metric:
    kind: MetricKind
    key: str
    target: int | float
    baseline: int | float
    increment: bool
    spread: float  # how far this metric runs ahead of or behind the task's path
    explicit_mode: bool


@dataclass
class Milestone:
    due: date
    metric: str | None
    target: int | float


@dataclass
class Task:
    id: str
    title: str
    unit: str
    co_units: list[str]
    category: str | None
    start_index: int
    start_written: bool
    due: date
    due_written: bool
    stall_months: int | None
    metrics: list[Metric]
    milestones: list[Milestone]
    profile: str
    measured: bool  # a qualitative task that gives percent or status
    reporter: str
    path: list[float] = field(default_factory=list)  # completion by month index
    done_index: int | None = None
    stall_from: int | None = None


def expected_at(task: Task, index: int) -> float:
    start = month_start(task.start_index)
    span = (task.due - start).days
    if span <= 0:
        return 1.0
    return min(1.0, max(0.0, (month_end(index) - start).days / span))


def choose_due(rng: random.Random, profile: str, start_index: int, last: int) -> date:
    """A due date that makes `profile` possible as of the last month."""
    last_year = PLAN_YEAR + last // 12
    if profile == "overdue":
        # Quarter ends after the start and before the last month.
        ends = [i for i in range(start_index + 2, last) if i % 3 == 2]
        if ends:
            return month_end(rng.choice(ends))
    if profile == "done":
        ends = sorted({date(PLAN_YEAR, 12, 31), date(last_year, 12, 31), date(last_year + 1, 6, 30)})
        return rng.choice(ends)
    # Not overdue as of the last month: due on or after its end.
    choices = [date(last_year + 1, 6, 30), date(last_year + 1, 12, 31)]
    if month_index(date(last_year, 12, 31)) >= last:
        choices += [date(last_year, 12, 31)] * 2
    return rng.choice(choices)


def build_path(rng: random.Random, task: Task, last: int) -> None:
    """Set the task's completion month by month, shaped by its profile."""
    s = task.start_index
    n = last - s + 1
    if n <= 0:
        return
    profile = task.profile
    steps = [0.5 + rng.random() for _ in range(n)]
    if profile == "done":
        latest = min(last, month_index(task.due))
        earliest = min(latest, s + (latest - s) // 2)
        done = rng.randint(earliest, latest)
        task.done_index = done
        k = done - s + 1
        total = sum(steps[:k])
        acc = 0.0
        for i in range(n):
            if i < k - 1:
                acc += steps[i]
                task.path.append(acc / total)
            else:
                task.path.append(1.0)
        return
    if profile == "stalled" and n >= 5:
        flat = rng.randint(4, min(7, n - 1))
        task.stall_from = last - flat + 1
        grow = n - flat
        final = min(0.9, max(0.1, expected_at(task, last - flat) * rng.uniform(0.5, 0.9)))
    else:
        grow = n
        expected = expected_at(task, last)
        if profile == "on_track":
            final = expected * rng.uniform(0.97, 1.08)
            final = min(0.97, max(final, expected - 0.07, 0.03))
        elif profile == "behind":
            final = max(0.02, min(expected - 0.15, expected * rng.uniform(0.3, 0.7)))
        elif profile == "overdue":
            final = rng.uniform(0.4, 0.9)
        else:  # stalled, but too young to stall: behave as behind
            final = max(0.02, expected * 0.5)
    total = sum(steps[:grow])
    acc = 0.0
    for i in range(n):
        if i < grow:
            acc += steps[i]
        task.path.append(final * acc / total)


KINDS_BY_KEY = {kind.key: kind for kind in METRIC_KINDS}


def make_metrics(rng: random.Random, keys: list[str]) -> list[Metric]:
    count = rng.choices([1, 2, 3], weights=[60, 30, 10])[0]
    kinds = [KINDS_BY_KEY[key] for key in rng.sample(keys, min(count, len(keys)))]
    metrics = []
    for kind in kinds:
        if kind.rate:
            target = fmt_number(rng.uniform(kind.low, kind.high), kind.decimals)
            baseline = fmt_number(target - rng.uniform(8, 30), kind.decimals)
            increment = False
        else:
            target = fmt_number(rng.uniform(kind.low, kind.high), kind.decimals)
            if kind.decimals == 0 and target >= 100:
                target = int(round(target, -1))
            baseline = 0 if rng.random() < 0.8 else fmt_number(target * rng.uniform(0.1, 0.3), kind.decimals)
            increment = rng.random() < 0.3
        metrics.append(Metric(kind, kind.key, target, baseline, increment,
                              rng.uniform(0.9, 1.1), increment or rng.random() < 0.5))
    return metrics


def make_task(rng: random.Random, number: int, last: int) -> Task:
    unit = rng.choice(UNIT_NAMES)
    categories, keys = UNITS[unit]
    co_units = rng.sample([u for u in UNIT_NAMES if u != unit], rng.randint(1, 2)) if rng.random() < 0.3 else []
    category = rng.choice(categories) if rng.random() < 0.85 else None
    qualitative = rng.random() < 0.10
    metrics = [] if qualitative else make_metrics(rng, keys)
    latest_start = min(last, 9)
    start_index = 0
    if latest_start > 0 and rng.random() < 0.2:
        start_index = rng.randint(1, latest_start)
    profile = rng.choices(PROFILES, weights=PROFILE_WEIGHTS)[0]
    due = choose_due(rng, profile, start_index, last)
    if profile == "overdue" and due >= month_end(last):
        profile = "behind"  # too few months for this one to fall overdue
    if metrics:
        title = ",".join(
            f"{m.kind.name}达到{m.target}{m.kind.unit}" if m.kind.rate
            else f"{m.kind.verb}{m.kind.name}{m.target}{m.kind.unit}"
            for m in metrics) + "。"
    else:
        title = rng.choice(QUALITATIVE_TITLES) + "。"
    task = Task(
        id=str(number), title=title, unit=unit, co_units=co_units, category=category,
        start_index=start_index, start_written=start_index > 0 or rng.random() < 0.1,
        due=due, due_written=due != date(PLAN_YEAR, 12, 31) or rng.random() < 0.5,
        stall_months=3 if rng.random() < 0.05 else None,
        metrics=metrics, milestones=[], profile=profile,
        measured=bool(metrics) or rng.random() < 0.8,
        reporter=rng.choice(REPORTERS),
    )
    if metrics and rng.random() < 0.15:
        metric = rng.choice(metrics)
        start, span = month_start(start_index), month_index(due) - start_index
        if span >= 4:
            for q in sorted(rng.sample(range(1, span), min(2, span - 1))):
                if (q + start_index) % 3 != 2:
                    continue
                when = month_end(start_index + q)
                share = (when - start).days / (due - start).days
                value = metric.baseline + share * (metric.target - metric.baseline)
                key = None if len(metrics) == 1 and rng.random() < 0.5 else metric.key
                task.milestones.append(Milestone(when, key, fmt_number(value, metric.kind.decimals)))
    build_path(rng, task, last)
    return task


def task_toml(task: Task) -> str:
    lines = ["[[task]]", f'id = "{task.id}"', f"title = {toml_str(task.title)}",
             f"unit = {toml_str(task.unit)}"]
    if task.co_units:
        lines.append("co_units = [" + ", ".join(toml_str(u) for u in task.co_units) + "]")
    if task.category:
        lines.append(f"category = {toml_str(task.category)}")
    if task.start_written:
        lines.append(f"start = {month_start(task.start_index).isoformat()}")
    if task.due_written:
        lines.append(f"due = {task.due.isoformat()}")
    if task.stall_months:
        lines.append(f"stall_months = {task.stall_months}")
    for m in task.metrics:
        lines += ["", "[[task.metric]]", f'key = "{m.key}"', f"name = {toml_str(m.kind.name)}",
                  f"unit = {toml_str(m.kind.unit)}", f"target = {m.target}", f"baseline = {m.baseline}"]
        if m.explicit_mode:
            lines.append(f'mode = "{"increment" if m.increment else "cumulative"}"')
    for ms in task.milestones:
        lines += ["", "[[task.milestone]]", f"due = {ms.due.isoformat()}"]
        if ms.metric:
            lines.append(f'metric = "{ms.metric}"')
        lines.append(f"target = {ms.target}")
    return "\n".join(lines) + "\n"


def plan_toml(tasks: list[Task], months: int) -> str:
    head = (
        "# Generated by bench/generate.py: a benchmark plan, not real data.\n"
        "[plan]\n"
        f'title = "{PLAN_YEAR}年全市重点目标任务(基准测试,{len(tasks)}项,{months}个月)"\n'
        f"year = {PLAN_YEAR}\n"
        "stall_months = 2\n"
        "behind_tolerance = 0.10\n"
    )
    return head + "".join("\n" + task_toml(t) for t in tasks)


class EntryWriter:
    """Turns each task's path into monthly entries, month after month."""

    def __init__(self, rng: random.Random, tasks: list[Task], last: int):
        self.rng = rng
        self.tasks = tasks
        self.last = last
        # Per task: the last reported cumulative value of each increment metric,
        # the last note, and how many reports came in after it was done (-1
        # once the unit stopped reporting).
        self.reported = {t.id: {m.key: m.baseline for m in t.metrics if m.increment} for t in tasks}
        self.last_note: dict[str, str] = {}
        self.after_done = {t.id: 0 for t in tasks}
        self.stats = {"entries": 0, "corrections": 0, "missing": 0, "reports": 0}

    def uid(self) -> str:
        x = self.rng.getrandbits(128)
        x = (x & ~(0xF000 << 64) | (0x4000 << 64)) & ~(0xC000 << 48) | (0x8000 << 48)
        h = f"{x:032x}"
        return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"

    def note(self, task: Task, index: int, values: dict, completion: float) -> str:
        r = self.rng.random
        m = index % 12 + 1
        if task.done_index is not None and index >= task.done_index:
            return DONE_NOTES[int(r() * len(DONE_NOTES))] + "。"
        if task.stall_from is not None and index >= task.stall_from:
            previous = self.last_note.get(task.id)
            if previous and r() < 0.5:
                return previous  # copied forward: a repeated note
            return STALL_NOTES[int(r() * len(STALL_NOTES))] + "。"
        parts = [OPENINGS[int(r() * len(OPENINGS))].format(m=m)]
        for metric in task.metrics[:2]:
            if metric.key in values:
                word = "当月" if metric.increment else "累计"
                parts.append(f"{word}{metric.kind.verb}{metric.kind.name}{values[metric.key]}{metric.kind.unit}")
        if not task.metrics:
            parts.append(f"总体完成{int(completion * 100)}%")
        while sum(map(len, parts)) < 36:
            parts.append(FILLERS[int(r() * len(FILLERS))].format(p=int(completion * 100)))
        sep = ";\n" if r() < 0.02 else ","
        return parts[0] + "," + sep.join(parts[1:]) + "。"

    def stamp(self, index: int, day: int) -> str:
        r = self.rng.random
        year, month = divmod(index, 12)
        # Office hours in UTC+8, written in UTC the way tracker writes them.
        return (f"{PLAN_YEAR + year:04d}-{month + 1:02d}-{day:02d}T{int(r() * 10):02d}:"
                f"{int(r() * 60):02d}:{int(r() * 60):02d}.{int(r() * 1e6):06d}Z")

    def month(self, index: int) -> list[tuple[str, str]]:
        """The month's entries as (recorded_at, JSON line)."""
        r = self.rng.random
        rows = []
        month = month_str(index)
        dumps = json.dumps
        for task in self.tasks:
            if index < task.start_index:
                continue
            done = task.done_index is not None and index > task.done_index
            if done:
                # Most units keep reporting "done" for a while, some stop at once.
                if self.after_done[task.id] < 0 or r() < 0.1:
                    self.after_done[task.id] = -1
                    continue
                self.after_done[task.id] += 1
            elif r() < 0.05:
                self.stats["missing"] += 1
                continue
            completion = task.path[index - task.start_index]
            values: dict = {}
            for metric in task.metrics:
                ratio = 1.0 if completion >= 1.0 else min(0.995, completion * metric.spread)
                span = metric.target - metric.baseline
                total = fmt_number(metric.baseline + ratio * span, metric.kind.decimals)
                if metric.increment:
                    if r() < 0.05 and completion < 1.0:
                        continue  # left out: its amount comes with the next report
                    amount = fmt_number(total - self.reported[task.id][metric.key], metric.kind.decimals)
                    self.reported[task.id][metric.key] = total
                    values[metric.key] = amount
                else:
                    values[metric.key] = total
            percent = status = None
            if not task.metrics and task.measured:
                percent = int(completion * 100)
                if completion >= 1.0:
                    status = "done"
                elif task.stall_from is not None and index >= task.stall_from and r() < 0.3:
                    status = "blocked"
                elif r() < 0.5:
                    status = "ongoing"
            elif task.done_index == index and r() < 0.5:
                status = "done"
            note = self.note(task, index, values, completion)
            self.last_note[task.id] = note
            day = 18 + int(r() * 8)
            stamp = self.stamp(index, day)
            entry = {"id": self.uid(), "task": task.id, "month": month, "recorded_at": stamp,
                     "by": task.reporter, "values": values, "percent": percent,
                     "status": status, "note": note}
            if r() < 0.03:
                # A correction: the first report was wrong, a second one a day
                # or three later puts it right.
                self.stats["corrections"] += 1
                wrong = dict(entry)
                if values:
                    key = next(iter(values))
                    wrong["values"] = dict(values, **{key: round(values[key] * 10, 2)})
                    fixed = {"values": {key: values[key]}, "percent": None, "status": None,
                             "note": None} if r() < 0.5 else {}
                else:
                    wrong["percent"] = None if percent is None else min(100, percent + 20)
                    fixed = {}
                rows.append((stamp, dumps(wrong, ensure_ascii=False)))
                entry.update(fixed)
                entry["id"] = self.uid()
                entry["recorded_at"] = stamp = self.stamp(index, day + 1 + int(r() * 3))
                if entry["note"] is not None:
                    entry["note"] = CORRECTION_NOTES[int(r() * len(CORRECTION_NOTES))] + ":" + note
            rows.append((stamp, dumps(entry, ensure_ascii=False)))
            self.stats["reports"] += 1
        rows.sort(key=lambda row: row[0])
        self.stats["entries"] += len(rows)
        return rows


def generate(tasks_count: int, months: int, out: Path, seed: int = 2024) -> dict:
    """Write the plan, the log, the truth and the manifest into `out`."""
    began = time.perf_counter()
    rng = random.Random(seed)
    last = months - 1
    tasks = [make_task(rng, n, last) for n in range(1, tasks_count + 1)]
    out.mkdir(parents=True, exist_ok=True)
    (out / "tasks.toml").write_text(plan_toml(tasks, months), encoding="utf-8")
    writer = EntryWriter(rng, tasks, last)
    with open(out / "entries.jsonl", "w", encoding="utf-8") as f:
        for index in range(months):
            f.writelines(line + "\n" for _, line in writer.month(index))
    with open(out / "truth.jsonl", "w", encoding="utf-8") as f:
        for t in tasks:
            f.write(json.dumps({
                "id": t.id, "title": t.title, "unit": t.unit, "category": t.category, "profile": t.profile,
                "start": month_start(t.start_index).isoformat(), "due": t.due.isoformat(),
                "done_month": None if t.done_index is None else month_str(t.done_index),
                "completion": round(t.path[-1], 4) if t.path else 0.0,
                "qualitative": not t.metrics, "measured": t.measured,
            }, ensure_ascii=False) + "\n")
    profiles = {p: sum(t.profile == p for t in tasks) for p in PROFILES}
    last_day = month_end(last)
    manifest = {
        "generator_version": GENERATOR_VERSION,
        "source_sha1": hashlib.sha1(Path(__file__).read_bytes()).hexdigest(),
        "seed": seed,
        "tasks": tasks_count,
        "months": months,
        "first_month": month_str(0),
        "last_month": month_str(last),
        "today": last_day.replace(day=28).isoformat(),
        "entries": writer.stats["entries"],
        "reports": writer.stats["reports"],
        "corrections": writer.stats["corrections"],
        "missing_reports": writer.stats["missing"],
        "metrics": sum(len(t.metrics) for t in tasks),
        "qualitative": sum(not t.metrics for t in tasks),
        "milestones": sum(len(t.milestones) for t in tasks),
        "late_starts": sum(t.start_index > 0 for t in tasks),
        "profiles": profiles,
        "bytes": {name: (out / name).stat().st_size for name in ("tasks.toml", "entries.jsonl")},
        "seconds": round(time.perf_counter() - began, 2),
    }
    (out / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=2) + "\n",
                                       encoding="utf-8")
    return manifest


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--tasks", type=int, default=300, help="number of tasks (ids 1..N)")
    parser.add_argument("--months", type=int, default=24, help="months of reports from 2024-01")
    parser.add_argument("--out", type=Path, required=True, help="directory to write into")
    parser.add_argument("--seed", type=int, default=2024)
    args = parser.parse_args(argv)
    if args.tasks < 1 or args.months < 1:
        parser.error("--tasks and --months must be at least 1")
    manifest = generate(args.tasks, args.months, args.out, args.seed)
    print(f"{args.out}: {manifest['tasks']} tasks, {manifest['entries']} entries "
          f"({manifest['first_month']}..{manifest['last_month']}, TRACKER_TODAY={manifest['today']}), "
          f"{manifest['seconds']} s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
