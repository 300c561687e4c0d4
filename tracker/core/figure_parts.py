"""Parts of a metric's whole by place, and the sum a narrative gives of them.

A department reporting for a city often counts its work district by district (兰山区新建成口袋公园9个;罗庄区新建成6个;
…), then sums it (三区合计建成20个, 全市共计20个).  A figure that a place smaller than the metric's scope qualifies
(a district or county named before it: tracker/core/figure_words.py `_is_place`) is a part, never the whole: the
clause reader refuses it (tracker/core/figure_clauses.py).  Where the parts are followed by a clause that sums
them with no noun of its own, that sum is the metric's: the words 合计, 共计, 总计 or 共 say the figure adds up what
was listed, and the places summed (三区, 以上各区) or the whole scope (全市) may lead it.  Where only the parts are
given, the metric has no figure: the reader does not add them up itself (a place left out, or counted twice,
would make a wrong official figure).

The other way round, a metric named for a part (郴州市老旧小区开工, 长乐市新增公交线路, in a province's or a city's report)
takes only a figure the text says is that part's: one whose clause names the place, or that follows the place as its
subject with no other place or the whole's scope named between (郴州市计划完成数34个,累计开工34个); never the whole's
(全省已开工小区1110个, 现已新增20条 after 福州市).

Things of one level (省级, 州级, 国家级), or done for some (208万户特殊困难老年人…改造), are a part of the things of every
level, or done for all: a figure of one part (创建省级乡村振兴先进单位34个) beside one of another part of the same things
(命名州级先进单位74个; 84万户社会老年人…改造) gives no figure of a metric that names neither, for the text does not say
which it counts.

Work done in batches is a whole in parts too: a sentence that opens on 又 and does again the work of the sentence
with the figure (…进行移位改造,保障了2500户居民用水。又对28栋楼房…进行移位改造) adds a batch the figure does not count,
and gives no figure of the whole.  A whole whose parts under 其中 include one the metric's name names (居家养老人数
20553人(其中政府补助10236人…) for 政府补助居家养老) is no figure of that part.
"""

from __future__ import annotations

import re

from tracker.core import figure_roles, phrases
from tracker.core.figure_stage import _COMPLETES, _STARTS
from tracker.core.figure_words import _JOINERS, _SCOPE, _SUM, _TIME, _alt, _is_city, _is_place
from tracker.core.phrases import NUM as _NUM
from tracker.core.phrases import unit_is as _unit_is

# The places summed, before the word of the sum: 三区, 5个县(市、区), 以上各区, 上述街道, 各县区.
_PLACES_SUMMED = re.compile(
    r"^(?:以上|上述|这|此)?(?:[一二两三四五六七八九十\d]+个?|各)?(?:区|县|市|区县|县区|县市区|县(?:市)?区|乡镇|镇|街道)")


def by_place(clause: str, names: list[str], unit: str) -> bool:
    """Whether a clause gives the metric's noun a figure in its unit that a place qualifies (兰山区新建成口袋公园9个):
    a part of the metric's whole."""
    for name in names:
        at = clause.find(name)
        if at >= 0 and _is_place(clause[:at]) and any(_unit_is(clause, m.end(), unit) for m in _NUM.finditer(clause, at)):
            return True
    return False


def sum_of_parts(clause: str, unit: str, verbs: frozenset) -> re.Match | None:
    """The figure of a clause that sums the parts just given, with no noun of its own (三区合计建成20个, 全市共计
    20个, 合计20个): the places summed or the scope, then a word of the sum, then joining words, time words or
    the verbs of the parts' clauses (`verbs`), then the figure in the unit and nothing after it."""
    m = next(iter(_NUM.finditer(clause)), None)
    if not m or not _unit_is(clause, m.end(), unit) or clause[m.end() + len(unit):].strip():
        return None
    join = re.sub(_TIME, "", clause[: m.start()])
    join = _PLACES_SUMMED.sub("", re.sub(rf"^(?:{_alt(_SCOPE)})+", "", join))
    if not _SUM.match(join) and not join.startswith("共"):
        return None
    ws = phrases.words(join)
    if not all(w in _JOINERS or w in verbs or w == "新" or (phrases.is_verb(w) and w in verbs) for w in ws):
        return None
    return m


