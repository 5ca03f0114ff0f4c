"""Pinyin keys for Chinese names: full pinyin, initials, sort key and search text.

Surnames are read as surnames (issue 18): pypinyin reads a name like ordinary text, so
曾力 became "ceng li" and nobody found 曾 by ``zengli`` or ``zl``. The first character (or
two, for a compound surname such as 欧阳 or 尉迟) is read from :data:`SURNAME_READINGS`
when it is listed there; the sort key follows the surname reading (曾 sorts under Z) and the
search text holds both readings, since a clerk may well type the everyday one.
"""

from __future__ import annotations

from functools import lru_cache

# Surnames whose reading differs from the character's everyday reading. Compound surnames
# first: they are matched before their first character alone (单于 chanyu, not shan yu).
COMPOUND_SURNAMES: dict[str, tuple[str, str]] = {
    "万俟": ("mo", "qi"), "尉迟": ("yu", "chi"), "单于": ("chan", "yu"), "长孙": ("zhang", "sun"),
    "澹台": ("tan", "tai"), "令狐": ("ling", "hu"), "欧阳": ("ou", "yang"), "皇甫": ("huang", "fu"),
    "东方": ("dong", "fang"), "上官": ("shang", "guan"), "司马": ("si", "ma"), "诸葛": ("zhu", "ge"),
}
SURNAME_READINGS: dict[str, str] = {
    "曾": "zeng", "单": "shan", "解": "xie", "仇": "qiu", "朴": "piao", "区": "ou", "查": "zha",
    "盖": "ge", "乐": "yue", "繁": "po", "缪": "miao", "翟": "zhai", "覃": "qin", "召": "shao",
    "牟": "mou", "种": "chong", "秘": "bi", "朝": "chao", "员": "yun", "阚": "kan", "隗": "wei",
    "祭": "zhai", "尉": "wei", "长": "chang", "藏": "zang", "薄": "bo", "任": "ren", "那": "na",
    "宁": "ning", "沈": "shen", "纪": "ji", "柏": "bai", "臧": "zang", "冼": "xian", "谌": "chen",
    "能": "nai", "黑": "he", "便": "pian", "句": "gou", "折": "she", "舍": "she",
}


@lru_cache(maxsize=65536)
def pinyin_syllables(name: str) -> tuple[str, ...]:
    """Toneless syllables; characters without pinyin (Latin, Tibetan, dots) pass through."""
    # Imported here: loading pypinyin's phrase dictionary costs ~0.2 s at start-up.
    from pypinyin import Style, lazy_pinyin

    out: list[str] = []
    for part in lazy_pinyin(name, style=Style.NORMAL, errors="default"):
        part = part.strip().lower().replace("\u00b7", "")
        if part:
            out.append(part)
    return tuple(out)


@lru_cache(maxsize=65536)
def name_syllables(name: str) -> tuple[str, ...]:
    """Toneless syllables with the surname read as a surname (曾力 -> zeng li)."""
    plain = pinyin_syllables(name)
    for surname, reading in COMPOUND_SURNAMES.items():
        if name.startswith(surname):
            return reading + pinyin_syllables(name[len(surname):])
    first = name[:1]
    if first in SURNAME_READINGS:
        return (SURNAME_READINGS[first],) + pinyin_syllables(name[1:])
    return plain


def sort_key(name: str) -> str:
    """Key that orders names by pinyin (张 after 王 after 李...), ties broken by the name."""
    # A tab sorts below every letter and space, so 张 comes before 张三; PostgreSQL
    # text cannot hold NUL.
    return " ".join(name_syllables(name)) + "\t" + name


def initials(name: str) -> str:
    """Pinyin initials, the surname read as a surname: 张三 -> 'zs', 曾力 -> 'zl'."""
    return "".join(s[0] for s in name_syllables(name) if s)


def search_text(name: str, mobile: str) -> str:
    """One lower-case string the search box matches against with a single LIKE: the
    name, its pinyin and initials with the surname reading, then (when it differs) with
    the everyday reading (曾力: zengli|zl, and cengli|cl)."""
    syl = name_syllables(name)
    keys = [name.lower(), "".join(syl), initials(name)]
    plain = pinyin_syllables(name)
    if plain != syl:
        keys += ["".join(plain), "".join(s[0] for s in plain if s)]
    return "|".join(keys) + f"|{mobile}"


def like_pattern(term: str) -> str:
    """``%term%`` with LIKE wildcards escaped (escape character backslash)."""
    escaped = term.lower().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"
