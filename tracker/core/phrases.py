"""Words of Chinese report text for the figure reader (tracker/core/figures.py): numbers, measure words, verbs.

Text is cut into words by jieba, with a user dictionary of the measure words and
verbs below, and each word's part of speech is jieba's dictionary tag.  The reader
asks three things of it: where words begin (a metric's name must begin a word, so
农村社区养老服务站 holds no 社区养老服务站), whether a word is a verb (募集, 更换 and
提升 lead a name without being listed), and what a Chinese numeral counts (两个 is 2
个, 二十六个 is 26 个, read by cn2an; 进一步, 统一 and 第一 are words, not numbers).
jieba and cn2an are imported on first use, and only for text that needs them.
"""

from __future__ import annotations

import logging
import os
import re
import tempfile
from decimal import Decimal
from functools import lru_cache

_BASES = (
    "个百分点 个工作日 个月 人次 户次 件次 条次 场次 家次 批次 所次 车次 班次 架次 课时 学时 "
    "个 人 户 件 条 张 家 所 处 座 名 位 项 元 美元 次 "
    "平方公里 平方米 平米 立方米 米 公里 公顷 亩 台 套 辆 间 床 批 场 期 部 篇 份 册 吨 公斤 千克 斤 类 种 栋 幢 块 笔 宗 起 例 "
    "对 盒 盏 棵 株 只 头 双 箱 袋 瓶 片 段 道 桩 艘 架 幅 枚 根 支 组 队 樘 扇 孔 剂 堂 "
    "小时 天 年 月 日 周 号 届 岁 倍 % ‰ "
    # Of power, earthwork and wells (5万千瓦, 600万方, 20眼); rates per day or year as one measure word (3350吨/天).
    # Of video channels (治安监控2.5万路); of containers in twenty-foot units (集装箱吞吐量65万标准箱, 万标箱); of
    # energy in tons of standard coal or oil equivalent (能源生产总量49.8亿吨标准煤), of emissions (万吨二氧化碳).
    "千瓦时 千瓦 兆瓦时 兆瓦 方 眼 口 路 吨/天 吨/日 吨/年 立方米/天 立方米/日 标准箱 标箱 "
    "吨标准煤 吨标煤 吨油当量 吨二氧化碳 吨二氧化碳当量 千伏安 兆伏安"
).split()
# Measure words read only after digits: 三方, 一口气, 一眼, 一路 and 八一堂 are words, not counts (300堂讲座 is one).
_DIGITS_ONLY = frozenset("方 口 眼 路 堂".split())
_MAGS = "十万 百万 千万 万亿 万 亿 千 百".split()
MAGNITUDES = _MAGS
UNITS = sorted({m + b for m in ["", *_MAGS] for b in _BASES} | set(_MAGS), key=len, reverse=True)
# What follows a route's number (3路公交): 路 there counts nothing.
_ROUTE = ("公交", "车", "线", "口")
# A measure word followed by one of these is a longer one (50场次 is no 50 场): never the shorter.
_LONGER = ("次", "/")

# Verbs of the work itself; jieba's dictionary knows most of them, these it must not miss.
VERBS = (
    "新改建 改扩建 新建 新增 新设 新培育 改造 改建 扩建 建设 建成 建立 完成 培育 培训 打造 创建 实施 开展 提供 "
    "发放 扶持 安装 配备 设立 开设 增设 增加 招募 吸纳 引进 孵化 实现 落实 推进 推动 达到 募集 销售 更换 "
    "提升 改造提升 新建改建 新建改造 举办 组织 建成投用 投入使用 完工 更新 优化 新辟 开通 加装 整治 治理 营造 "
    "筹集 接种 帮助 引导 推荐 救助 接待 办理 资助 投用 投运 完工投用 竣工验收 验收合格 配置 排查 扩招 施划 大中修 普及 配发 投放 选派 提质 提标 提档"
).split()

