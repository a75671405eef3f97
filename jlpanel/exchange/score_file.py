"""The score file (``*.jlscore``, DESIGN §3): an expert's submitted scores, signed.

UTF-8 JSON, self-describing::

    {"format": "jlpanel-score", "format_version": 1,
     "cycle_id": "…", "package_id": "…", "expert": {"id": 3, "name": "…"},
     "revision": 2, "submitted_at": "2026-05-20T02:31:07.123456+00:00", "app_version": "0.1.0",
     "declarations": [{"platform_id": 7, "filing_no": "…", "state": "none" | "conflict",
                       "reason": "…", "declared_at": "…"}],
     "sheets": [{"platform_id": 7, "filing_no": "…", "scores": {"A1": 8.5, …},
                 "comments": {"A1": "…"}, "vetoes": {"fraud": "reason"}, "bonus": {"X1": 1.0},
                 "overall_comment": "…"}],
     "signature": {"alg": "HMAC-SHA256", "value": "<64 hex digits>"}}

The signature is HMAC-SHA256, with the package's own key, over the canonical serialisation of
everything but ``signature``: ``json.dumps(sort_keys=True, separators=(",", ":"),
ensure_ascii=False)`` encoded as UTF-8. A verifier recomputes it from the parsed values, so the
file's own layout (indentation, key order) does not matter but every value does.

:func:`parse_score_file` never raises on bad input: it returns a :class:`ScoreFileError` with a
``kind`` (for the merge's reasons) and a bilingual message. Checking the ids against a workspace,
the signature against its key, and the scores against the rubric is the merge's job.

A score file may have been edited by hand or made to hurt, so it is read within limits before
anything else looks at it: :func:`read_score_file` reads only a regular file and never more than
:data:`MAX_BYTES`; the parser refuses nesting deeper than :data:`MAX_DEPTH`, integers longer than
:data:`MAX_INTEGER_DIGITS` digits, numbers beyond a float's range (``1e309``), text that is not
valid Unicode (a lone surrogate such as ``\\ud800``) or holds U+0000, times outside
:data:`EARLIEST`–:data:`LATEST`, and ids and revisions above :data:`MAX_INTEGER`.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import json
import logging
import math
import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Final, Literal

from jlpanel.domain.scoresheet import Provenance, ScoreSheet, exact_bonus, exact_points
from jlpanel.domain.text import Text, shown, text_fault
from jlpanel.exchange.dossier_writer import replace_atomically
from jlpanel.exchange.regular_file import FileTooLarge, NotARegularFile, read_regular_file

log = logging.getLogger(__name__)

SCORE_FILE_SUFFIX: Final = ".jlscore"
FORMAT_NAME: Final = "jlpanel-score"
FORMAT_VERSION: Final = 1
SIGNATURE_ALG: Final = "HMAC-SHA256"
#: Far above any real file (200 platforms × 15 indicators with comments is well under 2 MB).
MAX_BYTES: Final = 32 * 2**20
DECLARATION_STATES: Final = ("none", "conflict")
#: A score file nests 4 levels deep (``sheets[0].scores.A1``); far more is not a score file,
#: and stops well before Python's own recursion limit.
MAX_DEPTH: Final = 32
#: No integer in a score file needs more digits (ids and revisions stay below 2^31).
MAX_INTEGER_DIGITS: Final = 20
#: Ids and revisions: an INTEGER column of the store, 32 bits on a PostgreSQL server.
MAX_INTEGER: Final = 2**31 - 1
#: Submission and declaration times outside these are a hand-edited or broken file (an
#: expert's laptop whose clock was reset still writes a time after 1970).
EARLIEST: Final = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)
LATEST: Final = dt.datetime(2200, 1, 1, tzinfo=dt.UTC)
#: An ISO 8601 timestamp with microseconds and an offset has 32 characters.
_MAX_TIMESTAMP_CHARS: Final = 64

ScoreFileErrorKind = Literal[
    "not_a_file",
    "empty",
    "too_large",
    "truncated",
    "not_json",
    "too_deep",
    "bad_number",
    "bad_text",
    "not_a_score_file",
    "future_version",
    "missing_field",
    "bad_field",
    "bad_signature_format",
]


class ScoreFileError(Exception):
    """Why bytes are not a usable score file: ``kind``, a bilingual ``text`` and ``where``.

    ``where`` is the JSON path of the offending value (e.g. ``sheets[3].scores.A1``), or "".
    """

    def __init__(self, kind: ScoreFileErrorKind, text: Text, where: str = "") -> None:
        super().__init__(text.en)
        self.kind: ScoreFileErrorKind = kind
        self.text = text
        self.where = where

    def __repr__(self) -> str:
        return f"ScoreFileError({self.kind!r}, {self.text.en!r}, {self.where!r})"


@dataclass(frozen=True, slots=True)
class DeclarationEntry:
    """An expert's 回避 declaration on one platform."""

    platform_id: int
    filing_no: str
    conflict: bool
    reason: str = ""
    declared_at: dt.datetime | None = None


