"""Plausibility checks on a parsed dossier (DESIGN §3, "Checks worth making").

Every check yields warnings: the dossier is imported and the findings stay attached to it for
staff and experts. Parse errors (a date that is no date, a missing sheet) are the workbook
reader's business and never reach this module.

Each finding names the sheet, the workbook row and the column header as the host unit sees
them in Excel, says what was found, and how to put it right, in Chinese and in English. A
huge sheet must not bury the list: each kind of finding is reported at most ``FINDING_CAP``
times, followed by one summary finding with the number left out.

Finding codes (stable; the GUI, reports and tests key on them):

==========================  ==========  =====================================================
code                        sheet       when
==========================  ==========  =====================================================
name_form                   基本信息    平台名称 not 吉林省XX资源库 / 吉林省XX中心 / 吉林省XX平台
name_en_form                基本信息    英文名称 given but not "Jilin Provincial XX Resource
                                        Center / XX Center / XX Platform"
credit_code_missing         基本信息    no 统一社会信用代码
credit_code_invalid         基本信息    wrong length, character or check character
credit_code_not_jilin       基本信息    valid, but the division code is not 22xxxx
missing_service_start       基本信息    no 对外服务起始日期
short_external_service      基本信息    less than one year of external service by the period end
service_outside_period      服务记录    a 服务日期 before the period start or after its end
paid_without_contract       服务记录    有偿 without 合同编号
free_without_category       服务记录    无偿 without 公益类别
unknown_resource_code       服务记录    a 使用资源编号 that 资源目录 does not list
no_external_service         服务记录    no service to an outside unit in the period
external_not_provided       服务记录    no record fills in 是否外单位 (the column left out)
major_event_unreported      重大事项    是否已报备 否
duplicate_rows              any         a row equal in every cell to an earlier row
==========================  ==========  =====================================================
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Callable, Iterable, Sequence
from operator import attrgetter
from typing import Any

from jlpanel.domain.credit_code import check_credit_code, division_code, is_jilin
from jlpanel.domain.dossier import (
    FREE,
    PAID,
    PUBLIC_INTEREST_CATEGORIES,
    Dossier,
    Finding,
    ServiceRecord,
    Severity,
)
from jlpanel.domain.dossier_metrics import OpenPeriod, effective_period, in_period, squash
from jlpanel.domain.text import Text

#: At most this many findings of one code; the rest are counted in one summary finding.
FINDING_CAP = 50

SHEET_BASIC = "基本信息"
SHEET_RESOURCES = "资源目录"
SHEET_SERVICES = "服务记录"
SHEET_OUTCOMES = "服务成效"
SHEET_STAFF = "人员"
SHEET_FUNDING = "经费"
SHEET_REGULATIONS = "管理制度"
SHEET_MAJOR_EVENTS = "重大事项"

#: Each code in a few words, for summaries and for lists of finding kinds.
FINDING_TITLES: dict[str, Text] = {
    "name_form": Text("平台名称不符合命名规范", "Platform name does not follow the naming rule"),
    "name_en_form": Text("英文名称不符合命名规范", "English name does not follow the naming rule"),
    "credit_code_missing": Text("未填写统一社会信用代码", "Unified social credit code missing"),
    "credit_code_invalid": Text("统一社会信用代码无效", "Unified social credit code invalid"),
    "credit_code_not_jilin": Text(
        "依托单位不是在吉林省登记的", "Host unit not registered in Jilin"
    ),
    "missing_service_start": Text("未填写对外服务起始日期", "Start of external service missing"),
    "short_external_service": Text("对外服务不满一年", "Less than one year of external service"),
    "service_outside_period": Text("服务日期不在考核期内", "Service dated outside the period"),
    "paid_without_contract": Text("有偿服务缺少合同编号", "Paid service without a contract"),
    "free_without_category": Text(
        "无偿服务缺少公益类别", "Free service without a public-interest category"
    ),
    "unknown_resource_code": Text(
        "使用资源编号不在资源目录中", "Resource used is not in the catalogue"
    ),
    "no_external_service": Text(
        "考核期内没有对外服务", "No service to outside units in the period"
    ),
    "external_not_provided": Text("未提供是否外单位", "External service not stated"),
    "major_event_unreported": Text("重大事项未报备", "Major change not reported"),
    "duplicate_rows": Text("重复的行", "Duplicated row"),
}

_NAME_RULE = re.compile(r"吉林省(?P<xx>.+)(?:资源库|中心|平台)")
_NAME_EN_RULE = re.compile(r"Jilin Provincial (?P<xx>.+) (?:Resource Center|Center|Platform)")
_NAME_FORMS = Text(
    "“吉林省XX资源库”“吉林省XX中心”或“吉林省XX平台”",
    '"吉林省XX资源库", "吉林省XX中心" or "吉林省XX平台"',
)
_NAME_EN_FORMS = (
    '"Jilin Provincial XX Resource Center", "Jilin Provincial XX Center" or '
    '"Jilin Provincial XX Platform"'
)

# Column headers of the row sheets, by field, as the template writes them.
_HEADERS: dict[str, dict[str, str]] = {
    SHEET_RESOURCES: {
        "resource_code": "资源编号",
        "name": "资源名称",
        "category": "资源类别",
        "quantity": "数量",
        "unit": "计量单位",
        "original_value": "原值(万元)",
        "funding_source": "经费来源",
        "stored_on": "入库日期",
        "open_share": "是否开放共享",
        "share_mode": "共享方式",
        "online_status": "在线状态",
    },
    SHEET_SERVICES: {
        "service_date": "服务日期",
        "user_unit": "用户单位",
        "user_type": "用户类型",
        "is_external": "是否外单位",
        "is_out_of_province": "是否省外",
        "content": "服务内容",
        "resource_codes": "使用资源编号",
        "volume": "服务量",
        "unit": "计量单位",
        "fee_yuan": "收费金额(元)",
        "nature": "服务性质",
        "contract_no": "合同编号",
        "public_interest_category": "公益类别",
        "supported_project": "支撑项目",
        "satisfaction": "满意度",
    },
    SHEET_OUTCOMES: {
        "kind": "类型",
        "name": "名称",
        "outcome_date": "日期",
        "level": "级别",
        "description": "说明",
        "evidence": "佐证材料",
    },
    SHEET_STAFF: {
        "name": "姓名",
        "role": "岗位",
        "full_time": "专职/兼职",
        "title": "职称",
        "education": "学历",
        "effort_share": "投入比例",
    },
    SHEET_FUNDING: {
        "year": "年度",
        # is_income has no column: the reader derives it from 类别.
        "category": "类别",
        "amount_10k_yuan": "金额(万元)",
    },
    SHEET_REGULATIONS: {"name": "制度名称", "document_no": "文号", "issued_on": "发布日期"},
    SHEET_MAJOR_EVENTS: {
        "event_date": "日期",
        "kind": "类型",
        "description": "说明",
        "reported": "是否已报备",
    },
}


class _Findings:
    """Collects findings, keeping at most FINDING_CAP of each code and counting the rest."""

    def __init__(self) -> None:
        self._kept: dict[str, list[Finding]] = {}
        self._left_out: dict[str, int] = {}
        self._left_out_sheets: dict[str, set[str]] = {}

    def full(self, code: str, sheet: str) -> bool:
        """Whether ``code`` is at the cap; if so, a finding in ``sheet`` is counted as left out.

        Callers ask before building a message, so a huge sheet costs no wasted text.
        """
        if len(self._kept.get(code, ())) < FINDING_CAP:
            return False
        self._left_out[code] = self._left_out.get(code, 0) + 1
        self._left_out_sheets.setdefault(code, set()).add(sheet)
        return True

    def add(
        self, code: str, sheet: str, row: int | None, column: str | None, message: Text, fix: Text
    ) -> None:
        if self.full(code, sheet):
            return
        finding = Finding(Severity.WARNING, code, sheet, row, column, message, fix)
        self._kept.setdefault(code, []).append(finding)

    def result(self) -> list[Finding]:
        out: list[Finding] = []
        for code, kept in self._kept.items():
            out.extend(kept)
            n = self._left_out.get(code, 0)
            if n:
                out.append(_summary(code, kept[0], n, self._left_out_sheets[code]))
        return out


def _summary(code: str, first: Finding, n: int, sheets: set[str]) -> Finding:
    title = FINDING_TITLES.get(code, Text(code, code))
    if sheets == {first.sheet}:
        sheet: str | None = first.sheet
        fix = Text(
            f"请在“{sheet}”表中逐行检查并修正同类问题后重新导入。",
            f"Check every row of the '{sheet}' sheet for the same problem, correct it and "
            "import the workbook again.",
        )
    else:
        sheet = None
        listed = "、".join(sorted(sheets))
        fix = Text(
            f"请在{listed}等表中逐行检查并修正同类问题后重新导入。",
            f"Check every row of the sheets {', '.join(sorted(sheets))} for the same problem, "
            "correct it and import the workbook again.",
        )
    return Finding(
        Severity.WARNING,
        code,
        sheet,
        None,
        first.column,
        Text(
            f"…还有 {n} 条同类问题（{title.zh}），未逐条列出。",
            f"…and {n} more of the same kind ({title.en}), not listed one by one.",
        ),
        fix,
    )


# ----------------------------------------------------------------------- formatting


def _day(value: dt.date) -> str:
    return value.isoformat()


def _number(value: float) -> str:
    if not math.isfinite(value):
        return str(value)
    if value == int(value) and abs(value) < 1e15:
        return f"{int(value):,}"
    return f"{value:,.2f}"


def _cell(name: str, value: object, language: str) -> str:
    if isinstance(value, bool):
        if name == "full_time":  # the sheet says 专职/兼职, not 是/否
            return "专职" if value else "兼职"
        if language == "en":
            return "yes" if value else "no"
        return "是" if value else "否"
    if isinstance(value, dt.date):
        return _day(value)
    if isinstance(value, float):
        return _number(value)
    return str(value)


def _filled(text: str | None) -> bool:
    return bool(text and text.strip())


def _user(s: ServiceRecord) -> Text:
    """A few words identifying a service record beyond its row number."""
    zh: list[str] = []
    en: list[str] = []
    if s.service_date is not None:
        zh.append(f"服务日期 {_day(s.service_date)}")
        en.append(f"dated {_day(s.service_date)}")
    if _filled(s.user_unit):
        zh.append(f"用户单位“{(s.user_unit or '').strip()}”")
        en.append(f"user '{(s.user_unit or '').strip()}'")
    if not zh:
        return Text("", "")
    return Text("（" + "，".join(zh) + "）", " (" + ", ".join(en) + ")")


# --------------------------------------------------------------------------- checks


def check_dossier(dossier: Dossier, *, period: tuple[dt.date, dt.date] | None) -> list[Finding]:
    """The warnings about ``dossier``, judged against the evaluation ``period``.

    ``period`` is the cycle's evaluation period; without it the dossier's own 考核期起/止 are
    used, and without those the checks that need a period are skipped. Findings come in the
    order of the sheets, at most FINDING_CAP per code plus one summary of the rest.
    """
    bounds = effective_period(dossier, period)
    found = _Findings()
    _check_names(dossier, found)
    _check_credit_code(dossier, found)
    _check_service_start(dossier, bounds, found)
    _check_services(dossier, bounds, found)
    _check_major_events(dossier, found)
    _check_duplicates(dossier, found)
    return found.result()


def _check_names(dossier: Dossier, found: _Findings) -> None:
    name = (dossier.basic.name or "").strip()
    match = _NAME_RULE.fullmatch(name)
    if match is None or not match["xx"].strip():
        said = (
            Text(f"平台名称“{name}”", f"The platform name '{name}'")
            if name
            else Text("平台名称为空，", "The platform name is empty and")
        )
        found.add(
            "name_form",
            SHEET_BASIC,
            None,
            "平台名称",
            Text(
                f"{said.zh}不符合管理办法的命名规范：应为{_NAME_FORMS.zh}。",
                f"{said.en} does not follow the naming rule of the Measures: it should be "
                f"{_NAME_FORMS.en}.",
            ),
            Text(
                "按备案批复中的名称填写平台名称，如“吉林省××科学数据中心”；"
                "名称确需调整的，请先按规定办理变更。",
                "Write the name as approved at filing, e.g. '吉林省××科学数据中心'; a name that "
                "really must change has to go through the change procedure first.",
            ),
        )
    name_en = (dossier.basic.name_en or "").strip()
    if not name_en:
        return
    match = _NAME_EN_RULE.fullmatch(name_en)
    if match is None or not match["xx"].strip():
        found.add(
            "name_en_form",
            SHEET_BASIC,
            None,
            "英文名称",
            Text(
                f"英文名称“{name_en}”不符合命名规范：应为 {_NAME_EN_FORMS}"
                "（注意大小写，以 “Jilin Provincial” 开头）。",
                f"The English name '{name_en}' does not follow the naming rule: it should be "
                f"{_NAME_EN_FORMS} (mind the capitals; it starts with 'Jilin Provincial').",
            ),
            Text(
                "按命名规范更正英文名称，如 “Jilin Provincial Scientific Data Center”；"
                "没有英文名称的可留空。",
                "Correct the English name to the rule, e.g. 'Jilin Provincial Scientific Data "
                "Center'; leave it empty if the platform has none.",
            ),
        )


def _check_credit_code(dossier: Dossier, found: _Findings) -> None:
    column = "统一社会信用代码"
    raw = (dossier.basic.credit_code or "").strip()
    if not raw:
        found.add(
            "credit_code_missing",
            SHEET_BASIC,
            None,
            column,
            Text(
                "未填写依托单位的统一社会信用代码。",
                "The host unit's unified social credit code is missing.",
            ),
            Text(
                "按依托单位营业执照或法人登记证书填写 18 位统一社会信用代码。",
                "Copy the 18-character code from the host unit's business licence or "
                "legal-person registration certificate.",
            ),
        )
        return
    problem = check_credit_code(raw)
    if problem is not None:
        what = problem.describe()
        found.add(
            "credit_code_invalid",
            SHEET_BASIC,
            None,
            column,
            Text(
                f"统一社会信用代码“{raw}”无效，{what.zh}。",
                f"The unified social credit code '{raw}' is not valid: {what.en}.",
            ),
            Text(
                "对照营业执照或法人登记证书逐位核对后重新填写（字母 O 与数字 0、"
                "字母 I 与数字 1 容易混淆）。",
                "Check it character by character against the licence or registration "
                "certificate (the letter O and the digit 0, I and 1 are easily confused).",
            ),
        )
        return
    if not is_jilin(raw):
        division = division_code(raw) or raw[2:8]
        found.add(
            "credit_code_not_jilin",
            SHEET_BASIC,
            None,
            column,
            Text(
                f"统一社会信用代码“{raw}”的登记机关行政区划码为 {division}，不是吉林省"
                "（22 开头）；备案条件要求依托单位在吉林省注册。",
                f"The unified social credit code '{raw}' carries division code {division}, "
                "not Jilin (22…); the filing conditions require a host unit registered in "
                "Jilin.",
            ),
            Text(
                "核对依托单位是否填写正确；依托单位已迁出吉林省的，请说明情况，"
                "该平台可能不再符合备案条件。",
                "Check that the right host unit is given; if the host unit has moved out of "
                "Jilin, explain it, as the platform may no longer meet the filing conditions.",
            ),
        )


def _add_one_year(day: dt.date) -> dt.date:
    try:
        return day.replace(year=day.year + 1)
    except ValueError:
        # 29 February: a year later is 1 March; year 9999 has no next year at all.
        if day.year >= dt.MAXYEAR:
            return dt.date.max
        return dt.date(day.year + 1, 3, 1)


def _check_service_start(dossier: Dossier, bounds: OpenPeriod, found: _Findings) -> None:
    column = "对外服务起始日期"
    start = dossier.basic.service_start_date
    if start is None:
        found.add(
            "missing_service_start",
            SHEET_BASIC,
            None,
            column,
            Text(
                "未填写对外服务起始日期，无法核对“对外服务满一年”的备案条件。",
                "The start of external service is missing, so the one-year filing condition "
                "cannot be checked.",
            ),
            Text(
                "填写平台开始面向外单位提供服务的日期（如 2019-05-01）。",
                "Enter the date the platform began serving outside units (e.g. 2019-05-01).",
            ),
        )
        return
    end = bounds[1]
    if end is None or end >= _add_one_year(start):
        return
    if start > end:
        message = Text(
            f"对外服务起始日期 {_day(start)} 晚于考核期止 {_day(end)}，考核期内没有对外服务。",
            f"External service started on {_day(start)}, after the period ended on "
            f"{_day(end)}: there was no external service in the period.",
        )
    else:
        days = (end - start).days
        message = Text(
            f"对外服务起始日期为 {_day(start)}，到考核期止 {_day(end)} 只有 {days} 天，不满一年。",
            f"External service started on {_day(start)}, only {days} days before the period "
            f"ended on {_day(end)}: less than one year.",
        )
    found.add(
        "short_external_service",
        SHEET_BASIC,
        None,
        column,
        message,
        Text(
            "备案条件要求对外服务满一年。请核对起始日期；日期无误的，请向平台管理处说明情况。",
            "The filing conditions require at least one year of external service. Check the "
            "date; if it is right, explain the situation to the platform office.",
        ),
    )


def _check_services(dossier: Dossier, bounds: OpenPeriod, found: _Findings) -> None:
    catalogue = {squash(r.resource_code) for r in dossier.resources} - {""}
    # Many rows name the same resources; split and look up each distinct cell once.
    unknown_by_cell: dict[str, list[str]] = {}
    in_period_count = 0
    external_in_period = 0
    for s in dossier.services:
        row = s.source_row
        if in_period(s.service_date, bounds):
            in_period_count += 1
            if s.is_external is True:
                external_in_period += 1
        else:
            _service_outside_period(s, bounds, found)
        nature = (s.nature or "").strip()
        if (
            nature == PAID
            and not _filled(s.contract_no)
            and not found.full("paid_without_contract", SHEET_SERVICES)
        ):
            fee = (
                Text(f"，收费 {_number(s.fee_yuan)} 元", f", fee {_number(s.fee_yuan)} yuan")
                if s.fee_yuan is not None
                else Text("", "")
            )
            who = _user(s)
            found.add(
                "paid_without_contract",
                SHEET_SERVICES,
                row,
                "合同编号",
                Text(
                    f"第 {row} 行服务性质为“有偿”{fee.zh}，但没有填写合同编号{who.zh}。",
                    f"Row {row} is a paid service (有偿){fee.en}, but has no contract "
                    f"number{who.en}.",
                ),
                Text(
                    "有偿服务须签订服务合同：填写合同编号；如实为无偿服务，"
                    "请将服务性质改为“无偿”并填写公益类别。",
                    "A paid service needs a service contract: enter its number; if the service "
                    "was in fact free, set 服务性质 to 无偿 and give the public-interest category.",
                ),
            )
        elif (
            nature == FREE
            and not _filled(s.public_interest_category)
            and not found.full("free_without_category", SHEET_SERVICES)
        ):
            who = _user(s)
            found.add(
                "free_without_category",
                SHEET_SERVICES,
                row,
                "公益类别",
                Text(
                    f"第 {row} 行服务性质为“无偿”，但没有填写公益类别{who.zh}。",
                    f"Row {row} is a free service (无偿) but has no public-interest "
                    f"category{who.en}.",
                ),
                Text(
                    f"从 {'、'.join(PUBLIC_INTEREST_CATEGORIES)} 中选择公益类别；"
                    "如实为收费服务，请将服务性质改为“有偿”并填写合同编号。",
                    "Choose the category from "
                    f"{', '.join(PUBLIC_INTEREST_CATEGORIES)}; if the service was in fact "
                    "paid, set 服务性质 to 有偿 and give the contract number.",
                ),
            )
        if s.resource_codes:
            unknown = unknown_by_cell.get(s.resource_codes)
            if unknown is None:
                used = dict.fromkeys(s.resource_code_list())
                unknown = unknown_by_cell[s.resource_codes] = [
                    c for c in used if c not in catalogue
                ]
            if unknown and not found.full("unknown_resource_code", SHEET_SERVICES):
                codes = "、".join(unknown)
                codes_en = ", ".join(unknown)
                found.add(
                    "unknown_resource_code",
                    SHEET_SERVICES,
                    row,
                    "使用资源编号",
                    Text(
                        f"第 {row} 行使用的资源编号 {codes} 不在“资源目录”表中。",
                        f"Row {row} uses resource code(s) {codes_en}, which the "
                        "资源目录 sheet does not list.",
                    ),
                    Text(
                        "核对资源编号是否写错；确实使用了该资源的，请把它补入“资源目录”。",
                        "Check the code for typos; if the resource was really used, add it "
                        "to the 资源目录 sheet.",
                    ),
                )
    if external_in_period == 0:
        _no_external_service(dossier, bounds, in_period_count, found)


def _service_outside_period(s: ServiceRecord, bounds: OpenPeriod, found: _Findings) -> None:
    if found.full("service_outside_period", SHEET_SERVICES) or s.service_date is None:
        return
    start, end = bounds
    day = s.service_date
    if start is not None and day < start:
        where = Text(f"早于考核期起 {_day(start)}", f"before the period started on {_day(start)}")
    else:
        assert end is not None  # outside an open-ended period means past its end
        where = Text(f"晚于考核期止 {_day(end)}", f"after the period ended on {_day(end)}")
    row = s.source_row
    found.add(
        "service_outside_period",
        SHEET_SERVICES,
        row,
        "服务日期",
        Text(
            f"第 {row} 行服务日期 {_day(day)} {where.zh}，不计入本期服务量。",
            f"Row {row} is dated {_day(day)}, {where.en}; it does not count towards this period.",
        ),
        Text(
            "核对服务日期；不属于本考核期的服务请删除该行。",
            "Check the date; remove the row if the service does not belong to this period.",
        ),
    )


def _period_words(bounds: OpenPeriod) -> Text:
    start, end = bounds
    if start is not None and end is not None:
        return Text(
            f"考核期内（{_day(start)} 至 {_day(end)}）",
            f"in the period {_day(start)} to {_day(end)}",
        )
    if start is not None:
        return Text(f"{_day(start)} 以来", f"since {_day(start)}")
    if end is not None:
        return Text(f"截至 {_day(end)}", f"up to {_day(end)}")
    return Text("", "at all")


def _no_external_service(
    dossier: Dossier, bounds: OpenPeriod, in_period_count: int, found: _Findings
) -> None:
    when = _period_words(bounds)
    if in_period_count and all(
        s.is_external is None for s in dossier.services if in_period(s.service_date, bounds)
    ):
        # 是否外单位 left out or left blank: not provided, which is no case for a veto.
        found.add(
            "external_not_provided",
            SHEET_SERVICES,
            None,
            "是否外单位",
            Text(
                f"{when.zh}的 {in_period_count} 条服务记录都没有填写“是否外单位”，"
                "外单位用户占比为“未提供”。",
                f"None of the {in_period_count} service records {when.en} fills in 是否外单位, "
                "so the share of external users is not provided.",
            ),
            Text(
                "请在服务记录中加上“是否外单位”列并逐行填写“是”或“否”；专家请向平台核实对外服务情况。",
                "Add the column 是否外单位 to the service records and write 是 or 否 on every "
                "row; experts should ask the platform about its external service.",
            ),
        )
        return
    if in_period_count == 0:
        message = Text(
            f"{when.zh}没有任何服务记录。",
            f"There is no service record {when.en}.",
        )
    else:
        message = Text(
            f"{when.zh}的 {in_period_count} 条服务记录中，没有一条标为外单位服务"
            "（是否外单位 为“是”）。",
            f"None of the {in_period_count} service records {when.en} is marked as a service "
            "to an outside unit (是否外单位 = 是).",
        )
    found.add(
        "no_external_service",
        SHEET_SERVICES,
        None,
        "是否外单位",
        message,
        Text(
            "核对服务记录是否完整、“是否外单位”是否填写正确。考核期内无实质性对外服务"
            "属于一票否决情形，请专家重点核实。",
            "Check that the service records are complete and 是否外单位 is filled in "
            "correctly. No real external service in the period is a veto; experts should "
            "verify it.",
        ),
    )


def _check_major_events(dossier: Dossier, found: _Findings) -> None:
    for e in dossier.major_events:
        if e.reported is not False:
            continue
        row = e.source_row
        when = _day(e.event_date) if e.event_date else ""
        kind = (e.kind or "").strip()
        what = (e.description or "").strip()
        details_zh = "，".join(p for p in (when, kind, f"“{what}”" if what else "") if p)
        details_en = ", ".join(p for p in (when, kind, f"'{what}'" if what else "") if p)
        found.add(
            "major_event_unreported",
            SHEET_MAJOR_EVENTS,
            row,
            "是否已报备",
            Text(
                f"第 {row} 行重大事项（{details_zh}）未报备。"
                if details_zh
                else f"第 {row} 行重大事项未报备。",
                f"The major change in row {row} ({details_en}) was not reported."
                if details_en
                else f"The major change in row {row} was not reported.",
            ),
            Text(
                "管理办法要求重大事项及时报告：请补报主管部门，并在材料中说明未及时报备的原因。",
                "The Measures require major changes to be reported promptly: report it to the "
                "supervising department now and explain in the dossier why it was late.",
            ),
        )


def _sheets_with_rows(dossier: Dossier) -> Iterable[tuple[str, Sequence[Any]]]:
    yield SHEET_RESOURCES, dossier.resources
    yield SHEET_SERVICES, dossier.services
    yield SHEET_OUTCOMES, dossier.outcomes
    yield SHEET_STAFF, dossier.staff
    yield SHEET_FUNDING, dossier.funding
    yield SHEET_REGULATIONS, dossier.regulations
    yield SHEET_MAJOR_EVENTS, dossier.major_events


def _is_blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _check_duplicates(dossier: Dossier, found: _Findings) -> None:
    for sheet, rows in _sheets_with_rows(dossier):
        if len(rows) < 2:
            continue
        headers = _HEADERS[sheet]
        names = tuple(headers)
        cells: Callable[[Any], tuple[object, ...]] = attrgetter(*names)
        first_row: dict[tuple[object, ...], int] = {}
        for r in rows:
            values = cells(r)
            try:
                earlier = first_row.setdefault(values, r.source_row)
            except TypeError:
                continue  # an unhashable oddity cannot be compared; not worth a crash
            if earlier == r.source_row or all(_is_blank(v) for v in values):
                continue  # empty lines are not repeated records
            if found.full("duplicate_rows", sheet):
                continue
            shown = [(n, v) for n, v in zip(names, values, strict=True) if not _is_blank(v)]
            zh = "，".join(f"{headers[n]} {_cell(n, v, 'zh')}" for n, v in shown[:3])
            en = ", ".join(f"{headers[n]} {_cell(n, v, 'en')}" for n, v in shown[:3])
            found.add(
                "duplicate_rows",
                sheet,
                r.source_row,
                None,
                Text(
                    f"“{sheet}”表第 {r.source_row} 行与第 {earlier} 行完全相同（{zh}）。",
                    f"Row {r.source_row} of the {sheet} sheet repeats row {earlier} exactly "
                    f"({en}).",
                ),
                Text(
                    "重复录入的请删除该行；确是两条不同记录的，请补充能区分它们的信息"
                    "（如日期、编号）。",
                    "Delete the row if it was entered twice; if these are really two records, "
                    "add what tells them apart (a date, a number).",
                ),
            )
