"""Which years a narrative's figure covers, by the years it names: another year than the report's (2023年…, beside
今年 elsewhere; 上年完成…), or a span of several (2017年以来, 2010-2013年, 五年累计) that holds more than the report's year; and
whether a growth is said over several years (“十四五”时期, 近五年, 由A增加到B) rather than the year's.

The report's year is never named as such; these rules tell it only from the other years the text names, and from
its words for this year (今年) and the last (去年).
"""

from __future__ import annotations

import re

from tracker.core.figure_words import _CLAUSE, growth_metric
from tracker.core.narrative_text import FROM_TO

# A whole year named by its number (2023年, 2023年底), not a month of it (2024年8月).
_YEAR_NAMED = re.compile(r"(?<!\d)(20\d\d)年(?!\d|度?[1-9一二三四上下前]|以来)")
_THIS_YEAR = re.compile(r"今年|本年|年内")
# The year before named as the figure's own time (上年完成…251公里); a change against it (较上年, 比去年同期) or its
# end as a base (去年底) is no such figure.
_LAST_YEAR = re.compile(r"(?<![较比与同于超])(?:上年|去年|上一年)(?!底|末|同期|年底)")


def past_year(words: str, text: str) -> bool:
    """Whether the words of a figure tie it to another year than the report's: a year named by its number where
    the text speaks of 今年 elsewhere (2023年全市共新建充电桩2800个;今年截至7月底已新建1930个).  Two numbered
    years alone (2020年…,2019年…) do not say which is the report's."""
    return bool(_LAST_YEAR.search(words)) or (
        bool(_YEAR_NAMED.search(words)) and bool(_THIS_YEAR.search(text.replace(words, ""))))


def year_opened(words: str, text: str) -> bool:
    """Whether a clause is a later one of a sentence that opens on another year than the report's, which covers it
    up to a clause with 今年 of its own (2022年计划开展138个项目,实际完成147个子项目 beside 今年… elsewhere)."""
    if _THIS_YEAR.search(words):
        return False
    for sentence in text.split("\n"):
        if sentence.find(words) > 0 and _YEAR_NAMED.match(opening := _CLAUSE.split(sentence)[0]):
            return past_year(opening, text)
    return False


# A whole year named by its number that leads the verb of a figure (2024年完成投资19.23亿元); its end (2024年底) is a date.
_YEARS_WORK = re.compile(r"(?<!\d)20\d\d年(?!\d|度?[1-9一二三四上下前]|以来|底|末)度?(?:全年)?[,，]?(?:已经|已|共|累计)*"
                         r"(?P<verb>[\u4e00-\u9fff]{2})[^,，;；。]*?\d")


def numbered_years_work(sentence: str, words: str) -> frozenset:
    """The verbs a sentence ties to a year named by its number in clauses other than `words` (累计完成投资68.39亿元,
    2024年完成投资19.23亿元): beside them a running total of the same verb may be of all years, and the year's figure
    the report's or another's; the text does not say which."""
    return frozenset(m["verb"] for m in _YEARS_WORK.finditer(sentence.replace(words, "")))


# A span that starts in a year named by its number (2017年以来, 自2017年5月开始, 从2020年起).
_SINCE_YEAR = re.compile(r"(?<!\d)(20\d\d)年(?:\d{1,2}月份?(?:\d{1,2}日)?)?(?:以来|开始|起)")
_ANY_YEAR = re.compile(r"(?<!\d)(20\d\d)年")
_YEARS = re.compile(r"(?<!\d)(20\d\d)年?[-—–~至到](20\d\d)年")  # 2010-2013年, 2016至2018年


def since_past_years(text: str) -> list[str]:
    """The lines of a text that count from a numbered year earlier than another the text names (自2017年5月开始,…,
    其中2018年…) or where it speaks of 去年 (2016年以来的…), or over a span of years that ended before another year it
    names (2010-2013年,共建设…;2014年计划…): their figures span several years, none of them the report's alone.
    The years the text names are found once (a note may run to thousands of characters)."""
    later = [int(m[1]) for m in _ANY_YEAR.finditer(_YEARS.sub("", text))]
    last_year = bool(_LAST_YEAR.search(text))
    out = []
    for line in text.split("\n"):
        since = [int(m[1]) for m in _SINCE_YEAR.finditer(line)]
        if since and (any(y > min(since) for y in later) or last_year) or any(
                y > int(m[2]) for m in _YEARS.finditer(line) for y in later):
            out.append(line)
    return out


