"""Font discovery: the Chinese font is found and embedded, problems give typed errors."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from test_printing_support import needs_font, needs_tibetan

from volunteer_app.printing import FontMissing, PrintOptions
from volunteer_app.printing.cards import CardPerson, GridCard, render_grid_cards
from volunteer_app.printing.common import Typesetter
from volunteer_app.printing.fonts import ENV_FONT_DIRS, find_tibetan_font, load_fonts


def test_no_font_anywhere_raises_font_missing(tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(ENV_FONT_DIRS, str(tmp_path))
    monkeypatch.delenv("VOLUNTEER_APP_FONT", raising=False)
    with pytest.raises(FontMissing) as info:
        load_fonts()
    assert info.value.code == "font_missing"


def test_chosen_font_that_does_not_exist(tmp_path: Path) -> None:
    with pytest.raises(FontMissing) as info:
        load_fonts(tmp_path / "gone.ttc")
    assert info.value.code == "font_file_missing"
    assert info.value.details["path"].endswith("gone.ttc")


def test_cff_font_is_refused(tmp_path: Path) -> None:
    # An OpenType-CFF file starts with "OTTO"; ReportLab cannot embed its outlines.
    fake = tmp_path / "NotoSansCJK-Regular.otf"
    fake.write_bytes(b"OTTO" + b"\x00" * 200)
    with pytest.raises(FontMissing) as info:
        load_fonts(fake)
    assert info.value.code == "font_unusable"
    assert info.value.details["reason"] == "cff_outlines"


def test_garbage_file_is_refused(tmp_path: Path) -> None:
    fake = tmp_path / "font.ttf"
    fake.write_text("not a font at all")
    with pytest.raises(FontMissing) as info:
        load_fonts(fake)
    assert info.value.details["reason"] == "not_a_font"


@needs_tibetan
def test_font_without_chinese_is_refused() -> None:
    tibetan = find_tibetan_font()
    with pytest.raises(FontMissing) as info:
        load_fonts(tibetan.path)
    assert info.value.details["reason"] == "no_cjk_glyphs"


@needs_font
def test_missing_font_surfaces_from_a_printout(tmp_path: Path) -> None:
    card = GridCard("林琼社区", 1, "1号网格", "", (CardPerson("leader", "张伟", "13800001111"),))
    with pytest.raises(FontMissing):
        render_grid_cards([card], tmp_path / "x.pdf", PrintOptions(font_path=str(tmp_path / "no.ttf")))
    assert not (tmp_path / "x.pdf").exists()
    assert not list(tmp_path.glob("*.part"))


@needs_font
def test_system_font_loads_and_is_reused() -> None:
    a = load_fonts()
    b = load_fonts()
    assert a.regular == b.regular
    assert Path(a.regular_file.path).is_file()


@needs_font
def test_tibetan_missing_is_reported_as_warning(tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    fonts = load_fonts()
    monkeypatch.setenv(ENV_FONT_DIRS, str(tmp_path))
    card = GridCard("林琼社区", 1, "1号网格", "", (CardPerson("leader", "བཀྲ་ཤིས", "13800001111"),))
    result = render_grid_cards([card], tmp_path / "x.pdf",
                               PrintOptions(font_path=fonts.regular_file.path))
    assert result.warnings == ("tibetan_font_missing",)


_text = st.text(alphabet=st.sampled_from(list("林琼社区网格天峰祥和苑东片区栋号·、，。（）ab AB12-3456 ")),
                min_size=0, max_size=80)


@needs_font
@settings(max_examples=150, deadline=None)
@given(text=_text, width=st.floats(20, 250), lines=st.integers(1, 3))
def test_fit_block_never_leaves_its_box(text: str, width: float, lines: int) -> None:
    ts = Typesetter(load_fonts())
    size, out = ts.fit_block(text, width, 9, 5, lines)
    assert len(out) <= lines
    assert 5 - 1e-6 <= size <= 9
    for line in out:
        assert ts.width(line, size) <= width + 0.01


@needs_font
def test_wrap_keeps_phone_numbers_whole_and_punctuation_off_line_starts() -> None:
    ts = Typesetter(load_fonts())
    text = "请拨打便民服务大厅电话 0891-6321148，或联系网格长。谢谢配合，祝您生活愉快！"
    lines = ts.wrap(text, 90, 9)
    assert any("0891-6321148" in line for line in lines)
    assert all(line[:1] not in "，。！" for line in lines)
    assert "".join(lines).replace(" ", "") == text.replace(" ", "")
