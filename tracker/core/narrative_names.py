"""How a progress narrative may name a metric more loosely than its task title does.

The figure reader (tracker/core/narratives.py) looks for the metric's name as written first; when the
whole narrative never gives a figure that way, it tries these looser forms, each still bound to the
figure by the same joining words:
- the name without qualifiers: leading words and words of manner dropped, its head noun kept with at
  least two characters of what qualifies it (`两癌筛查` for 适龄妇女两癌免费筛查, `解危处置` for
  危险房屋解危处置, `充电桩` for 公共充电桩), never dropping a word that sets one kind apart from another
  (城市, 农村, 市级: 社区养老服务站 is not 农村社区养老服务站);
- a name that ends in a verb followed by its object (`临时救助困难群众1120人次` for 临时救助);
- the head word alone, once the sentence has named what it belongs to (`社工站126个,覆盖率达到100%`),
  a generic head (资金) only right after the clause that named it (`发放租赁补贴986户、资金412万元`).
These are not the matcher of tracker/core/figure_match.py, which wants every key word of the name and equal
words of kind: a shortened name leaves key words out, and a name of listed kinds is read by a noun of another
kind (its docstring says what each serves that the matcher cannot).
Figures given `分别` to a list of names are paired with them in tracker/core/narrative_lists.py.
"""

from __future__ import annotations

import re

from tracker.core import phrases
from tracker.core.figure_words import (
    _GENERIC,
    _JOINERS,
    _MANNER,
    _NARRATIVE_VERBS,
    _SCOPE,
    _TIME,
    _is_city,
    _is_place,
    keeps_stage,
)

# Words that set one kind apart from its siblings: never dropped from a name.
_KIND = frozenset(
    "城市 农村 城镇 乡村 城区 乡镇 街道 社区 村级 市级 区级 县级 省级 国家级 公办 民办 普惠 普惠性 公共 "
    "专职 兼职 新建 改造 在建 男性 女性 城乡 中心城区 主城区".split())


def _sets_kind(word: str) -> bool:
    # 区域性, 护理型, 市级: an adjective of kind, as much as 城市 or 农村; 规模(以上) and 规(上) set the size of the
    # enterprises counted (jieba cuts 规上 into 规 and 上).
    return word in _KIND or word in ("规", "规模") or (len(word) >= 2 and word.endswith(("性", "型", "级", "类")))


def _kept(word: str) -> bool:
    """Whether a shortened name must keep a word: one of kind, or one jieba holds whole that begins with a word of
    kind (城乡居民, 城镇职工: 城乡居民养老保险参保人数 is no 参保人数 of 城镇职工)."""
    return _sets_kind(word) or (len(word) == 4 and word[:2] in _KIND)


def _place_lead(ws: tuple[str, ...] | list[str]) -> int:
    """How many of a name's first words name a district or county (陆河县, 西岭+县) or a city by its name (郴州市), 0 if
    they name none: one part of the whole, which no form of the name drops."""
    if ws and _is_city(ws[0]):
        return 1
    return next((k for k in range(1, min(len(ws), 3) + 1) if _is_place("".join(ws[:k]))), 0)


def place(name: str) -> str:
    """The place that leads a metric's name by its proper name (陆河县 of 陆河县自然村生活污水治理, 郴州市 of
    郴州市老旧小区开工), or '' (棚户区 and 专区 are no places)."""
    w = phrases.words(name)[0] if name else ""
    return w if phrases._tags().get(w) == "ns" and (_is_city(w) or _is_place(w)) else ""


# Words that say what a change is compared with (同比, 环比): no thing of their own.
_COMPARED = frozenset("同比 环比".split())
_DROPPABLE_MANNER = frozenset(_MANNER + "免费 无偿 集中 专项".split())


# A threshold in a name (投资超10亿元, 500万元以上): it picks some of the things.
_THRESHOLD = re.compile(r"(?:超过?|逾|高于)\d|\d[\d.]*[万亿]?元?(?:以上|以下)")


