"""Table models of the secretary's views: the submission matrix, merge results, the
discussion list, a platform's scores and statistics, leniency, results and the lists.

Most tables are rows of one service dataclass shown through column specs (a header, the text,
whether the column is a number); the matrix is experts × platforms.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from jlpanel.gui.common.formatting import Points, date, fixed
from jlpanel.gui.common.i18n import translate
from jlpanel.gui.common.table_support import ALIGN_LEFT, ALIGN_RIGHT, AnyIndex
from jlpanel.gui.common.theme import ACCENT, DONE, MUTED, SUM_ROW, WARN, icon
from jlpanel.gui.secretary.grades import grade_colour

if TYPE_CHECKING:
    from jlpanel.domain.rules import RuleSettings
    from jlpanel.services.dashboard import ExpertScores, PlatformPanel, StatRow
    from jlpanel.services.merge import MergeStatus

_CENTER = int(Qt.AlignmentFlag.AlignCenter)


def score_text(value: Points | None) -> str:
    """A score with two decimals, or an em dash."""
    return "—" if value is None else fixed(value, 2)


# ------------------------------------------------------------------------------ matrix

#: Sheet state → icon (a distinct shape, readable in greyscale) and colour.
STATE_LOOK: dict[str, tuple[str, str]] = {
    "submitted": ("progress-done", DONE),
    "paper": ("progress-partial", ACCENT),
    "missing": ("progress-not-started", WARN),
    "conflict": ("progress-conflict", MUTED),
}


def state_text(state: str) -> str:
    """A sheet state in words."""
    return {
        "submitted": translate("SecretaryModels", "已提交"),
        "paper": translate("SecretaryModels", "纸质录入"),
        "missing": translate("SecretaryModels", "未提交"),
        "conflict": translate("SecretaryModels", "回避"),
    }.get(state, state)


#: The state value of a matrix cell ("" when the expert is not assigned the platform).
STATE_ROLE = Qt.ItemDataRole.UserRole + 2
#: True on the first column of a group (the experts, the statistics): a line sets it apart.
GROUP_START_ROLE = Qt.ItemDataRole.UserRole + 3


def sheet_counts(status: MergeStatus) -> list[tuple[int, int]]:
    """Per platform (in the status's order): the sheets in and the sheets expected (assigned
    experts without a conflict); from the assigned pairs only, not every expert × platform."""
    expected: dict[int, int] = {}
    done: dict[int, int] = {}
    for (_expert, platform), cell in status.cells.items():
        state = cell.state.value
        if state != "conflict":
            expected[platform] = expected.get(platform, 0) + 1
        if state in ("submitted", "paper"):
            done[platform] = done.get(platform, 0) + 1
    return [(done.get(p.id, 0), expected.get(p.id, 0)) for p in status.platforms]


class MatrixModel(QAbstractTableModel):
    """Platforms (rows) × experts (columns): submitted / paper / missing / conflict; the first
    column names the platform, the last counts the sheets in against those expected."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._status: MergeStatus | None = None
        #: Each row's (sheets in, sheets expected), counted once per status, not per paint.
        self._counts: list[tuple[int, int]] = []
        self._warn_brush = QBrush(QColor(WARN))

    def set_status(self, status: MergeStatus | None) -> None:
        self.beginResetModel()
        self._status = status
        self._counts = [] if status is None else sheet_counts(status)
        self.endResetModel()

    def status(self) -> MergeStatus | None:
        return self._status

    def counts(self) -> list[tuple[int, int]]:
        """Each row's (sheets in, sheets expected)."""
        return self._counts

    def retranslate(self) -> None:
        if self._status is not None:
            self.beginResetModel()
            self.endResetModel()

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() or self._status is None else len(self._status.platforms)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() or self._status is None else len(self._status.experts) + 2

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        status = self._status
        if status is None or orientation != Qt.Orientation.Horizontal:
            return None
        last = len(status.experts) + 1
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return ALIGN_LEFT if section == 0 else (ALIGN_RIGHT if section == last else _CENTER)
        if section == 0:
            return (
                translate("SecretaryModels", "平台")
                if role == Qt.ItemDataRole.DisplayRole
                else None
            )
        if section == last:
            if role == Qt.ItemDataRole.DisplayRole:
                return translate("SecretaryModels", "已收 / 应收")
            return None
        expert = status.experts[section - 1]
        if role == Qt.ItemDataRole.DisplayRole:
            return expert.name
        if role == Qt.ItemDataRole.ForegroundRole and expert.missing:
            return QBrush(QColor(WARN))
        if role == Qt.ItemDataRole.DecorationRole:
            if expert.complete:
                return icon("progress-done")
            return icon("progress-partial" if expert.partial else "progress-not-started")
        if role == Qt.ItemDataRole.ToolTipRole:
            if expert.complete:
                return translate("SecretaryModels", "{name}：全部评分已收齐").format(
                    name=expert.name
                )
            return translate("SecretaryModels", "{name}：还缺 {n} 个平台的评分").format(
                name=expert.name, n=expert.missing
            )
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        status = self._status
        if status is None or not index.isValid():
            return None
        platform = status.platforms[index.row()]
        column = index.column()
        last = len(status.experts) + 1
        if column == 0:
            if role == Qt.ItemDataRole.DisplayRole:
                return platform.name
            if role == Qt.ItemDataRole.ToolTipRole:
                return f"{platform.name}（{platform.filing_no}）"
            return None
        if column == last:
            done, expected = self._counts[index.row()]
            if role == Qt.ItemDataRole.DisplayRole:
                return f"{done} / {expected}"
            if role == Qt.ItemDataRole.TextAlignmentRole:
                return ALIGN_RIGHT
            if role == Qt.ItemDataRole.ForegroundRole and done < expected:
                return self._warn_brush
            return None
        expert = status.experts[column - 1]
        cell = status.cell(expert.expert_id, platform.id)
        if role == STATE_ROLE:
            return cell.state.value if cell else ""
        if cell is None:
            if role == Qt.ItemDataRole.ToolTipRole:
                return translate("SecretaryModels", "未分配")
            return None
        state = cell.state.value
        if role == Qt.ItemDataRole.DecorationRole:
            return icon(STATE_LOOK[state][0])
        if role == Qt.ItemDataRole.DisplayRole:
            return state_text(state)
        if role == Qt.ItemDataRole.ToolTipRole:
            text = f"{expert.name} · {platform.name}\n{state_text(state)}"
            if cell.revision:
                text += "\n" + translate("SecretaryModels", "版本 {rev}").format(rev=cell.revision)
            if cell.source_file:
                text += "\n" + cell.source_file
            return text
        if role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(QColor(STATE_LOOK[state][1]))
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return ALIGN_LEFT
        return None


