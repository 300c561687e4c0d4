"""How a title's words name what a figure counts where the name does not simply follow a verb of work
(tracker/core/titles.py reads the clauses and figures): a good name at all (`_good_name`), work put into a
place (既有多层住宅加装电梯), an area or 新 and a verb first (主城区新建公厕, 新招聘乡村教师), work done to things
with a light verb (老旧小区进行微改造), whom a count of people or households is for (`_for_whom`), and sessions of
an activity counted in 期 (`sessions`), and the yuan a bare magnitude after a sum of money measures (`_in_yuan`)."""

from __future__ import annotations

import re

from tracker.core import phrases
from tracker.core.figure_words import _CITY_AREAS, _NAME_CHARS, _GENERIC, _MANNER, _NARRATIVE_VERB, _NARRATIVE_VERBS, _RATE, _SCOPE, _alt

def _good_name(name: str) -> bool:
    # 中央和省级补助资金, 社区食堂和老年助餐点: one target of what 和 joins; never 和 at an end, nor 的, 或.
    ws = phrases.words(name)
    return (bool(_NAME_CHARS.fullmatch(name)) and name not in _GENERIC
            and not any(w in ("的", "或", "以及") for w in ws)
            and ws[0] not in ("和", "及", "与") and ws[-1] not in ("和", "及", "与")
            and not all(_verbal(w) for w in ws)  # 更新改造: verbs alone name nothing counted
            and not _TOTAL_OF.fullmatch(ws[0])  # 总投资, 总面积: what the target before amounts to (总部 is a noun)
            and not _LEVEL_ALONE.fullmatch(name)  # 省级三公里…社区: a level qualifies the noun after it, counts nothing
            and not _HARDSHIP.search(name))


# A hardship (出行难, 就医难问题: a verb and 难, "hard to"): what people have, no thing counted; the people a work
# relieves of it are what the work leads to (解决10万人出行难), as those it reaches are (惠及).  (困难, 难题 are nouns.)
_HARDSHIP = re.compile(r"(?<![困灾艰疑患危])难(?:问题)?$")


# 总 that sums what is counted before it (总 投资, 总面积, 总量), not the first of a noun (总部, 总工会).
_TOTAL_OF = re.compile(r"总(?:面积|长度|量|数|额|值)?")

# A level alone (省级, 市级, 国家级, 省市级): it says of what level the noun after it is, and is no noun itself.
_LEVEL_ALONE = re.compile(r"(?:国家|[省市区县乡镇村]{1,2})级(?:及?以上)?")


_SPENT = frozenset("投入 支出".split())


def _grows(name: str) -> bool:
    """Whether a name before 增长 is a noun that grows (规上工业增加值, 人均可支配收入): no listed verb of work in it, but
    as the last of its words after a noun, where the verb is what the noun spends (企业研发投入, 财政科技经费投入)."""
    ws = phrases.words(name)
    return _good_name(name) and not any(w in phrases.VERBS or w in _NARRATIVE_VERBS for w in ws[:-1]) and (
        not (ws[-1] in phrases.VERBS or ws[-1] in _NARRATIVE_VERBS) or ws[-1] in _SPENT and len(ws) > 1)


def _verbal(word: str) -> bool:
    """A listed verb of the work, or a word of two of them (更新改造); 投资 and 演练 may be nouns."""
    return word in phrases.VERBS or (len(word) == 4 and word[:2] in phrases.VERBS and word[2:] in phrases.VERBS)


def _work_on(core: str) -> str | None:
    """`既有多层住宅加装电梯` (a noun, one listed verb of work, a noun: the work puts the second in or on the first)
    as one name, the figure counting the thing of the work: the noun first says where, so it is no subject that
    would have to be named apart (城镇新增就业 and a noun before a verb of level, 达到, are not such work)."""
    ws = phrases.words(core)
    k = next((k for k, w in enumerate(ws) if _verbal(w)), None)
    if k is None or not k or k == len(ws) - 1 or len(ws[k]) < 2 or ws[k] in ("新增", "完成", "实现", "达到", "落实"):
        return None
    rest = ws[:k] + ws[k + 1:]
    if ws[0] == "在":  # 在村卫生室、社区卫生服务站建设中医阁: a place after 在 is scope, the thing the name
        thing = "".join(ws[k + 1:])
        return thing if _good_name(thing) and not any(phrases.is_verbal(w) for w in ws[k + 1:]) else None
    if any(phrases.is_verbal(w) or w in _NARRATIVE_VERBS for w in rest) or phrases.is_verbal(ws[0]):
        return None
    return core if _good_name(core) and _good_name("".join(ws[:k])) and _good_name("".join(ws[k + 1:])) else None