def shortened(names: list[str]) -> list[str]:
    """The names without qualifiers, longest first (none equal to a name given)."""
    out: dict[str, None] = {}
    for name in names:
        split = phrases.head_split(name)
        if not split:
            continue
        modifier, head = split
        ws = phrases.words(modifier)
        for k in range(len(ws)):
            if any(_kept(w) for w in ws[:k]) or (k and _place_lead(ws[:k])) or _THRESHOLD.search("".join(ws[:k])):
                break  # (投资超10亿元签约项目: a threshold picks some of the things; without it, all are counted)
            for kept in (ws[k:], [w for w in ws[k:] if w not in _DROPPABLE_MANNER]):
                if any(_kept(w) for w in ws[k:] if w not in kept):
                    continue
                mod = "".join(kept)
                if set(kept) <= _COMPARED:
                    continue  # (同比多增 of 小微企业贷款余额同比多增: a change compared, its thing left out, names nothing)
                if len(mod) >= 2 and mod + head not in names and not re.search(r"\d", mod) and keeps_stage(name, mod + head):
                    for form in (mod + head, *phrases.verb_first(mod + head)):  # 受理诉求 for 诉求受理
                        out[form] = None
    return sorted(out, key=len, reverse=True)


def unkinded(name: str, whole: str) -> list[str]:
    """The name without the words of kind that lead it (口袋公园 for 城镇口袋公园) where the narrative writes the name
    whole first: a later mention shortens it, as a clerk does.  Not where the shorter form stands before the whole
    name, nor where another word of kind leads it (农村口袋公园 beside 城镇口袋公园: two kinds, not one named twice)."""
    ws = phrases.words(name)
    k = next((k for k, w in enumerate(ws) if not _sets_kind(w)), len(ws))
    short, kind = "".join(ws[k:]), "".join(ws[:k])
    first = whole.find(name)
    if not k or len(short) < 2 or first < 0 or short in _GENERIC:
        return []
    for m in re.finditer(re.escape(short), whole):
        before = phrases.word_before(whole, m.start()) or ""
        if m.start() < first + len(kind) or (_sets_kind(before) and not whole[: m.start()].endswith(kind)):
            return []
    return [short]


def generic_again(name: str, whole: str) -> list[str]:
    """The name with its noun cut to a generic head (项目竣工投产 for 重点项目竣工投产) where the narrative wrote that noun
    whole first (抓好…10个重点项目建设。其中,…1个项目竣工投产): a later count of the head, right after its figure, is of
    the things the noun named.  Never where a word of kind would be dropped.  (Where jieba cuts the noun, 民生 项目,
    `shortened` reads it; folded into it, this looser form read a wrong figure from an aside: 重点项目54项(竣工13项…).)"""
    ws = phrases.words(name)
    j = len(ws)
    while j > 1 and phrases.is_verbal(ws[j - 1]):
        j -= 1
    noun = "".join(ws[:j])
    head = next((g for g in _GENERIC if noun.endswith(g) and len(noun) > len(g)), "")  # (jieba holds 重点项目 whole)
    if j == len(ws) or not head or any(_kept(w) for w in phrases.words(noun[: -len(head)])) or noun not in whole:
        return []
    short, first = head + "".join(ws[j:]), whole.find(noun)
    at = [m.start() for m in re.finditer(re.escape(short), whole)]
    ok = at and all(k > first and re.search(r"\d[^\d\s]{1,2}$", whole[:k]) for k in at)
    return [short] if ok else []


def unfunded(name: str, unit: str) -> list[str]:
    """The name of a sum of money without its word for money (各级预算下达 for 各级预算下达资金) when the metric is counted in
    money: the measure word says it is money, as a clerk leaves the word out (预算下达1107.98亿元)."""
    rest = re.sub(r"(?:资金|经费)$", "", name)
    return [rest] if unit.endswith("元") and rest != name and len(rest) >= 2 and not phrases.is_verb(rest) else []


def verb_first(name: str) -> list[str]:
    """A quantity named by its object, its verb and 量 (旅客发送量, 货物发送量) as the text says it, the verb before the
    object (全国铁路共发送旅客13.12亿人 for 全国铁路旅客发送量), its qualifiers before both."""
    ws = phrases.words(name[:-1]) if name.endswith("量") else ()
    if len(ws) < 2 or not phrases.is_verb(ws[-1]) or not phrases.is_noun(ws[-2]):
        return []
    return ["".join(ws[:-2]) + ws[-1] + ws[-2]]


