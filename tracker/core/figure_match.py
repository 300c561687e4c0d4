"""A narrative's noun phrase matched to a metric by its head noun and key words, not by the exact string.

`更新环保型公交车辆753部` names 更新公交车辆, `完成中小学老旧课桌椅更换11112套` names 更换课桌椅 and
`主要农作物综合机械化率达90.6%` names 农作物综合机械化率.  For each figure of the metric's unit, the noun phrase
it belongs to in its clause (the words before it, past joining words such as 已, 累计, 达到; or the words after
its measure word) is taken back to the verb, scope or joining word that bounds it; the phrase names the
metric when:
- every key word of the metric's name stands in it, in any order (课桌椅更换 for 更换课桌椅);
- what follows the metric's last word in it is nothing or a quantity of the thing (秸秆还田面积: 面积), so
  that the phrase's head is the metric's (公共充电桩配套停车位 is no 公共充电桩);
- it joins no other noun to the metric's with 和, 及, 与 (养殖小区和联户沼气工程31个 counts both together);
- it holds no word of a plan, a step or a per-rate the name lacks (计划, 选址, 日均: the reader's refusals);
- the figures it holds are the name's, each whole (10亿元以上项目 is no 1亿元以上项目: a threshold sets a kind);
- its other words are no verbs (报废 is other work) and hold no word of kind the metric lacks or lacks one
  it has (城市, 农村, 市级 …: 社区养老服务站 is not 农村社区养老服务站); a metric that names no work (a bare noun,
  as a title's target is named) takes the verb of the work done to it after it (中小学老旧课桌椅更换 for
  中小学课桌椅), and a phrase with a kind of its own only where work was done to the things (更新环保型公交车辆
  for 公交车辆, but 护理型养老床位达到2000张 is a part of a stock of 养老床位); a metric of work counts that work
  whatever the kind of the things (环保型公交车辆 for 更新公交车辆).
A verb that says the work is finished (完工, 竣工) before the phrase stands for the metric's one verb of work
(累计完工老旧小区12个 for 老旧小区改造; not 建成, which says something new was built).
Key words missing from the phrase may stand as the clause's subject before it, with only scope, time and joining
words besides (全市中小学已更换老旧课桌椅8,600套 for 中小学课桌椅更换).
The phrases found are read as the metric's name by the narrative reader (tracker/core/narratives.py), with
its rules of verbs, time and roles; two phrases that give different values give none.

`by_head`, tried after every other form, is looser the other way: the phrase beside a figure ends in the name's
head noun and its other words are words of the name, some of them left out (村级服务站286个 for 村级寄递物流综合服务站,
省、市重点项目完成投资 for 省市重点项目完成投资), or is the head alone once the sentence has named a noun of the name
before it (迪庆机场开通有…等11条航线 for 迪庆机场开通航线).  It never leaves out a word of kind or size (城市, 农村,
亿元以上), and gives nothing where the text tells kinds of the head apart (the head, or the noun before it in the
name, after a word of kind the name lacks: 技术服务合同 beside 技术开发合同成交额), where a fuller form of the name has
a figure of its own (其中县财政配套资金3.35亿元 beside 已到位资金8.54亿元), or for a figure that qualifies the noun after
it (投资1.97亿元的…工程).  Its phrases go through the same walk, refusals and pool as the name as written.

Why the looser forms of tracker/core/narrative_names.py stay beside this matcher: this matcher wants every key
word of the name in the phrase (or as the clause's subject) and the words of kind equal.  `shortened` reads a
name with its qualifiers left out (两癌筛查 for 适龄妇女两癌免费筛查, 燃气管网隐患整治 for 老旧燃气管网隐患整治:
key words missing, which this matcher refuses), and `other_modifier` a name whose modifier lists kinds
(公用和专用电动汽车充电桩) by the one noun the text gives with another modifier (公共充电桩: a word of kind the
metric lacks, which this matcher refuses).  Taking either into the matcher would loosen it for every metric
(农村充电桩 would name 城市充电桩); measured on the phrase set, dropping `shortened` loses 14 values and reads
one wrong, dropping `other_modifier` loses 3.  A name shortened by its qualifier is not tried where the text also
writes it after a noun of another kind (`another_kind`: 贫困户农村安居房 beside 重点对象农村安居房).
"""