# 安罗高速全年完成投资4.5亿元: a project, the year, and 完成投资 before a sum of money.
_INVESTED = re.compile(r"(?P<thing>[^\d]{2,}?)(?:全年|年内|年度|今年)?(?:完成|累计完成)投资")


def _invested(core: str, unit: str) -> str | None:
    """The investment a title sets for a project it names first (安罗高速全年完成投资 → 安罗高速投资), for a sum of money."""
    m = _INVESTED.fullmatch(core) if unit.endswith("元") else None
    return m["thing"] + "投资" if m and _good_name(m["thing"]) and not phrases.leading_verbs(m["thing"]) else None


def _new_verb(core: str) -> int:
    """The length of 新 and the verb after it (any verb of jieba's dictionary) that begin `core`, else 0."""
    ws = phrases.words(core)
    # (新铺设供热管网: jieba tags 铺设 a verbal noun; after 新 it is the verb)
    ok = len(ws) > 2 and ws[0] == "新" and phrases.is_verbal(ws[1]) and len(ws[1]) >= 2
    return 1 + len(ws[1]) if ok else 0


# Words of an area (主城区, 老城区, 各乡镇) that may stand first as the scope of a verb after them.
_AREA_END = ("区", "县", "街道")


def _area_first(core: str) -> int:
    """The length of an area word that begins `core` before a verb (主城区 of 主城区新建公厕, 在农村地区 of
    在农村地区新建户厕), else 0."""
    ws = phrases.words(core)
    if len(ws) > 2 and ws[0] == "在":  # 在农村地区新建…: 在, the place (nouns only), then the verb
        at = 1
        for w in ws[1:5]:
            if phrases.is_verbal(w) or not _NAME_CHARS.fullmatch(w):
                break
            at += len(w)
            if phrases.leading_verbs(core[at:]):
                return at
        return 0
    # (中心城区, held as two words, is one area)
    for n in (1, 2):
        area = "".join(ws[:n])
        if len(ws) > n and (_area_word(ws[n - 1]) or area in _CITY_AREAS) and phrases.leading_verbs(core[len(area):]):
            return len(area)
    return 0


def _area_word(word: str) -> bool:
    """Whether a word is an area (城区, 主城区, 各街道), not a unit of places such as 小区 or 社区."""
    return phrases.words(word) == (word,) and len(word) >= 2 and word.endswith(_AREA_END) and not _is_unit_word(word)


def _is_unit_word(word: str) -> bool:
    return word in ("小区", "园区", "景区", "社区", "校区", "片区", "街区")


def _verbs_only(pre: str) -> bool:
    """Whether the words before a figure are verbs alone (改造, 优化调整, 新建成): work with its noun left out."""
    ws = phrases.words(pre)
    return bool(ws) and all(w == "新" or phrases.is_verbal(w) or w in _NARRATIVE_VERBS for w in ws) and not (
        _NOT_INHERITED.search(pre))


# What is planned, begun or chosen names no work done of the noun before (开工64座, 确定10个).
_NOT_INHERITED = re.compile(r"计划|开工|启动|确定|遴选|选址|谋划|储备|申报|规划|设计")


# Verbs that only carry the work named after them (进行改造, 实施提升). Not 开展: 推动100个社区开展星级社区创建
# counts those urged to work, no work done.
_LIGHT_VERBS = ("进行", "实施")


def _done_to(name: str, unit: str) -> str | None:
    """`老旧小区进行微改造` → 老旧小区微改造 (`小区实施雨污分流改造` → 小区雨污分流改造): a noun, a light verb
    and a work that ends in a verb; else None. Work done for households names the work alone
    (对1.2万户农村低收入家庭实施住房安全保障 → 住房安全保障), as _for_whom() does."""
    ws = phrases.words(name)
    k = next((k for k, w in enumerate(ws) if w in _LIGHT_VERBS), None)
    if k is None:
        return None
    thing, work = _of(ws[:k]), "".join(ws[k + 1:])
    ok = (k and k + 1 < len(ws) and phrases.is_verbal(ws[-1]) and not _NOT_INHERITED.search(work)
          and not any(_NARRATIVE_VERB.fullmatch(w) for w in ws[:k]))
    name = work if unit.lstrip("十百千万亿") in ("户", "对") else thing + work
    return name if ok and _good_name(name) and _good_name(thing) else None


def _of(ws) -> str:
    """Nouns joined by one 的 (老旧小区的雨污管网) as a clerk writes them, without it; other words as they are."""
    if ws.count("的") == 1:
        k = ws.index("的")
        left, right = "".join(ws[:k]), "".join(ws[k + 1:])
        if _good_name(left) and _good_name(right) and not any(_verbal(w) for w in ws[:k]):
            return left + right
    return "".join(ws)