# The scope of a whole (全省, 全市, 我市) or a level of one (市本级): no part's.
_WHOLE = re.compile(rf"{_alt([w for w in _SCOPE if w[0] in '全我本'])}|[省市县区]本级")


def _places(text: str, subjects: bool = False) -> list[str]:
    """The places a text names, in order: cities, districts and counties by name, and the whole's scope words; with
    `subjects`, not those of a list's items, right before their figures (其中岳阳市41座、衡阳市38座)."""
    out, at = [], 0
    for w in phrases.words(text):
        at += len(w)
        if subjects and text[at : at + 1].isdigit():
            continue
        if _WHOLE.fullmatch(w) or _is_city(w) or _is_place(w) or (len(w) >= 2 and phrases._tags().get(w) == "ns"):
            out.append(w)
    return out


def of_place(text: str, words: str, place: str) -> bool:
    """Whether the clause `words` of a narrative gives a figure of the place that leads the metric's name: it names the
    place and no other, or the last place the text named before it as a subject (no list's item) is that place."""
    at = text.find(words)
    if at < 0:
        return False
    own = _places(words) + ["本级"] * bool(_WHOLE.search(words))
    if own:
        # 张家界市、怀化市、郴州市开工率均达100%: places listed before 均 (all) each have the figure
        return all(p == place for p in own) or (place in own and "均" in words[words.rfind(own[-1]):])
    before = _places(text[:at], subjects=True)
    return bool(before) and before[-1] == place


# A sentence that opens on 又 (同时又, 此外又): more of what the sentence before said was done.
_AGAIN = re.compile(r"^(?:同时|此外|另外)?[,，]?又(?!是)")
_SENTENCE_END = re.compile(r"[。!！?？\n]")


def some_or_more(text: str, said: str, reading, name: str, unit: str) -> bool:
    """Whether the figure read (`reading`, in its clause as written `said`) counts a part of the metric's things or
    more than them, the rest not given: one batch, one level's or some people's part, the name said of all kinds, the
    things named with others or given other works too, a whole whose parts the name names, or things with no word of
    the qualifier the name gives them."""
    return (batch_after(text, said, unit) or rival_part(text, reading.words, name, unit)
            or rival_form(text, reading.value, name, unit) or with_others(said, reading.value, name, unit)
            or whole_of_part(text, said, reading.value, name, unit) or with_other_works(said, name)
            or unqualified(said, name) or stage_of_some(said, name, unit) or held_by_some(said, name, unit)
            or stock_for_new(text, said, name, unit) or of_other_place(text, said, name))


# A metric named for the whole (全国技术合同成交额, 全市…): its scope word.
_WHOLE_NAMED = re.compile(r"^(?:全国|我国|[全我本][省市县区州旗])")


def of_other_place(text: str, words: str, name: str) -> bool:
    """Whether a metric named for the whole (全国…) is read a figure whose clause names no place while its sentence named
    another as its subject before it (长三角地区四省市表现出强劲的上升势头,技术合同成交额为4624.9亿元): that place's part."""
    at = text.find(words)
    if at < 0 or not _WHOLE_NAMED.match(name) or [p for p in _places(words) if p != "全年"]:
        return False
    sentence = _SENTENCE_END.split(text[:at])[-1]
    before = [p for p in _places(sentence, subjects=True) if p != "全年"]
    return bool(before) and not _WHOLE_NAMED.match(before[-1])


def stock_for_new(text: str, words: str, name: str, unit: str) -> bool:
    """Whether a metric of new things (新集聚私募机构) is read a figure said without 新 (集聚私募机构632家) where the text
    says 新 with the same verb of other things (新集聚…金融机构12家): the stock, not what is new."""
    m = re.match(r"新([\u4e00-\u9fff]{2})", name)
    said_new = re.search(rf"{m[0]}[^\d,，;；。]{{0,16}}\d[\d,.]*{re.escape(unit)}", text) if m else None
    return bool(said_new) and m[0] not in words and m[1] in words


