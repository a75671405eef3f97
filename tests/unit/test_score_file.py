"""The score file format: what is signed, what breaks the signature, and junk refused by kind."""

from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path
from typing import Any

import pytest
from factories import small_rubric
from hypothesis import given, settings
from hypothesis import strategies as st

from jlpanel.domain.scoresheet import Provenance, validate_sheet
from jlpanel.exchange import score_file as sf

KEY = bytes(range(32))
OTHER_KEY = bytes(range(1, 33))
SUBMITTED = dt.datetime(2026, 5, 20, 2, 31, 7, 123456, tzinfo=dt.UTC)


def payload(**changes: Any) -> dict[str, Any]:
    values: dict[str, Any] = {
        "cycle_id": "6f1c1e4e-0000-4000-8000-000000000001",
        "package_id": "6f1c1e4e-0000-4000-8000-000000000002",
        "expert_id": 3,
        "expert_name": "王专家",
        "revision": 2,
        "submitted_at": SUBMITTED,
        "app_version": "0.1.0",
        "declarations": [
            sf.DeclarationEntry(7, "JL-007", False, "", SUBMITTED),
            sf.DeclarationEntry(8, "JL-008", True, "本人曾在依托单位任职", SUBMITTED),
            sf.DeclarationEntry(9, "JL-009", False, "", SUBMITTED),
        ],
        "sheets": [
            sf.SheetEntry(
                7,
                "JL-007",
                {"A1": 30.0, "B1": 35.5, "C1": 20.0},
                comments={"A1": "资源丰富", "B1": "服务量大"},
                vetoes={"fraud": "服务记录与合同不符"},
                bonus={"X1": 1.5},
                overall_comment="总体良好",
            ),
            sf.SheetEntry(9, "JL-009", {"A1": 5.0, "B1": 10.0, "C1": 5.0}, comments={"A1": "差"}),
        ],
    }
    values.update(changes)
    return sf.make_payload(**values)


def document(data: bytes) -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads(data)
    return loaded


def encode(doc: dict[str, Any]) -> bytes:
    return json.dumps(doc, ensure_ascii=False, indent=2).encode("utf-8")


def parsed(data: bytes) -> sf.ScoreFile:
    result = sf.parse_score_file(data)
    assert isinstance(result, sf.ScoreFile), result
    return result


def error(data: bytes) -> sf.ScoreFileError:
    result = sf.parse_score_file(data)
    assert isinstance(result, sf.ScoreFileError), result
    return result


def test_a_written_file_round_trips_and_verifies(tmp_path: Path):
    path = tmp_path / "专家.jlscore"
    written = sf.write_score_file(path, payload(), KEY)
    assert path.read_bytes() == written
    score_file = parsed(written)
    assert sf.verify_signature(score_file, KEY)
    assert not sf.verify_signature(score_file, OTHER_KEY)
    assert score_file.format_version == 1
    assert (score_file.expert_id, score_file.expert_name, score_file.revision) == (3, "王专家", 2)
    assert score_file.submitted_at == SUBMITTED
    assert score_file.conflicts() == {8: "本人曾在依托单位任职"}
    assert [s.platform_id for s in score_file.sheets] == [7, 9]
    assert score_file.sheets[0].scores == {"A1": 30.0, "B1": 35.5, "C1": 20.0}
    assert score_file.sheets[0].vetoes == {"fraud": "服务记录与合同不符"}
    assert score_file.canonical == sf.canonical_bytes(document(written))
    # Self-describing: a person can read what it is.
    head = written.decode("utf-8")
    assert head.index('"format": "jlpanel-score"') < head.index('"sheets"')
    assert "王专家" in head  # UTF-8, not \u escapes


def test_the_domain_sheets_carry_the_revision_and_validate():
    score_file = parsed(sf.encode_score_file(payload(), KEY))
    sheets = score_file.score_sheets()
    assert [s.platform_id for s in sheets] == ["7", "9"]
    assert all(s.expert_id == "3" and s.revision == 2 for s in sheets)
    assert all(s.provenance is Provenance.PACKAGE for s in sheets)
    assert validate_sheet(sheets[0], small_rubric()) == []


def test_the_layout_of_the_file_does_not_matter_but_the_values_do():
    data = sf.encode_score_file(payload(), KEY)
    doc = document(data)
    compact = json.dumps(dict(reversed(list(doc.items()))), ensure_ascii=True).encode()
    assert sf.verify_signature(parsed(compact), KEY)


