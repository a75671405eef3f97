"""Identity that invisible characters cannot fool (issue 12 item 5)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from jlpanel.domain.conflicts import Match, match_units
from jlpanel.domain.credit_code import check_credit_code, make_credit_code, normalize_credit_code
from jlpanel.domain.identity import clean_text, identity_key, is_clean, terminal_safe

#: Six spellings of one 备案编号: as typed, zero-width space, full-width, lower case, Cyrillic
#: look-alike letters, spaces and a different dash.
FILING_SPELLINGS = (
    "JLKJ-2023-001",
    "JLKJ-2023\u200b-001",
    "ＪＬＫＪ－２０２３－００１",
    "jlkj-2023-001",
    "JLKJ-2023-001".replace("J", "\u0408").replace("K", "\u041a"),
    "JLKJ 2023 \u2010 001",
)


def test_six_spellings_of_one_filing_number_share_a_key() -> None:
    keys = {identity_key(spelling) for spelling in FILING_SPELLINGS}
    assert keys == {"jlkj2023001"}


def test_unit_names_match_through_invisible_characters() -> None:
    assert match_units("吉林\u200b大学", "吉林大学") is Match.EQUAL
    assert match_units("吉林大学", "\u202e吉林 大学\u202c") is Match.EQUAL
    assert match_units("吉林大学化学学院", "吉林\ufeff大学") is Match.FIRST_CONTAINS_SECOND


def test_expert_names_match_through_invisible_characters() -> None:
    assert identity_key("王志刚\u200b") == identity_key("王志刚") == identity_key(" 王 志刚 ")


def test_clean_text_removes_controls_and_says_which() -> None:
    cleaned = clean_text(" 吉林\u200b大学\x00\x1b[31m\u202e ")
    assert cleaned.text == "吉林大学[31m"
    assert cleaned.removed == ("U+200B", "U+0000", "U+001B", "U+202E")


def test_clean_text_keeps_line_breaks_only_in_free_text() -> None:
    assert clean_text("第一段\r\n第二段", multiline=True).text == "第一段\n第二段"
    assert not clean_text("第一段\r\n第二段", multiline=True).removed
    single = clean_text("吉林大学\n化学学院")
    assert single.text == "吉林大学 化学学院"
    assert single.removed == ("U+000A",)


def test_clean_text_folds_width_but_keeps_chinese_punctuation() -> None:
    assert clean_text("吉林大学（化学学院）：ＡＢ１２").text == "吉林大学（化学学院）：AB12"
    assert clean_text("plain ascii ").text == "plain ascii"


def test_terminal_safe_drops_control_sequences() -> None:
    assert terminal_safe("a\x00b\x1b[2J\u202ec\u2066d\ne\tf") == "ab[2Jcd\ne\tf"


def test_credit_code_key() -> None:
    code = make_credit_code("91220101MA0000000")
    typed = " " + code[:4] + "\u200b" + code[4:].lower().replace("a", "\u0430")
    assert normalize_credit_code(typed) == code
    assert check_credit_code(typed) is None


@given(st.text(max_size=20))
def test_identity_key_is_idempotent(text: str) -> None:
    assert identity_key(identity_key(text)) == identity_key(text)


@given(st.text(max_size=30), st.booleans())
def test_clean_text_is_idempotent_and_safe(text: str, multiline: bool) -> None:
    once = clean_text(text, multiline=multiline).text
    assert clean_text(once, multiline=multiline).text == once
    assert terminal_safe(once) == once


def test_removing_a_character_keeps_chinese_punctuation() -> None:
    assert clean_text("吉林\u200b大学（化学学院）").text == "吉林大学（化学学院）"
    assert clean_text("ＪＬ－\u200b００１", code=True).text == "JL-001"


@given(st.text(max_size=40), st.booleans())
def test_the_fast_check_never_skips_text_that_cleaning_would_change(value: str, code: bool) -> None:
    # is_clean guards the import's fast path: when it says clean, cleaning must change nothing.
    if is_clean(value, code=code):
        cleaned = clean_text(value, code=code)
        assert cleaned.text == value and cleaned.removed == ()
