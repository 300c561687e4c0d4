"""A task title's wording recast before its clauses are read (tracker/core/titles.py), where a list or a change
would cut a figure from its noun: kinds listed with 、 that qualify one noun, a level raised from one figure to
another, examples before 等, and nouns listed with 、 before one figure; and where words around a figure say it
is no target or another one: a slogan's figures in quotation marks, the money a work is done with (投资…元修建),
the places a thing is done for (为352个自然村安装路灯3630盏), one figure given to each of the things (各) or the work
each of things listed gets (为一中、二中各购置1台…), work sped up (加快…) whose things the title gives by stage
elsewhere, and a second work joined by 并 after a figure's things; a magnitude alone before a measure word (百所, 万场)
is written as the numeral it is.
"""

from __future__ import annotations

import re

from tracker.core import phrases
from tracker.core.figure_words import _CONDITION, _LEAD, _NARRATIVE_VERB
from tracker.core.phrases import NUM as _NUM
from tracker.core.phrases import normalise as _normalise
from tracker.core.title_names import without_examples

# 1万名中度、重度失能老年人: words of one kind listed with 、 after a figure, before the noun they qualify and with
# no figure of their own after them, are one qualifier (中度和重度); the 、 would cut the figure from its noun.
# (失能、半失能: the second may add a character before the one they end alike in)
_QUALIFIERS = re.compile(r"(\d[^\d,，、;；。]*?[\u4e00-\u9fff])([\u4e00-\u9fff])、(?=[\u4e00-\u9fff]{1,2}\2[^\d,，、;；。]*(?:$|[,，;；。]))")


# 为2000户高龄、失能等困难老人家庭…: kinds listed with 、 and closed by 等 after a figure, with no figure of their
# own after them, are one qualifier of the noun after 等 (高龄和失能等困难老人家庭), as above.
_KINDS_ETC = re.compile(r"(\d[^\d,，、;；。]*?[\u4e00-\u9fff])、(?=[\u4e00-\u9fff、]{1,16}?等[\u4e00-\u9fff][^\d,，、;；。]*(?:$|[,，;；。]))")


# 将补贴标准从每月95元提高至115元: a level raised from one figure to another; the level to reach is the target, as
# 提高到115元 says alone (the figure it is raised from is none).  A per-head figure (由每人每年670元…) stays none.
_FROM_TO = re.compile(r"(?:^|(?<=[,，;；:：]))将?([^,，;；。\d将从由]{2,}?)(?:从|由)(?:每[月年])?\d+(?:\.\d+)?[^\d,，;；。、]{1,3}?"
                      r"(?:提高|提升|上调|增加)(?:至|到)(?=\d)")


# 覆盖农村人口的比例达到54%: a share of the things before 的 is their share (覆盖农村人口比例).
_OF_SHARE = re.compile(r"(?<=[\u4e00-\u9fff])的(?=比例|比重|占比)")


# 完成20所学校的改扩建: the work done to the things counted, joined to them by 的 at the end of its clause, names
# them as 学校改扩建 does.
_OF_WORK = re.compile(r"(?<=[\u4e00-\u9fff])的([\u4e00-\u9fff]{2,6})(?=$|[,，;；。])")


def _work_of(m: re.Match) -> str:
    ws = phrases.words(m[1])
    return m[1] if (re.search(r"\d", m.string[: m.start()].rsplit(",", 1)[-1])
                    and all(w in phrases.VERBS for w in ws)) else m.group()


# A figure inside quotation marks is a slogan's or a name's word (实现“300米见绿”, 打造“15分钟生活圈”), never a
# target: its digits are held apart from the reader (private characters) until the names are given back.
_QUOTED = re.compile(r"“[^“”]*”")
_HIDE = str.maketrans("0123456789", "".join(chr(0xE000 + d) for d in range(10)))
_SHOW = str.maketrans("".join(chr(0xE000 + d) for d in range(10)), "0123456789")


def shown(name: str) -> str:
    """A name read from a recast title with the digits of its quoted words given back."""
    return name.translate(_SHOW)


# 投资1000万元修建…, 计划投资801万元,为…: the money a work is done with, before the verb of the work or a clause of its
# own, is its means, no target (完成投资4.5亿元 is one: money spent is the work).
_MEANS_MONEY = re.compile(r"(?:^|(?<=[,，;；:：]))(?:计划|拟|共|总)?投资\d[\d,.]*(?:万|亿)?元(?:,|，)?(?=[\u4e00-\u9fff])")

