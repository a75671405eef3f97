"""Bilingual text: every name the domain shows exists in Chinese and in English."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Text:
    """A string in Chinese with its English counterpart."""

    zh: str
    en: str

    def get(self, language: str) -> str:
        """The text in ``language`` ("zh" or "en"), falling back to Chinese."""
        return self.en if language.startswith("en") and self.en else self.zh


def text_fault(text: str) -> Text | None:
    """Why ``text`` cannot be stored, printed or signed as it is, or None when it can.

    JSON lets a file spell a lone surrogate (``\\ud800``), which is no character: UTF-8 cannot
    encode it, so it fails the database, the terminal and the signature alike. U+0000 is
    refused too: a PostgreSQL text column cannot hold it.
    """
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return Text(
            "含有无效的 Unicode 字符（孤立的代理项，如 \\ud800）",
            "holds an invalid Unicode character (a lone surrogate such as \\ud800)",
        )
    if "\x00" in text:
        return Text("含有空字符（U+0000）", "holds a NUL character (U+0000)")
    return None


def shown(text: str, limit: int = 80) -> str:
    """``text`` fit for a message: what cannot be printed escaped, cut to ``limit`` characters."""
    safe = text.encode("utf-8", "backslashreplace").decode("utf-8")
    return safe if len(safe) <= limit else safe[: limit - 1] + "…"
