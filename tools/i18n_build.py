"""Extract, translate-check and compile the UI translations.

    python -m tools.i18n_build                 # lupdate ui/**/*.py -> .ts, fill en, lrelease -> .qm
    python -m tools.i18n_build --merge F.tsv   # add zh_CN translations from a TSV, then build
    python -m tools.i18n_build --merge F.tsv --language en   # English plural forms (one||many)
    python -m tools.i18n_build --check         # exit 1 if a zh_CN translation is missing

Source strings are English; ``resources/translations/volunteer_app_zh_CN.ts`` carries the
Chinese. The TSV for ``--merge`` has three tab-separated columns: context (the class name
for ``self.tr``, or the context given to ``QCoreApplication.translate``), English source,
Chinese translation. Newlines inside a string are written as ``\\n``.
See resources/translations/README.md.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TS_DIR = ROOT / "resources" / "translations"
LANGUAGES = ("zh_CN", "en")
CATALOGUE = "volunteer_app"
HEADER = '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n'


def ts_path(language: str) -> Path:
    return TS_DIR / f"{CATALOGUE}_{language}.ts"


def qm_path(language: str) -> Path:
    return TS_DIR / f"{CATALOGUE}_{language}.qm"


def tool(name: str) -> str:
    """Path of a Qt tool shipped with PySide6 (next to the running Python first)."""
    local = Path(sys.executable).parent / name
    if local.exists():
        return str(local)
    found = shutil.which(name)
    if not found:
        raise SystemExit(f"{name} not found; install PySide6 into this environment")
    return found


def sources() -> list[Path]:
    """Every Python file under ui/ (screens of every feature)."""
    return sorted(p for p in (ROOT / "ui").rglob("*.py") if "__pycache__" not in p.parts)


def lupdate(language: str, target: Path | None = None) -> Path:
    """Extract strings into the .ts of ``language`` (keeps existing translations)."""
    target = target or ts_path(language)
    if target != ts_path(language) and ts_path(language).exists():
        shutil.copyfile(ts_path(language), target)
    subprocess.run(
        [tool("pyside6-lupdate"), "-silent", "-no-obsolete", "-locations", "none",
         "-target-language", language, *map(str, sources()), "-ts", str(target)],
        check=True,
    )
    return target


def _unescape(text: str) -> str:
    return text.replace("\\n", "\n").replace("\\t", "\t")


def read_tsv(path: Path) -> dict[tuple[str, str], str]:
    """(context, source) -> translation from a TSV file."""
    table: dict[tuple[str, str], str] = {}
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) != 3:
            raise SystemExit(f"{path}:{n}: expected 3 tab-separated columns, got {len(parts)}")
        table[(parts[0], _unescape(parts[1]))] = _unescape(parts[2])
    return table


def _messages(tree: ET.ElementTree):  # noqa: ANN202
    for context in tree.getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            yield name, message


def _set_translation(message: ET.Element, text: str | list[str]) -> None:
    tr = message.find("translation")
    if tr is None:
        tr = ET.SubElement(message, "translation")
    tr.attrib.pop("type", None)
    for child in list(tr):
        tr.remove(child)
    if message.get("numerus") == "yes":
        tr.text = None
        forms = text if isinstance(text, list) else [text]
        for form in forms:
            ET.SubElement(tr, "numerusform").text = form
    else:
        tr.text = text if isinstance(text, str) else text[0]


def _is_unfinished(message: ET.Element) -> bool:
    tr = message.find("translation")
    if tr is None or tr.get("type") == "unfinished":
        return True
    if tr.get("type") in ("vanished", "obsolete"):
        return False
    if message.get("numerus") == "yes":
        return not any((f.text or "").strip() for f in tr.findall("numerusform"))
    return not (tr.text or "").strip()


def write_ts(tree: ET.ElementTree, path: Path) -> None:
    ET.indent(tree, space="    ")
    body = ET.tostring(tree.getroot(), encoding="unicode")
    path.write_text(HEADER + body + "\n", encoding="utf-8")


def merge(language: str, table: dict[tuple[str, str], str]) -> int:
    """Put translations from ``table`` into the .ts; returns how many were set.

    Plural forms of a ``%n`` message are separated by ``||`` (English: one||many).
    """
    path = ts_path(language)
    tree = ET.parse(path)
    done = 0
    for context, message in _messages(tree):
        key = (context, message.findtext("source") or "")
        if key in table:
            text = table[key]
            _set_translation(message, text.split("||") if "||" in text else text)
            done += 1
    write_ts(tree, path)
    return done


def fill_english() -> None:
    """English needs no translation: the source text is the English text."""
    path = ts_path("en")
    tree = ET.parse(path)
    for _context, message in _messages(tree):
        if _is_unfinished(message):
            source = message.findtext("source") or ""
            _set_translation(message, [source, source] if message.get("numerus") == "yes" else source)
    write_ts(tree, path)


def unfinished(path: Path) -> list[tuple[str, str]]:
    """(context, source) of every message without a translation in a .ts file."""
    tree = ET.parse(path)
    return [(c, m.findtext("source") or "") for c, m in _messages(tree) if _is_unfinished(m)]


def lrelease(language: str) -> Path:
    subprocess.run([tool("pyside6-lrelease"), "-silent", str(ts_path(language)),
                    "-qm", str(qm_path(language))], check=True)
    return qm_path(language)


def known_translations(language: str) -> dict[str, str | list[str]]:
    """Source -> translation of every finished, non-plural message of the .ts whose source
    has one translation wherever it appears (an ambiguous source is left out)."""
    path = ts_path(language)
    if not path.exists():
        return {}
    seen: dict[str, str | list[str] | None] = {}
    for _context, message in _messages(ET.parse(path)):
        if _is_unfinished(message) or message.findtext("comment"):
            continue
        tr = message.find("translation")
        text: str | list[str] = ([f.text or "" for f in tr.findall("numerusform")]
                                 if message.get("numerus") == "yes" else tr.text or "")
        source = message.findtext("source") or ""
        if source in seen and seen[source] != text:
            seen[source] = None  # translated differently in different places: ask a person
        else:
            seen[source] = text
    return {s: t for s, t in seen.items() if t is not None}


def carry(language: str, known: dict[str, str | list[str]]) -> int:
    """Fill messages left unfinished by lupdate whose source was translated before.

    Code that moves to another class changes its strings' context (``self.tr`` uses the
    class name); lupdate then drops the old entries and adds unfinished ones. The words
    are the same, so is their translation.
    """
    path = ts_path(language)
    tree = ET.parse(path)
    done = 0
    for _context, message in _messages(tree):
        source = message.findtext("source") or ""
        if _is_unfinished(message) and source in known:
            _set_translation(message, known[source])
            done += 1
    if done:
        write_ts(tree, path)
    return done


def build(tsv: Path | None = None, language: str = "zh_CN") -> int:
    TS_DIR.mkdir(parents=True, exist_ok=True)
    known = {lang: known_translations(lang) for lang in LANGUAGES}
    for lang in LANGUAGES:
        lupdate(lang)
        carried = carry(lang, known[lang])
        if carried:
            print(f"{lang}: carried {carried} translations over to the strings' new context")
    if tsv is not None:
        n = merge(language, read_tsv(tsv))
        print(f"merged {n} {language} translations from {tsv}")
    fill_english()
    for lang in LANGUAGES:
        lupdate(lang)  # again: writes the files in lupdate's own layout (no diff churn)
        lrelease(lang)
    missing = unfinished(ts_path("zh_CN"))
    for context, source in missing:
        print(f"missing zh_CN translation: [{context}] {source!r}")
    print(f"built {', '.join(str(qm_path(lang).relative_to(ROOT)) for lang in LANGUAGES)}; "
          f"{len(missing)} zh_CN translations missing")
    return 1 if missing else 0


def check() -> int:
    """Extract into a scratch copy and report strings lacking a Chinese translation."""
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        scratch = lupdate("zh_CN", Path(tmp) / "check.ts")
        missing = unfinished(scratch)
    for context, source in missing:
        print(f"missing zh_CN translation: [{context}] {source!r}")
    return 1 if missing else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.i18n_build", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--merge", type=Path, help="TSV of context, source, zh_CN translation")
    parser.add_argument("--language", default="zh_CN", choices=LANGUAGES,
                        help="language the --merge file is in (default zh_CN)")
    parser.add_argument("--check", action="store_true", help="only report missing zh_CN strings")
    args = parser.parse_args(argv)
    if args.check:
        return check()
    return build(args.merge, args.language)


if __name__ == "__main__":
    sys.exit(main())