@dataclass(frozen=True, slots=True)
class SheetEntry:
    """An expert's scores, comments, vetoes and bonus points for one platform."""

    platform_id: int
    filing_no: str
    scores: Mapping[str, float]
    comments: Mapping[str, str] = field(default_factory=dict)
    vetoes: Mapping[str, str] = field(default_factory=dict)
    bonus: Mapping[str, float] = field(default_factory=dict)
    overall_comment: str = ""


@dataclass(frozen=True, slots=True)
class ScoreFile:
    """A parsed score file: its content, its signature and the exact bytes that were signed."""

    format_version: int
    cycle_id: str
    package_id: str
    expert_id: int
    expert_name: str
    revision: int
    submitted_at: dt.datetime
    app_version: str
    declarations: tuple[DeclarationEntry, ...]
    sheets: tuple[SheetEntry, ...]
    signature_alg: str
    signature: bytes
    #: The canonical serialisation of everything but the signature (what the HMAC covers).
    canonical: bytes = field(repr=False)
    #: SHA-256 of the file's bytes as read: the same file merged twice has the same digest.
    sha256: str

    def conflicts(self) -> dict[int, str]:
        """Platform id → reason, for every declared conflict."""
        return {d.platform_id: d.reason for d in self.declarations if d.conflict}

    def score_sheets(self) -> list[ScoreSheet]:
        """The sheets as domain score sheets (provenance: package; this file's revision)."""
        return [self.score_sheet(s) for s in self.sheets]

    def score_sheet(self, s: SheetEntry) -> ScoreSheet:
        """One of the sheets as a domain score sheet, its points exact."""
        return ScoreSheet(
            expert_id=str(self.expert_id),
            platform_id=str(s.platform_id),
            points=exact_points(s.scores),
            comments=dict(s.comments),
            vetoes=dict(s.vetoes),
            bonus=exact_bonus(s.bonus),
            overall_comment=s.overall_comment,
            provenance=Provenance.PACKAGE,
            revision=self.revision,
        )


# ------------------------------------------------------------------------------ writing


def _iso(moment: dt.datetime) -> str:
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError(f"naive datetime {moment!r}: pass an aware datetime")
    return moment.astimezone(dt.UTC).isoformat(timespec="microseconds")


def make_payload(
    *,
    cycle_id: str,
    package_id: str,
    expert_id: int,
    expert_name: str,
    revision: int,
    submitted_at: dt.datetime,
    app_version: str,
    declarations: Sequence[DeclarationEntry],
    sheets: Sequence[SheetEntry],
) -> dict[str, Any]:
    """The unsigned content of a score file, in the format's field order."""
    return {
        "format": FORMAT_NAME,
        "format_version": FORMAT_VERSION,
        "cycle_id": cycle_id,
        "package_id": package_id,
        "expert": {"id": expert_id, "name": expert_name},
        "revision": revision,
        "submitted_at": _iso(submitted_at),
        "app_version": app_version,
        "declarations": [
            {
                "platform_id": d.platform_id,
                "filing_no": d.filing_no,
                "state": "conflict" if d.conflict else "none",
                "reason": d.reason,
                "declared_at": None if d.declared_at is None else _iso(d.declared_at),
            }
            for d in declarations
        ],
        "sheets": [
            {
                "platform_id": s.platform_id,
                "filing_no": s.filing_no,
                "scores": {k: float(v) for k, v in s.scores.items()},
                "comments": dict(s.comments),
                "vetoes": dict(s.vetoes),
                "bonus": {k: float(v) for k, v in s.bonus.items()},
                "overall_comment": s.overall_comment,
            }
            for s in sheets
        ],
    }


