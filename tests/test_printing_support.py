"""Helpers for the printing tests: PDF text, fonts and rasterised pages (no tests here)."""

from __future__ import annotations

import io
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader
from pypdf.generic import DictionaryObject

from volunteer_app.printing.fonts import find_cjk_font, find_tibetan_font


def have_cjk_font() -> bool:
    try:
        find_cjk_font()
    except Exception:
        return False
    return True


needs_font = pytest.mark.skipif(not have_cjk_font(), reason="no Chinese TrueType font installed")
needs_tibetan = pytest.mark.skipif(find_tibetan_font() is None, reason="no Tibetan font installed")
needs_pdftoppm = pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="poppler missing")


def reader(pdf: Path | bytes) -> PdfReader:
    return PdfReader(io.BytesIO(pdf) if isinstance(pdf, bytes) else str(pdf))


def pdf_text(pdf: Path | bytes) -> str:
    return "\n".join(page.extract_text() or "" for page in reader(pdf).pages)


def page_texts(pdf: Path | bytes) -> list[str]:
    return [page.extract_text() or "" for page in reader(pdf).pages]


def _fonts_in(resources: DictionaryObject | None, seen: set[int], out: list) -> None:
    if resources is None:
        return
    resources = resources.get_object()
    fonts = resources.get("/Font")
    if fonts is not None:
        for ref in fonts.get_object().values():
            font = ref.get_object()
            if id(font) not in seen:
                seen.add(id(font))
                out.append(font)
    xobjects = resources.get("/XObject")
    if xobjects is not None:
        for ref in xobjects.get_object().values():
            xo = ref.get_object()
            if xo.get("/Subtype") == "/Form" and id(xo) not in seen:
                seen.add(id(xo))
                _fonts_in(xo.get("/Resources"), seen, out)


def all_fonts(pdf: Path | bytes) -> list[DictionaryObject]:
    """Every font dictionary used by any page or form XObject of the document."""
    seen: set[int] = set()
    out: list = []
    for page in reader(pdf).pages:
        _fonts_in(page.get("/Resources"), seen, out)
    return out


def font_is_embedded(font: DictionaryObject) -> bool:
    """True when the font's descriptor carries a TrueType program (/FontFile2)."""
    if font.get("/Subtype") == "/Type0":
        font = font["/DescendantFonts"][0].get_object()
    desc = font.get("/FontDescriptor")
    return desc is not None and "/FontFile2" in desc.get_object()


def assert_fonts_embedded(pdf: Path | bytes) -> list[str]:
    """Assert every font is embedded TrueType; return the base font names."""
    fonts = all_fonts(pdf)
    assert fonts, "the PDF uses no fonts at all"
    names = []
    for font in fonts:
        names.append(str(font.get("/BaseFont")))
        assert font_is_embedded(font), f"font {font.get('/BaseFont')} is not embedded"
    return names


def form_xobject_names(pdf: Path | bytes) -> set[str]:
    """Names of the form XObjects used by pages and, recursively, by other forms."""
    names: set[str] = set()
    seen: set[int] = set()

    def walk(resources) -> None:  # noqa: ANN001
        if resources is None:
            return
        xobjects = resources.get_object().get("/XObject")
        if xobjects is None:
            return
        for key, ref in xobjects.get_object().items():
            xo = ref.get_object()
            if xo.get("/Subtype") != "/Form" or id(xo) in seen:
                continue
            seen.add(id(xo))
            names.add(str(key))
            walk(xo.get("/Resources"))

    for page in reader(pdf).pages:
        walk(page.get("/Resources"))
    return names


def render_gray(pdf: Path, page: int, dpi: int, tmp: Path) -> tuple[int, int, bytes]:
    """Rasterise one page to 8-bit grey with pdftoppm: (width, height, pixels)."""
    base = tmp / f"page{page}"
    subprocess.run(["pdftoppm", "-gray", "-r", str(dpi), "-f", str(page), "-l", str(page),
                    "-singlefile", str(pdf), str(base)], check=True)
    data = base.with_suffix(".pgm").read_bytes()
    # Binary PGM: "P5\n<w> <h>\n<max>\n" then the pixels.
    parts = data.split(maxsplit=4)
    assert parts[0] == b"P5"
    w, h = int(parts[1]), int(parts[2])
    return w, h, parts[4][-w * h:]


def run_cli(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    import os

    full_env = dict(os.environ)
    full_env.update(env or {})
    return subprocess.run([sys.executable, "-m", "volunteer_app", *args], capture_output=True,
                          text=True, env=full_env, timeout=300)