from __future__ import annotations

import re

from tracker.core import figure_roles, phrases
from tracker.core.figure_words import _CHANGE, _JOINERS, _LEVELS, _MANNER, _REFUSE, _SCOPE, _TIME, _alt, approx_ending
from tracker.core.narrative_names import _KIND, _kept, _place_lead, _sets_kind
from tracker.core.phrases import NUM as _NUM
from tracker.core.phrases import unit_is as _unit_is

# Verbs that say the work is finished, whichever it was.
_FINISHED = re.compile(r"完工|竣工")
# Words that join two nouns: a phrase that joins another to the metric's counts both with one figure.
_AND = frozenset("和 及 与 或 、".split())
_OR_MORE = re.compile(r"(?:和|及|或)以[上下]")  # 亿元及以上项目: a threshold, no second noun
# Words of doing that carry no key of what is counted.
_NOT_KEY = frozenset("的 了 和 及 与 已 累计 共 为 新".split())
# What a figure may count of a thing besides the thing itself: 秸秆还田面积620万亩, 农村公路里程.
_QUANTITY = frozenset("面积 里程 长度 数量 总数 总量 规模 人数 户数 个数 数".split())
# Verbs that say only that work was done, beside the verb that says which (开工建设, 改造实施).
_GENERAL = frozenset("建设 实施 开展 进行".split())
# Words that bound a phrase: joining words, scope and manner words, time words.
_BOUND = frozenset(_JOINERS) | frozenset(_SCOPE) | frozenset(_MANNER) | frozenset("其中 另有 另 此外 同时 对 向 给 将 把 被 在 从".split())
_JOIN_END = re.compile(rf"(?:{_TIME}|{_alt(_JOINERS)})*$")
# Words of work that are no kind: the verb logic judges them.
_VERB_KINDS = frozenset("新建 改造 在建".split())
# The figures a name holds (1亿元以上项目, 5G基站), each whole.
_FIGURES = re.compile(r"\d+(?:\.\d+)?")
# Projects counted by a class of their size (亿元以上重大项目, 3000万元以上工业项目), and a name that has a size of its
# own (实施亿元项目); money above a size (500万元以上固定资产投资) is the statistics' own scope, no class.
_SIZE_CLASS = re.compile(r"以[上下][^\d]*项目$")
_SIZED = re.compile(r"以[上下]|元")


def _keys(name: str) -> list[str]:
    """The key words of a name; a word of four characters that is two words (农村公路: 农村, 公路) in two, so
    that a phrase may put words between them (农村四好公路)."""
    out = []
    for w in phrases.words(name):
        if w in _NOT_KEY or not re.search(r"[\u4e00-\u9fffA-Za-z0-9]", w):
            continue
        halves = [w[:2], w[2:]] if len(w) == 4 else [w]
        out += halves if all(phrases.words(h) == (h,) and phrases.is_word(h) for h in halves) else [w]
    return out


def _kinds(text: str) -> frozenset:
    found = {k for k in _KIND - _VERB_KINDS if k in text}
    return frozenset(k for k in found if not any(k != o and k in o for o in found))


def _bounds(word: str, keys: list[str]) -> bool:
    """Whether a word ends a phrase walked away from the figure: a verb not of the metric, a joining, scope
    or time word, a figure or a sign."""
    if any(word in k or k in word for k in keys if len(word) >= 2 or word == k):
        return False
    return (word in _BOUND or phrases.is_verb(word) or bool(re.fullmatch(_TIME, word))
            or not re.fullmatch(r"[\u4e00-\u9fffA-Za-z]+", word))