def canonical_bytes(payload: Mapping[str, Any]) -> bytes:
    """The bytes the signature covers: every field but ``signature``, canonically."""
    content = {k: v for k, v in payload.items() if k != "signature"}
    return json.dumps(
        content, sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False
    ).encode("utf-8")


def sign(canonical: bytes, key: bytes) -> bytes:
    """The HMAC-SHA256 of ``canonical`` with ``key``."""
    return hmac.new(key, canonical, hashlib.sha256).digest()


def encode_score_file(payload: Mapping[str, Any], key: bytes) -> bytes:
    """The signed score file's bytes (indented UTF-8 JSON); refuses a malformed payload."""
    if len(key) < 16:
        raise ValueError("an HMAC key needs at least 16 bytes")
    signature = sign(canonical_bytes(payload), key)
    document = {**payload, "signature": {"alg": SIGNATURE_ALG, "value": signature.hex()}}
    data = (json.dumps(document, ensure_ascii=False, indent=2, allow_nan=False) + "\n").encode(
        "utf-8"
    )
    parsed = parse_score_file(data)  # never write a file the merge could not read
    if isinstance(parsed, ScoreFileError):
        raise ValueError(f"malformed score file payload: {parsed.text.en} ({parsed.where})")
    return data


def write_score_file(path: Path, payload: Mapping[str, Any], key: bytes) -> bytes:
    """Sign ``payload`` and write it to ``path`` atomically; returns the bytes written."""
    data = encode_score_file(payload, key)
    write_bytes_durably(path, data)
    return data


def write_bytes_durably(path: Path, data: bytes) -> None:
    """Write through a synced temporary file and a rename, then sync the folder (USB sticks)."""
    replace_atomically(path, data)
    if os.name == "posix":
        fd = os.open(path.parent, os.O_RDONLY)
        try:
            os.fsync(fd)
        except OSError:
            pass
        finally:
            os.close(fd)


# ------------------------------------------------------------------------------ reading


def verify_signature(score_file: ScoreFile, key: bytes) -> bool:
    """Whether ``score_file`` was signed with ``key`` and not changed since."""
    if score_file.signature_alg != SIGNATURE_ALG:
        return False
    return hmac.compare_digest(sign(score_file.canonical, key), score_file.signature)


def _error(kind: ScoreFileErrorKind, zh: str, en: str, where: str = "") -> ScoreFileError:
    return ScoreFileError(kind, Text(zh, en), where)


def _too_large(size: int) -> ScoreFileError:
    return _error(
        "too_large",
        f"文件过大（{size} 字节），不是评分文件",
        f"the file is too large ({size} bytes) to be a score file",
    )


def read_score_file(path: Path) -> bytes | ScoreFileError:
    """The bytes of the score file at ``path``, or why it is not a file to read.

    Only a regular file (or a link to one) of at most :data:`MAX_BYTES` is read: a folder, a
    FIFO, a device such as ``/dev/zero`` or a link to one is refused without waiting or
    reading. ``OSError`` (not found, permission denied …) is left to the caller to word.
    """
    try:
        return read_regular_file(path, MAX_BYTES)
    except NotARegularFile as exc:
        return _error(
            "not_a_file",
            f"它是{exc.what.zh}，不是普通文件",
            f"it is {exc.what.en}, not a regular file",
        )
    except FileTooLarge as exc:
        return _too_large(exc.size)


class _Invalid(Exception):
    def __init__(self, error: ScoreFileError) -> None:
        self.error = error


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    fast = dict(pairs)  # at C speed; fewer keys than pairs only when a key repeats
    if len(fast) == len(pairs):
        return fast
    result: dict[str, Any] = {}
    for key, value in pairs:  # the first key to repeat, as the file has it
        if key in result:
            place = shown(key)
            raise _Invalid(
                _error(
                    "not_json",
                    f"JSON 对象中键“{place}”重复",
                    f"the key “{place}” appears twice in one JSON object",
                    place,
                )
            )
        result[key] = value
    return result


def _refuse_constant(name: str) -> Any:
    raise _Invalid(
        _error("not_json", f"JSON 中不允许 {name}", f"{name} is not allowed in a score file")
    )


def _bounded_int(digits: str) -> int:
    """An integer of the JSON text, refused before Python converts an endless one."""
    count = len(digits.lstrip("-"))
    if count > MAX_INTEGER_DIGITS:
        raise _Invalid(
            _error(
                "bad_number",
                f"文件中有一个 {count} 位的整数，超出评分文件允许的范围",
                f"the file holds an integer of {count} digits, beyond what a score file allows",
            )
        )
    return int(digits)