TAMPERED_PATHS: list[tuple[tuple[str | int, ...], Any]] = [
    (("cycle_id",), "6f1c1e4e-0000-4000-8000-0000000000ff"),
    (("package_id",), "6f1c1e4e-0000-4000-8000-0000000000ff"),
    (("expert", "id"), 4),
    (("expert", "name"), "李专家"),
    (("revision",), 3),
    (("revision",), 1),
    (("submitted_at",), "2026-05-21T02:31:07.123456+00:00"),
    (("app_version",), "9.9.9"),
    (("declarations", 1, "state"), "none"),
    (("declarations", 1, "reason"), "无"),
    (("declarations", 0, "platform_id"), 70),
    (("sheets", 0, "platform_id"), 8),
    (("sheets", 0, "filing_no"), "JL-008"),
    (("sheets", 0, "scores", "A1"), 35.0),
    (("sheets", 0, "scores", "B1"), 35.0),
    (("sheets", 1, "scores", "C1"), 5.5),
    (("sheets", 0, "comments", "A1"), "资源一般"),
    (("sheets", 1, "comments", "B1"), "新增的评语"),
    (("sheets", 0, "vetoes", "fraud"), "理由改了"),
    (("sheets", 1, "vetoes", "no_service"), "新增否决"),
    (("sheets", 0, "bonus", "X1"), 3.0),
    (("sheets", 0, "overall_comment"), "总体优秀"),
]


@pytest.mark.parametrize(
    ("path", "value"), TAMPERED_PATHS, ids=[".".join(map(str, p)) for p, _ in TAMPERED_PATHS]
)
def test_changing_any_value_breaks_the_signature(path: tuple[str | int, ...], value: Any):
    doc = document(sf.encode_score_file(payload(), KEY))
    target: Any = doc
    for step in path[:-1]:
        target = target[step]
    assert target.get(path[-1]) != value if isinstance(target, dict) else True
    target[path[-1]] = value
    score_file = parsed(encode(doc))
    assert not sf.verify_signature(score_file, KEY)


@pytest.mark.parametrize(
    "remove",
    [
        ("sheets", 0, "comments", "B1"),
        ("sheets", 0, "vetoes", "fraud"),
        ("sheets", 0, "bonus", "X1"),
    ],
)
def test_removing_a_comment_veto_or_bonus_breaks_the_signature(remove: tuple[str | int, ...]):
    doc = document(sf.encode_score_file(payload(), KEY))
    target: Any = doc
    for step in remove[:-1]:
        target = target[step]
    del target[remove[-1]]
    assert not sf.verify_signature(parsed(encode(doc)), KEY)


def test_dropping_a_sheet_or_a_declaration_breaks_the_signature():
    for key in ("sheets", "declarations"):
        doc = document(sf.encode_score_file(payload(), KEY))
        doc[key].pop()
        assert not sf.verify_signature(parsed(encode(doc)), KEY)


def test_a_signature_from_another_file_does_not_verify():
    first = document(sf.encode_score_file(payload(), KEY))
    second = document(sf.encode_score_file(payload(revision=3), KEY))
    first["signature"] = second["signature"]
    assert not sf.verify_signature(parsed(encode(first)), KEY)


def test_a_future_format_version_is_refused_by_kind():
    doc = document(sf.encode_score_file(payload(), KEY))
    doc["format_version"] = 2
    doc["sheets"] = "a newer layout"
    err = error(encode(doc))
    assert err.kind == "future_version"
    assert "newer" in err.text.en and "更新版本" in err.text.zh


@pytest.mark.parametrize("cut", [1, 10, 100, 0.5, -40, -2])
def test_truncated_bytes_are_refused_as_truncated(cut: float):
    data = sf.encode_score_file(payload(), KEY)
    end = int(len(data) * cut) if isinstance(cut, float) else cut
    assert error(data[:end]).kind == "truncated"


