"""A platform's dossier (DESIGN §3) as plain data, and the findings made about it.

The field names match the storage columns, so a parsed row goes into the workspace as it is.
Every row remembers the workbook row it came from (``source_row``, 1-based as Excel shows it),
so a finding can say exactly where to look.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import StrEnum

from jlpanel.domain.text import Text

# ------------------------------------------------------------------------ enumerations

RESOURCE_TYPES = ("科研设施与仪器", "科学数据", "生物种质", "实验材料", "其他")
USER_TYPES = (
    "高校",
    "科研院所",
    "国有企业",
    "民营企业",
    "外资企业",
    "政府部门",
    "社会组织",
    "个人",
)
ENTERPRISE_USER_TYPES = frozenset({"国有企业", "民营企业", "外资企业"})
PRIVATE_ENTERPRISE = "民营企业"
SERVICE_NATURES = ("无偿", "有偿")
FREE, PAID = SERVICE_NATURES
#: Public-interest categories of free basic services named by the Measures.
PUBLIC_INTEREST_CATEGORIES = (
    "政府决策",
    "公共安全",
    "国防建设",
    "环境保护",
    "防灾减灾",
    "公益性科研",
)
OUTCOME_KINDS = ("论文", "专利", "标准", "获奖", "支撑项目", "典型案例", "科普活动")
STAFF_KINDS = ("专职", "兼职")
INCOME_CATEGORIES = ("财政", "依托单位", "服务收入", "后补助")
EXPENSE_CATEGORIES = ("运行维护", "人员", "建设", "其他")
MAJOR_EVENT_KINDS = ("内部管理重大变化", "主要人员变动")


class Severity(StrEnum):
    """Errors refuse a dossier; warnings stay attached to it for staff and experts."""

    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, slots=True)
class Finding:
    """One problem: where (sheet / row / column), what is wrong, and how to fix it."""

    severity: Severity
    code: str
    sheet: str | None
    row: int | None
    column: str | None
    message: Text
    fix: Text

    def location(self, language: str = "zh") -> str:
        """ "服务记录 第12行 合同编号" / "服务记录 row 12, 合同编号"."""
        en = language.startswith("en")
        parts: list[str] = []
        if self.sheet:
            parts.append(self.sheet)
        if self.row is not None:
            parts.append(f"row {self.row}" if en else f"第{self.row}行")
        if self.column:
            parts.append(self.column)
        return (", " if en else " ").join(parts)


class ReadFindings:
    """``ok`` / ``errors`` / ``warnings`` of a reader's result that carries ``findings``.

    Mixed into the frozen result dataclasses of the workbook readers; errors refuse the file.
    """

    __slots__ = ()
    findings: Sequence[Finding]

    @property
    def ok(self) -> bool:
        """True when the file was read (it may still carry warnings)."""
        return not self.errors

    @property
    def errors(self) -> list[Finding]:
        """The findings that refuse the file."""
        return [f for f in self.findings if f.severity is Severity.ERROR]

    @property
    def warnings(self) -> list[Finding]:
        """The findings that do not."""
        return [f for f in self.findings if f.severity is Severity.WARNING]


# ------------------------------------------------------------------------------ rows


@dataclass(frozen=True, slots=True)
class BasicInfo:
    """The 基本信息 sheet."""

    name: str  # 平台名称
    filing_no: str  # 备案编号
    name_en: str | None = None  # 英文名称
    filing_date: dt.date | None = None  # 备案日期
    resource_type: str | None = None  # 资源类型
    host_unit: str | None = None  # 依托单位
    credit_code: str | None = None  # 统一社会信用代码
    registered_address: str | None = None  # 注册地址
    supervising_department: str | None = None  # 归口管理部门
    director: str | None = None  # 平台负责人
    contact_person: str | None = None  # 联系人
    contact_phone: str | None = None  # 联系电话
    email: str | None = None  # 电子邮箱
    portal_url: str | None = None  # 门户网址
    service_start_date: dt.date | None = None  # 对外服务起始日期
    period_start: dt.date | None = None  # 考核期起
    period_end: dt.date | None = None  # 考核期止


@dataclass(frozen=True, slots=True)
class Resource:
    """A row of 资源目录."""

    source_row: int
    resource_code: str | None = None
    name: str | None = None
    category: str | None = None
    quantity: float | None = None
    unit: str | None = None
    original_value: float | None = None  # 万元
    funding_source: str | None = None
    stored_on: dt.date | None = None
    open_share: bool | None = None
    share_mode: str | None = None
    online_status: str | None = None


@dataclass(frozen=True, slots=True)
class ServiceRecord:
    """A row of 服务记录."""

    source_row: int
    service_date: dt.date | None = None
    user_unit: str | None = None
    user_type: str | None = None
    is_external: bool | None = None
    is_out_of_province: bool | None = None
    content: str | None = None
    resource_codes: str | None = None  # one or several, separated by ；; , or 、
    volume: float | None = None
    unit: str | None = None
    fee_yuan: float | None = None
    nature: str | None = None  # 无偿 / 有偿
    contract_no: str | None = None
    public_interest_category: str | None = None
    supported_project: str | None = None
    satisfaction: int | None = None  # 1–5

    def resource_code_list(self) -> list[str]:
        """The resource codes this service used."""
        if not self.resource_codes:
            return []
        text = self.resource_codes
        for sep in ("；", ";", "，", ",", "、", "\n"):
            text = text.replace(sep, " ")
        return [c for c in text.split() if c]


@dataclass(frozen=True, slots=True)
class Outcome:
    """A row of 服务成效."""

    source_row: int
    kind: str | None = None
    name: str | None = None
    outcome_date: dt.date | None = None
    level: str | None = None
    description: str | None = None
    evidence: str | None = None  # attachment name


@dataclass(frozen=True, slots=True)
class StaffMember:
    """A row of 人员."""

    source_row: int
    name: str | None = None
    role: str | None = None
    full_time: bool | None = None
    title: str | None = None
    education: str | None = None
    effort_share: float | None = None  # 0–1


@dataclass(frozen=True, slots=True)
class FundingLine:
    """A row of 经费."""

    source_row: int
    year: int | None = None
    category: str | None = None
    is_income: bool | None = None
    amount_10k_yuan: float | None = None


@dataclass(frozen=True, slots=True)
class Regulation:
    """A row of 管理制度."""

    source_row: int
    name: str | None = None
    document_no: str | None = None
    issued_on: dt.date | None = None


@dataclass(frozen=True, slots=True)
class MajorEvent:
    """A row of 重大事项."""

    source_row: int
    event_date: dt.date | None = None
    kind: str | None = None
    description: str | None = None
    reported: bool | None = None


@dataclass(frozen=True, slots=True)
class Dossier:
    """Everything a platform submitted for the cycle, parsed."""

    basic: BasicInfo
    resources: tuple[Resource, ...] = ()
    services: tuple[ServiceRecord, ...] = ()
    outcomes: tuple[Outcome, ...] = ()
    staff: tuple[StaffMember, ...] = ()
    funding: tuple[FundingLine, ...] = ()
    regulations: tuple[Regulation, ...] = ()
    major_events: tuple[MajorEvent, ...] = ()
    work_summary: str = ""
    #: The attachment that holds the work summary, when it is a file rather than text.
    work_summary_attachment: str | None = None
    #: Names of the attachments that came with the dossier.
    attachment_names: frozenset[str] = field(default_factory=frozenset)
