"""Finding and registering the fonts printouts are set in.

ReportLab embeds TrueType-outline fonts only (OpenType-CFF files such as Debian's Noto
CJK are refused), and its built-in CID fonts (``STSong-Light``) are never embedded, so
they print as blank boxes wherever the viewer lacks a Chinese font: we never use them.
The Chinese font is, in order: the file chosen in Settings (``font_path``), the file
named by ``$VOLUNTEER_APP_FONT``, then the usual files (Microsoft YaHei / SimSun on
Windows, WenQuanYi Zen Hei on Linux) in the system's font folders, or in the folders
listed in ``$VOLUNTEER_APP_FONT_DIRS`` instead. When none is usable :class:`FontMissing`
is raised.

A Tibetan TrueType font (Tibetan Machine Uni, Microsoft Himalaya) is registered too when
one is found; text in Tibetan script is then shaped with HarfBuzz.
"""

from __future__ import annotations

import hashlib
import os
import sys
import threading
from dataclasses import dataclass
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFError, TTFont

from ..errors import AppError

ENV_FONT = "VOLUNTEER_APP_FONT"
ENV_TIBETAN_FONT = "VOLUNTEER_APP_TIBETAN_FONT"
# Folders to search instead of the system's (a portable install shipping its own fonts).
ENV_FONT_DIRS = "VOLUNTEER_APP_FONT_DIRS"
# Characters a usable Chinese font must have: CJK, Latin letters and digits (phones).
PROBE_CHARS = "社区网格联系卡志愿者队长A0918"
TIBETAN_PROBE = "\u0f40\u0f0b"


class FontMissing(AppError):
    """No usable Chinese TrueType font: printing cannot go on.

    ``code`` is ``font_missing`` when no font file was found on the system,
    ``font_file_missing`` when the chosen file (``path``) does not exist, and
    ``font_unusable`` when the chosen file cannot be embedded (``reason``:
    ``cff_outlines``, ``not_a_font``, ``no_cjk_glyphs``).
    """

    code = "font_missing"


@dataclass(frozen=True)
class FontFile:
    """A font file on disk and, for a collection (.ttc), which face of it."""

    path: str
    subfont_index: int = 0


@dataclass(frozen=True)
class FontSet:
    """Registered ReportLab font names for one printout.

    ``bold`` equals ``regular`` when the family has no bold face; callers then
    embolden by stroking the glyph outlines (see ``common.Typesetter``).
    """

    regular: str
    bold: str
    tibetan: str | None
    regular_file: FontFile
    tibetan_file: FontFile | None

    @property
    def has_real_bold(self) -> bool:
        return self.bold != self.regular


def _windows_font_dirs() -> list[Path]:
    dirs = [Path(os.environ.get("WINDIR", r"C:\Windows")) / "Fonts"]
    local = os.environ.get("LOCALAPPDATA")
    if local:
        dirs.append(Path(local) / "Microsoft" / "Windows" / "Fonts")
    return dirs


def _unix_font_dirs() -> list[Path]:
    home = Path.home()
    return [
        Path("/usr/share/fonts/truetype/wqy"),
        Path("/usr/share/fonts/wqy-zenhei"),
        Path("/usr/share/fonts/wenquanyi/wqy-zenhei"),
        Path("/usr/share/fonts/TTF"),
        Path("/usr/local/share/fonts"),
        home / ".local" / "share" / "fonts",
        home / ".fonts",
        Path("/System/Library/Fonts"),
        Path("/Library/Fonts"),
        home / "Library" / "Fonts",
    ]


# (file name, face index) in order of preference; all have TrueType outlines.
WINDOWS_CJK = [("msyh.ttc", 0), ("msyh.ttf", 0), ("simsun.ttc", 0), ("simhei.ttf", 0),
               ("wqy-zenhei.ttc", 0)]
WINDOWS_CJK_BOLD = {"msyh.ttc": ("msyhbd.ttc", 0), "msyh.ttf": ("msyhbd.ttf", 0)}
UNIX_CJK = [("wqy-zenhei.ttc", 0), ("wqy-microhei.ttc", 0), ("STHeiti Light.ttc", 0),
            ("Arial Unicode.ttf", 0)]
TIBETAN_FILES = ["TibetanMachineUni.ttf", "himalaya.ttf", "Jomolhari-alpha3c-0605331.ttf"]


def _env_dirs() -> list[Path] | None:
    value = os.environ.get(ENV_FONT_DIRS)
    if value is None:
        return None
    return [Path(p) for p in value.split(os.pathsep) if p]


def _font_dirs() -> list[Path]:
    env = _env_dirs()
    if env is not None:
        return env
    return _windows_font_dirs() if sys.platform == "win32" else _unix_font_dirs()