def test_a_cut_inside_a_chinese_character_is_truncated_too():
    data = sf.encode_score_file(payload(), KEY)
    start = data.index("王".encode())
    assert error(data[: start + 1]).kind == "truncated"


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        (b"", "empty"),
        (b"   \n", "empty"),
        (b"\x00\x01\x02PK\x03\x04 binary", "not_json"),
        (b"\xff\xfe{\x00}\x00", "not_json"),
        (b"format_version = 1\n", "not_json"),
        (b"[1, 2, 3]", "not_a_score_file"),
        (b'{"format": "something-else", "format_version": 1}', "not_a_score_file"),
        (b"{}", "not_a_score_file"),
        (b'"jlpanel-score"', "not_a_score_file"),
        (b'{"format": "jlpanel-score", "format_version": "1"}', "bad_field"),
        (b'{"format": "jlpanel-score", "format_version": 0}', "bad_field"),
        (b'{"format": "jlpanel-score", "format_version": 1, "format": "x"}', "not_json"),
        (b'{"format": "jlpanel-score", "format_version": 1, "revision": NaN}', "not_json"),
        (b"[" * 100_000 + b"]" * 100_000, "too_deep"),
    ],
)
def test_junk_is_refused_by_kind(data: bytes, kind: str):
    assert error(data).kind == kind


def test_an_enormous_file_is_refused_before_parsing():
    assert error(b" " * 10 + b"{" + b" " * sf.MAX_BYTES).kind == "too_large"


@pytest.mark.parametrize(
    ("path", "kind", "where"),
    [
        (("package_id",), "missing_field", "package_id"),
        (("expert", "id"), "missing_field", "expert.id"),
        (("sheets", 0, "scores"), "missing_field", "sheets[0].scores"),
        (("declarations", 1, "state"), "missing_field", "declarations[1].state"),
        (("signature",), "missing_field", "signature"),
        (("signature", "alg"), "bad_signature_format", "signature"),
        (("signature", "value"), "bad_signature_format", "signature"),
    ],
)
def test_a_missing_field_is_named(path: tuple[str | int, ...], kind: str, where: str):
    doc = document(sf.encode_score_file(payload(), KEY))
    target: Any = doc
    for step in path[:-1]:
        target = target[step]
    del target[path[-1]]
    err = error(encode(doc))
    assert (err.kind, err.where) == (kind, where)


@pytest.mark.parametrize(
    ("path", "value", "kind"),
    [
        (("signature", "alg"), "HMAC-MD5", "bad_signature_format"),
        (("signature", "value"), "abc", "bad_signature_format"),
        (("signature", "value"), "z" * 64, "bad_signature_format"),
        (("signature",), "deadbeef", "bad_signature_format"),
        (("sheets", 0, "scores", "A1"), True, "bad_field"),
        (("sheets", 0, "scores", "A1"), "30", "bad_field"),
        (("sheets", 0, "scores", "A1"), None, "bad_field"),
        (("sheets", 0, "comments", "A1"), 5, "bad_field"),
        (("sheets", 0, "platform_id"), "7", "bad_field"),
        (("sheets", 1, "platform_id"), 7, "bad_field"),  # the same platform twice
        (("declarations", 0, "state"), "maybe", "bad_field"),
        (("declarations", 0, "state"), "conflict", "bad_field"),  # a conflict without reason
        (("revision",), 0, "bad_field"),
        (("submitted_at",), "yesterday", "bad_field"),
        (("submitted_at",), "2026-05-20T02:31:07", "bad_field"),  # no time zone
        (("expert",), [3, "王专家"], "bad_field"),
        (("sheets",), {"0": {}}, "bad_field"),
    ],
)
def test_a_wrong_value_is_refused_with_where(path: tuple[str | int, ...], value: Any, kind: str):
    doc = document(sf.encode_score_file(payload(), KEY))
    target: Any = doc
    for step in path[:-1]:
        target = target[step]
    target[path[-1]] = value
    err = error(encode(doc))
    assert err.kind == kind
    assert err.text.zh and err.text.en


def test_the_writer_refuses_what_the_reader_would_refuse():
    bad = payload()
    bad["sheets"][0]["scores"]["A1"] = float("nan")
    with pytest.raises(ValueError):
        sf.encode_score_file(bad, KEY)
    with pytest.raises(ValueError):
        sf.encode_score_file(payload(), b"short")
    with pytest.raises(ValueError):
        payload(submitted_at=dt.datetime(2026, 5, 20))  # naive


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=400))
def test_parsing_junk_bytes_never_raises(data: bytes):
    assert isinstance(sf.parse_score_file(data), sf.ScoreFile | sf.ScoreFileError)