def ends_in_verb(name: str) -> bool:
    """Whether a name's last word is a verb or a verbal noun (临时救助, 农村生活污水治理)."""
    ws = phrases.words(name)
    return bool(ws) and len(ws[-1]) >= 2 and (ws[-1] in _NARRATIVE_VERBS or phrases.is_verbal(ws[-1]))


def object_gap(join: str) -> int:
    """The length of a noun phrase that begins `join` (困难群众 in 临时救助困难群众1120人次), 0 if none.

    At most three words, none a verb, a joining word, a figure or 的.
    """
    at = 0
    for k, w in enumerate(phrases.words(join)):
        if (k >= 3 or w in _JOINERS or w in _NARRATIVE_VERBS or phrases.is_verb(w) or w in ("的", "和", "及")
                or not re.fullmatch(r"[\u4e00-\u9fff]+", w)):
            break
        at += len(w)
    return at if at >= 2 else 0


# Words of doing that may stand around the words of a name without changing what is counted.
_FILLER = frozenset("为 给 对 向 提供 开展 实施 进行 给予 免费 上门 完成 办理 落实 组织 发放 的 了 已 累计 共".split())
# Measure words that count people, households or couples: `为4.6万名适龄女生免费接种HPV疫苗` names whom first.
_PEOPLE = ("名", "人", "位", "户", "人次", "户次", "对")


def counts_people(unit: str) -> bool:
    """Whether a measure word counts people, households or couples (名, 万人次, 万对)."""
    return unit.lstrip("十百千万亿") in _PEOPLE


def _content(name: str) -> list[str]:
    return [w for w in phrases.words(name) if w not in _FILLER]


# A sum of money that closes the words of what was done for people (…发放补助金7232万元).
_SUM_END = re.compile(r"\d[\d,]*(?:\.\d+)?(?:万|亿)?元$")


def covers(rest: str, names: list[str], unit: str, pre: str = "") -> bool:
    """Whether the words after a figure are the metric's name in other order or with words of doing
    around them (`1028名残疾儿童提供康复救助` for 残疾儿童康复救助, `4.6万名适龄女生免费接种HPV疫苗` for
    HPV疫苗接种: whom a count of people is about may come first; after 为, the thing done for them with its
    verb: `为2860户困难家庭安装燃气泄漏报警器` for 燃气泄漏报警器 in 户), or, after a verb of completion, the rest
    of a name the clause began (`86个老旧小区已有52个完成改造` for 老旧小区改造)."""
    if pre.endswith("为"):
        rest = _SUM_END.sub("", rest)  # 为3.88万人发放失业补助金7232万元: the sum is the thing's, done for them
    toks = phrases.words(rest)
    for name in names:
        need = _content(name)
        k = 0
        if counts_people(unit):
            # (whom ends at a verb, but one that begins the words qualifies them: 独居 of 独居老人家庭)
            while k < min(len(toks), 4) and toks[k] not in need and toks[k] not in _FILLER and not (
                    k and phrases.is_verb(toks[k])):
                k += 1
            # 为2860户困难家庭免费安装燃气泄漏报警器: what is done for them, counted in their unit (a verb of
            # the work, then the thing, the whole of what follows).
            j = k
            while j < len(toks) and toks[j] in _FILLER and toks[j] not in need:
                j += 1
            if j < len(toks) and toks[j] not in need and phrases.is_verb(toks[j]) and pre.endswith("为"):
                k = j + 1
        tail = list(toks[k:])
        if (tail and tail[0] in _LIGHT and len(tail) > 2 and tail[-1] not in need and tail[-1] in phrases.VERBS
                and pre.endswith("为")):
            tail.pop()  # 为2,870名适龄女孩开展HPV疫苗接种: a light verb carries the work, named after the thing
        have = set(tail)
        if pre and toks and toks[0] in _COMPLETED and pre.endswith(("已有", "有", "已")):
            have |= set(phrases.words(pre))
        if (len(need) >= 2 and set(need) <= have and set(need) & set(tail)
                and all(t in need or t in _FILLER or t in _ALL_OF_THEM for t in tail)):
            return True
    return False


_COMPLETED = ("完成", "建成", "实现")
# 169个贫困村全部脱贫出列, 32个老旧小区均已完成改造, 2.1万名农民工实现稳定就业: all the things counted (or each) have
# had the work done, or achieved it.
_ALL_OF_THEM = frozenset("全部 均 都 已 均已 全部已 都已 已经 实现".split())
# Verbs that carry the work named after them (开展…接种, 进行…筛查).
_LIGHT = ("开展", "进行", "实施")