def _before(pre: str, keys: list[str]) -> str:
    """The noun phrase that ends `pre` (joining words after it dropped), taken back to what bounds it."""
    pre = pre[: _JOIN_END.search(pre).start()] if pre else pre
    # 企业数量超过40万家: a word of approximation bounds the phrase as a joining word does; the figure is not exact.
    if approx := approx_ending(pre):
        pre = pre[: -len(approx)]
        pre = pre[: _JOIN_END.search(pre).start()]
    pre = pre[max((m.end() for m in re.finditer(_TIME, pre)), default=0):]  # 5月开工…: a time word bounds it
    ws = phrases.words(pre)
    k = len(ws)
    if k > 1 and ws[-1] not in keys and _works(ws[-1]):
        k -= 1  # 课桌椅更换11112套: the verb after its object
    while k > 0 and (not _bounds(ws[k - 1], keys)
                     or (ws[k - 1] in _GENERAL and k > 1 and ws[k - 2] in keys and phrases.is_verb(ws[k - 2]))):
        k -= 1  # 开工建设安置房 for 安置房开工: a verb of the metric's and a general verb of the work
    return "".join(ws[k:])


def _after(rest: str, keys: list[str]) -> str:
    """The noun phrase that begins `rest`, taken up to what bounds it."""
    ws = phrases.words(rest)
    k = 0
    while k < len(ws) and not _bounds(ws[k], keys):
        k += 1
    return "".join(ws[:k])


def _names_it(phrase: str, name: str, keys: list[str], work: bool, verb: str = "", governed: bool = False) -> bool:
    """Whether a phrase names the metric by its key words (see the module's docstring); `verb` is the one before
    a figure the phrase follows (新建成32个社区托育点: a key verb of the name may stand there), `governed` whether a
    verb of work stands before the phrase (更新环保型公交车辆)."""
    if phrase == name or len(phrase) < 2:
        return False
    if _FIGURES.findall(phrase) != _FIGURES.findall(name):
        return False  # 10亿元以上项目 is no 1亿元以上项目: a figure in a name sets a kind, as a word of kind does
    if _SIZE_CLASS.search(phrase) and not _SIZED.search(name):
        return False  # 亿元以上重大项目 is no count of 重大项目: projects counted by a class of their size
    missing = [k for k in keys if k not in phrase]
    # 累计完工老旧小区12个 for 老旧小区改造: a verb that says the work is finished stands for the metric's verb.
    finished = bool(_FINISHED.search(verb))
    if any(not (phrases.is_verb(k) and (k in verb or (finished and len(missing) == 1))) for k in missing):
        return False
    keys = [k for k in keys if k in phrase]
    if not keys:
        return False
    if any(w in _AND and w not in name for w in phrases.words(_OR_MORE.sub("", phrase))):
        return False  # 养殖小区和联户沼气工程31个: the figure counts the things joined to the metric's with it
    if (_REFUSE.search(phrase) and not _REFUSE.search(name)) or (_CHANGE.search(phrase) and not _CHANGE.search(name)):
        return False  # 计划改造老旧小区, 已选址社区食堂, 公交日均客运量: a plan's step or a per-rate is no count done
    # After the metric's head noun (its last key that is no verb) only its verbs or a quantity of it may follow
    # (课桌椅更换, 秸秆还田面积; not 公共充电桩配套停车位建设: 停车位 is the head, nor 新增就业困难人员就业), or, for a
    # metric that names no work, the verb of the work done to it (中小学课桌椅更换 for 中小学课桌椅).
    head = next((k for k in reversed(keys) if not phrases.is_verb(k)), keys[-1])
    tail = phrase[phrase.find(head) + len(head):]
    for k in sorted(keys, key=len, reverse=True):
        tail = tail.replace(k, " ", 1) if k != head else tail
    tail_words = [w for part in tail.split() for w in phrases.words(part)]
    done_to = {w for w in tail_words if not work and _works(w)}
    if any(w not in _QUANTITY and w not in _GENERAL and w not in done_to for w in tail_words):
        return False
    rest = phrase
    for k in sorted(keys, key=len, reverse=True):
        rest = rest.replace(k, " ", 1)
    extra = [w for part in rest.split() for w in phrases.words(part) if w not in done_to]
    if any(len(w) >= 2 and phrases.is_verb(w) and w not in _GENERAL for w in extra) or _kinds(phrase) != _kinds(name):
        return False
    # 嵌入式, 护理型: a kind of the thing, as much as 城市 or 农村; one of the things some work was done to counts
    # for that work (更新环保型公交车辆), but a stock's part is no stock (护理型养老床位达到2000张).
    return work or governed or bool(done_to) or not any(
        _sets_kind(w) or w.endswith("式") for w in (*extra, *rest.split()))