@settings(max_examples=200, deadline=None)
@given(st.data())
def test_parsing_any_prefix_or_edit_of_a_real_file_never_raises(data: st.DataObject):
    real = sf.encode_score_file(payload(), KEY)
    cut = data.draw(st.integers(0, len(real)))
    flip = data.draw(st.integers(0, len(real) - 1))
    mangled = real[:flip] + bytes([real[flip] ^ 0x20]) + real[flip + 1 :]
    for candidate in (real[:cut], mangled):
        result = sf.parse_score_file(candidate)
        if isinstance(result, sf.ScoreFile) and candidate != real:
            # Whatever still parses must not verify, unless the edit was outside the values.
            assert sf.verify_signature(result, KEY) == (
                result.canonical == parsed(real).canonical
                and result.signature == parsed(real).signature
            )


# ------------------------------------------------------------------- hostile values, limits


def signed_text(doc: dict[str, Any]) -> bytes:
    """``doc`` signed with KEY by hand, past the writer's own checks (as an expert could)."""
    doc.pop("signature", None)
    doc["signature"] = {
        "alg": sf.SIGNATURE_ALG,
        "value": sf.sign(sf.canonical_bytes(doc), KEY).hex(),
    }
    return encode(doc)


def raw_field(raw: str) -> bytes:
    """A real file with ``"note": <raw>`` typed in as JSON text."""
    text = sf.encode_score_file(payload(), KEY).decode()
    return ("{" + f'"note": {raw},' + text[1:]).encode()


def nested(lists: int) -> Any:
    value: Any = 1
    for _ in range(lists):
        value = [value]
    return value


@pytest.mark.parametrize(
    ("data", "kind", "where"),
    [
        (raw_field("1e309"), "bad_number", "note"),
        (raw_field("-1e400"), "bad_number", "note"),
        (raw_field('{"deeper": [1, 2, 1e309]}'), "bad_number", "note.deeper[2]"),
        (raw_field("9" * 5000), "bad_number", ""),
        (raw_field("-" + "1" * (sf.MAX_INTEGER_DIGITS + 1)), "bad_number", ""),
        (raw_field('"\\ud800"'), "bad_text", "note"),
        (raw_field('{"\\udc00": 1}'), "bad_text", "note.\\udc00"),
        (raw_field('["ok", "\\u0000"]'), "bad_text", "note[1]"),
        # The top level is the first container, so this makes MAX_DEPTH + 1.
        (raw_field(json.dumps(nested(sf.MAX_DEPTH))), "too_deep", "note"),
    ],
)
def test_a_hostile_value_anywhere_is_refused_by_kind_and_place(data: bytes, kind: str, where: str):
    err = error(data)
    assert (err.kind, err.where) == (kind, where)
    assert err.text.zh and err.text.en
    err.text.zh.encode("utf-8")  # printable: a surrogate is shown escaped
    err.text.en.encode("utf-8")


def test_scores_are_floats_however_written_and_a_sum_beyond_a_double_is_no_fault():
    doc = document(sf.encode_score_file(payload(), KEY))
    doc["sheets"][0]["scores"] = {"A1": 1.7e308, "B1": 1.7e308, "C1": 20}  # sum: inf
    doc["sheets"][1]["scores"] = {"A1": 5, "B1": 10.5, "C1": -0.0}
    sheets = parsed(signed_text(doc)).sheets
    assert sheets[0].scores == {"A1": 1.7e308, "B1": 1.7e308, "C1": 20.0}
    assert sheets[1].scores == {"A1": 5.0, "B1": 10.5, "C1": -0.0}
    assert str(sheets[1].scores["C1"]) == "-0.0"
    assert {type(v) for s in sheets for v in s.scores.values()} == {float}
    doc["sheets"][1]["scores"]["B1"] = "10.5"
    assert error(signed_text(doc)).where == "sheets[1].scores.B1"


def test_what_is_just_inside_the_limits_is_read():
    inside = raw_field(
        json.dumps(
            {"n": int("9" * sf.MAX_INTEGER_DIGITS), "f": 1.7e308, "d": nested(sf.MAX_DEPTH - 2)}
        )
    )
    assert isinstance(sf.parse_score_file(inside), sf.ScoreFile)
    assert parsed(raw_field('"\\\\u0000 is typed text, not NUL"'))