# A span of several years named by its length (五年累计完成, 三年来, 5年间, 近五年): a total over them, not the year's.
_YEARS_COUNTED = re.compile(r"(?<![\d.])(?:[2-9]|1\d|[两三四五六七八九十])年(?:来|间|以来|累计|共计|合计|总计)|近(?:\d+|[两三四五六七八九十])年")
# 累计完成288.2亿元,年均增长4.1%: a running total whose growth the next words give per year spans several years.
_PER_YEAR = re.compile(r"[,，]?年均(?:增长|增速|递增|下降)")


def over_years(words: str, text: str) -> bool:
    """Whether a figure's words (as the text writes them) make it a total over several years: a span named by its
    length (全社会固定资产投资五年累计完成406.5亿元), or a running total (累计) whose growth the clause after it gives
    per year (累计完成288.2亿元,年均增长4.1%)."""
    if _YEARS_COUNTED.search(words):
        return True
    at = text.find(words)
    return "累计" in words and at >= 0 and bool(_PER_YEAR.match(text, at + len(words)))


# The years a growth is said over: a five-year plan's period (“十四五”时期), the last few years (近五年, 多年来), or the
# change between two levels just given (由171.67亿元增加到223.39亿元,增长46.9%), which a report of one year writes
# only of several.
_YEARS_SPOKEN = re.compile(r"十[一二三四五六七八九]五[”\"」]?(?:时期|期间|以来)|近(?:\d+|[两三四五六七八九十])年|多年来|[两三四五六七八九十]年来")


def growth_over_years(text: str, words: str, name: str, unit: str) -> bool:
    """Whether a growth metric's figure (in its clause `words`, as the text writes it) is a growth said over several
    years, not the year's."""
    at = text.find(words)
    if at < 0 or not growth_metric(name, unit):
        return False
    start = max(text.rfind(c, 0, at) for c in "。;；!！?？\n") + 1  # the sentence up to the figure's clause
    before = re.split(r"[,，]", text[start:at].rstrip(",，"))[-1]  # the clause right before it
    return bool(_YEARS_SPOKEN.search(text, start, at + len(words))) or bool(FROM_TO.search(before))


# Spans of the year to date and the month they end with (一季度: 3, 上半年: 6, 1-9月: 9, 截至8月底: 8).
_SPAN_TO_DATE = re.compile(r"第?一季度|上半年|前三季度|(?<![\d.])1[-—~至]([1-9]|1[0-2])月|截[至止](?:20\d\d年)?(\d{1,2})月")
_SPAN_MONTH = {"一季度": 3, "上半年": 6, "前三季度": 9}
_TIME_OWN = re.compile(r"\d{1,2}月|季度|半年|当月|本月")
# The span that opens a sentence and governs its figures (而今年第一季度…, 一季度,…).
_OPENS = re.compile(r"(?:而|但|同时|另外)?(?:今年|本年|20\d\d年)?")
# A span forecast or planned (预计上半年…, 上半年预计增长4%) is no time the text reports.
_NOT_REPORTED = re.compile(r"预计|计划|目标|力争|预期")


def _span_end(m: re.Match) -> int:
    return int(m[1] or m[2]) if (m[1] or m[2]) else _SPAN_MONTH[m.group().removeprefix("第")]


def earlier_span(text: str, words: str) -> bool:
    """Whether a figure (in its clause `words`, as the text writes it) is in a sentence that opens on a span of the year
    to date ending before another span the text reports: 而今年第一季度…上交税费总额4,827.9亿元 in a report of 今年上半年
    is a quarter past, not the half-year's figure; a span forecast (预计上半年…) is none reported."""
    at = text.find(words)
    if at < 0:
        return False
    start = max(text.rfind(c, 0, at) for c in "。!！?？\n") + 1
    own = _SPAN_TO_DATE.match(text, start + len(_OPENS.match(text, start).group()))
    if not own or own.start() > at + len(words) or _TIME_OWN.search(text, own.end(), at + len(words)):
        return False  # (上半年…;1-8月旅游总收入…: a time of the figure's own)
    later = [m for m in _SPAN_TO_DATE.finditer(text) if _span_end(m) > _span_end(own)]
    return any(not _NOT_REPORTED.search(re.split(r"[,，;；。!！?？\n]", text[: m.start()])[-1]
                                        + re.split(r"[,，;；。!！?？\n]", text[m.start():])[0]) for m in later)


# One day (10月1日当天, 单日): its figure is the day's, of no span to date nor month.
_ONE_DAY = re.compile(r"当天|当日|单日")


def one_day(text: str, words: str) -> bool:
    """Whether a figure (in its clause `words`) is in a sentence that says, before it, it is one day's (10月1日当天,
    全国铁路发送旅客692.5万人次): the day's figure, not the month's nor the total to date."""
    at = text.find(words)
    start = max(text.rfind(c, 0, at) for c in "。!！?？\n") + 1 if at >= 0 else 0
    return at >= 0 and bool(_ONE_DAY.search(text, start, at + len(words)))
