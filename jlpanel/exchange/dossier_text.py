"""Cleaning a read dossier's text before it is stored (issue 12 item 5).

Every text value of the dossier goes through :func:`jlpanel.domain.identity.clean_text`:
NFKC (Chinese punctuation kept), zero-width, bidi and control characters removed, trimmed.
Free text (工作总结, 服务内容, and the 说明 of 服务成效 and 重大事项) keeps its line breaks;
every other value is one line. Whenever something was removed the host unit gets a warning
naming the sheet, row and column, because a hidden character in a name or number is usually
pasted from somewhere and may hide more.
"""

from __future__ import annotations

import dataclasses
from operator import attrgetter
from typing import Any

from jlpanel.domain.dossier import Dossier, Finding, Severity
from jlpanel.domain.identity import clean_text, describe_removed, is_clean
from jlpanel.domain.text import Text
from jlpanel.exchange.dossier_schema import SHEETS, SheetSpec

#: (sheet's dossier field, column field) of the free-text columns that keep line breaks.
FREE_TEXT = frozenset(
    {
        ("services", "content"),
        ("outcomes", "description"),
        ("major_events", "description"),
        ("work_summary", "work_summary"),
    }
)

#: Column fields that hold codes and addresses: folded to ASCII punctuation as well.
CODES = frozenset(
    {
        "filing_no",
        "credit_code",
        "contact_phone",
        "email",
        "portal_url",
        "resource_code",
        "resource_codes",
        "contract_no",
        "document_no",
    }
)

_SPECS = {spec.dossier_field: spec for spec in SHEETS}


def _finding(sheet: str, row: int | None, column: str, removed: tuple[str, ...]) -> Finding:
    codes = describe_removed(removed)
    return Finding(
        Severity.WARNING,
        "text.invisible_removed",
        sheet,
        row,
        column,
        Text(
            f"“{column}”含有看不见的字符或控制字符（{codes}），已删除",
            f"{column} held invisible or control characters ({codes}); they were removed",
        ),
        Text(
            "请在原表中重新输入这一格（不要从网页、PDF 或聊天记录粘贴）",
            "Type the cell again in the workbook (rather than pasting it from a web page, a "
            "PDF or a chat)",
        ),
    )


def _header(spec: SheetSpec | None, field_name: str) -> str:
    if spec is None:
        return field_name
    try:
        return spec.column(field_name).header
    except KeyError:
        return field_name


_FIELD_NAMES: dict[type, tuple[str, ...]] = {}


def _clean_record(record: Any, part: str, spec: SheetSpec | None, findings: list[Finding]) -> Any:
    kind = type(record)
    names = _FIELD_NAMES.get(kind)
    if names is None:
        names = _FIELD_NAMES[kind] = tuple(f.name for f in dataclasses.fields(record))
    texts = [(name, value) for name in names if type(value := getattr(record, name)) is str]
    # Most records are clean throughout: check the free and plain text of a whole record in
    # one go ("|" is printable and keeps each value's own edges visible to the checks).
    plain = [v for name, v in texts if name not in CODES]
    joined = "|".join(plain)
    if (
        is_clean(joined)
        and " |" not in joined
        and "| " not in joined
        and all(is_clean(v, code=True) for name, v in texts if name in CODES)
    ):
        return record
    changes: dict[str, str | None] = {}
    for name, value in texts:
        if is_clean(value, code=name in CODES):
            continue
        cleaned = clean_text(value, multiline=(part, name) in FREE_TEXT, code=name in CODES)
        if cleaned.text != value:
            changes[name] = cleaned.text or None
        if cleaned.removed:
            findings.append(
                _finding(
                    spec.name if spec else part,
                    getattr(record, "source_row", None),
                    _header(spec, name),
                    cleaned.removed,
                )
            )
    return dataclasses.replace(record, **changes) if changes else record


def _table_is_clean(rows: tuple[Any, ...]) -> bool:
    """Whether no text value of any row would change: each column's values are joined and
    checked once ("|" is printable and keeps each value's own edges visible)."""
    kind = type(rows[0])
    names = _FIELD_NAMES.get(kind)
    if names is None:
        names = _FIELD_NAMES[kind] = tuple(f.name for f in dataclasses.fields(kind))
    for name, column in zip(names, zip(*map(attrgetter(*names), rows), strict=True), strict=True):
        try:
            joined = "|".join(filter(None, column))  # a text column: joined at C speed
        except TypeError:  # numbers or dates among the values
            joined = "|".join(v for v in column if type(v) is str)
        if not joined:
            continue
        if not is_clean(joined, code=name in CODES) or " |" in joined or "| " in joined:
            return False
    return True


def clean_dossier_text(dossier: Dossier) -> tuple[Dossier, list[Finding]]:
    """The dossier with every text value cleaned, and a warning per cell that lost characters.

    A required value (平台名称, 备案编号) that was nothing but invisible characters becomes
    empty; :func:`dossier_text_errors` refuses that.
    """
    findings: list[Finding] = []
    changes: dict[str, Any] = {
        "basic": _clean_record(dossier.basic, "basic", _SPECS.get("basic"), findings)
    }
    for item in dataclasses.fields(dossier):
        value = getattr(dossier, item.name)
        if item.name == "basic" or not isinstance(value, tuple):
            continue
        if not value or _table_is_clean(value):
            continue  # the usual case, checked a column at a time
        spec = _SPECS.get(item.name)
        rows = tuple(_clean_record(r, item.name, spec, findings) for r in value)
        if any(a is not b for a, b in zip(rows, value, strict=True)):
            changes[item.name] = rows
    for name, multiline in (("work_summary", True), ("work_summary_attachment", False)):
        text = getattr(dossier, name)
        if not isinstance(text, str):
            continue
        cleaned = clean_text(text, multiline=multiline)
        if cleaned.text != text:
            changes[name] = cleaned.text if name == "work_summary" else cleaned.text or None
        if cleaned.removed:
            spec = _SPECS.get("work_summary")
            findings.append(
                _finding(spec.name if spec else name, None, _header(spec, name), cleaned.removed)
            )
    return dataclasses.replace(dossier, **changes), findings


def dossier_text_errors(dossier: Dossier) -> list[Finding]:
    """Errors for required identities left empty once invisible characters were removed."""
    spec = _SPECS.get("basic")
    out: list[Finding] = []
    for name in ("name", "filing_no"):
        if getattr(dossier.basic, name):
            continue
        header = _header(spec, name)
        out.append(
            Finding(
                Severity.ERROR,
                "cell.required",
                spec.name if spec else "基本信息",
                None,
                header,
                Text(
                    f"必填项“{header}”只有看不见的字符",
                    f"The required {header} holds nothing but invisible characters",
                ),
                Text(f"请在 B 列填写{header}", f"Fill in {header} in column B"),
            )
        )
    return out
