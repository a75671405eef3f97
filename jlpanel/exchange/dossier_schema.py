"""The dossier workbook (DESIGN §3) described once, for the template writer and the reader.

Layout of the workbook:

* 基本信息 is a key/value sheet: row 1 holds the headers 项目 / 内容, then one row per item with
  the item name in column A and its value in column B. Items may come in any order.
* 资源目录, 服务记录, 服务成效, 人员, 经费, 管理制度 and 重大事项 are tables: headers in row 1, data
  from row 2, one record per row. Columns may come in any order; unknown columns are ignored
  (with a warning); entirely blank rows are skipped.
* 工作总结 holds the work summary as free text in column A from A2 down (several cells are joined
  with line breaks, because one Excel cell holds at most 32,767 characters), and/or the file
  name of an attachment that holds it in B2. Either, both or neither may be filled.
* 填写说明 (the instructions) and any other sheet are ignored by the reader.

基本信息, 资源目录 and 服务记录 are required; a missing optional sheet reads as empty.
Headers and sheet names are matched after :func:`normalise_name`: spaces dropped, full-width
parentheses made half-width, the required mark ``*`` and notes such as "(必填)" removed and
English lower-cased, so "Service date", "service_date" and "服务日期 *" all match.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from types import MappingProxyType

from jlpanel.domain.dossier import (
    EXPENSE_CATEGORIES,
    INCOME_CATEGORIES,
    MAJOR_EVENT_KINDS,
    OUTCOME_KINDS,
    PUBLIC_INTEREST_CATEGORIES,
    RESOURCE_TYPES,
    SERVICE_NATURES,
    STAFF_KINDS,
    USER_TYPES,
)
from jlpanel.domain.text import Text


class ColumnKind(StrEnum):
    """How a cell is read."""

    TEXT = "text"
    DATE = "date"
    NUMBER = "number"  # any real number
    AMOUNT = "amount"  # a money amount or a quantity: a number ≥ 0
    INTEGER = "integer"  # a whole number within [minimum, maximum]
    YEAR = "year"  # a whole year 1900–2100; "2024年" is accepted
    SHARE = "share"  # a share 0–1; "80%" is accepted
    BOOL = "bool"  # 是/否
    CHOICE = "choice"  # one of ``choices``


class SheetLayout(StrEnum):
    """How a sheet is laid out."""

    KEY_VALUE = "key_value"
    TABLE = "table"
    TEXT = "text"


@dataclass(frozen=True, slots=True)
class ColumnSpec:
    """One column of a table sheet, or one item of the 基本信息 sheet."""

    header: str  # the Chinese canonical header (or item name)
    field: str  # the dataclass field it fills
    kind: ColumnKind
    help: Text
    required: bool = False
    aliases: tuple[str, ...] = ()  # other Chinese spellings and English names
    choices: tuple[str, ...] = ()
    #: What each choice stores, when it is not the choice itself (专职 → True).
    choice_values: Mapping[str, object] | None = None
    minimum: float | None = None
    maximum: float | None = None
    #: Decimals shown by the template's number format (None: general).
    decimals: int | None = None
    width: float = 14.0
    example: str = ""

    def names(self) -> tuple[str, ...]:
        """The header and every alias, as written."""
        return (self.header, *self.aliases, self.field)


@dataclass(frozen=True, slots=True)
class SheetSpec:
    """One sheet of the dossier workbook."""

    name: str  # the Chinese sheet name
    name_en: str
    layout: SheetLayout
    required: bool
    help: Text
    columns: tuple[ColumnSpec, ...]
    aliases: tuple[str, ...] = ()
    #: The Dossier attribute the sheet fills ("services" …); "basic" for 基本信息.
    dossier_field: str = ""
    #: Headers of the two columns of a key/value sheet.
    key_value_headers: tuple[str, str] = ("项目", "内容")
    _by_name: dict[str, ColumnSpec] = field(
        default_factory=dict, init=False, compare=False, repr=False
    )

    def __post_init__(self) -> None:
        for column in self.columns:
            for name in column.names():
                key = normalise_name(name)
                other = self._by_name.get(key)
                if other is not None and other is not column:
                    raise ValueError(f"{self.name}: '{name}' names two columns")
                self._by_name[key] = column

    def names(self) -> tuple[str, ...]:
        """The sheet name and every alias."""
        return (self.name, self.name_en, *self.aliases)

    def column_for(self, header: object) -> ColumnSpec | None:
        """The column a header names, or None."""
        if not isinstance(header, str):
            return None
        return self._by_name.get(normalise_name(header))

    def column(self, field_name: str) -> ColumnSpec:
        """The column that fills ``field_name``."""
        for column in self.columns:
            if column.field == field_name:
                return column
        raise KeyError(field_name)

    @property
    def required_columns(self) -> tuple[ColumnSpec, ...]:
        """The columns a sheet must have."""
        return tuple(c for c in self.columns if c.required)


# ----------------------------------------------------------------------------- names

_FULL_WIDTH = str.maketrans(
    {"（": "(", "）": ")", "＊": "*", "：": ":", "／": "/", "　": " ", "【": "(", "】": ")"}
)
_NOTES = re.compile(r"\((?:必填|选填|必填项|可选|required|optional)\)")
_DROPPED = re.compile(r"[\s_\-*:]+")


@functools.lru_cache(maxsize=4096)  # headers and sheet names repeat in every workbook
def normalise_name(name: str) -> str:
    """A header or sheet name reduced to what matters for matching it.

    "服务日期 *", "服务日期（必填）", "Service date", "service_date" and "SERVICE-DATE" become
    "服务日期" or "servicedate".
    """
    text = unicodedata.normalize("NFKC", name).translate(_FULL_WIDTH).casefold()
    text = _NOTES.sub("", text)
    return _DROPPED.sub("", text)


# -------------------------------------------------------------------------- help texts

DATE_HELP = Text(
    "日期写成 2024-03-01、2024/3/1 或 2024年3月1日（也可以是 Excel 日期）",
    "Write dates as 2024-03-01, 2024/3/1 or 2024年3月1日 (or as an Excel date)",
)
NUMBER_HELP = Text(
    "填写数字，可带千位分隔符，如 1,234.5；不要写单位或文字",
    "Write a number, thousands separators allowed (1,234.5); no units or words",
)
AMOUNT_HELP = Text(
    "填写 0 或正数，可带千位分隔符，如 1,234.5；不要写单位或文字",
    "Write 0 or a positive number, thousands separators allowed (1,234.5); no units or words",
)
BOOL_HELP = Text("填写“是”或“否”", "Write 是 (yes) or 否 (no)")
BOOL_TRUE = ("是", "y", "yes", "true", "1", "√", "✓", "✔", "对")
BOOL_FALSE = ("否", "n", "no", "false", "0", "×", "✗", "✘", "x", "错")

#: How many data rows the template prepares with dropdowns and formats.
TEMPLATE_ROWS = 10_000
INSTRUCTIONS_SHEET = "填写说明"
#: Folders beside 平台A.xlsx searched for attachments, in order ({stem} is "平台A").
ATTACHMENT_FOLDERS = ("{stem}", "{stem}_附件", "{stem}附件", "{stem}_attachments")
#: Zip files beside the workbook searched for attachments, in order.
ATTACHMENT_ZIPS = ("{stem}.zip", "{stem}_附件.zip", "{stem}附件.zip", "{stem}_attachments.zip")
ATTACHMENT_TYPES: Mapping[str, str] = MappingProxyType(
    {
        ".pdf": "application/pdf",
        ".png": "image/png",
        ".jpg": "image/jpeg",
        ".jpeg": "image/jpeg",
        ".gif": "image/gif",
        ".bmp": "image/bmp",
        ".tif": "image/tiff",
        ".tiff": "image/tiff",
        ".webp": "image/webp",
    }
)


def _t(zh: str, en: str) -> Text:
    return Text(zh, en)


def _text(
    header: str,
    field_name: str,
    zh: str,
    en: str,
    *aliases: str,
    required: bool = False,
    width: float = 16,
    example: str = "",
) -> ColumnSpec:
    return ColumnSpec(
        header,
        field_name,
        ColumnKind.TEXT,
        _t(zh, en),
        required,
        aliases,
        width=width,
        example=example,
    )


def _date(
    header: str, field_name: str, zh: str, en: str, *aliases: str, required: bool = False
) -> ColumnSpec:
    return ColumnSpec(
        header,
        field_name,
        ColumnKind.DATE,
        _t(zh, en),
        required,
        aliases,
        width=13,
        example="2024-03-01",
    )


def _choice(
    header: str,
    field_name: str,
    choices: tuple[str, ...],
    zh: str,
    en: str,
    *aliases: str,
    required: bool = False,
    width: float = 14,
) -> ColumnSpec:
    return ColumnSpec(
        header,
        field_name,
        ColumnKind.CHOICE,
        _t(zh, en),
        required,
        aliases,
        choices=choices,
        width=width,
        example=choices[0],
    )


def _bool(header: str, field_name: str, zh: str, en: str, *aliases: str) -> ColumnSpec:
    return ColumnSpec(
        header,
        field_name,
        ColumnKind.BOOL,
        _t(zh, en),
        False,
        aliases,
        choices=("是", "否"),
        width=12,
        example="是",
    )


def _amount(
    header: str,
    field_name: str,
    zh: str,
    en: str,
    *aliases: str,
    decimals: int = 2,
    required: bool = False,
    width: float = 14,
) -> ColumnSpec:
    return ColumnSpec(
        header,
        field_name,
        ColumnKind.AMOUNT,
        _t(zh, en),
        required,
        aliases,
        minimum=0,
        decimals=decimals,
        width=width,
        example="1,234.50",
    )


# ---------------------------------------------------------------------------- sheets

BASIC_INFO = SheetSpec(
    name="基本信息",
    name_en="Basic info",
    aliases=("Basic information", "Basic", "Platform"),
    layout=SheetLayout.KEY_VALUE,
    required=True,
    dossier_field="basic",
    help=_t(
        "平台的基本情况。A 列是项目名称（不要改动），B 列填写内容。",
        "The platform's particulars. Column A names the item (leave it as it is); "
        "write the value in column B.",
    ),
    key_value_headers=("项目", "内容"),
    columns=(
        _text(
            "平台名称",
            "name",
            "平台的正式名称，如“吉林省XX资源库”",
            "Official name, e.g. '吉林省XX资源库'",
            "Platform name",
            "Name",
            required=True,
            width=40,
            example="吉林省XX资源共享服务平台",
        ),
        _text(
            "英文名称",
            "name_en",
            "英文名称，如 Jilin Provincial XX Center",
            "English name, e.g. Jilin Provincial XX Center",
            "English name",
            "Name (English)",
        ),
        _text(
            "备案编号",
            "filing_no",
            "省科技厅备案的编号",
            "The filing number given by the department",
            "Filing number",
            "Filing no",
            "Filing no.",
            "Registration number",
            required=True,
        ),
        _date("备案日期", "filing_date", "备案的日期", "Date of filing", "Filing date"),
        _choice(
            "资源类型",
            "resource_type",
            RESOURCE_TYPES,
            "平台的主要资源类型",
            "The platform's main resource type",
            "Resource type",
            width=18,
        ),
        _text(
            "依托单位",
            "host_unit",
            "依托单位的全称",
            "Full name of the host unit",
            "Host unit",
            "Host institution",
            "Host organisation",
            "Host organization",
        ),
        _text(
            "统一社会信用代码",
            "credit_code",
            "依托单位的 18 位统一社会信用代码",
            "The host unit's 18-character unified social credit code",
            "Unified social credit code",
            "Credit code",
            "USCC",
            example="91220000XXXXXXXXXX",
        ),
        _text(
            "注册地址",
            "registered_address",
            "依托单位的注册地址",
            "The host unit's registered address",
            "Registered address",
            "Address",
        ),
        _text(
            "归口管理部门",
            "supervising_department",
            "平台的归口管理部门",
            "The supervising department",
            "Supervising department",
            "Competent department",
        ),
        _text(
            "平台负责人",
            "director",
            "平台负责人姓名",
            "Name of the platform director",
            "Director",
            "Platform director",
            "Head",
        ),
        _text(
            "联系人",
            "contact_person",
            "联系人姓名",
            "Name of the contact person",
            "Contact person",
            "Contact",
        ),
        _text(
            "联系电话",
            "contact_phone",
            "联系电话",
            "Contact telephone",
            "Contact phone",
            "Phone",
            "Telephone",
            "Tel",
        ),
        _text("电子邮箱", "email", "联系邮箱", "Contact e-mail", "Email", "E-mail"),
        _text(
            "门户网址",
            "portal_url",
            "平台门户网站地址",
            "Address of the platform portal",
            "Portal URL",
            "Portal",
            "Website",
            "URL",
        ),
        _date(
            "对外服务起始日期",
            "service_start_date",
            "开始对外提供服务的日期",
            "Date external services began",
            "Service start date",
            "External service since",
        ),
        _date(
            "考核期起",
            "period_start",
            "本次考核期的第一天",
            "First day of the evaluation period",
            "Period start",
            "Evaluation period start",
        ),
        _date(
            "考核期止",
            "period_end",
            "本次考核期的最后一天",
            "Last day of the evaluation period",
            "Period end",
            "Evaluation period end",
        ),
    ),
)

RESOURCES = SheetSpec(
    name="资源目录",
    name_en="Resources",
    aliases=("Resource catalogue", "Resource catalog", "Resource list"),
    layout=SheetLayout.TABLE,
    required=True,
    dossier_field="resources",
    help=_t("平台整合的资源，每行一项。", "The resources the platform holds, one per row."),
    columns=(
        _text(
            "资源编号",
            "resource_code",
            "资源在平台内的编号，服务记录中引用它",
            "The resource's id in the platform; 服务记录 refers to it",
            "Resource code",
            "Resource id",
            "Code",
            "ID",
            required=True,
            width=14,
            example="YQ-0001",
        ),
        _text(
            "资源名称",
            "name",
            "资源的名称",
            "Name of the resource",
            "Resource name",
            "Name",
            required=True,
            width=28,
        ),
        _text(
            "资源类别",
            "category",
            "资源的类别，如 分析仪器",
            "Category, e.g. analytical instrument",
            "Category",
            "Resource category",
            width=14,
        ),
        _amount("数量", "quantity", "资源的数量", "How many", "Quantity", decimals=0, width=10),
        _text(
            "计量单位",
            "unit",
            "数量的单位，如 台、条、份",
            "Unit of the quantity, e.g. 台, 条, 份",
            "Unit",
            width=10,
        ),
        _amount(
            "原值(万元)",
            "original_value",
            "资源原值，单位万元",
            "Original value in 10,000 yuan",
            "原值",
            "Original value",
            "Original value (10k yuan)",
            "Value",
        ),
        _text(
            "经费来源",
            "funding_source",
            "购置或建设资源的经费来源",
            "Where the money for the resource came from",
            "Funding source",
            width=16,
        ),
        _date(
            "入库日期",
            "stored_on",
            "资源入库（纳入平台）的日期",
            "Date the resource joined the platform",
            "Date stored",
            "Stored on",
            "Date added",
        ),
        _bool(
            "是否开放共享",
            "open_share",
            "是否对外开放共享",
            "Whether it is open for sharing",
            "开放共享",
            "Open for sharing",
            "Open share",
            "Shared",
        ),
        _text(
            "共享方式",
            "share_mode",
            "如 线上预约、现场使用、数据下载",
            "E.g. online booking, on-site use, download",
            "Sharing mode",
            "Share mode",
            width=14,
        ),
        _text(
            "在线状态",
            "online_status",
            "如 在线、离线、维修中",
            "E.g. online, offline, under repair",
            "Online status",
            "Status",
            width=12,
        ),
    ),
)

SERVICES = SheetSpec(
    name="服务记录",
    name_en="Services",
    aliases=("Service records", "Service record", "Service log"),
    layout=SheetLayout.TABLE,
    required=True,
    dossier_field="services",
    help=_t(
        "考核期内每一次对外服务，每行一次。",
        "Every service given in the evaluation period, one per row.",
    ),
    columns=(
        _date(
            "服务日期",
            "service_date",
            "提供服务的日期",
            "Date of the service",
            "Service date",
            "Date",
            required=True,
        ),
        _text(
            "用户单位",
            "user_unit",
            "接受服务的单位（个人用户写姓名）",
            "The organisation served (a person's name for individuals)",
            "User unit",
            "User",
            "Client",
            "User organisation",
            "User organization",
            required=True,
            width=26,
        ),
        _choice(
            "用户类型",
            "user_type",
            USER_TYPES,
            "用户单位的类型",
            "Kind of user",
            "User type",
            required=True,
        ),
        _bool(
            "是否外单位",
            "is_external",
            "用户是否为依托单位以外的单位",
            "Whether the user is outside the host unit",
            "外单位",
            "External",
            "External user",
            "Is external",
        ),
        _bool(
            "是否省外",
            "is_out_of_province",
            "用户是否在吉林省外",
            "Whether the user is outside Jilin Province",
            "省外",
            "Out of province",
            "Outside province",
        ),
        _text(
            "服务内容",
            "content",
            "服务的内容，如 样品检测",
            "What was done, e.g. sample testing",
            "Service content",
            "Content",
            "Description",
            width=24,
        ),
        _text(
            "使用资源编号",
            "resource_codes",
            "用到的资源编号（资源目录中的），多个用；分隔",
            "Codes of the resources used (from 资源目录), several separated by ；",
            "资源编号",
            "Resource codes",
            "Resources used",
            "Resource code",
            width=16,
        ),
        _amount(
            "服务量",
            "volume",
            "服务的数量，如 机时数、样品数",
            "Amount of service, e.g. machine hours, samples",
            "Volume",
            "Quantity",
            "Amount of service",
            width=10,
        ),
        _text(
            "计量单位",
            "unit",
            "服务量的单位，如 机时、样品",
            "Unit of the volume, e.g. hours, samples",
            "Unit",
            width=10,
        ),
        _amount(
            "收费金额(元)",
            "fee_yuan",
            "收取的费用，单位元；无偿服务填 0",
            "Fee charged in yuan; 0 for a free service",
            "收费金额",
            "Fee",
            "Fee (yuan)",
            "Charge",
        ),
        _choice(
            "服务性质",
            "nature",
            SERVICE_NATURES,
            "无偿或有偿；有偿服务须有合同",
            "Free (无偿) or paid (有偿); a paid service needs a contract",
            "Nature",
            "Service nature",
            "Free or paid",
            required=True,
            width=10,
        ),
        _text(
            "合同编号",
            "contract_no",
            "有偿服务的合同编号",
            "Contract number of a paid service",
            "Contract number",
            "Contract no",
            "Contract no.",
            "Contract",
            width=16,
        ),
        _choice(
            "公益类别",
            "public_interest_category",
            PUBLIC_INTEREST_CATEGORIES,
            "无偿服务所属的公益类别",
            "The public-interest category of a free service",
            "Public-interest category",
            "Public interest category",
            width=14,
        ),
        _text(
            "支撑项目",
            "supported_project",
            "服务支撑的科研项目",
            "The research project the service supported",
            "Supported project",
            "Project",
            width=20,
        ),
        ColumnSpec(
            "满意度",
            "satisfaction",
            ColumnKind.INTEGER,
            _t("用户评价，1–5 的整数（5 最满意）", "User rating, a whole number 1–5 (5 is best)"),
            False,
            ("Satisfaction", "Rating"),
            minimum=1,
            maximum=5,
            decimals=0,
            width=8,
            example="5",
        ),
    ),
)

OUTCOMES = SheetSpec(
    name="服务成效",
    name_en="Outcomes",
    aliases=("Service outcomes", "Results"),
    layout=SheetLayout.TABLE,
    required=False,
    dossier_field="outcomes",
    help=_t(
        "服务带来的成果（论文、专利、标准、获奖、支撑项目、典型案例、科普活动），每行一项。",
        "What the services achieved (papers, patents, standards, awards, projects, cases, "
        "popular-science events), one per row.",
    ),
    columns=(
        _choice(
            "类型",
            "kind",
            OUTCOME_KINDS,
            "成效的类型",
            "Kind of outcome",
            "Type",
            "Kind",
            required=True,
            width=12,
        ),
        _text(
            "名称", "name", "成果的名称", "Name or title", "Name", "Title", required=True, width=30
        ),
        _date("日期", "outcome_date", "成果取得的日期", "Date achieved", "Date"),
        _text("级别", "level", "如 国家级、省级", "E.g. national, provincial", "Level", width=10),
        _text(
            "说明",
            "description",
            "简要说明平台在其中的作用",
            "What the platform contributed",
            "Description",
            "Notes",
            width=30,
        ),
        _text(
            "佐证材料",
            "evidence",
            "附件文件名（PDF 或图片），多个用；分隔",
            "Attachment file name (PDF or image), several separated by ；",
            "Evidence",
            "Attachment",
            "Supporting document",
            width=24,
            example="论文1.pdf",
        ),
    ),
)

STAFF = SheetSpec(
    name="人员",
    name_en="Staff",
    aliases=("Personnel", "People", "Team"),
    layout=SheetLayout.TABLE,
    required=False,
    dossier_field="staff",
    help=_t("平台的工作人员，每行一人。", "The platform's staff, one per row."),
    columns=(
        _text("姓名", "name", "姓名", "Full name", "Name", required=True, width=10),
        _text(
            "岗位",
            "role",
            "在平台中的岗位",
            "Role in the platform",
            "Role",
            "Position",
            "Post",
            width=14,
        ),
        ColumnSpec(
            "专职/兼职",
            "full_time",
            ColumnKind.CHOICE,
            _t("专职或兼职", "Full-time (专职) or part-time (兼职)"),
            False,
            ("专兼职", "专职或兼职", "Full-time/part-time", "Full time", "Employment"),
            choices=STAFF_KINDS,
            choice_values={"专职": True, "兼职": False},
            width=10,
            example="专职",
        ),
        _text(
            "职称",
            "title",
            "专业技术职称",
            "Professional title",
            "Title",
            "Professional title",
            width=12,
        ),
        _text("学历", "education", "最高学历", "Highest degree", "Education", "Degree", width=10),
        ColumnSpec(
            "投入比例",
            "effort_share",
            ColumnKind.SHARE,
            _t(
                "投入平台工作的时间比例，0–1 或百分数，如 0.8 或 80%",
                "Share of working time spent on the platform, 0–1 or a percentage (0.8 or 80%)",
            ),
            False,
            ("Effort share", "Time share", "Effort"),
            minimum=0,
            maximum=1,
            width=10,
            example="80%",
        ),
    ),
)

FUNDING = SheetSpec(
    name="经费",
    name_en="Funding",
    aliases=("Funds", "Budget", "Finance"),
    layout=SheetLayout.TABLE,
    required=False,
    dossier_field="funding",
    help=_t(
        "按年度填写收入和支出，每行一个类别。收入类别：财政、依托单位、服务收入、后补助；"
        "支出类别：运行维护、人员、建设、其他。",
        "Income and spending by year, one category per row. Income: 财政, 依托单位, 服务收入, "
        "后补助; spending: 运行维护, 人员, 建设, 其他.",
    ),
    columns=(
        ColumnSpec(
            "年度",
            "year",
            ColumnKind.YEAR,
            _t("年份，如 2024", "The year, e.g. 2024"),
            True,
            ("Year",),
            minimum=1900,
            maximum=2100,
            decimals=0,
            width=8,
            example="2024",
        ),
        _choice(
            "类别",
            "category",
            INCOME_CATEGORIES + EXPENSE_CATEGORIES,
            "收入或支出的类别（收入：财政/依托单位/服务收入/后补助；支出：运行维护/人员/"
            "建设/其他）",
            "Income or spending category",
            "Category",
            required=True,
        ),
        _amount(
            "金额(万元)",
            "amount_10k_yuan",
            "金额，单位万元",
            "Amount in 10,000 yuan",
            "金额",
            "Amount",
            "Amount (10k yuan)",
            required=True,
        ),
    ),
)

REGULATIONS = SheetSpec(
    name="管理制度",
    name_en="Regulations",
    aliases=("Rules", "Policies", "Management rules"),
    layout=SheetLayout.TABLE,
    required=False,
    dossier_field="regulations",
    help=_t(
        "平台的管理制度和共享服务规范，每行一项。",
        "The platform's rules and service standards, one per row.",
    ),
    columns=(
        _text(
            "制度名称",
            "name",
            "制度的名称",
            "Name of the regulation",
            "Name",
            "Regulation",
            "Title",
            required=True,
            width=32,
        ),
        _text(
            "文号",
            "document_no",
            "发布文号",
            "Document number",
            "Document number",
            "Document no",
            "Document no.",
            width=18,
        ),
        _date(
            "发布日期", "issued_on", "发布的日期", "Date issued", "Issued on", "Date issued", "Date"
        ),
    ),
)

MAJOR_EVENTS = SheetSpec(
    name="重大事项",
    name_en="Major changes",
    aliases=("Major events", "Major matters", "Changes"),
    layout=SheetLayout.TABLE,
    required=False,
    dossier_field="major_events",
    help=_t(
        "考核期内的重大事项（内部管理重大变化、主要人员变动），每行一项。",
        "Major changes in the period (management changes, key staff changes), one per row.",
    ),
    columns=(
        _date("日期", "event_date", "发生的日期", "When it happened", "Date", required=True),
        _choice(
            "类型",
            "kind",
            MAJOR_EVENT_KINDS,
            "重大事项的类型",
            "Kind of change",
            "Type",
            "Kind",
            required=True,
            width=18,
        ),
        _text("说明", "description", "具体情况", "What happened", "Description", width=36),
        _bool(
            "是否已报备",
            "reported",
            "是否已向主管部门报告",
            "Whether it was reported to the department",
            "已报备",
            "Reported",
        ),
    ),
)

WORK_SUMMARY = SheetSpec(
    name="工作总结",
    name_en="Work summary",
    aliases=("Summary", "Report"),
    layout=SheetLayout.TEXT,
    required=False,
    dossier_field="work_summary",
    help=_t(
        "工作总结正文写在 A2（太长可以接着写在 A3、A4 ……）；如果工作总结是单独的文件，"
        "把文件名写在 B2。",
        "Write the work summary in A2 (continue in A3, A4 … if it is long); if the summary "
        "is a separate file, write its file name in B2.",
    ),
    columns=(
        _text(
            "工作总结",
            "work_summary",
            "工作总结正文",
            "The text of the summary",
            "工作总结正文",
            "正文",
            "Work summary",
            "Text",
            width=100,
        ),
        _text(
            "附件文件名",
            "work_summary_attachment",
            "工作总结附件的文件名（PDF）",
            "File name of the summary as an attachment (PDF)",
            "工作总结附件",
            "附件",
            "Attachment",
            "File",
            width=30,
            example="工作总结.pdf",
        ),
    ),
)

#: Every sheet, in workbook order.
SHEETS: tuple[SheetSpec, ...] = (
    BASIC_INFO,
    RESOURCES,
    SERVICES,
    OUTCOMES,
    STAFF,
    FUNDING,
    REGULATIONS,
    MAJOR_EVENTS,
    WORK_SUMMARY,
)

_SHEETS_BY_NAME: dict[str, SheetSpec] = {}
for _sheet in SHEETS:
    for _name in _sheet.names():
        _SHEETS_BY_NAME[normalise_name(_name)] = _sheet


def sheet_for(name: str) -> SheetSpec | None:
    """The sheet a workbook sheet name stands for, or None."""
    return _SHEETS_BY_NAME.get(normalise_name(name))


def funding_is_income(category: str | None) -> bool | None:
    """Whether a 经费 category is income (True), spending (False) or unknown (None)."""
    if category in INCOME_CATEGORIES:
        return True
    if category in EXPENSE_CATEGORIES:
        return False
    return None


def kind_help(column: ColumnSpec) -> Text:
    """What a value of the column looks like, for the instructions and for fixes."""
    match column.kind:
        case ColumnKind.DATE:
            return DATE_HELP
        case ColumnKind.NUMBER:
            return NUMBER_HELP
        case ColumnKind.AMOUNT:
            return AMOUNT_HELP
        case ColumnKind.BOOL:
            return BOOL_HELP
        case ColumnKind.INTEGER:
            lo, hi = _bound(column.minimum), _bound(column.maximum)
            return Text(f"填写 {lo}–{hi} 的整数", f"Write a whole number from {lo} to {hi}")
        case ColumnKind.YEAR:
            return Text("填写四位年份，如 2024", "Write a four-digit year, e.g. 2024")
        case ColumnKind.SHARE:
            return Text(
                "填写 0–1 的小数或百分数，如 0.8 或 80%",
                "Write a fraction 0–1 or a percentage, e.g. 0.8 or 80%",
            )
        case ColumnKind.CHOICE:
            return Text(
                "从下拉列表中选择：" + "、".join(column.choices),
                "Pick from the list: " + ", ".join(column.choices),
            )
        case _:
            return Text("填写文字", "Write text")


def _bound(value: float | None) -> str:
    return "" if value is None else f"{value:g}"