def _subject(left: str, before: str, keys: list[str]) -> str:
    """The subject of a clause before a phrase that holds a noun of the metric, when the subject is key words
    of the metric alone, past scope, time and joining words (全市中小学已更换老旧课桌椅: 中小学), else "".  A
    level (区级) is a kind, no scope, here."""
    if not any(k in before and not phrases.is_verb(k) for k in keys):
        return ""
    ws = [w for w in phrases.words(re.sub(_TIME, "", left)) if w not in _BOUND or w in _LEVELS]
    return "".join(ws) if ws and all(w in keys for w in ws) else ""


def _works(word: str) -> bool:
    """Whether a word is a verb of work (更新, 新建成, 更换; not 达到, 累计)."""
    return bool(figure_roles.work_verbs(word)) and len(word) >= 2


def matching(name: str, sentences: list[str], units: list[str]) -> list[str]:
    """The phrases of the narrative, other than the name as written, that name the metric by its head noun and
    key words beside a figure of one of `units`; [] for a name of fewer than two key words."""
    keys = _keys(name)
    if len(keys) < 2:
        return []
    work = any(len(k) >= 2 and phrases.is_verb(k) for k in keys)
    found: dict[str, None] = {}
    for sentence in sentences:
        for m in _NUM.finditer(sentence):
            unit = next((u for u in units if _unit_is(sentence, m.end(), u)), None)
            if unit is None:
                continue
            clause_start = max(sentence.rfind(c, 0, m.start()) for c in ",，、;；:：") + 1
            end = re.search(r"[,，、;；:：。]|$", sentence[m.end():]).start() + m.end()
            pre = sentence[clause_start : m.start()].rstrip(" ")
            before = _before(pre, keys)
            left = pre[: pre.rfind(before)] if before else ""
            governed = bool(left) and _works(phrases.words(left)[-1])
            done = phrases.words(left)[-1] if left and _FINISHED.fullmatch(phrases.words(left)[-1]) else ""
            if _names_it(before, name, keys, work, done, governed=governed) or (
                    (subject := _subject(left, before, keys)) and _names_it(subject + before, name, keys, work, governed=governed)):
                found[before] = None
            after = _after(sentence[m.end() + len(unit) : end], keys)
            if _names_it(after, name, keys, work, pre, governed=bool(pre) and _works(phrases.words(pre)[-1])):
                found[after] = None
    return list(found)


# A place or scope before a noun (全地区, 全市, 城区, 某县) says where, not which kind.
_WHERE = re.compile(r"[省市区县州镇乡村旗]$|地区$")


def another_kind(short: str, longer: list[str], whole: str) -> bool:
    """Whether the text writes a name shortened by its qualifier (农村安居房 for 重点对象农村安居房竣工) after another
    noun of its own (贫困户农村安居房) outside the longer forms: it tells kinds of the thing apart, so the short form
    may be any of them."""
    dropped = {n: q for n in longer if n != short and (q := _dropped(short, n))
               and not any(phrases.is_verb(w) for w in phrases.words(q))}
    if not dropped:
        return False  # (the name without its verb, 道路提升改造 of 完成道路提升改造, leaves no qualifier out)
    covered = [(m.start(), m.end()) for n in longer if n != short and short in n for m in re.finditer(re.escape(n), whole)]
    if any(_parted(q, whole, covered, longer) for n, q in dropped.items()):
        return True
    if not any(n.endswith(short) for n in dropped):
        return False
    for m in re.finditer(re.escape(short), whole):
        if any(a <= m.start() and m.end() <= b for a, b in covered):
            continue
        before = re.split(r"[^\u4e00-\u9fff]", whole[: m.start()])[-1]
        last = phrases.words(before)[-1] if before else ""
        if (len(last) >= 2 and phrases._tags().get(last) == "n" and last not in _SCOPE and last not in _MANNER
                and not _WHERE.search(last) and not re.search(r"月份?$|年度?$|季度$|天$", last)):
            return True
    return False