def mentions(clause: str, names: list[str]) -> bool:
    """Whether a clause names the metric, its words in any order (为1350户…家庭实施适老化改造)."""
    toks = set(phrases.words(clause))
    return any(n in clause or (len(_content(n)) >= 2 and set(_content(n)) <= toks) for n in names)


# The people a work benefits, named as such: a report says whom the work reached (惠及).
_BENEFIT = re.compile(r"受益(?:人口|人数|群众|人群|居民)$")


def heads(names: list[str]) -> list[tuple[str, str, bool]]:
    """(modifier, rest, generic) of each way a name may be cut in two, its rest standing for it once the
    modifier has been named: 社工站覆盖率 as 覆盖率, 城市书房接待读者 as 接待读者 (建成城市书房16个,累计接待读者…)."""
    out = []
    for name in names:
        ws = phrases.words(name)
        for k in range(1, len(ws)):
            modifier, rest = "".join(ws[:k]), "".join(ws[k:])
            if len(modifier) >= 2 and len(rest) >= 2 and keeps_stage(name, rest):
                out.append((modifier, rest, rest in _GENERIC))
                if len(ws) - k >= 2 and len(ws[-1]) >= 2:  # …随迁子女…,就读公办学校的比例达86.18%: 的 before its head
                    out.append((modifier, "".join(ws[k:-1]) + "的" + ws[-1], False))
        # 地方工业产值: …地方工业逆势增长,完成产值…: an amount that ends a word of the name (工业产值) stands for it too,
        # and so for a name that is that one word (粮食产量: 粮食收获面积…、产量14.31万吨, as 蔬菜产量 is two words)
        if len(ws[-1]) >= 4 and _AMOUNT.fullmatch(tail := ws[-1][-2:]):
            out.append((name[:-2], tail, False))
        split = phrases.head_split(name)
        if split and len(split[0]) >= 2:
            modifier, head = split
            last = phrases.words(modifier)[-1]
            if head in _GENERIC and len(last) >= 2:  # 一次性创业补贴资金: …620户,补贴资金186万元
                out.append((modifier, last + head, True))
            # 争取特别国债资金: …特别国债项目已获批,争取资金10.1亿元: the verb that leads a name of money keeps it, its
            # qualifier named in the clause right before.
            lead = phrases.leading_verbs(whole := modifier + head)
            if head.endswith("资金") and lead and len(whole) - lead >= 4:
                out.append((whole[lead:-2], whole[:lead] + "资金", True))
            if head == "完成率":  # 科技培训完成率: …培训,…已培训24589人次,完成91.9% (the share done, said by its verb)
                out.append((modifier, "完成", False))
        benefit = _BENEFIT.search(name)
        if benefit and benefit.start() >= 2:  # 饮水安全工程受益人口: …饮水安全工程,惠及18.4万人 (whom the work reached)
            out.append((name[: benefit.start()], "惠及", False))
    return out


def heads_here(short: list[tuple[str, str, bool]], sentence: str, before: str, clause: str = "") -> list[str]:
    """The rests that may stand for the metric in a clause: the sentence named the modifier (its words, in
    any order) before the rest, or (a generic rest) the clause right `before` this one did.  A part under 其中
    is a part of the whole the clause right before counts, so there the rest stands for the metric only when
    that clause named the modifier (…计划救助260名,已有198名儿童完成评估…,其中已结算救助143名: the 143 are a part
    of the 198 children, not said to be the metric's).  Nor where the clause names another thing before the rest
    (…新冠疫苗加强针…,人群完成接种: whom that 接种 counted)."""
    def named(modifier: str, text: str) -> bool:
        return modifier in text or set(phrases.words(modifier)) <= set(phrases.words(text))
    part = clause.startswith("其中")
    return list(dict.fromkeys(rest for modifier, rest, generic in short
                              if (named(modifier, before) if generic or part else named(modifier, sentence.split(rest)[0]))
                              and (rest not in clause or _alone(clause.split(rest)[0], short, rest))))