def _too_deep(field: str) -> ScoreFileError:
    """Nesting too deep, in the top-level ``field`` (if known)."""
    field = shown(field)
    return _error(
        "too_deep",
        f"JSON 嵌套超过 {MAX_DEPTH} 层" + (f"（在字段 {field} 中）" if field else ""),
        f"the JSON is nested more than {MAX_DEPTH} levels deep"
        + (f" (in the field {field})" if field else ""),
        field,
    )


def _nested_deeper_than(container: Mapping[str, Any] | list[Any], limit: int) -> bool:
    """Whether lists and objects nest more than ``limit`` deep, ``container`` being the first.

    Level by level, looking at types only: a real file's 5,000 values cost a few milliseconds.
    """
    level: list[Any] = [container]
    for _ in range(limit):
        below: list[Any] = []
        for node in level:
            for value in node.values() if type(node) is dict else node:
                kind = type(value)
                if kind is dict or kind is list:
                    below.append(value)
        if not below:
            return False
        level = below
    return True


def _check_depth(document: Mapping[str, Any]) -> None:
    """Refuse nesting deeper than :data:`MAX_DEPTH`, naming the top-level field it is in."""
    if _nested_deeper_than(document, MAX_DEPTH):
        field = next(
            (
                key
                for key, value in document.items()
                if isinstance(value, dict | list) and _nested_deeper_than(value, MAX_DEPTH - 1)
            ),
            "",
        )
        raise _Invalid(_too_deep(field))


def _find_bad_value(content: Mapping[str, Any]) -> ScoreFileError | None:
    """The first value or key that canonical JSON, UTF-8 or the store cannot take, by path."""
    stack: list[tuple[Any, str]] = [(content, "")]
    while stack:
        node, where = stack.pop()
        pairs = node.items() if isinstance(node, dict) else enumerate(node)
        for key, value in pairs:
            path = (
                (f"{where}.{key}" if where else key) if isinstance(key, str) else f"{where}[{key}]"
            )
            fault = text_fault(key) if isinstance(key, str) else None
            if fault is None and isinstance(value, str):
                fault = text_fault(value)
            if fault is not None:
                place = shown(path)
                return _error("bad_text", f"{place} {fault.zh}", f"{place} {fault.en}", place)
            if isinstance(value, float) and not math.isfinite(value):
                place = shown(path)
                return _error(
                    "bad_number",
                    f"{place} 的数值超出范围（如 1e309），不是有限数字",
                    f"{place} holds a number out of range (such as 1e309), not a finite number",
                    place,
                )
            if isinstance(value, dict | list):
                stack.append((value, path))
    return None


def _checked_canonical(document: Mapping[str, Any]) -> bytes:
    """The canonical bytes, once the whole document is known to be safe to handle."""
    _check_depth(document)
    content = {k: v for k, v in document.items() if k != "signature"}
    try:
        canonical = canonical_bytes(content)
    except ValueError:  # an infinite float, or a lone surrogate (UnicodeEncodeError)
        fault = _find_bad_value(content)
        if fault is None:
            raise
        raise _Invalid(fault) from None
    if b"\\u0000" in canonical:  # U+0000 in a text, or a backslash before "u0000"
        fault = _find_bad_value(content)
        if fault is not None:
            raise _Invalid(fault)
    return canonical


_FLOAT_ONLY: Final = frozenset({float})