# 为352个自然村安装路灯3630盏: a count of places a thing is done for, before a verb whose thing has a figure of its own
# in the clause, is where the work is done (为自然村), not what is done; a count of people or households stays whom.
# Right before a count of people (为42所学校4.7万名学生开展…), the places and their count are where those people are.
_FOR_PLACES = re.compile(r"(?<=[为给在])\d+(?:个|所|座|处|条|家)(?:[\u4e00-\u9fff]{2,8}?(?=\d[\d.]*万?(?:名|人|户))"
                         r"|(?=[\u4e00-\u9fff]{2,}[^\d,，;；。]*\d))")

# 安居富民工程建设任务为52670户: the task set for a work, as a figure (任务为, 任务是), is its target.
_TASK_IS = re.compile(r"(?:^|(?<=[,，;；:：]))(?P<thing>[\u4e00-\u9fff]{2,}?)(?P<verb>建设|改造|新建)?任务(?:为|是)(?=\d)")

# 天然气主管道和污水主管网各40公里: one figure given to each of two things listed (和, 及, 与, 、) is a figure of each.
_EACH = re.compile(r"(?P<a>[^\d,，;；。和及与、各]{2,})(?P<j>和|及|与|、)(?P<b>[^\d,，;；。和及与、各]{2,})各(?P<n>\d+(?:\.\d+)?[^\d,，;；。、和及与]{1,4}?)(?=$|[,，;；。])")

# 5个街道各新建1个社区公园: a count of places, each doing the work, multiplies the counts the work gives (5个社区公园).
_EACH_PLACE = re.compile(r"(?:^|(?<=[,，;；:：]))(?P<n>\d+)(?:个|所|家)(?P<place>[\u4e00-\u9fff]{1,6}?)各(?P<rest>[^,，;；。]*)")


def _each_place(m: re.Match) -> str:
    n = int(m["n"])
    rest = m["rest"]
    counts = [c for c in _NUM.finditer(rest) if phrases.unit_at(rest, c.end()) and "." not in c.group()]
    if not counts:
        return m.group()
    out, last = [], 0
    for c in counts:
        out += [rest[last:c.start()], str(n * int(c.group().replace(",", "")))]
        last = c.end()
    return "".join(out) + rest[last:]


# 为一中、二中各购置安装1台变压器: things listed (、, 和, 及, 与), each doing or given the work, multiply the counts the
# work gives by how many they are (2台); listed with 等, their number is not said: the work gives no count.
_EACH_LISTED = re.compile(r"(?:^|(?<=[,，;；:：]))(?:为|给|对|在)?(?P<things>[\u4e00-\u9fff]{2,}(?:[、和及与][\u4e00-\u9fff]{2,})+)"
                          r"(?P<etc>等)?各(?=[\u4e00-\u9fff])(?P<rest>[^,，;；。]*)")


def _each_listed(m: re.Match) -> str:
    rest = m["rest"]
    if m["etc"] or m["things"].endswith("等"):
        return _NUM.sub(lambda c: c.group().translate(_HIDE), rest)
    n = len(re.split(r"[、和及与]", m["things"]))
    return _each_place(re.match(r"(?P<n>\d+)(?P<place>)(?P<rest>.*)", f"{n}{rest}", re.S))


# 年内计划实施…, 全年计划服务…: a title is a plan already, so 计划 (拟) before its verb adds nothing to what it names.
# (春泥计划实施点: a programme's name, 计划 after its own words, stays)
_PLANNED = re.compile(r"(?:^|(?<=[,，;；:：])|(?<=年内|全年|今年|年度|全市|全区|全县))(?:计划|拟)(?=[\u4e00-\u9fff]{2}[^\d,，;；。]*\d)")


# 加快实施…40公里干线公路建设, beside …干线公路全面建成通车 and 新开工…干线公路: work a title says it speeds up, on
# things whose stages (建成, 开工) it sets apart elsewhere, is under way: its figure is the work's scope, no target.
_SPED_UP = re.compile(r"(?:^|(?<=[,，;；:：]))加快[^,，;；。]*?\d[^,，;；。]*")
_STAGE_WORD = re.compile(r"建成|竣工|完工|通车|开工")