# Heads that are a quantity of something (规模, 面积, 数量): the word right before says of what; and amounts of it.
_QUANTITY = re.compile(r"规模|面积|数量|总量|产量")
_AMOUNT = re.compile(rf"{_QUANTITY.pattern}|产值|收入|投资")


def _alone(before: str, short: list, rest: str = "") -> bool:
    """Whether the words of a clause before a metric's head word leave it the metric's: they hold a word of what
    qualifies it (城中村改造8月份完成签约), or no noun at all but scope and time (全市, 8月份); 人群 of 人群完成接种,
    after a sentence that named 新冠疫苗加强针, names whom that 接种 counted."""
    own = {w for modifier, _, _ in short for w in phrases.words(modifier)}
    ws = phrases.words(re.sub(_TIME, " ", before))
    if _QUANTITY.fullmatch(rest) and ws and len(ws[-1]) >= 2 and ws[-1] not in own and phrases.is_verb(ws[-1]):
        return False  # 育肥规模达到2万头 after 肉牛养殖规模…: a work right before a quantity says whose it is
    return bool(own & set(ws)) or not any(phrases.is_noun(w) and w not in _SCOPE for w in ws)


_ITEM_SEP = re.compile(r"、|和|及|与")


def other_modifier(name: str, text: str) -> str | None:
    """The one noun of the text with the name's head noun and another modifier (公共充电桩 for
    公用和专用电动汽车充电桩, whose modifier lists kinds with 和), else None: never when the head stands with two
    modifiers or bare, is a verb (增长), when the name's modifier lists no kinds or sets one kind apart (农村充电桩
    is no 城市充电桩, 雨水管网 no 污水管网), or the text's is a verb or scope word."""
    split = phrases.head_split(name)
    if not split or len(split[0]) < 2 or split[1] in _GENERIC:
        return None
    modifier, head = split
    # Only a name whose modifier lists kinds (公用和专用) is the whole of its head noun: 雨水管网 is no 污水管网.
    ws = phrases.words(modifier)
    if any(_sets_kind(w) for w in ws) or not _ITEM_SEP.search(modifier) or phrases.is_verbal(head):
        return None
    forms = set()
    for m in re.finditer(re.escape(head), text):
        before = phrases.word_before(text, m.start())
        if (not before or len(before) < 2 or phrases.is_verb(before) or before in _JOINERS
                or before in _NARRATIVE_VERBS or re.search(r"[\d\W]", before)):
            return None  # the head bare, or after a verb: the thing in general is named too
        forms.add(before + head)
    return forms.pop() if len(forms) == 1 and name not in forms else None


def kind_part(name: str, text: str) -> str | None:
    """The word of kind (农村) of a name such as 农村充电桩, or its place (陆河县), when the text gives it alone as a
    part under 其中 right after a clause that named its head (…公共充电桩104个,其中农村71个), else None."""
    # 农村养老服务驿站, 乡镇及农村充电桩: the words of kind that lead the name (listed with 及, 和 or 与), and the rest.
    ws = phrases.words(name)
    k = _place_lead(ws)
    while k < len(ws) and (_sets_kind(ws[k]) or (k and ws[k] in ("及", "和", "与") and k + 1 < len(ws))):
        k += 1
    kind, head = "".join(ws[:k]), "".join(ws[k:])
    if not kind or kind.endswith(("及", "和", "与")) or len(head) < 2 or head in _GENERIC:
        return None
    # (…项目,其中海丰县完成28个、陆河县24个: a place's part may stand anywhere in the list under 其中)
    m = re.search(rf",其中(?:[^,，;；。]*、)?{re.escape(kind)}\d", text)
    if not m:
        return None
    at = max(text.rfind(c, 0, m.start()) for c in ",，;；。") + 1
    whole, before = text[at : m.start()], text[max(text.rfind(c, 0, at) for c in "。;；\n") + 1 : at]
    # (计划新增7条公交线路,现已新增20条,其中…长乐市2条: a whole whose clause names no noun of its own counts what the
    # sentence named before it)
    bare = whole and not any(phrases.is_noun(w) and w not in _SCOPE for w in phrases.words(re.split(r"\d", whole)[0]))
    head_words = set(phrases.words(head))
    return kind if head_words <= set(phrases.words(whole)) or (bare and head_words <= set(phrases.words(before))) else None