def held_by_some(words: str, name: str, unit: str) -> bool:
    """Whether the figure is what a number of holders have (26.5万家企业拥有高价值发明专利165.1万件, for 高价值发明
    专利): those holders' part of the things, not all of them, unless the name names the holders."""
    m = re.search(r"\d[\d,.]*(?P<unit>万?(?:家|个|所|户|名|人))(?P<who>[\u4e00-\u9fff]{1,6}?)(?:拥有|持有)", words)
    return bool(m) and m["unit"] != unit and m["who"] not in name


def stage_of_some(words: str, name: str, unit: str) -> bool:
    """Whether the clause counts the metric's things first, then those of them at a stage the name does not give
    (68个重大项目竣工35个, for 重大项目): which figure the metric counts, the text does not say."""
    u = re.escape(unit)
    m = re.search(rf"\d[\d,.]*{u}(?P<things>[^\d,，;；。]{{2,}}?)(?P<stage>[\u4e00-\u9fff]{{2}})\d[\d,.]*{u}", words)
    return bool(m) and m["things"] in name and m["stage"] not in name and bool(_STAGES.fullmatch(m["stage"]))


# The stages things reach (竣工35个, 开工12个), as figure_stage names them: a count at one of them is some of the things
# counted before it.
_STAGES = re.compile(rf"{_COMPLETES.pattern}|{_STARTS.pattern}|交付|签约")


def unqualified(words: str, name: str) -> bool:
    """Whether the figure's clause holds no word of the qualifier a name gives its things with 的 (131项民生实事 for
    提前完成全年任务的民生实事, where 其中3项已提前完成…): it counts all the things, not those."""
    if "的" not in name:
        return False
    content = [w for w in phrases.words(name[: name.rindex("的")]) if len(w) >= 2]
    return bool(content) and not any(w in words for w in content)


def batch_after(text: str, words: str, unit: str) -> bool:
    """Whether the sentence after the one that holds `words` opens on 又 and does again a work of that sentence with
    no figure in the unit: the figure is one batch's, a part of the whole done."""
    plain, words = phrases.normalise(text), phrases.normalise(words)
    at = plain.find(words)
    if at < 0:
        return False
    start = max((m.end() for m in _SENTENCE_END.finditer(plain, 0, at)), default=0)
    end = m.start() if (m := _SENTENCE_END.search(plain, at + len(words))) else len(plain)
    after = _SENTENCE_END.split(plain[end + 1:], 1)[0].strip()
    if not _AGAIN.match(after) or any(_unit_is(after, n.end(), unit) for n in _NUM.finditer(after)):
        return False
    return bool(figure_roles.work_verbs(plain[start:end]) & figure_roles.work_verbs(after))


# A level (国家级, 省级, 州级, 市县级): of what level the things after it are.
_LEVEL = re.compile(r"(?:国家|自治区|[省市州盟区县乡镇村]{1,2})级")


def rival_part(text: str, words: str, name: str, unit: str) -> bool:
    """Whether the figure read (in its clause `words`) counts one part's things and the text gives another part's of
    the same things: of another level, with a last part of the metric's name (州级先进单位74个 beside 省级乡村振兴先进单位
    34个), when the name gives no level of its own; or for others, FIGURE UNIT WHOM NAME (208万户特殊困难老年人居家适老化
    改造 beside 84万户社会老年人居家适老化改造)."""
    whom = {m["whom"] for m in re.finditer(rf"\d(?:[\d,.]*\d)?{re.escape(unit)}(?P<whom>[\u4e00-\u9fff]{{2,12}}?){re.escape(name)}", text)}
    if len(whom) > 1:
        return True
    own = _LEVEL.search(words)
    if own is None or _LEVEL.search(name):
        return False
    for m in _LEVEL.finditer(text):
        if m[0] == own[0]:
            continue
        rest = text[m.end():]
        fig = _NUM.search(rest, 0, 16)
        if fig and _unit_is(rest, fig.end(), unit) and len(noun := rest[: fig.start()]) >= 2 and name.endswith(noun):
            return True
    return False


def rival_form(text: str, value: float, name: str, unit: str) -> bool:
    """Whether another figure in the unit is given to the metric's name with a word of all kinds inside it (城镇新增各种
    就业人员1423万人 beside 城镇新增就业人员932万人): the name said of more things, a second reading of the metric."""
    ws = phrases.words(name)
    wider = [("".join(ws[:i]) + kinds + "".join(ws[i:])) for i in range(1, len(ws)) for kinds in ("各种", "各类", "各项")]
    if not wider:
        return False
    right_before = re.compile(rf"(?:{'|'.join(map(re.escape, wider))})[^\d,，;；。、:：]{{0,4}}$")
    return any(_unit_is(text, m.end(), unit) and phrases.number(m) != value
               and right_before.search(text, max(0, m.start() - 24), m.start()) for m in _NUM.finditer(text))