# Verbs that carry the work or the service named after them for whom it is done (提供康复救助, 开展健康体检).
_CARRIERS = (*_LIGHT_VERBS, "开展", "提供", "做")


def _for_whom(ws: tuple[str, ...], k: int, unit: str, done_for: bool = False) -> str:
    """The name of a count of people or households before what is done for them (ws[:k] whom, ws[k] the verb):
    whom, without words of manner (适龄女生免费 → 适龄女生), where the title names nothing done for them.
    Households and couples, and people a title does something for (`done_for`: 为…), count the thing done or
    installed (为3000户困难家庭免费安装燃气泄漏报警器 → 燃气泄漏报警器, 资助200对困难夫妇进行孕前优生健康检查 →
    孕前优生健康检查, 为1万名老年人购买意外伤害保险 → 意外伤害保险): a thing with no verb after it, or the work a light
    verb carries (为3000户家庭开展适老化改造 → 适老化改造, 为700名患者实施免费复明手术 → 免费复明手术).  A title names
    the thing done, not those it is done for (the lead's convention), in people as in households."""
    whom = list(ws[:k])
    while whom and whom[-1] in _MANNER:
        whom.pop()
    if (done_for or unit.lstrip("十百千万亿") in ("户", "对")) and k < len(ws):
        at = k
        while at < len(ws) and ws[at] in _MANNER:  # 妇女免费做宫颈癌筛查: the manner is the work's, before its verb
            at += 1
        verb, rest = (ws[at], ws[at + 1:]) if at < len(ws) else ("", ())
        thing = "".join(rest).removeprefix("免费") if not done_for else "".join(rest)
        # The thing ends the title: no listed verb of work after it (安装燃气泄漏报警器; 泄漏 is no work).
        if thing and _good_name(thing) and not any(w in phrases.VERBS or w in _NARRATIVE_VERBS for w in rest):
            return thing
        # 为3000户家庭开展适老化改造: a light verb carries the work itself, which names what is counted.
        if verb in _CARRIERS and rest and phrases.is_verbal(rest[-1]) and _good_name(thing) and not any(
                w in phrases.VERBS or w in _NARRATIVE_VERBS for w in rest[:-1]):
            return thing
    return "".join(whom)


# Examples listed before 等 and a figure (建成演达二路东段等20条市政道路, 对黄庄河、颜庄河等10条支流进行整治): the
# things named by their own names are examples of the noun after the measure word, which the figure counts.
# So are things listed with 、 right before a count of places or things and their noun (修建东街、西街2个停车场).
_ETC_FIGURE = re.compile(r"等(?=\d+(?:\.\d+)?[^\d,，、;；。]{1,3}?[\u4e00-\u9fff]{2})"
                         r"|(?<=[\u4e00-\u9fff])(?<!等)(?=\d+(?:个|所|座|处|条|家|栋)(?!以上|以下|左右|以内)[\u4e00-\u9fff]{2})")
_CLAUSE_START = re.compile(r"[,，;；。:：]")
_JOINER = re.compile(r"(?<=[\u4e00-\u9fff])(?:和|及|与|以及)")


def without_examples(title: str) -> str:
    """The title without the examples a list before 等 and a figure gives: from the clause's start (after 对, 为 or 在,
    or its leading verbs), or from 和, 及 or 与 after a figure of the clause (…12条乡村公路及…等3座危桥), up to 等.
    Where no verb, preposition or joiner marks the examples' start, the title stays as written."""
    for m in reversed(list(_ETC_FIGURE.finditer(title))):
        head = title[: m.start()]
        start = max((c.end() for c in _CLAUSE_START.finditer(head)), default=0)
        seg = head[start:]
        if not m.group() and "、" not in seg:
            continue
        lead = 1 if seg[:1] in ("对", "为", "在") else phrases.leading_verbs(seg)
        counts = [n.end() for n in phrases.NUM.finditer(seg) if phrases.unit_at(seg, n.end()) not in ("", "号")]
        if counts:  # (a count of the clause before the examples: they begin after the joiner that follows it)
            joiners = [j.end() for j in _JOINER.finditer(seg, counts[-1])]
            if not joiners:
                continue
            lead = joiners[-1]
        if not lead or len(seg) - lead < 2:
            continue
        title = title[: start + lead] + title[m.end():]
    return title