class _Fields:
    """Typed access to a JSON object, naming the path of any missing or wrong value."""

    def __init__(self, raw: Mapping[str, Any], where: str) -> None:
        self.raw = raw
        self.where = where

    def path(self, key: str) -> str:
        return f"{self.where}.{key}" if self.where else key

    def get(self, key: str) -> Any:
        if key not in self.raw:
            raise _Invalid(
                _error(
                    "missing_field",
                    f"缺少字段 {self.path(key)}",
                    f"the field {self.path(key)} is missing",
                    self.path(key),
                )
            )
        return self.raw[key]

    def bad(self, key: str, zh: str, en: str) -> _Invalid:
        where = self.path(key)
        return _Invalid(_error("bad_field", f"字段 {where} {zh}", f"the field {where} {en}", where))

    def text(self, key: str, *, required: bool = True) -> str:
        value = self.get(key)
        if not isinstance(value, str):
            raise self.bad(key, "应为文本", "must be a string")
        if required and not value.strip():
            raise self.bad(key, "不能为空", "must not be empty")
        return value

    def integer(self, key: str, minimum: int, maximum: int = MAX_INTEGER) -> int:
        value = self.get(key)
        if isinstance(value, bool) or not isinstance(value, int):
            raise self.bad(key, "应为整数", "must be a whole number")
        if value < minimum:
            raise self.bad(key, f"不能小于 {minimum}", f"must be at least {minimum}")
        if value > maximum:
            raise self.bad(
                key, f"为 {value}，不能大于 {maximum}", f"is {value}, more than {maximum}"
            )
        return value

    def moment(self, key: str, *, optional: bool = False) -> dt.datetime | None:
        value = self.get(key)
        if value is None and optional:
            return None
        if not isinstance(value, str):
            raise self.bad(key, "应为 ISO 8601 时间", "must be an ISO 8601 timestamp")
        try:
            if len(value) > _MAX_TIMESTAMP_CHARS:
                raise ValueError(value)
            moment = dt.datetime.fromisoformat(value)
        except ValueError:
            raise self.bad(key, "不是有效的时间", "is not a valid timestamp") from None
        if moment.tzinfo is None:
            raise self.bad(key, "须带时区", "must carry a time zone")
        try:
            utc = moment.astimezone(dt.UTC)
        except OverflowError:  # 0001-01-01T00:00+05:00 is before the first representable UTC
            utc = None
        if utc is None or not EARLIEST <= utc < LATEST:
            raise self.bad(
                key,
                f"为 {shown(value)}，超出范围（应在 {EARLIEST.year} 年至 "
                f"{LATEST.year - 1} 年之间）",
                f"is {shown(value)}, out of range (it must fall in the years "
                f"{EARLIEST.year}–{LATEST.year - 1})",
            )
        return utc

    def obj(self, key: str) -> _Fields:
        value = self.get(key)
        if not isinstance(value, Mapping):
            raise self.bad(key, "应为 JSON 对象", "must be a JSON object")
        return _Fields(value, self.path(key))

    def items(self, key: str) -> list[_Fields]:
        value = self.get(key)
        if not isinstance(value, list):
            raise self.bad(key, "应为列表", "must be a list")
        out: list[_Fields] = []
        for n, item in enumerate(value):
            where = f"{self.path(key)}[{n}]"
            if not isinstance(item, Mapping):
                raise _Invalid(
                    _error(
                        "bad_field", f"{where} 应为 JSON 对象", f"{where} must be an object", where
                    )
                )
            out.append(_Fields(item, where))
        return out

    def numbers(self, key: str) -> dict[str, float]:
        mapping = self.obj(key)
        values = mapping.raw.values()
        # All floats with a finite sum (an infinite value makes it inf or nan): taken at C
        # speed. Anything else, an overflowing sum included, is looked at value by value.
        if set(map(type, values)) <= _FLOAT_ONLY and math.isfinite(sum(values)):
            return dict(mapping.raw)
        out: dict[str, float] = {}
        for code, value in mapping.raw.items():
            # By exact type, as JSON gives only these: fast, and True (an int) is no number.
            kind = type(value)
            if kind is float:
                if not math.isfinite(value):
                    raise mapping.bad(code, "应为有限数字", "must be a finite number")
                out[code] = value
            elif kind is int:
                out[code] = float(value)
            else:
                raise mapping.bad(code, "应为数字", "must be a number")
        return out

    def texts(self, key: str) -> dict[str, str]:
        mapping = self.obj(key)
        out: dict[str, str] = {}
        for code, value in mapping.raw.items():
            if not isinstance(value, str):
                raise mapping.bad(code, "应为文本", "must be a string")
            out[code] = value
        return out


