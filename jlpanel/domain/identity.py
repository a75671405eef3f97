"""Text that invisible characters cannot fool: cleaning on the way in, identity keys, terminals.

Host units copy names and numbers from web pages, PDFs and chat messages, which bring along
zero-width spaces, bidi controls, full-width digits and letters from other scripts that look
Latin. Three functions keep those from doing harm:

- :func:`clean_text` is what the workspace stores: NFKC (Chinese full-width punctuation kept
  as typed), zero-width, bidi and control characters removed, line breaks kept only in free
  text, trimmed. It says what it removed, so the reader can warn.
- :func:`identity_key` is what identities are compared on (备案编号, credit codes, host units,
  institutions, expert names): cleaned, case-folded, look-alike Cyrillic and Greek letters
  mapped to Latin, whitespace and punctuation dropped. It is never stored or shown.
- :func:`terminal_safe` is what may be printed: no control sequences (NUL, ESC, bidi).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

#: Invisible characters that join or separate nothing a reader can see.
ZERO_WIDTH = frozenset("\u200b\u200c\u200d\u2060\ufeff\u180e\u00ad")
#: Bidirectional controls: they reorder what a terminal or a table shows.
BIDI_CONTROLS = frozenset(
    "\u200e\u200f\u061c\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
)

#: Full-width punctuation that Chinese text is written with; NFKC would fold it to ASCII.
_KEPT_FULL_WIDTH = frozenset(
    "！＂＃＄％＆＇（）＊＋，－．／：；＜＝＞？＠［＼］＾＿｀｛｜｝～｟｠｡｢｣､･\u3000"
)
_KEPT_SPLIT = re.compile("([" + re.escape("".join(sorted(_KEPT_FULL_WIDTH))) + "])")
_ASCII_PRINTABLE = re.compile(r"[\x20-\x7e]*")
#: Deletes the full-width punctuation kept as typed, to ask whether the rest is NFKC already.
_DROP_KEPT = dict.fromkeys(map(ord, _KEPT_FULL_WIDTH))
_INNER_LINE_SPACE = re.compile(r"[ \t]*\n[ \t]*")

#: Letters of other scripts that look like Latin ones, by their case-folded form.
CONFUSABLES = str.maketrans(
    {
        # Cyrillic
        "а": "a",
        "в": "b",
        "е": "e",
        "ё": "e",
        "к": "k",
        "м": "m",
        "н": "h",
        "о": "o",
        "р": "p",
        "с": "c",
        "т": "t",
        "у": "y",
        "х": "x",
        "ѕ": "s",
        "і": "i",
        "ї": "i",
        "ј": "j",
        "һ": "h",
        "ԁ": "d",
        "ԛ": "q",
        "ԝ": "w",
        "ү": "y",
        "ɡ": "g",
        # Greek
        "α": "a",
        "β": "b",
        "ε": "e",
        "ζ": "z",
        "η": "h",
        "ι": "i",
        "κ": "k",
        "μ": "m",
        "ν": "v",
        "ο": "o",
        "ρ": "p",
        "τ": "t",
        "υ": "u",
        "χ": "x",
        "ϲ": "c",
        "ϳ": "j",
    }
)


@dataclass(frozen=True, slots=True)
class CleanText:
    """Cleaned text and what was taken out of it (empty when only folding happened)."""

    text: str
    removed: tuple[str, ...] = ()

    @property
    def changed_invisibly(self) -> bool:
        """Whether characters a reader could not see (or line breaks) were removed."""
        return bool(self.removed)


def describe_removed(removed: tuple[str, ...]) -> str:
    """The removed characters as code points, e.g. "U+200B、U+001B"."""
    return "、".join(removed)


def _fold(text: str) -> str:
    """NFKC, but Chinese full-width punctuation stays as typed."""
    if not any(ch in _KEPT_FULL_WIDTH for ch in text):
        return unicodedata.normalize("NFKC", text)
    return "".join(
        part if part in _KEPT_FULL_WIDTH else unicodedata.normalize("NFKC", part)
        for part in _KEPT_SPLIT.split(text)
    )


def _is_removed(ch: str) -> bool:
    if ch in ZERO_WIDTH or ch in BIDI_CONTROLS:
        return True
    if ch in "\n\t":
        return False
    category = unicodedata.category(ch)
    # Cc: C0, DEL and C1 controls; Cf: other format characters; Cs: lone surrogates.
    return category in ("Cc", "Cf", "Cs") or ch in "\u2028\u2029"


def is_clean(value: str, *, code: bool = False) -> bool:
    """Whether :func:`clean_text` would leave ``value`` exactly as it is (a fast check).

    isprintable() is False for every control, format (zero-width, bidi), surrogate and
    line-separator character; NFKC changes nothing when the text is normalised already, the
    kept full-width punctuation aside.
    """
    if value.isascii():
        return value.isprintable() and value == value.strip()
    if not value.isprintable() or value != value.strip():
        return False
    if unicodedata.is_normalized("NFKC", value):
        return True
    # Not normal only because of the full-width punctuation kept as typed?
    return not code and unicodedata.is_normalized("NFKC", value.translate(_DROP_KEPT))


def clean_text(value: str, *, multiline: bool = False, code: bool = False) -> CleanText:
    """``value`` as the workspace keeps it, with the code points that were removed.

    Free text (``multiline``) keeps its line breaks and tabs; a single-line value has them
    turned into spaces, and a line break in it counts as removed. Carriage returns become line
    breaks first, so Windows line ends are not reported. A ``code`` (备案编号, 合同编号, a
    phone number) gets plain NFKC: its full-width punctuation is folded to ASCII too.
    """
    if _ASCII_PRINTABLE.fullmatch(value):  # the common case: nothing to fold or remove
        return CleanText(value.strip())
    if is_clean(value.strip(), code=code):  # printable text in normal form already
        return CleanText(value.strip())
    text = value.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n")
    removed: list[str] = []
    if any(_is_removed(ch) for ch in text):
        kept: list[str] = []
        for ch in text:
            if _is_removed(ch):
                point = f"U+{ord(ch):04X}"
                if point not in removed:
                    removed.append(point)
            else:
                kept.append(ch)
        text = "".join(kept)
    text = unicodedata.normalize("NFKC", text) if code else _fold(text)
    if multiline:
        text = _INNER_LINE_SPACE.sub("\n", text)
    else:
        if "\n" in text.strip():
            removed.append("U+000A")
        parts = (part.strip() for part in text.replace("\t", " ").split("\n"))
        text = " ".join(part for part in parts if part)
    return CleanText(text.strip(), tuple(removed))


def clean(value: str | None, *, multiline: bool = False) -> str | None:
    """:func:`clean_text` of ``value``, None when nothing is left."""
    if value is None:
        return None
    return clean_text(value, multiline=multiline).text or None


def identity_key(value: str | None) -> str:
    """The key two spellings of one identity share; "" for nothing.

    NFKC, case-folded, look-alike letters mapped to Latin, and every invisible character,
    whitespace and punctuation mark dropped: "ＪＬ-２０２３-００１", "jl2023\u200b001" and
    "JL2023OO1" with Cyrillic О all give "jl2023001" (the last one with Latin o's).
    """
    if value is not None and len(value) <= _CACHED_KEY_LENGTH:
        return _short_identity_key(value)
    return _identity_key(value or "")


#: Identities longer than this (hostile cells, never a real 备案编号 or name) are not cached.
_CACHED_KEY_LENGTH = 200


@lru_cache(maxsize=8192)  # a merge or an import asks for the same few thousand keys again
def _short_identity_key(value: str) -> str:
    return _identity_key(value)


def _identity_key(key: str) -> str:
    # Until nothing changes: dropping a space may bring a letter and a combining mark together.
    for _ in range(4):
        folded = unicodedata.normalize("NFKC", unicodedata.normalize("NFKC", key).casefold())
        kept = "".join(
            ch
            for ch in folded.translate(CONFUSABLES)
            if not (ch.isspace() or unicodedata.category(ch)[0] in "PZC")
        )
        if kept == key:
            break
        key = kept
    return key


def terminal_safe(text: str) -> str:
    """``text`` without anything a terminal would act on: controls, ESC, NUL, bidi.

    Line breaks and tabs stay; every other control or format character is dropped.
    """
    if _ASCII_PRINTABLE.fullmatch(text):
        return text
    return "".join(ch for ch in text if not _is_removed(ch) and ch != "\r")
