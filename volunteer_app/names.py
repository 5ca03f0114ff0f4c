"""Pinyin keys for Chinese names: full pinyin, initials, sort key and search text."""

from __future__ import annotations

from functools import lru_cache


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


def sort_key(name: str) -> str:
    """Key that orders names by pinyin (张 after 王 after 李...), ties broken by the name."""
    # A tab sorts below every letter and space, so 张 comes before 张三; PostgreSQL
    # text cannot hold NUL.
    return " ".join(pinyin_syllables(name)) + "\t" + name


def initials(name: str) -> str:
    """Pinyin initials: 张三 -> 'zs'."""
    return "".join(s[0] for s in pinyin_syllables(name) if s)


def search_text(name: str, mobile: str) -> str:
    """One lower-case string the search box matches against with a single LIKE."""
    syl = pinyin_syllables(name)
    return f"{name.lower()}|{''.join(syl)}|{initials(name)}|{mobile}"


def like_pattern(term: str) -> str:
    """``%term%`` with LIKE wildcards escaped (escape character backslash)."""
    escaped = term.lower().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"