def _decode(data: bytes) -> Any:
    if not data.strip():
        raise _Invalid(_error("empty", "文件为空", "the file is empty"))
    if len(data) > MAX_BYTES:
        raise _Invalid(_too_large(len(data)))
    body = data[3:] if data.startswith(b"\xef\xbb\xbf") else data
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError as exc:
        if exc.end >= len(body) - 1 and exc.reason.startswith("unexpected end"):
            raise _Invalid(_truncated()) from None
        raise _Invalid(
            _error("not_json", "文件不是 UTF-8 文本", "the file is not UTF-8 text")
        ) from None
    try:
        return json.loads(
            text,
            object_pairs_hook=_no_duplicates,
            parse_constant=_refuse_constant,
            parse_int=_bounded_int,
        )
    except json.JSONDecodeError as exc:
        looks_like_json = text.lstrip().startswith("{")
        # Cut short: the parser ran out of text, or a string never found its closing quote.
        ran_out = exc.pos >= len(text.rstrip()) or exc.msg.startswith("Unterminated string")
        if looks_like_json and ran_out:
            raise _Invalid(_truncated()) from None
        raise _Invalid(
            _error(
                "not_json",
                f"文件不是有效的 JSON（第 {exc.lineno} 行第 {exc.colno} 列：{exc.msg}）",
                f"the file is not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})",
            )
        ) from None
    except RecursionError:
        raise _Invalid(_too_deep("")) from None


def _truncated() -> ScoreFileError:
    return _error(
        "truncated",
        "文件不完整（在中途被截断），请重新从评审包导出",
        "the file is cut short (truncated); write it again from the review package",
    )


def parse_score_file(data: bytes) -> ScoreFile | ScoreFileError:
    """Parse the bytes of a score file; a :class:`ScoreFileError` says why they are not one."""
    try:
        return _parse(data)
    except _Invalid as invalid:
        return invalid.error
    except (ValueError, OverflowError, RecursionError):
        # Every limit above should have caught it first; the log keeps the trace of the gap.
        log.exception("a score file's content slipped past the parser's checks")
        return _error(
            "not_json",
            "文件内容无法作为评分文件读取",
            "the file's content cannot be read as a score file",
        )


def _parse(data: bytes) -> ScoreFile:
    """The file read once, in the shape the writer gives it, at C speed where it can be
    (:func:`_parse_written`); anything else — a fault, a field too many, an escape — is read
    again by :func:`_parse_checked`, which finds and words its first fault as it always did."""
    try:
        written = _parse_written(data)
    except Exception:  # whatever it is, the checked reading says it, or reads it
        written = None
    return written if written is not None else _parse_checked(data)


class _NotAsWritten(Exception):
    """The file is not in the exact shape :func:`encode_score_file` writes."""


_TOP_KEYS: Final = frozenset(
    {
        "format",
        "format_version",
        "cycle_id",
        "package_id",
        "expert",
        "revision",
        "submitted_at",
        "app_version",
        "declarations",
        "sheets",
        "signature",
    }
)
_EXPERT_KEYS: Final = frozenset({"id", "name"})
_SIGNATURE_KEYS: Final = frozenset({"alg", "value"})
_DECLARATION_KEYS: Final = frozenset({"platform_id", "filing_no", "state", "reason", "declared_at"})
_SHEET_KEYS: Final = frozenset(
    {"platform_id", "filing_no", "scores", "comments", "vetoes", "bonus", "overall_comment"}
)
_TEXT_ONLY: Final = frozenset({str})