# --------------------------------------------------------------------- a platform's scores


class PanelScoresModel(QAbstractTableModel):
    """A platform's scores: one row per indicator, area and the total; columns 指标 · 满分,
    then one per expert (outliers in red, a short name with the full one in the tooltip), then
    the statistics 均值 · 截尾均值 · 中位数 · 极差 · 标准差 · n, each header explained in its
    tooltip. The experts come first so that a narrow window shows them before the statistics."""

    STATS = 6
    #: The first expert's column.
    FIRST_EXPERT = 2

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._panel: PlatformPanel | None = None
        self._rules: RuleSettings | None = None
        self._rows: list[StatRow] = []
        self._kinds: list[str] = []  # "indicator", "area", "total"
        #: The cells' texts as worked out (a statistic is rounded exactly, through a
        #: Fraction): fitting the columns and painting ask for each several times, 20 ms of
        #: 讨论与共识's first showing at 2,000 platforms. Dropped with the panel.
        self._texts: dict[tuple[int, int], str] = {}
        self._bold = QFont()
        self._bold.setBold(True)

    def set_rules(self, rules: RuleSettings | None) -> None:
        """The cycle's rules, which the statistics' tooltips state (trimming, the range limit)."""
        self._rules = rules
        if self._panel is not None:
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.columnCount() - 1)

    def set_panel(self, panel: PlatformPanel | None) -> None:
        self.beginResetModel()
        self._panel = panel
        self._rows = []
        self._kinds = []
        self._texts = {}
        if panel is not None:
            for area in panel.areas:
                for indicator in panel.indicators:
                    if indicator.code.startswith(area.code):
                        self._rows.append(indicator)
                        self._kinds.append("indicator")
                self._rows.append(area)
                self._kinds.append("area")
            known = {r.code for r in self._rows}
            for indicator in panel.indicators:
                if indicator.code not in known:
                    self._rows.append(indicator)
                    self._kinds.append("indicator")
            self._rows.append(panel.total)
            self._kinds.append("total")
        self.endResetModel()

    def panel(self) -> PlatformPanel | None:
        return self._panel

    def _experts(self) -> tuple[ExpertScores, ...]:
        return self._panel.experts if self._panel is not None else ()

    def expert_at(self, column: int) -> ExpertScores | None:
        """The expert of a column (None for the name and statistics columns)."""
        k = column - self.FIRST_EXPERT
        experts = self._experts()
        return experts[k] if 0 <= k < len(experts) else None

    def expert_columns(self) -> range:
        """The columns of the experts' scores."""
        return range(self.FIRST_EXPERT, self.FIRST_EXPERT + len(self._experts()))

    def _stat_at(self, column: int) -> int | None:
        """Which statistic a column shows (0 均值 … 5 n), None for the other columns."""
        k = column - self.FIRST_EXPERT - len(self._experts())
        return k if 0 <= k < self.STATS else None

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid() or self._panel is None:
            return 0
        return self.FIRST_EXPERT + len(self._experts()) + self.STATS

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or self._panel is None:
            return None
        expert = self.expert_at(section)
        stat = self._stat_at(section)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return ALIGN_LEFT if section == 0 else ALIGN_RIGHT
        if role == Qt.ItemDataRole.ForegroundRole and expert is not None and expert.outlier:
            return QBrush(QColor(WARN))
        if role == Qt.ItemDataRole.ToolTipRole:
            if expert is not None:
                return translate("SecretaryModels", "{name}：总分 {total}，偏离中位数 {d}").format(
                    name=expert.name,
                    total=fixed(expert.total, 1),
                    d=f"{expert.from_median:+.1f}",
                )
            if stat is not None:
                return self._stat_tooltip(stat)
            if section == 1:
                return translate("SecretaryModels", "满分：该指标、该项或总分的最高可得分")
            return None
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if section == 0:
            return translate("SecretaryModels", "指标")
        if section == 1:
            return translate("SecretaryModels", "满分")
        if expert is not None:
            return f"{short_name(expert.name)}{' ⚑' if expert.outlier else ''}"
        return [
            translate("SecretaryModels", "均值"),
            translate("SecretaryModels", "截尾均值"),
            translate("SecretaryModels", "中位数"),
            translate("SecretaryModels", "极差"),
            translate("SecretaryModels", "标准差"),
            "n",
        ][stat or 0]

    def _stat_tooltip(self, stat: int) -> str:
        """What a statistic's header means, with the cycle's own rule where one applies."""
        from jlpanel.domain.rule_words import setting_number
        from jlpanel.domain.rules import RuleSettings

        rules = self._rules or RuleSettings()
        n_valid = self._panel.n_valid if self._panel is not None else 0
        if stat == 0:
            return translate("SecretaryModels", "均值：全部有效评分的算术平均")
        if stat == 1:
            text = translate(
                "SecretaryModels",
                "截尾均值：去掉一个最高分和一个最低分后的平均。本周期规则：有效评分达到 "
                "{n} 份时去掉，不足 {n} 份时不去掉（即等于均值）。",
            ).format(n=rules.trim_min_n)
            if n_valid >= rules.trim_min_n:
                text += "\n" + translate(
                    "SecretaryModels", "本平台 {k} 份有效评分：已去掉最高、最低各一份。"
                ).format(k=n_valid)
            else:
                text += "\n" + translate(
                    "SecretaryModels", "本平台 {k} 份有效评分：不足 {n} 份，未去掉。"
                ).format(k=n_valid, n=rules.trim_min_n)
            return text
        if stat == 2:
            return translate(
                "SecretaryModels",
                "中位数：评分从低到高排列后居中的值（偶数份时取中间两份的平均），"
                "不受个别极端评分影响",
            )
        if stat == 3:
            return translate(
                "SecretaryModels",
                "极差：最高分减最低分，即专家之间相差最大的分数。"
                "专家总分极差超过 {limit} 分的平台列入讨论清单。",
            ).format(limit=setting_number(rules.disagreement_range))
        if stat == 4:
            return translate(
                "SecretaryModels",
                "标准差：评分围绕均值的平均分散程度（样本标准差）；越大，专家意见越不一致",
            )
        return translate("SecretaryModels", "n：有效评分份数（回避的专家和未计入的评分表不算）")

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or self._panel is None:
            return None
        stat = self._rows[index.row()]
        kind = self._kinds[index.row()]
        column = index.column()
        expert = self.expert_at(column)
        if role == GROUP_START_ROLE:
            return column == self.FIRST_EXPERT or self._stat_at(column) == 0
        if role == Qt.ItemDataRole.FontRole and kind != "indicator":
            return QFont(self._bold)
        if role == Qt.ItemDataRole.BackgroundRole and kind != "indicator":
            return QBrush(QColor(SUM_ROW))
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return ALIGN_LEFT if column == 0 else ALIGN_RIGHT
        if role == Qt.ItemDataRole.ForegroundRole:
            if expert is not None and kind == "total" and expert.outlier:
                return QBrush(QColor(WARN))
            return None
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == 0:
                return f"{stat.code} {stat.name}"
            if expert is not None:
                return f"{expert.name} · {stat.name}"
            return None
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        key = (index.row(), column)
        text = self._texts.get(key)
        if text is None:
            text = self._texts[key] = self._text(stat, kind, column, expert)
        return text

    def _text(self, stat: StatRow, kind: str, column: int, expert: ExpertScores | None) -> str:
        """A cell's text (uncached)."""
        if column == 0:
            return stat.name if kind == "total" else f"{stat.code} {stat.name}"
        if expert is not None:
            if kind == "total":
                value: Decimal | None = expert.total
            elif kind == "area":
                value = expert.areas.get(stat.code)
            else:
                value = expert.points.get(stat.code)
            return "—" if value is None else fixed(value, 1)
        if column == 1:
            return fixed(stat.max_points, 0)
        s = stat.summary
        if s is None:
            return "—"
        k = self._stat_at(column)
        values: list[Decimal | float] = [s.mean, s.trimmed_mean, s.median, s.range, s.stdev]
        if k is not None and k < len(values):
            return fixed(values[k], 2)
        return str(s.n)


