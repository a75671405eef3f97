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