@pytest.mark.parametrize(
    ("path", "value"),
    [
        (("revision",), 2**31),
        (("revision",), 2**63),
        (("expert", "id"), 2**31),
        (("sheets", 0, "platform_id"), 2**40),
        (("declarations", 0, "platform_id"), 2**31),
        (("submitted_at",), "0001-01-01T00:00:00+05:00"),
        (("submitted_at",), "9999-12-31T23:00:00-05:00"),
        (("submitted_at",), "1969-12-31T23:59:59.999999+00:00"),
        (("submitted_at",), "2200-01-01T00:00:00+00:00"),
        (("declarations", 0, "declared_at"), "0001-01-01T00:00:00+00:00"),
    ],
)
def test_ids_revisions_and_times_out_of_range_are_refused_even_when_signed(
    path: tuple[str | int, ...], value: Any
):
    doc = document(sf.encode_score_file(payload(), KEY))
    target: Any = doc
    for step in path[:-1]:
        target = target[step]
    target[path[-1]] = value
    err = error(signed_text(doc))
    assert err.kind == "bad_field"
    assert err.where == ".".join(str(p) for p in path).replace(".0.", "[0].")
    assert "超出范围" in err.text.zh or "不能大于" in err.text.zh or "不是有效" in err.text.zh


def test_the_edges_of_the_ranges_are_accepted():
    doc = document(sf.encode_score_file(payload(), KEY))
    doc["revision"] = sf.MAX_INTEGER
    doc["submitted_at"] = "1970-01-01T08:00:00+08:00"  # the first moment, east of Greenwich
    doc["declarations"][0]["declared_at"] = "2199-12-31T23:59:59.999999+00:00"
    score_file = parsed(signed_text(doc))
    assert score_file.revision == 2**31 - 1 and score_file.submitted_at == sf.EARLIEST
    assert sf.verify_signature(score_file, KEY)


def test_the_writer_refuses_a_time_the_reader_would_refuse():
    with pytest.raises(ValueError, match="submitted_at"):
        sf.encode_score_file(payload(submitted_at=dt.datetime(1969, 7, 20, tzinfo=dt.UTC)), KEY)


def test_a_duplicated_key_with_a_lone_surrogate_is_named_printably():
    err = error(b'{"format": "jlpanel-score", "\\ud800": 1, "\\ud800": 2}')
    assert err.kind == "not_json"
    assert "\\ud800" in err.text.zh and "\\ud800" in err.text.en
    err.text.zh.encode("utf-8")  # printed to a terminal, it would raise otherwise


def test_the_first_key_to_repeat_is_named_when_several_do():
    err = error(b'{"format": "jlpanel-score", "b": 1, "a": 1, "a": 2, "b": 2, "c": 3}')
    assert err.kind == "not_json"
    assert "“a”" in err.text.en and "“b”" not in err.text.en
    assert "“a”" in err.text.zh


# ------------------------------------------------------------------------ reading the file


def test_a_regular_file_and_a_link_to_one_are_read(tmp_path: Path):
    written = sf.write_score_file(tmp_path / "a.jlscore", payload(), KEY)
    (tmp_path / "link.jlscore").symlink_to(tmp_path / "a.jlscore")
    assert sf.read_score_file(tmp_path / "a.jlscore") == written
    assert sf.read_score_file(tmp_path / "link.jlscore") == written


def test_what_is_not_a_regular_file_is_refused_without_reading(tmp_path: Path):
    os.mkfifo(tmp_path / "fifo.jlscore")  # opening it to read would wait for a writer
    (tmp_path / "folder.jlscore").mkdir()
    (tmp_path / "zero.jlscore").symlink_to("/dev/zero")  # reading it would never end
    expected = {
        Path("/dev/zero"): "it is a device, not a regular file",
        tmp_path / "fifo.jlscore": "it is a pipe (FIFO), not a regular file",
        tmp_path / "folder.jlscore": "it is a folder, not a regular file",
        tmp_path / "zero.jlscore": "it is a link to a device, not a regular file",
    }
    for path, words in expected.items():
        result = sf.read_score_file(path)
        assert isinstance(result, sf.ScoreFileError), path
        assert (result.kind, result.text.en) == ("not_a_file", words)
        assert "不是普通文件" in result.text.zh


def test_a_file_beyond_the_bound_is_refused_before_reading(tmp_path: Path):
    path = tmp_path / "huge.jlscore"
    with path.open("wb") as sparse:
        sparse.truncate(sf.MAX_BYTES + 1)
    result = sf.read_score_file(path)
    assert isinstance(result, sf.ScoreFileError) and result.kind == "too_large"
    assert str(sf.MAX_BYTES + 1) in result.text.en