# 企业养老、失业、医疗保险分别净增2万人、0.4万人、4.7万人: items listed with 、 that share the last item's noun, a verb
# and as many figures as items, in order, or one figure that each item reaches (工业投资、技改投资分别增长10%以上).
_RESPECTIVELY = re.compile(r"^(?:其中)?(?P<items>[^,，;；。\d]+?)分别(?P<verb>[\u4e00-\u9fff]{1,4}?)(?P<figures>\d[^,，;；。]*)$")
_FIGURE_SEP = re.compile(r"、|和")
# After a figure of the list: a floor or the figure as written (9%左右和9.5%左右), never a ceiling (以内).
_AS_WRITTEN = re.compile(r"(?:左右|以上)?")
# 城乡 before a noun names two kinds of it, the towns' and the villages' (城乡居民人均可支配收入: 城镇居民…, 农村居民…).
_TOWN_AND_COUNTRY = re.compile(r"^城乡([\u4e00-\u9fff]{2,})$")
# What leads the list and names none of its items: a scope (全市), 推动 or 实现 (实现工业投资、技改投资分别增长10%).
_LIST_LEAD = re.compile(rf"^(?:{_alt(_SCOPE)})*(?:推动|实现)?")


def respectively(clause: str) -> list[tuple[str, float, str]] | None:
    """(name, target, unit) of each item a clause gives 分别 a figure (居民、职工门诊慢特病报销范围分别扩大到40种和30种:
    居民门诊慢特病报销范围 40 种, …): the earlier items take the last one's words after its first; None where the
    clause is no such list (a change, 分别提高10%, or figures that do not pair with the items).  A rate in % is one
    where each item grows (城镇和农村常住居民人均可支配收入分别增长9%和9.5%: growth is a target of the thing's name,
    as in a clause of one) or reaches a level of its own (…覆盖率和…收集率分别达到95%、72%)."""
    m = _RESPECTIVELY.match(clause)
    if not m:
        return None
    listed = m["items"][_LIST_LEAD.match(m["items"]).end():]
    listed = _TOWN_AND_COUNTRY.sub(r"城镇\1、农村\1", m["items"] if listed[:1] in "、和及" else listed)
    # (和 and 及 as words of their own join items; 普及率 holds none)
    items = [i for i in "".join("、" if w in ("和", "及") else w for w in phrases.words(listed)).split("、") if i]
    figures = _FIGURE_SEP.split(m["figures"])
    growth = bool(re.fullmatch(r"(?:同比)?增长", m["verb"]))
    if len(figures) == 1:
        figures = figures * len(items)  # 分别新增20家以上: each item's figure
    if len(items) < 2 or len(figures) != len(items) or (
            not growth and re.search(r"(?:提高|提升|增长|下降|降低|减少|增加)$", m["verb"])):
        return None
    out = []
    for figure in figures:
        n = phrases.NUM.match(figure)
        unit = phrases.unit_at(figure, n.end()) if n else ""
        if not unit or not _AS_WRITTEN.fullmatch(figure, n.end() + len(unit)):
            return None
        out.append((phrases.number(n), unit))
    tail = phrases.in_parallel("", items[-1])[0]
    verb = "" if growth or m["verb"].endswith(("到", "至")) else m["verb"]
    # (…覆盖率和…收集率: an item that names a rate, as the last one does, is a name whole)
    names = [i if i.endswith(tail) or (_RATE.search(i) and _RATE.search(items[-1]))
             else phrases.in_parallel(i, items[-1])[0] for i in items]
    names = [n + verb for n in names]
    rates = all(_RATE.search(n) for n in names) and m["verb"] in ("达到", "达")
    if out[0][1] == "%" and not (rates or (growth and all(_grows(n) for n in names))):
        return None
    if len({u for _, u in out}) != 1 or not all(_good_name(n) for n in names):
        return None
    return [(name, value, unit) for name, (value, unit) in zip(names, out)]


# 开展10期实训营, 托管服务60期: 期 right after a verb or a verbal noun counts sessions of an activity; a phase opens its
# clause or follows a place's name (二期安置区, 安置小区3期), an ordinal too (第3期), or names the works it is a stage of.
def sessions(clause: str, m: re.Match, base: str) -> bool:
    before = phrases.words(clause[: m.start()])
    return base == "期" and bool(before) and before[-1] != "第" and phrases.is_verbal(before[-1]) and not re.match(
        r"期(?:以上)?(?:工程|项目|建设|安置|地块|厂房)", clause[m.end():])


# What names a sum of money (工业总产值, 营业收入, 固定资产投资, 社会消费品零售总额, 专项资金).
_MONEY = re.compile(r"(?:产值|增加值|生产总值|收入|投资|资金|经费|税收|总额|营业额|销售额|金额)$")


def _in_yuan(name: str, unit: str) -> str:
    """A magnitude alone (万, 亿) after the figure of a sum of money measures yuan: 工业总产值达330亿 is 330 亿元."""
    return unit + "元" if unit in ("万", "亿", "万亿") and _MONEY.search(name) else unit
