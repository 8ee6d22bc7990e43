"""How figures are written in each language — the one place for number words.

English groups digits by thousands and names millions and billions::

    219.8 billion yuan · nearly 530,000 people · over 300 people · 9.7% · 2001

Chinese groups by 万 (10⁴) and 亿 (10⁸), puts the unit right after the number
and writes "over" as 余 after a round number::

    2198亿元 · 近53万人 · 300余人 · 9.7% · 2001年

Nothing is rounded: the number shown is the stored value in a larger unit
(217,500,000 yuan is 217.5 million / 2.175亿), so no figure says more or less
than its source. Templates use the ``figure_value`` and ``assessment``
filters of ``facts.templatetags.figures``; views and exports call these
functions directly. Keyed by unit value (see ``facts.models.KeyFigure.Unit``)
so that this module stays free of models.
"""

from decimal import Decimal

from core.i18n import languages, traditional

# Units whose large values are written with a scale word (million / 万 ...).
SCALED_UNITS = {"count", "yuan", "people", "projects"}

EN_SCALES = [(Decimal(10) ** 12, "trillion"), (Decimal(10) ** 9, "billion"), (Decimal(10) ** 6, "million")]
ZH_SCALES = [(Decimal(10) ** 12, "万亿"), (Decimal(10) ** 8, "亿"), (Decimal(10) ** 4, "万")]

# unit -> (singular, plural) after the number, with its separating space.
EN_UNITS = {
    "count": ("", ""),
    "percent": ("%", "%"),
    "yuan": (" yuan", " yuan"),
    "people": (" person", " people"),
    "projects": (" project", " projects"),
    "years": (" year", " years"),
    "year": ("", ""),
    "km2": (" km²", " km²"),
}
ZH_UNITS = {
    "count": "",
    "percent": "%",
    "yuan": "元",
    "people": "人",
    "projects": "个",
    "years": "年",
    "year": "年",
    "km2": "平方公里",
}
EN_QUALIFIERS = {"over": "over ", "nearly": "nearly ", "about": "about "}
ZH_QUALIFIERS = {"over": "超过", "nearly": "近", "about": "约"}


def plain(value, group=False):
    """A Decimal as written, never in exponent form and without trailing zeros:
    ``Decimal("13.60")`` -> ``13.6``; with ``group``, ``530000`` -> ``530,000``."""
    value = Decimal(value).normalize()
    return format(value, ",f" if group else "f")


def _scaled(value, scales):
    for size, word in scales:
        if abs(value) >= size:
            return value / size, word
    return value, ""


def _format_en(value, unit, qualifier):
    if unit == "year":
        number, scale = plain(value), ""
    elif unit in SCALED_UNITS:
        mantissa, word = _scaled(value, EN_SCALES)
        number, scale = plain(mantissa, group=True), f" {word}" if word else ""
    else:
        number, scale = plain(value, group=True), ""
    singular, plural = EN_UNITS.get(unit, ("", ""))
    unit_word = singular if value == 1 and not scale else plural
    return f"{EN_QUALIFIERS.get(qualifier, '')}{number}{scale}{unit_word}"


def _format_zh(value, unit, qualifier):
    if unit in SCALED_UNITS:
        mantissa, scale = _scaled(value, ZH_SCALES)
    else:
        mantissa, scale = value, ""
    number = plain(mantissa)
    unit_word = ZH_UNITS.get(unit, "")
    # 余 follows a round number of things: 300余人, 80余亿元, 50余万人. It cannot
    # follow 6 or 2.5 (or a percentage), which take 超过 in front instead.
    round_count = unit in SCALED_UNITS and mantissa > 0 and mantissa % 10 == 0
    if qualifier == "over" and round_count:
        return f"{number}余{scale}{unit_word}"
    return f"{ZH_QUALIFIERS.get(qualifier, '')}{number}{scale}{unit_word}"


FORMATTERS = {"en": _format_en, "zh-hans": _format_zh}


def format_amount(value, unit="count", qualifier="", language=None):
    """``value`` (a Decimal, int or numeric string) in ``unit`` as the page's
    language writes it. ``qualifier`` is "", "over", "nearly" or "about"."""
    if value is None:
        return ""
    formatter = FORMATTERS.get(languages.written(language), _format_en)
    # Traditional: the Simplified words converted (2198亿元 -> 2198億元).
    return traditional.convert(formatter(Decimal(value), unit, qualifier or ""), language or languages.current())


def format_figure(figure, language=None):
    """A ``KeyFigure``'s value, unit and qualifier in the page's language."""
    return format_amount(figure.value, figure.unit, figure.qualifier, language)


def ordinal(number, language=None):
    """1st, 2nd, 3rd, 11th, 22nd / 第1名 ... (the place in a ranking)."""
    if languages.written(language) == "zh-hans":
        return f"第{number}名"
    suffix = "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    return f"{number}{suffix}"


def format_rank(rank=None, top=None, out_of=None, consecutive=None, language=None):
    """A place in a ranking, as precise as it is known:
    ``1st of 45, for the 8th year running`` / ``第1名（共45个园区），连续第8年``;
    ``top 10 of 45`` / ``前10名（共45个园区）``; ``6th`` / ``第6名``."""
    zh = languages.written(language) == "zh-hans"
    if rank is not None:
        place = ordinal(rank, language)
    elif top is not None:
        place = f"前{top}名" if zh else f"top {top}"
    else:
        return ""
    if out_of is not None:
        place += f"（共{out_of}个园区）" if zh else f" of {out_of}"
    if consecutive and consecutive > 1:
        place += f"，连续第{consecutive}年" if zh else f", for the {ordinal(consecutive, 'en')} year running"
    return place
