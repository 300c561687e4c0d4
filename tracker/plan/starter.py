"""The starter tasks.toml that `tracker init` writes, and how its two sample tasks are known again later."""

import re

STARTER = """\
# {plan}
# {reference}

[plan]
title = "{{year}}年重点目标任务"
year = {{year}}                 # {year}
stall_months = 2            # {stall}
behind_tolerance = 0.10     # {behind}

[[task]]
id = "1"
title = "新建区域性居家养老服务中心100个,改造社区养老服务站300个。"
unit = "市民政局"           # {unit}
category = "养老服务"

[[task.metric]]
key = "centres"
name = "区域性居家养老服务中心"
unit = "个"
target = 100

[[task.metric]]
key = "stations"
name = "社区养老服务站"
unit = "个"
target = 300

[[task]]
id = "2"
title = "提高城乡低保、特困人员等困难群体救助标准。"
unit = "市民政局"
# {qualitative}
"""

# The starter's comments, in English; their Chinese is in labels.py, as every word tracker shows (a Chinese office
# reads its plan's notes in Chinese).
COMMENTS = {
    "plan": "The plan: the target tasks this office follows, one [[task]] each.",
    "reference": "Reference: the README's \"tasks.toml\" section.",
    "year": "default start (1 January) and due (31 December) year",
    "stall": "a task is stalled when its completion has not grown for this many months",
    "behind": "behind: completion more than this below the time elapsed (序时进度)",
    "unit": "the lead department (牵头单位)",
    "qualitative": "no metric: a qualitative task, measured by --percent or --status in its reports",
}


def starter(year: int, lang: str = "en") -> str:
    """The starter tasks.toml for `year`, its comments in `lang`."""
    from tracker.labels import label

    return STARTER.format(**{key: label(lang, text) for key, text in COMMENTS.items()}).format(year=year)


# (id, title) of the starter's sample tasks: an import that meets them says to delete them
SAMPLES = frozenset(re.findall(r'^id = "(\d+)"\ntitle = "([^"]+)"', STARTER, re.M))


def is_sample(task) -> bool:
    """The task is one of init's samples, as init wrote it (same id, same title)."""
    return (task.id, task.title) in SAMPLES