def _sped_up(m: re.Match) -> str:
    clause = m.group()
    figure = _NUM.search(clause)
    unit = phrases.unit_at(clause, figure.end())
    things = re.match(r"[\u4e00-\u9fff]{2,8}?(?=建设|工程|$)", clause[figure.end() + len(unit):]) if unit else None
    others = re.split(r"[,，;；。]", m.string[: m.start()] + m.string[m.end():])
    return "" if things and any(things.group() in part and _STAGE_WORD.search(part) for part in others) else clause


# 5000套(间), 420台(套): a measure word with another in parentheses after it counts either (a flat or a room), one
# measure word, read whole as written, though the parentheses are dropped as an aside where the title is read.
_EITHER = re.compile(r"(?P<num>\d+(?:\.\d+)?)(?P<unit>[\u4e00-\u9fff]{1,3}?)[(（](?P<alt>[\u4e00-\u9fff])[)）]")


def measure_as_written(title: str, target: float, unit: str) -> str:
    """The measure word of a target read from `title` as the title writes it: with the other it may count in
    parentheses (套(间)), where it gives one."""
    for m in _EITHER.finditer(title.translate(phrases._FULLWIDTH)):
        if (float(m["num"]) == target and m["unit"] == unit and phrases.unit_at(m["unit"], 0) == m["unit"]
                and phrases.unit_at(m["alt"], 0) == m["alt"]):
            return f"{unit}({m['alt']})"
    return unit


# 完工2024年9个续建项目: a year right before a count says which year's things it counts, no figure of its own.
_YEAR_OF_THINGS = re.compile(r"(?<![\d.])20\d\d年(?:度)?(?=\d+(?:个|所|座|处|条|家|项|户|套|栋|部|台))")


# The size of a vehicle or machine written before it (70米登高平台消防车, 5吨洒水车, 500千瓦机组, 630千伏安变压器): what it
# is, no count of it nor target; the vehicles are counted in their own measure word.
_SIZE_OF = re.compile(r"(?<![\d.])\d+(?:\.\d+)?(?=(?:米|吨|千瓦|千伏安|千伏|立方米)[\u4e00-\u9fff]{0,8}?(?:车|船|艇|机|机组|器)(?:$|[,，;；。、并和及]))")


# The things a work is done to or for, counted (对20所学校的…进行改造, 为20所学校…).
_DONE_TO = re.compile(r"(?<=[对为在])(?P<n>\d+(?:\.\d+)?)(?P<m>个|所|座|处|条|家|户|栋|幢|村)(?=[\u4e00-\u9fff])")


def _said_again(title: str) -> str:
    """The title with the figure of things a later clause does work to or for hidden where an earlier clause gave the
    same figure in the same measure word (实施20所…清凉工程,对20所学校的配电房…进行改造): the same things again, what
    the work on them is, no second target."""
    def again(m: re.Match) -> str:
        before = title[: m.start()]
        earlier = re.search(rf"(?<![\d.]){re.escape(m['n'])}{m['m']}", before)
        return m.group() if not earlier or not re.search(r"[,，;；]", before[earlier.end():]) else m["n"].translate(_HIDE) + m["m"]
    return _DONE_TO.sub(again, title)


# A rule or a creed named by its count in Chinese numerals (八项规定, 三项制度): a name, held apart as quoted words are.
_RULE_NAMED = re.compile(r"[一二三四五六七八九十两](?=[项条个](?:规定|精神|要求|原则|禁令|制度|纪律|作风|坚持|必须))")
_CN_DIGITS = str.maketrans("一二三四五六七八九十两", "12345678902")
# One of a list the title belongs to, named by its count (十件实事之一, 五大工程之一): the count names the list, no target.
_ONE_OF = re.compile(r"[\d一二三四五六七八九十两]+(?=[件项个大类条][\u4e00-\u9fff]{1,10}?之一)")


def _second_work(title: str) -> str:
    """The title with 并 before a verb made a clause break where a figure stands before it in its clause (购置2台变压器并
    更新部分老旧电缆): 并 joins a second work, and the things the figure counts end before it (建成并投用 joins two
    verbs of one work, before any figure)."""
    out = ""
    for w in phrases.words(title):
        clause = re.split(r"[,，;；。:：、]", out)[-1]
        out += "，" if w == "并" and _NUM.search(clause) and phrases.leading_verbs(title[len(out) + 1:]) else w
    return out