def short_name(name: str) -> str:
    """An expert's name short enough for a narrow score column (the tooltip has it whole).

    A name as wide as five Chinese characters stays whole (most names); 阿依古丽·买买提 keeps
    its first part; John Smith becomes J. Smith; anything still wider is cut with an ellipsis.
    """
    name = name.strip()
    if _width(name) <= _SHORT_NAME_WIDTH:
        return name
    for dot in ("·", "•", "・"):
        if dot in name:
            name = name.split(dot, 1)[0].strip()
            break
    words = name.split()
    if len(words) > 1:
        name = f"{words[0][0]}. {words[-1]}"
    if _width(name) <= _SHORT_NAME_WIDTH:
        return name
    cut = ""
    for char in name:
        if _width(cut + char) > _SHORT_NAME_WIDTH - 2:
            break
        cut += char
    return cut + "…"


#: How wide a short name may be, in Latin letters (a Chinese character counts two).
_SHORT_NAME_WIDTH = 10


def _width(text: str) -> int:
    return sum(2 if ord(c) >= 0x2E80 else 1 for c in text)


# ------------------------------------------------------------------------- column sets


def grade_text_colour(grade: Any) -> str | None:
    return grade_colour(grade).name() if grade is not None else None


def deadline_text(value: Any) -> str:
    return date(value)
