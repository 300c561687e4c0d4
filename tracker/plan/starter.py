"""The starter tasks.toml that `tracker init` writes, and how its two sample tasks are known again later."""

import re

STARTER = """\
# The plan: the target tasks this office follows, one [[task]] each.
# Reference: the README's "tasks.toml" section.

[plan]
title = "{year}年重点目标任务"
year = {year}                 # default start (1 January) and due (31 December) year
stall_months = 2            # a task is stalled when its completion has not grown for this many months
behind_tolerance = 0.10     # behind: completion more than this below the time elapsed (序时进度)

[[task]]
id = "1"
title = "新建区域性居家养老服务中心100个,改造社区养老服务站300个。"
unit = "市民政局"           # the lead department (牵头单位)
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
# no metric: a qualitative task, measured by --percent or --status in its reports
"""

# (id, title) of the starter's sample tasks: an import that meets them says to delete them
SAMPLES = frozenset(re.findall(r'^id = "(\d+)"\ntitle = "([^"]+)"', STARTER, re.M))


def is_sample(task) -> bool:
    """The task is one of init's samples, as init wrote it (same id, same title)."""
    return (task.id, task.title) in SAMPLES