def with_others(words: str, value: float, name: str, unit: str) -> bool:
    """Whether the figure read counts the things the metric names together with others (共为2.4万名65岁以上老人和重点群体
    免费接种流感疫苗, for 65岁以上老人免费接种…): a whole of more than the metric's things, none of them apart."""
    for m in _NUM.finditer(words):
        if phrases.number(m) == value and _unit_is(words, m.end(), unit):
            listed = _LISTED.match(words, m.end() + len(unit))
            if listed and listed["one"] in name and listed["other"] not in name:
                return True
    return False


_LISTED = re.compile(r"(?P<one>[\u4e00-\u9fff\d]{2,12}?)(?:和|及|与|、)(?P<other>[\u4e00-\u9fff]{2})")


# The parts a 其中 lists right after a figure (…20553人(其中政府补助10236人,自费10317人)): each one's words before its figure.
_PARTS_AFTER = re.compile(r"[(（]?[,，]?其中(?P<parts>[^。;；)）]*)")


def whole_of_part(text: str, words: str, value: float, name: str, unit: str) -> bool:
    """Whether the figure read is a whole whose parts, listed under 其中 right after it, include one the metric's name
    names and the whole's clause does not (居家养老人数达到20553人(其中政府补助10236人,自费10317人) for
    政府补助居家养老): the metric counts that part, not the whole."""
    plain = text.replace("，", ",")  # (as written: normalising drops the asides the parts stand in)
    for m in _NUM.finditer(plain):
        if phrases.number(m) != value or not _unit_is(plain, m.end(), unit):
            continue
        parts = _PARTS_AFTER.match(plain, m.end() + len(unit))
        before = plain[max(0, m.start() - 40): m.start()]
        for part in re.finditer(r"(?:^|[,，、])(?P<label>[\u4e00-\u9fff]{2,8}?)\d", parts["parts"] if parts else ""):
            if part["label"] in name and part["label"] not in before and part["label"] not in words:
                return True
    return False


def rival_head(text: str, words: str, value: float, heads: list[tuple[str, str]], unit: str) -> bool:
    """Whether a rate read by the head word of the metric's name alone (完成率 of 成人学历提升完成率) has a rival: the
    same rate given another figure ((1)初高中学历提升…完成率达215%;(2)大专及以上…,完成率
    214.75%): which of the things the metric's is, the text does not say.  A rate right after the clause that names
    the metric's things whole is theirs (新生儿两病筛查7989人,筛查率99.25%;新生儿听力筛查8107人,筛查率100.72%), as
    each other rate is its own clause's."""
    at = text.find(words)
    before = [c for c in re.split(r"[,，;；。:：\n]", text[:at]) if c.strip()][-1:] if at > 0 else []
    for modifier, head in heads:
        if unit != "%" or not head.endswith("率") or head not in words or (before and modifier in before[0]):
            continue
        said = re.compile(rf"{re.escape(head)}(?:已?达到|已?达|为|是)?(?P<n>\d[\d,.]*){re.escape(unit)}")
        if any(phrases.number(_NUM.match(m["n"])) != value for m in said.finditer(text)):
            return True
    return False


# Works done to things, each of its own (新建, 改造, 维修, 更新…): several named together count the things each had.
_WORKS = frozenset("新建 改建 扩建 改造 维修 修理 修缮 更新 加固 翻新".split())


def with_other_works(words: str, name: str) -> bool:
    """Whether the figure read counts the metric's work done together with others, named in a run of works
    (完成302台老旧住宅电梯修理改造更新, for 老旧住宅电梯更新): some things had one, some another, none of them apart."""
    own = set(phrases.words(name))
    run: list[str] = []
    for w in [*phrases.words(words), ""]:
        if w in _WORKS:
            run.append(w)
            continue
        if len(run) >= 2 and own & set(run) and set(run) - own:
            return True
        run = []
    return False