# 建设百所…学校, 开展万场…活动, 突破百亿元: a magnitude alone as a numeral (one hundred, ten thousand) before a measure
# word, each a word of its own (千家万户 is a word, 千米 a measure word, 百姓 has no measure word; 每万人 and 第 are no count); money
# so counted only ends its clause or sets a floor (万元生产总值 is a ratio's base), and a project's size is none
# (4批次/千人 is a ratio).
_BARE_MAGNITUDE = re.compile(r"(?<![\d零一二两三四五六七八九十百千万亿每第数几近上成/])[百千万](?![百千万])")
_MAGNITUDE_DIGITS = {"百": "100", "千": "1000", "万": "1万"}


def _bare_magnitudes(title: str) -> str:
    out, last, starts = [], 0, None
    for m in _BARE_MAGNITUDE.finditer(title):
        unit = phrases.unit_at(title, m.end())
        if not unit:
            continue
        starts = starts or phrases.starts(title)
        end = m.end() + len(unit)
        if m.start() not in starts or end not in starts or (m.group() == "千" and unit[0] in "米克瓦伏"):
            continue
        if unit.endswith("元") and not re.match(r"(?:以上|$|[,，;；。])", title[end:]):
            continue
        if re.search(r"(?:项目|工程)$", re.split(r"[,，;；。]", title[end:])[0]):
            continue  # 万头种猪养殖项目: the size of what a project builds, no count of it
        out += [title[last:m.start()], _MAGNITUDE_DIGITS[m.group()]]
        last = m.end()
    return "".join(out) + title[last:] if out else title


def recast(title: str) -> str:
    """The title normalised, with conditions dropped and its lists of kinds, changes and examples recast."""
    for named in (_RULE_NAMED, _ONE_OF, _SIZE_OF):
        title = named.sub(lambda m: m.group().translate(_CN_DIGITS).translate(_HIDE), title)
    title = _QUOTED.sub(lambda q: q.group().translate(_HIDE), title)
    title = _bare_magnitudes(_normalise(title))
    title = _MEANS_MONEY.sub("", _PLANNED.sub("", _SPED_UP.sub(_sped_up, title)))
    title = _YEAR_OF_THINGS.sub("", _FOR_PLACES.sub("", _said_again(title)))
    title = _TASK_IS.sub(lambda m: (m["verb"] or "完成") + m["thing"], title)
    title = _EACH_LISTED.sub(_each_listed, _EACH_PLACE.sub(_each_place, title))
    title = _EACH.sub(r"\g<a>\g<n>\g<j>\g<b>\g<n>", title)
    title = _QUALIFIERS.sub(r"\1\2和", _CONDITION.sub("", title))
    title = _OF_WORK.sub(_work_of, _OF_SHARE.sub("", title))
    title = without_examples(_FROM_TO.sub(r"\1提高到", title))
    while (etc := _KINDS_ETC.sub(r"\1和", title)) != title:
        title = etc
    return _second_work(title)


def noun_lists(parts: list[str]) -> list[str]:
    """The clauses of a title, nouns listed with 、 before one figure kept as one (新建成中小学、幼儿园90所,
    改造城市燃气、供水、排水管网合计420公里): a part with no figure joins the next when that one begins with a
    noun (no verb, scope or list word) and holds a figure; short parts before it with no figure (供水, a noun
    here though jieba holds it a verb) are items of the same list, up to the part that carries the verb."""
    out: list[str] = []
    joined: list[bool] = []  # whether 、 stands before out[j]
    clauses, seps = parts[::2], [*parts[1::2], ""]
    for k, clause in enumerate(clauses):
        if (out and seps[k - 1] == "、" and _NUM.search(clause)
                and not re.search(r"\d", out[-1]) and not _LEAD.match(clause) and not phrases.leading_verbs(clause)
                and not _NARRATIVE_VERB.match(clause)):
            merged = out.pop() + "、" + clause
            before = joined.pop()
            while (out and before and not re.search(r"\d", out[-1]) and len(item := merged.split("、")[0]) <= 4
                   and not phrases.leading_verbs(item, listed_only=True)):
                merged = out.pop() + "、" + merged
                before = joined.pop()
            out.append(merged)
            joined.append(before)
        else:
            out.append(clause)
            joined.append(k > 0 and seps[k - 1] == "、")
    return out
