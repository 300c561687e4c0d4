"""Which years a narrative's figure covers, by the years it names: another year than the report's (2023年…, beside
今年 elsewhere; 上年完成…), or a span of several (2017年以来, 2010-2013年, 五年累计) that holds more than the report's year; and
whether a growth is said over several years (“十四五”时期, 近五年, 由A增加到B) rather than the year's.

The report's year is never named as such; these rules tell it only from the other years the text names, and from
its words for this year (今年) and the last (去年).
"""

from __future__ import annotations

import re

from tracker.core.figure_words import growth_metric
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