NUM = re.compile(
    # Not inside another number, list, range, ordinal or per-rate.
    # A digit that touches a Latin letter is part of a name (5G基站, 4A级景区, PM2.5).
    r"(?<!\d)(?<!\d\.)(?<!\d[,，、\s/])(?<!\d[-~～—–至到])(?<![第每A-Za-z])"
    r"(\d{1,3}(?:,\d{3})+(?!\d)|\d+)(\.\d+)?(?!\.\d|,\d|[A-Za-z])"
)
_FULLWIDTH = str.maketrans("０１２３４５６７８９．％", "0123456789.%")
# 1―11月, 1─9月, 1–8月: a range written with another dash is the range of 1-8月.
_RANGE_DASH = re.compile(r"(?<=\d)[―─–－](?=\d)")
_QUOTES = re.compile(r"[“”‘’\"'《》「」『』]")
_QUOTED = re.compile(r"(“[^“”]*”|《[^《》]*》|「[^「」]*」)")
_ASIDE = re.compile(r"\([^()]*\)|（[^（）]*）")
# Blanks inside a line are dropped unless they stand between two digits (`17 419` is no 17419).
_BLANKS = re.compile(r"(?<![\d\sA-Za-z])[ \t\r\u3000\xa0]+|[ \t\r\u3000\xa0]+(?![\d\s])")
# A blank between a Latin letter and a digit parts a name from its figure (安装AED 460台; AED460 would be one name, as
# 5G and PM2.5 are): it is kept as one space, which the readers take as no word.
_LATIN_BLANK = re.compile(r"(?<=[A-Za-z])[ \t\r\u3000\xa0]+(?=\d)")
_CN_NUMERAL = re.compile(r"[零一二两三四五六七八九十百千万亿]+")
# Digits right after an acronym of capitals (AED1100台): a figure when a measure word follows them, as after a blank.
_ACRONYM_DIGITS = re.compile(r"(?<=[A-Z]{2})(?:\d{1,3}(?:,\d{3})+(?!\d)|\d+)(?:\.\d+)?")


def _acronym_figures(text: str) -> str:
    """`text` with a blank between an acronym and the figure of a measure word that follows it (AED1100台 as AED 1100台;
    PM2.5浓度 and COVID19疫苗 stay names)."""
    return _ACRONYM_DIGITS.sub(lambda m: " " + m.group() if unit_at(text, m.end()) else m.group(), text)


def _unit_at(s: str, i: int) -> str:
    return next((u for u in UNITS if s.startswith(u, i)), "")


# Measure words of one character: one that stands as a word of its own right after another measure word
# makes a compound with it (万台套, 人天), whereas one that begins a longer word (户家庭, 个项目, 个人居环境) does not.
# Those read only after digits never continue another (300套路口 is no 300 套路).
_ONE_CHAR = frozenset(b for b in _BASES if len(b) == 1 and "\u4e00" <= b <= "\u9fff") - _DIGITS_ONLY


def _compound_after(s: str, j: int) -> str:
    """The measure word of one character that continues a measure word ending at s[j] ('' if none); one that begins
    a word of the dictionary with the character after it (20个人居环境示范村: 人居) begins the noun counted instead."""
    return s[j] if j < len(s) and s[j] in _ONE_CHAR and j + 1 in starts(s) and not (j + 2 <= len(s) and is_word(s[j:j + 2])) else ""


def unit_at(s: str, i: int) -> str:
    """The measure word written at s[i:], read whole ('' if none): a compound one is taken with its second
    part (100万台套 is 100 万台套, never 万台); one that runs into a per-rate (元/人) or 次 not known is ''."""
    unit = _unit_at(s, i)
    if unit and (more := _compound_after(s, i + len(unit))):
        unit += more
    if unit in _MAGS and _unknown_measure(s, i + len(unit)):
        return ""  # 5万千瓦, 600万方: a magnitude before a measure word not known is no measure word of its own
    if _route(s, i, unit):
        return ""
    if unit and (per := _PER_POPULATION.match(s, i + len(unit))):
        return unit + per.group()  # 4批次/千人: a ratio to the population, read whole
    return "" if unit and s.startswith(_LONGER, i + len(unit)) else unit


# A measure word per a round number of people (4批次/千人, 35张/万人): a ratio to the population, which a task
# sets as it sets 每千人口托位数 (the lead's convention); never per one person (元/人), a per-head figure.
_PER_POPULATION = re.compile(r"/(?:每)?[十百千万]人口?(?![\u4e00-\u9fff])")


def _route(s: str, i: int, unit: str) -> bool:
    """Whether 路 at s[i:] numbers a bus route (3路公交, 5路车): it counts nothing there."""
    return unit.endswith("路") and s.startswith(_ROUTE, i + len(unit))