def _tibetan_dirs() -> list[Path]:
    env = _env_dirs()
    if env is not None:
        return env
    if sys.platform == "win32":
        return _windows_font_dirs()
    return [Path("/usr/share/fonts/truetype/tibetan-machine"),
            Path("/usr/share/fonts/truetype/jomolhari"), *_unix_font_dirs()]


def system_cjk_candidates() -> list[FontFile]:
    """Existing system font files that may serve as the Chinese font, best first."""
    names = WINDOWS_CJK if sys.platform == "win32" else UNIX_CJK
    found: list[FontFile] = []
    for name, index in names:
        for folder in _font_dirs():
            path = folder / name
            if path.is_file():
                found.append(FontFile(str(path), index))
                break
    return found


def find_tibetan_font(tibetan_path: str | os.PathLike[str] | None = None) -> FontFile | None:
    """The Tibetan font to use, or None when there is none (Tibetan is then unshaped)."""
    for chosen in (tibetan_path, os.environ.get(ENV_TIBETAN_FONT)):
        if chosen and Path(chosen).is_file():
            return FontFile(str(chosen), 0)
    for name in TIBETAN_FILES:
        for folder in _tibetan_dirs():
            if (folder / name).is_file():
                return FontFile(str(folder / name), 0)
    return None


_lock = threading.Lock()
_registered: dict[FontFile, tuple[str, TTFont]] = {}


def _load(ff: FontFile, *, probe: str) -> str:
    """Register ``ff`` with ReportLab once; return its font name or raise FontMissing.

    The glyph check runs on every call: the same file may be asked for as the Tibetan
    font first and as the Chinese font later.
    """
    with _lock:
        known = _registered.get(ff)
        if known is None:
            digest = hashlib.sha1(f"{ff.path}#{ff.subfont_index}".encode()).hexdigest()[:10]
            name = f"VA-{Path(ff.path).stem[:20]}-{ff.subfont_index}-{digest}"
            try:
                font = TTFont(name, ff.path, subfontIndex=ff.subfont_index)
            except TTFError as exc:
                reason = "cff_outlines" if "postscript" in str(exc).lower() else "not_a_font"
                raise FontMissing("font_unusable", path=ff.path, reason=reason) from exc
            except (OSError, ValueError, IndexError) as exc:
                raise FontMissing("font_unusable", path=ff.path, reason="not_a_font") from exc
            pdfmetrics.registerFont(font)
            known = _registered[ff] = (name, font)
        name, font = known
        cmap = font.face.charToGlyph
        if any(ord(ch) not in cmap for ch in probe):
            reason = "no_tibetan_glyphs" if probe == TIBETAN_PROBE else "no_cjk_glyphs"
            raise FontMissing("font_unusable", path=ff.path, reason=reason)
        return name


def find_cjk_font(font_path: str | os.PathLike[str] | None = None,
                  subfont_index: int = 0) -> FontFile:
    """The Chinese font file to use; raises :class:`FontMissing` when there is none.

    A font chosen explicitly (argument or ``$VOLUNTEER_APP_FONT``) must exist: silently
    falling back to another face would print something other than what the clerk chose.
    """
    for chosen in (font_path, os.environ.get(ENV_FONT)):
        if chosen:
            if not Path(chosen).is_file():
                raise FontMissing("font_file_missing", path=str(chosen))
            return FontFile(str(chosen), subfont_index)
    candidates = system_cjk_candidates()
    if not candidates:
        raise FontMissing("font_missing")
    return candidates[0]


def load_fonts(font_path: str | os.PathLike[str] | None = None, subfont_index: int = 0,
               tibetan_path: str | os.PathLike[str] | None = None) -> FontSet:
    """Find, check and register the fonts of a printout."""
    cjk = find_cjk_font(font_path, subfont_index)
    regular = _load(cjk, probe=PROBE_CHARS)
    bold = regular
    bold_name = WINDOWS_CJK_BOLD.get(Path(cjk.path).name.lower())
    if bold_name is not None:
        bold_file = Path(cjk.path).with_name(bold_name[0])
        if bold_file.is_file():
            try:
                bold = _load(FontFile(str(bold_file), bold_name[1]), probe=PROBE_CHARS)
            except FontMissing:
                bold = regular
    tib_file = find_tibetan_font(tibetan_path)
    tibetan = None
    if tib_file is not None:
        try:
            tibetan = _load(tib_file, probe=TIBETAN_PROBE)
        except FontMissing:
            tib_file = None
    return FontSet(regular=regular, bold=bold, tibetan=tibetan, regular_file=cjk,
                   tibetan_file=tib_file)