def _dropped(short: str, name: str) -> str:
    """The qualifier a short form leaves out of a name, whole words of it: the leading ones (国际航线 of
    国际航线旅客运输量), or those after the verb a name puts first (县财政配套 of 到位县财政配套资金 for 到位资金)."""
    ws = phrases.words(name)
    for k in range(len(ws)):
        for j in range(k + 1, len(ws)):
            if "".join(ws[:k] + ws[j:]) == short and (not k or phrases.is_verb(ws[0])):
                return "".join(ws[k:j])
    return ""


# A qualifier the text counts apart: listed beside another kind (国内、国际航线), or a part under 其中.
_LISTED = ("、", "和", "及", "与")


def _parted(qualifier: str, whole: str, covered: list[tuple[int, int]], longer: list[str]) -> bool:
    """Whether the text writes the qualifier a short form drops on its own, outside the longer forms, as one kind
    among others (国内、国际航线分别完成…) or as a part under 其中 (其中,国内航线旅客运输规模…): the text tells the
    kinds apart, so a figure of the short form is the whole of every kind, not the qualified one's.  (Kinds the
    name itself joins, 退耕还林、退牧还草 of 退耕还林退牧还草工程, are no others; the qualifier is whole words of the name.)"""
    if len(qualifier) < 2 or any(phrases.is_verb(w) for w in phrases.words(qualifier)):
        return False
    for m in re.finditer(re.escape(qualifier), whole):
        if any(a <= m.start() < b for a, b in covered):
            continue
        clauses = re.split(r"[,，;；。:：\n]", whole[: m.start()])
        opened = clauses[-1] or (clauses[-2] if len(clauses) > 1 else "")
        before = (phrases.words(clauses[-1][:-1]) or [""])[-1] if clauses[-1].endswith(_LISTED) else ""
        after = (phrases.words(whole[m.end() + 1:m.end() + 12]) or [""])[0] if whole[m.end(): m.end() + 1] == "、" else ""
        sibling = before or after
        if (sibling and not any(sibling[:2] in n for n in longer)) or opened.startswith("其中") or opened.endswith("其中"):
            return True
    return False



def _head(ws) -> str:
    """The head noun of words: the last that is no verb (学位 of 新增公办学位, 床位 of 养老床位建设)."""
    return next((w for w in reversed(ws) if not phrases.is_verb(w)), "")


# Parts of speech of a word that qualifies a noun as a kind of it (技术服务合同, 食堂供餐, 公办幼儿园).
_QUALIFIER_TAGS = frozenset("n nz vn a b z l j".split())


def _other_qualifier(keys: list[str], head: str, whole: str) -> bool:
    """Whether the text writes the name's head noun, or the noun of the name right before it, after a word of
    kind the name lacks (技术服务合同 for 技术开发合同成交额, 公办幼儿园学位 for 学位): the text tells kinds of the
    thing apart, so a phrase that leaves the name's own qualifiers out may be another kind's."""
    at = keys.index(head)
    nouns = [head] + [k for k in keys[at - 1 : at] if len(k) >= 2 and not phrases.is_verb(k)]
    tags = phrases._tags()
    for noun in nouns:
        for m in re.finditer(re.escape(noun), whole):
            before = re.split(r"[^\u4e00-\u9fffA-Za-z]", whole[: m.start()])[-1]
            word = phrases.words(before)[-1] if before else ""
            if (len(word) >= 2 and word not in keys and tags.get(word) in _QUALIFIER_TAGS and word not in _BOUND
                    and not re.fullmatch(_TIME, word) and not any(word in k for k in keys)):
                return True
    return False