def _unknown_measure(s: str, j: int) -> bool:
    """Whether s[j:] goes on with a word that is not one of the few that may follow a bare magnitude."""
    return j < len(s) and "\u4e00" <= s[j] <= "\u9fff" and not s.startswith(("以上", "以内", "以下", "左右", "余", "多"), j)


def unit_is(s: str, i: int, unit: str) -> bool:
    """True when the measure word written at s[i:] is exactly `unit` (not 人次 for 人, 万台套 for 万台, nor 元/人)."""
    return (s.startswith(unit, i) and len(_unit_at(s, i)) <= len(unit)
            and not s.startswith(_LONGER, i + len(unit)) and not _compound_after(s, i + len(unit))
            and not _route(s, i, unit))


@lru_cache(maxsize=1)
def _jieba():
    import jieba

    jieba.setLogLevel(logging.WARNING)
    # jieba caches its prefix dictionary in a file; where none can be written it builds it each time.
    for d in (os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache"), tempfile.gettempdir()):
        d = os.path.join(d, "tracker") if d != tempfile.gettempdir() else d
        try:
            os.makedirs(d, exist_ok=True)
            if os.access(d, os.W_OK):
                jieba.dt.tmp_dir = d
                break
        except OSError:
            continue
    else:
        jieba.setLogLevel(logging.CRITICAL)
    for w in VERBS:
        jieba.add_word(w, 2000, "v")
    for u in _BASES:
        if len(u) > 1 and not u.startswith("个") and "/" not in u:
            jieba.add_word(u, 2000, "q")
    return jieba


@lru_cache(maxsize=1)
def _tags() -> dict:
    import jieba.posseg

    _jieba()
    return jieba.posseg.dt.word_tag_tab


@lru_cache(maxsize=4096)
def words(text: str) -> tuple[str, ...]:
    """The words of `text`, as jieba cuts it."""
    return tuple(_jieba().lcut(text, HMM=False))


@lru_cache(maxsize=4096)
def starts(text: str) -> frozenset[int]:
    """The offsets in `text` at which a word begins (and its length)."""
    out, at = set(), 0
    for w in words(text):
        out.add(at)
        at += len(w)
    out.add(at)
    return frozenset(out)


def is_verb(word: str) -> bool:
    """A verb by the list above or by jieba's dictionary tag (v; vn nouns such as 服务 are not)."""
    # 新开工, 新建成: 新 before a verb makes a verb jieba may hold as one word.
    # 续聘, 新聘: 新 or 续 before a one-character verb makes a verb the dictionary lacks (or takes for a name, nr).
    return word in VERBS or (len(word) >= 2 and _tags().get(word) == "v") or (
        len(word) >= 3 and word[0] == "新" and is_verb(word[1:])) or (
        len(word) == 2 and word[0] in "新续" and _tags().get(word[1]) == "v" and _tags().get(word) in (None, "nr"))


def is_noun(word: str) -> bool:
    """A noun of two characters or more by jieba's dictionary tag (人群, 学生; n, nr, ns, nz, not vn)."""
    return len(word) >= 2 and (_tags().get(word) or "").startswith("n")


def is_word(word: str) -> bool:
    """Whether jieba's dictionary holds the word (农村, 公路)."""
    return word in _tags()


def is_verbal(word: str) -> bool:
    """A verb or a verbal noun (救助, 筛查, 评估 are tagged vn): what may end a name of work done; verbs listed as one
    word the dictionary lacks (更新改造, 升级改造) are one."""
    return is_verb(word) or (len(word) >= 2 and _tags().get(word) == "vn") or (
        len(word) >= 4 and leading_verbs(word) == len(word))


# Adverbs of how the work went that jieba's dictionary tags as nouns (全面开工, 基本建成, 有序推进).
_MANNER_ADVERBS = frozenset("全面 基本 全部 有序 大力 首批".split())


def is_adverb(word: str) -> bool:
    """An adverb (陆续, 顺利, 正式, 逐步 by jieba's tags d, ad, vd; 全面, 基本 as used before a verb): it says how the
    work went, never what was worked on."""
    return word in _MANNER_ADVERBS or (len(word) >= 2 and _tags().get(word) in ("d", "ad", "vd"))


def word_before(text: str, i: int) -> str | None:
    """The word that ends at offset i of text, or None when i is inside a word."""
    at = 0
    for w in words(text):
        if at + len(w) == i:
            return w
        if at + len(w) > i:
            return None
        at += len(w)
    return None


def verb_pair(word: str) -> bool:
    """A word of four characters that is two verbs of jieba's dictionary (推广应用, which jieba tags an idiom):
    a verb where it leads a name."""
    return len(word) == 4 and is_verb(word[:2]) and is_verb(word[2:])


def _two_verbs(word: str) -> bool:
    """A word jieba holds whole that is two listed verbs (更新改造, 提升改造)."""
    return len(word) == 4 and word[:2] in VERBS and word[2:] in VERBS


def leading_verbs(text: str, listed_only: bool = False) -> int:
    """How many characters of verbs (募集, 改造提升, 新设) begin `text`, as whole words."""
    at = 0
    ws = words(text)
    k = 0
    # The first verb may be any verb of jieba's dictionary; those after it only listed ones
    # (改造提升, but not 改造 认知症…: 认知 begins the name).
    # A verbal noun first is a verb when a listed verb follows it (调整优化, 综合改造提升).
    while k < len(ws) and ((ws[k] in VERBS or _two_verbs(ws[k]) or (not k and not listed_only and (
                               is_verb(ws[k]) or verb_pair(ws[k]))))
                           or (not k and not listed_only and len(ws) > 1 and ws[1] in VERBS and is_verbal(ws[0]))
                           or (ws[k] == "新" and k + 1 < len(ws) and is_verb(ws[k + 1]))):
        at += len(ws[k])
        k += 1
    return at


def head_split(name: str) -> tuple[str, str] | None:
    """(modifier, head) of a name such as 社工站覆盖率 (社工站, 覆盖率), the head its last word(s) of 2+ characters."""
    ws = words(name)
    for k in range(len(ws) - 1, 0, -1):
        head = "".join(ws[k:])
        if len(head) >= 2:
            return "".join(ws[:k]), head
    return None


def verb_first(name: str) -> list[str]:
    """A name with a verb inside it as a narrative may write it with the verb first: 养老护理员培训 as
    培训养老护理员, 城镇新增就业 as 新增城镇就业, 流浪乞讨人员救助 as 救助流浪乞讨人员 (verbs of two characters or
    more, a verbal noun only as the last word, never the first word)."""
    ws: list[str] = []
    for w in words(name):  # 人员培训 is one word to jieba: its verb is split off
        tail = next((v for v in VERBS if len(v) == 2 and len(w) > 3 and w.endswith(v)), "")
        ws += [w[:-2], tail] if tail else [w]
    out = ["".join((ws[k], *ws[:k], *ws[k + 1:])) for k in range(1, len(ws))
           if len(ws[k]) >= 2 and (is_verb(ws[k]) or ws[k] in ("培训", "销售") or (k == len(ws) - 1 and is_verbal(ws[k])))]
    # 农贸市场升级改造 as 升级改造农贸市场: verbs that end the name together move first together.
    j = len(ws)
    while j > 1 and len(ws[j - 1]) >= 2 and (is_verb(ws[j - 1]) or is_verbal(ws[j - 1])):
        j -= 1
    if 1 <= j < len(ws) - 1:
        out.append("".join((*ws[j:], *ws[:j])))
    return out


def _arabic(numeral: str) -> str | None:
    import cn2an

    try:
        value = cn2an.cn2an(numeral, "smart")
    except (ValueError, KeyError, IndexError, TypeError):
        return None
    return str(int(value)) if float(value).is_integer() and value > 0 else None


_ABOUT = re.compile(r"[一二两三四五六七八九]{2}")


def with_digits(text: str) -> str:
    """`text` with each Chinese numeral that counts a measure word written in digits (两个 → 2个, 三千余人 → 3000余人).

    A magnitude stays a measure word (两万张 → 2万张).  A numeral must begin a word: 进一步, 统一, 一体化
    and 第一 are not numbers.
    """
    if not _CN_NUMERAL.search(text):
        return text
    out, last = [], 0
    for m in _CN_NUMERAL.finditer(text):
        numeral, end = m.group(), m.end()
        if len(numeral) > 1 and numeral[-1] in "万亿":
            numeral, end = numeral[:-1], end - 1
        follows = (_unit_at(text, end + 1) if text[end:end + 1] in ("余", "多") else "") or _unit_at(text, end)
        # A lone 二 before a measure word is an order (二次供水, 二级, 二期): Chinese counts two with 两.
        # A lone 一 before 次 is how often (免费体检一次: once), no count; before 批 it is some, unsaid how many (新建一批
        # 户用卫生厕所: a batch, no figure, whose 批 would run on into the measure word after it).
        if (not follows or follows in _MAGS or follows in _DIGITS_ONLY or numeral == "二" or (numeral == "一" and follows in ("次", "批")) or text[m.start() - 1:m.start()] in ("第", "每", "其", "之", "初", "周")
                or m.start() not in starts(text)
                # 一次性: a word that runs on past the measure word is no count
                or end + len(follows) + (text[end:end + 1] in ("余", "多")) not in starts(text)):
            continue
        # 两三个, 七八十人, 十一二个: two digits side by side say about so many (two or three), no count
        digits = None if _ABOUT.search(numeral) else _arabic(numeral)
        if digits is None:
            continue
        out += [text[last:m.start()], digits]
        last = end
    return "".join(out) + text[last:] if out else text


def normalise(text: str) -> str:
    """Digits half-width, quotation marks and blanks (but between digits) and asides in parentheses gone, Chinese numerals in digits."""
    # A numeral inside quotation marks is part of a name (“一件事一次办”): only those outside are read.
    text = _RANGE_DASH.sub("-", text.translate(_FULLWIDTH))
    text = "".join(part if k % 2 else with_digits(part) for k, part in enumerate(_QUOTED.split(text)))
    text = _BLANKS.sub("", _LATIN_BLANK.sub(" ", _QUOTES.sub("", text)))
    if _ACRONYM_DIGITS.search(text):
        text = _acronym_figures(text)
    while True:  # nested asides are removed from the inside out
        shorter = _ASIDE.sub("", text)
        if shorter == text:
            return text
        text = shorter


def as_written(text: str, words: str, dropped: re.Pattern | None = None) -> str:
    """The span of `text` that normalise() turned into `words` (at their first place), as the text writes it
    (两千一百个, not 2100个), so that a clerk finds it in the cell; `words` when they cannot be placed.
    `dropped`: what the reader took out of the normalised text before it read `words` (conditions such as
    65岁以上): the span then runs over it (已为65岁以上老年人免费体检…, not 已为老年人免费体检…)."""
    normal = normalise(text)
    start = normal.find(words)
    end = start + len(words)
    if start < 0 and dropped is not None:
        keep, pos = [], 0  # the places in `normal` of what is left once `dropped` is taken out
        for m in dropped.finditer(normal):
            keep += range(pos, m.start())
            pos = m.end()
        keep += range(pos, len(normal))
        k = "".join(normal[i] for i in keep).find(words)
        if k >= 0 and words:
            start, end = keep[k], keep[k + len(words) - 1] + 1
    if start < 0:
        return words
    if normal == text:
        return text[start:end]
    from difflib import SequenceMatcher

    # Characters normalise() kept are matched in both texts; a span's ends fall on or between them.
    blocks = SequenceMatcher(None, normal, text, autojunk=False).get_matching_blocks()

    def at(i: int, end: bool) -> int:
        for a, b, size in blocks:
            if a <= i < a + size or (end and i == a + size and size):
                return b + (i - a)
        before = [(a, b, size) for a, b, size in blocks if a + size <= i and size]
        after = [(a, b, size) for a, b, size in blocks if a > i and size]
        if end:  # the end of a changed stretch: where the next kept character begins
            return after[0][1] if after else len(text)
        return before[-1][1] + before[-1][2] if before else 0

    first, last = at(start, False), at(end, True)
    span = text[first:last].strip()
    return span if span and normalise(span).find(words[:1]) >= 0 else words


def number(m: re.Match) -> float:
    """The number a match of NUM reads."""
    return float(Decimal(m.group(1).replace(",", "") + (m.group(2) or "")))


def in_parallel(item: str, last: str) -> list[str]:
    """The whole names an earlier item of a list may stand for, sharing the last item's words (城镇 of 城镇、农村居民
    人均可支配收入: 城镇居民人均可支配收入): the last without its first word, or without as many characters as the item
    has (the items are parallel: 城镇 for 农村 of 农村居民, a word of jieba's)."""
    first = words(last)[0]
    return [item + last[len(first):]] + ([item + last[len(item):]] if len(last) > len(item) else [])