def _parse_written(data: bytes) -> ScoreFile | None:
    """The score file, when ``data`` is one exactly as the writer makes it; else None.

    It gives what :func:`_parse_checked` gives for such a file and vouches for the same
    limits, by other means: every key is one of the format's, every value a text, a number
    or one of the format's own objects and lists of those, so nothing nests deeper than four
    levels; the values are checked by exact type (a parsed file has only JSON's); and no key
    repeats in any object. That last is a count of colons: once no ``\\u`` escape is in the
    text, a colon can be spelled only as itself, so the text holds one per pair plus those in
    its strings, and the canonical serialisation of what was parsed (plus the signature) holds
    the same strings and one per pair kept. A key given twice leaves a pair the parser dropped
    — at least one colon more in the text. Any doubt is None, never an error.
    """
    if len(data) > MAX_BYTES:
        return None
    body = data[3:] if data.startswith(b"\xef\xbb\xbf") else data
    text = body.decode("utf-8")
    if "\\u" in text:
        return None
    document = json.loads(text, parse_constant=_refuse_constant, parse_int=_bounded_int)
    if type(document) is not dict or document.keys() != _TOP_KEYS:
        return None
    if document["format"] != FORMAT_NAME:
        return None
    version = document["format_version"]
    if type(version) is not int or not 1 <= version <= FORMAT_VERSION:
        return None
    expert, signature = document["expert"], document["signature"]
    if type(expert) is not dict or expert.keys() != _EXPERT_KEYS:
        return None
    if type(signature) is not dict or signature.keys() != _SIGNATURE_KEYS:
        return None
    alg, value = signature["alg"], signature["value"]
    if alg != SIGNATURE_ALG or type(value) is not str or len(value) != 64:
        return None
    signed = bytes.fromhex(value)
    moments: dict[str, dt.datetime] = {}
    declarations = tuple(
        _written_declaration(d, moments) for d in _written_list(document, "declarations")
    )
    sheets = tuple(_written_sheet(s) for s in _written_list(document, "sheets"))
    for entries in (declarations, sheets):
        if len({e.platform_id for e in entries}) != len(entries):
            return None
    content = {k: v for k, v in document.items() if k != "signature"}
    canonical = canonical_bytes(content)  # a lone surrogate: ValueError, so None
    if b"\\u0000" in canonical:
        return None
    pairs = (
        canonical.count(b":")
        + 1
        + json.dumps(signature, separators=(",", ":"), ensure_ascii=False).count(":")
    )
    if text.count(":") != pairs:  # a key given twice: the parser kept one
        return None
    return ScoreFile(
        format_version=version,
        cycle_id=_written_text(document["cycle_id"], required=True),
        package_id=_written_text(document["package_id"], required=True),
        expert_id=_written_integer(expert["id"]),
        expert_name=_written_text(expert["name"], required=True),
        revision=_written_integer(document["revision"]),
        submitted_at=_written_moment(document["submitted_at"], moments),
        app_version=_written_text(document["app_version"], required=False),
        declarations=declarations,
        sheets=sheets,
        signature_alg=alg,
        signature=signed,
        canonical=canonical,
        sha256=hashlib.sha256(data).hexdigest(),
    )


def _written_list(document: Mapping[str, Any], key: str) -> list[dict[str, Any]]:
    items = document[key]
    if type(items) is not list or not all(type(item) is dict for item in items):
        raise _NotAsWritten(key)
    return items


def _written_text(value: Any, *, required: bool) -> str:
    if type(value) is not str or (required and not value.strip()):
        raise _NotAsWritten(value)
    return value


def _written_integer(value: Any) -> int:
    if type(value) is not int or not 1 <= value <= MAX_INTEGER:
        raise _NotAsWritten(value)
    return value


def _written_moment(value: Any, seen: dict[str, dt.datetime]) -> dt.datetime:
    """:meth:`_Fields.moment` of a good time, each distinct text worked out once."""
    if type(value) is not str:
        raise _NotAsWritten(value)
    utc = seen.get(value)
    if utc is None:
        if len(value) > _MAX_TIMESTAMP_CHARS:
            raise _NotAsWritten(value)
        moment = dt.datetime.fromisoformat(value)
        if moment.tzinfo is None:
            raise _NotAsWritten(value)
        utc = moment.astimezone(dt.UTC)
        if not EARLIEST <= utc < LATEST:
            raise _NotAsWritten(value)
        seen[value] = utc
    return utc


def _written_declaration(raw: dict[str, Any], moments: dict[str, dt.datetime]) -> DeclarationEntry:
    if raw.keys() != _DECLARATION_KEYS:
        raise _NotAsWritten(raw)
    state = raw["state"]
    reason = _written_text(raw["reason"], required=False)
    if state == "conflict":
        if not reason.strip():
            raise _NotAsWritten(raw)
    elif state != "none":
        raise _NotAsWritten(raw)
    declared_at = raw["declared_at"]
    return DeclarationEntry(
        platform_id=_written_integer(raw["platform_id"]),
        filing_no=_written_text(raw["filing_no"], required=False),
        conflict=state == "conflict",
        reason=reason,
        declared_at=None if declared_at is None else _written_moment(declared_at, moments),
    )


def _written_sheet(raw: dict[str, Any]) -> SheetEntry:
    if raw.keys() != _SHEET_KEYS:
        raise _NotAsWritten(raw)
    scores, bonus = raw["scores"], raw["bonus"]
    comments, vetoes = raw["comments"], raw["vetoes"]
    for numbers in (scores, bonus):  # floats only (an int is left to the checked reading)
        if type(numbers) is not dict or not _FLOAT_ONLY.issuperset(map(type, numbers.values())):
            raise _NotAsWritten(raw)
        if not math.isfinite(sum(numbers.values())):
            raise _NotAsWritten(raw)
    for texts in (comments, vetoes):
        if type(texts) is not dict or not _TEXT_ONLY.issuperset(map(type, texts.values())):
            raise _NotAsWritten(raw)
    return SheetEntry(
        platform_id=_written_integer(raw["platform_id"]),
        filing_no=_written_text(raw["filing_no"], required=False),
        scores=scores,
        comments=comments,
        vetoes=vetoes,
        bonus=bonus,
        overall_comment=_written_text(raw["overall_comment"], required=False),
    )