def by_head(name: str, sentences: list[str], units: list[str]) -> list[str]:
    """The phrases beside a figure of one of `units` that name the metric by its head noun (the last noun of the
    name) and key words (see narratives._read, which tries them last): the phrase ends in the name's head noun
    and its other words are words of the name (the text leaves some out and writes none the name lacks; no word
    of kind, size or place left out: 城市, 农村, 亿元以上, 西岭县); the head alone only after the sentence has named a
    noun of the name before it (迪庆机场开通有…等11条航线 for 迪庆机场开通航线).  None where the text writes the head, or the noun before
    it in the name, after a word of kind the name lacks (`_other_qualifier`), nor for a figure that qualifies the
    noun after it (实施投资1.97亿元的…工程), nor, where a fuller form of the name has a figure of its own, for a phrase
    that leaves its nouns out."""
    keys = [w for w in phrases.words(name) if w not in _NOT_KEY and re.search(r"[\u4e00-\u9fffA-Za-z0-9]", w)]
    head = _head(keys)
    whole = "\n".join(sentences)
    if len(head) < 2 or _other_qualifier(keys, head, whole.replace(name, " ")):
        return []
    kept = [k for k in keys if _kept(k) or "以" in k]
    if lead := _place_lead(words := phrases.words(name)):
        kept.append("".join(words[:lead]))  # 西岭县村级卫生室: a place that leads the name is kept as a kind is
    found: dict[str, None] = {}
    fuller: list[str] = []  # every phrase beside a figure, of any unit, that holds the head
    for sentence in sentences:
        for m in _NUM.finditer(sentence):
            clause_start = max(sentence.rfind(c, 0, m.start()) for c in ",，、;；:：") + 1
            if head in (other := _before(sentence[clause_start : m.start()].rstrip(" "), keys)):
                fuller.append(other)  # (a figure in any unit: 其中区财政配套经费占40%)
            unit = next((u for u in units if _unit_is(sentence, m.end(), u)), None)
            if unit is None or sentence[m.end() + len(unit) :].startswith("的"):
                continue
            end = re.search(r"[,，、;；:：。]|$", sentence[m.end():]).start() + m.end()
            named = any(len(k) >= 2 and k != head and not phrases.is_verb(k) and k in sentence[: m.start()] for k in keys)
            for phrase in (_before(sentence[clause_start : m.start()].rstrip(" "), keys),
                           _after(sentence[m.end() + len(unit) : end], keys)):
                # (jieba may cut the phrase otherwise than the name, 老旧小区 against 老+旧+小区: words compared as text)
                ws = [w for w in phrases.words(phrase) if w not in _NOT_KEY]
                if head in phrase:
                    fuller.append(phrase)
                if ((len(ws) >= 2 or (phrase.endswith(head) and named)) and _head(ws).endswith(head)
                        and all(w in name for w in ws) and not all(k in phrase for k in keys)
                        and all(k in phrase for k in kept) and "的" not in phrase
                        and not any(w in _AND for w in phrases.words(phrase))
                        and _FIGURES.findall(phrase) == _FIGURES.findall(name)):
                    found[phrase] = None
    # 其中县财政配套资金3.35亿元。…已到位资金8.54亿元 for 县财政配套资金到位: a fuller form of the name has a figure of
    # its own, so the phrase that leaves its words out counts the broader thing.  (A phrase with 的 before its head,
    # 参加暑期托管的比例, is the rest of a name only once the sentence named its modifier: narrative_names.heads.)
    nouns = {k for k in keys if not phrases.is_verb(k)}
    whole_named = any(all(k in f for k in nouns) for f in fuller)
    return [f for f in found if not another_kind(f, [name], whole) and not (whole_named and not all(k in f for k in nouns))]
