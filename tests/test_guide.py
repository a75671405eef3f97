"""The user guide (docs/guide): its images exist and are all used, zh and en match, links work."""

from __future__ import annotations

import re
from pathlib import Path

GUIDE = Path(__file__).resolve().parents[1] / "docs" / "guide"
LANGUAGES = ("zh", "en")
IMAGE = re.compile(r"!\[[^\]]*\]\(([^)\s]+)\)")
LINK = re.compile(r"(?<!!)\[[^\]]*\]\(([^)\s]+)\)")


def _pages(language: str) -> list[Path]:
    return sorted((GUIDE / language).glob("*.md"))


def _targets(page: Path, pattern: re.Pattern[str]) -> list[str]:
    return pattern.findall(page.read_text(encoding="utf-8"))


def _images(language: str) -> set[Path]:
    return {
        (page.parent / target).resolve()
        for page in _pages(language)
        for target in _targets(page, IMAGE)
    }


def test_every_referenced_image_exists() -> None:
    missing = [
        f"{page.relative_to(GUIDE)} → {target}"
        for language in LANGUAGES
        for page in _pages(language)
        for target in _targets(page, IMAGE)
        if not (page.parent / target).is_file()
    ]
    assert not missing


def test_every_image_is_referenced() -> None:
    used = _images("zh") | _images("en")
    on_disk = {p.resolve() for p in (GUIDE / "images").rglob("*") if p.is_file()}
    assert on_disk, "the guide has no images"
    assert sorted(str(p.relative_to(GUIDE)) for p in on_disk - used) == []


def test_zh_and_en_have_the_same_pages_and_pictures() -> None:
    zh = [p.name for p in _pages("zh")]
    assert zh == [p.name for p in _pages("en")]
    assert {"index.md", "staff.md", "expert.md", "secretary.md", "faq.md"} <= set(zh)
    for name in zh:
        pictures = {
            language: [Path(target).name for target in _targets(GUIDE / language / name, IMAGE)]
            for language in LANGUAGES
        }
        assert pictures["zh"] == pictures["en"], name
        for language in LANGUAGES:
            for target in _targets(GUIDE / language / name, IMAGE):
                assert Path(target).parent.name == language, f"{language}/{name}: {target}"


def test_internal_links_resolve() -> None:
    broken = []
    for language in LANGUAGES:
        for page in _pages(language):
            for target in _targets(page, LINK):
                if re.match(r"[a-z]+:", target):
                    continue  # a web address
                path = target.split("#", 1)[0]
                if not (page.parent / path).is_file():
                    broken.append(f"{page.relative_to(GUIDE)} → {target}")
    assert not broken