def _parse_checked(data: bytes) -> ScoreFile:
    document = _decode(data)
    if not isinstance(document, Mapping) or document.get("format") != FORMAT_NAME:
        raise _Invalid(
            _error(
                "not_a_score_file",
                "该文件不是 jlpanel 评分文件",
                "this file is not a jlpanel score file",
            )
        )
    top = _Fields(document, "")
    version = top.get("format_version")
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        raise top.bad("format_version", "应为正整数", "must be a positive whole number")
    if version > FORMAT_VERSION:
        raise _Invalid(
            _error(
                "future_version",
                f"评分文件格式版本 {version} 由更新版本的 jlpanel 生成（本程序支持到 "
                f"{FORMAT_VERSION}），请升级本程序",
                f"score file format {version} was written by a newer jlpanel (this version "
                f"reads up to {FORMAT_VERSION}); update the program",
                "format_version",
            )
        )
    canonical = _checked_canonical(document)
    signature_alg, signature = _signature(top)
    expert = top.obj("expert")
    declarations = tuple(_declaration(d) for d in top.items("declarations"))
    sheets = tuple(
        SheetEntry(
            platform_id=s.integer("platform_id", 1),
            filing_no=s.text("filing_no", required=False),
            scores=s.numbers("scores"),
            comments=s.texts("comments"),
            vetoes=s.texts("vetoes"),
            bonus=s.numbers("bonus"),
            overall_comment=s.text("overall_comment", required=False),
        )
        for s in top.items("sheets")
    )
    for label, ids in (
        ("declarations", [d.platform_id for d in declarations]),
        ("sheets", [s.platform_id for s in sheets]),
    ):
        if len(set(ids)) != len(ids):
            raise top.bad(label, "中有重复的平台", "lists a platform twice")
    submitted_at = top.moment("submitted_at")
    assert submitted_at is not None
    return ScoreFile(
        format_version=version,
        cycle_id=top.text("cycle_id"),
        package_id=top.text("package_id"),
        expert_id=expert.integer("id", 1),
        expert_name=expert.text("name"),
        revision=top.integer("revision", 1),
        submitted_at=submitted_at,
        app_version=top.text("app_version", required=False),
        declarations=declarations,
        sheets=sheets,
        signature_alg=signature_alg,
        signature=signature,
        canonical=canonical,
        sha256=hashlib.sha256(data).hexdigest(),
    )


def _declaration(fields: _Fields) -> DeclarationEntry:
    state = fields.text("state")
    if state not in DECLARATION_STATES:
        raise fields.bad("state", "应为 none 或 conflict", "must be 'none' or 'conflict'")
    reason = fields.text("reason", required=False)
    if state == "conflict" and not reason.strip():
        raise fields.bad("reason", "回避须写明理由", "must give the reason for a conflict")
    return DeclarationEntry(
        platform_id=fields.integer("platform_id", 1),
        filing_no=fields.text("filing_no", required=False),
        conflict=state == "conflict",
        reason=reason,
        declared_at=fields.moment("declared_at", optional=True),
    )


def _signature(top: _Fields) -> tuple[str, bytes]:
    raw = top.get("signature")

    def bad(zh: str, en: str) -> _Invalid:
        return _Invalid(_error("bad_signature_format", zh, en, "signature"))

    if not isinstance(raw, Mapping):
        raise bad("签名格式不正确", "the signature must be an object with alg and value")
    alg, value = raw.get("alg"), raw.get("value")
    if alg != SIGNATURE_ALG:
        raise bad(
            f"签名算法应为 {SIGNATURE_ALG}（实际为 {shown(repr(alg))}）",
            f"the signature algorithm must be {SIGNATURE_ALG} (got {shown(repr(alg))})",
        )
    if not isinstance(value, str) or len(value) != 64:
        raise bad("签名值应为 64 位十六进制数", "the signature value must be 64 hex digits")
    try:
        return alg, bytes.fromhex(value)
    except ValueError:
        raise bad(
            "签名值应为 64 位十六进制数", "the signature value must be 64 hex digits"
        ) from None