def test_a_missing_file_is_left_to_the_caller_as_os_error(tmp_path: Path):
    with pytest.raises(FileNotFoundError):
        sf.read_score_file(tmp_path / "nowhere.jlscore")


def _either_reading(data: bytes) -> tuple[sf.ScoreFile | None, sf.ScoreFile | str]:
    """(what the reading of a file as written gives, or None; what the checked reading gives:
    the file, or its error's kind and place)."""
    try:
        written = sf._parse_written(data)
    except Exception:
        written = None
    try:
        checked: sf.ScoreFile | str = sf._parse_checked(data)
    except sf._Invalid as invalid:
        checked = f"{invalid.error.kind} {invalid.error.where}"
    return written, checked


def _twice(data: bytes, line: str) -> bytes:
    """``data`` with the member on ``line`` (a line of the indented file) given twice."""
    text = data.decode("utf-8")
    start = text.index(line)
    end = text.index("\n", start)
    member = text[start:end].rstrip(",")
    return (text[:start] + member + ",\n" + text[start:]).encode("utf-8")


def test_a_file_as_written_is_read_once_at_c_speed_to_the_same_result():
    written = sf.encode_score_file(payload(), KEY)
    colons = payload(
        sheets=[sf.SheetEntry(7, "JL:007", {"A1": 30.0}, comments={"A1": "注: 资源{丰富}: 是"})]
    )
    for data in (
        written,
        b"\xef\xbb\xbf" + written,
        sf.encode_score_file(colons, KEY),  # colons and braces inside strings count alike
    ):
        fast, checked = _either_reading(data)
        assert fast is not None and fast == checked
        assert sf.parse_score_file(data) == checked


def test_a_key_given_twice_anywhere_is_left_to_the_checked_reading_which_refuses_it():
    """The count of pairs finds a repeated key wherever it is, whatever its value."""
    written = sf.encode_score_file(payload(), KEY)
    text = written.decode("utf-8")
    signature_line = next(line for line in text.splitlines() if '"signature"' in line)
    assert '"signature": {' in signature_line
    cases = {
        "a score, the same value": _twice(written, '"A1": 30.0'),
        "an expert's id": _twice(written, '"id": 3'),
        "a top-level field": _twice(written, '"revision": 2'),
        "a text with a colon": _twice(
            sf.encode_score_file(
                payload(sheets=[sf.SheetEntry(7, "JL-007", {"A1": 1.0}, comments={"A1": "a:b"})]),
                KEY,
            ),
            '"A1": "a:b"',
        ),
        "the signature itself": text.replace(
            '  "signature": {',
            '  "signature": {"alg": "HMAC-SHA256", "value": "' + "0" * 64 + '"},\n  "signature": {',
        ).encode("utf-8"),
        "a key spelt with an escape": text.replace(
            '"A1": 30.0', '"A1": 30.0, "A\\u0031": 30.0'
        ).encode("utf-8"),
    }
    for name, data in cases.items():
        fast, checked = _either_reading(data)
        assert fast is None, name
        assert isinstance(checked, str) and checked.startswith("not_json"), (name, checked)


def test_what_the_writer_never_writes_is_read_by_the_checked_reading():
    written = sf.encode_score_file(payload(), KEY)
    text = written.decode("utf-8")
    cases = {
        "an integer score": text.replace('"A1": 30.0', '"A1": 30'),
        "an extra field": text.replace("{", '{"note": [[[1]]], ', 1),
        "an escape in a text": text.replace("资源丰富", "资源\\u4e30富"),
        "a field missing": text.replace('"app_version": "0.1.0",', ""),
        "a naive time": text.replace("+00:00", "", 1),
        "a platform twice": text.replace('"platform_id": 9', '"platform_id": 7'),
        "nested deep": text.replace("{", '{"note": ' + "[" * 40 + "]" * 40 + ", ", 1),
    }
    for name, raw in cases.items():
        fast, checked = _either_reading(raw.encode("utf-8"))
        assert fast is None, name
        assert name in ("an integer score", "an extra field", "an escape in a text") or (
            isinstance(checked, str)
        ), (name, checked)
    integer = text.replace('"A1": 30.0', '"A1": 30').encode("utf-8")
    result = sf.parse_score_file(integer)
    assert isinstance(result, sf.ScoreFile) and result.sheets[0].scores["A1"] == 30.0
