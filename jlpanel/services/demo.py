"""A complete, realistic demo cycle (``jlpanel demo DIR``): dossiers, roster and a workspace.

:func:`build_demo` writes into ``DIR``:

* ``dossiers/<平台名称>.xlsx`` — a filled dossier workbook for each of 24 platforms, with its
  attachments (PDF evidence and some work summaries) in ``dossiers/<平台名称>/``;
* ``experts.xlsx`` — a roster of 7 experts;
* ``demo.jlpanel`` — a cycle workspace into which every dossier was imported through
  :func:`jlpanel.services.intake.import_dossiers`, the path staff use.

Everything is fictional but plausible: Jilin host units with valid credit codes, resources,
services to real-sounding users, outcomes, staff, funding, rules and a work summary. The same
seed gives the same files. Six platforms carry deliberate problems that must come out as
exactly the warnings in :data:`DELIBERATE_WARNINGS`; every other platform imports clean.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import logging
import random
import shutil
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from jlpanel.domain.credit_code import CREDIT_CODE_ALPHABET, make_credit_code
from jlpanel.domain.dossier import (
    EXPENSE_CATEGORIES,
    USER_TYPES,
    BasicInfo,
    Dossier,
    FundingLine,
    MajorEvent,
    Outcome,
    Regulation,
    Resource,
    ServiceRecord,
    StaffMember,
)
from jlpanel.exchange.roster_writer import RosterExpert
from jlpanel.services.errors import UserError
from jlpanel.services.intake import ImportOutcome

log = logging.getLogger(__name__)

DEMO_CYCLE_NAME = "2026年度吉林省科技资源共享服务平台考核评价（演示）"
_Period = tuple[dt.date, dt.date]
DEMO_PERIOD: _Period = (dt.date(2024, 1, 1), dt.date(2025, 12, 31))
WORKSPACE_NAME = "demo.jlpanel"
DOSSIER_FOLDER = "dossiers"
PACKAGE_FOLDER = "packages"
ROSTER_NAME = "experts.xlsx"
#: The simulated experts' score files.
SCORE_FOLDER = "scores"
DISCLAIMER = "本文件为 jlpanel 演示数据，单位、人员和数据均为虚构，仅供试用。"

#: Called with (steps done, steps in all, what is being done); the return value is ignored.
DemoProgress = Callable[[int, int, str], object]


def _words(text: str) -> tuple[str, ...]:
    """Names written as one string separated by spaces (compact to write, easy to read)."""
    return tuple(text.split())


# ------------------------------------------------------------------------ host units


@dataclass(frozen=True, slots=True)
class _Host:
    name: str
    user_type: str  # what the host is when it uses its own platform
    registrar: str  # first two characters of the credit code: 12 事业单位, 91 企业
    division: str  # GB/T 2260 code of the registering authority
    address: str
    supervisor: str  # 归口管理部门
    abbr: str  # for document numbers such as 吉大资发〔2021〕12号
    domain: str
    area_code: str


_HOSTS: dict[str, _Host] = {
    h.name: h
    for h in (
        _Host("吉林大学", "高校", "12", "220000", "吉林省长春市前进大街2699号", "教育部",
              "吉大", "jlu.edu.cn", "0431"),
        _Host("东北师范大学", "高校", "12", "220000", "吉林省长春市人民大街5268号", "教育部",
              "东师", "nenu.edu.cn", "0431"),
        _Host("吉林省农业科学院", "科研院所", "12", "220000",
              "吉林省长春市净月区彩宇大街1363号", "吉林省农业农村厅", "吉农科院",
              "jaas.ac.cn", "0431"),
        _Host("长春中医药大学", "高校", "12", "220000", "吉林省长春市净月区博硕路1035号",
              "吉林省教育厅", "长中医", "ccucm.edu.cn", "0431"),
        _Host("中国第一汽车集团有限公司技术中心", "国有企业", "91", "220100",
              "吉林省长春市汽车经济技术开发区新红旗大街1号", "吉林省工业和信息化厅",
              "一汽技术", "faw.com.cn", "0431"),
        _Host("中国科学院长春光学精密机械与物理研究所", "科研院所", "12", "220100",
              "吉林省长春市东南湖大路3888号", "中国科学院", "长光所", "ciomp.ac.cn", "0431"),
        _Host("中国科学院东北地理与农业生态研究所", "科研院所", "12", "220100",
              "吉林省长春市高新北区盛北大街4888号", "中国科学院", "东北地理所",
              "iga.ac.cn", "0431"),
        _Host("吉林农业大学", "高校", "12", "220000", "吉林省长春市新城大街2888号",
              "吉林省教育厅", "吉农大", "jlau.edu.cn", "0431"),
        _Host("中国科学院长春应用化学研究所", "科研院所", "12", "220100",
              "吉林省长春市人民大街5625号", "中国科学院", "长春应化所", "ciac.ac.cn", "0431"),
        _Host("长春工业大学", "高校", "12", "220000", "吉林省长春市延安大街2055号",
              "吉林省教育厅", "长工大", "ccut.edu.cn", "0431"),
        _Host("延边大学", "高校", "12", "222400", "吉林省延吉市公园路977号", "吉林省教育厅",
              "延大", "ybu.edu.cn", "0433"),
        _Host("北华大学", "高校", "12", "220200", "吉林省吉林市滨江东路3999号", "吉林省教育厅",
              "北华大", "beihua.edu.cn", "0432"),
        _Host("长春理工大学", "高校", "12", "220000", "吉林省长春市卫星路7089号",
              "吉林省教育厅", "长理工", "cust.edu.cn", "0431"),
        _Host("吉林省地质调查院", "科研院所", "12", "220000", "吉林省长春市建设街2699号",
              "吉林省自然资源厅", "吉地调", "jlgs.cn", "0431"),
        _Host("吉林省计量科学研究院", "科研院所", "12", "220000", "吉林省长春市卫明街1299号",
              "吉林省市场监督管理厅", "吉计量", "jlsjly.cn", "0431"),
        _Host("吉林省科学技术信息研究所", "科研院所", "12", "220000",
              "吉林省长春市人民大街1244号", "吉林省科学技术厅", "吉科信", "jlinfo.jl.cn",
              "0431"),
        _Host("中车长春轨道客车股份有限公司", "国有企业", "91", "220100",
              "吉林省长春市绿园区青荫路435号", "吉林省工业和信息化厅", "长客", "crrcgc.cc",
              "0431"),
        _Host("吉林化纤集团有限责任公司", "国有企业", "91", "220200",
              "吉林省吉林市昌邑区九站街516号", "吉林省工业和信息化厅", "吉化纤",
              "jlchemicalfiber.com", "0432"),
        _Host("修正药业集团股份有限公司", "民营企业", "91", "220500",
              "吉林省通化市柳河县柳河镇修正路1号", "吉林省工业和信息化厅", "修正",
              "xiuzheng.com", "0435"),
        _Host("东北电力大学", "高校", "12", "220200", "吉林省吉林市船营区长春路169号",
              "吉林省教育厅", "东电", "neepu.edu.cn", "0432"),
        _Host("中国农业科学院特产研究所", "科研院所", "12", "220100",
              "吉林省长春市净月区聚业大街4899号", "中国农业科学院", "特产所",
              "caas-isa.cn", "0431"),
        _Host("延边朝鲜族自治州农业科学院", "科研院所", "12", "222400",
              "吉林省龙井市龙门街1号", "延边朝鲜族自治州农业农村局", "延农科院",
              "ybnky.cn", "0433"),
    )
}  # fmt: skip


# -------------------------------------------------------------------------- themes


@dataclass(frozen=True, slots=True)
class _ServiceKind:
    content: str
    unit: str
    price: tuple[int, int]  # 元 per unit
    volume: tuple[float, float]
    decimals: int = 0


@dataclass(frozen=True, slots=True)
class _Theme:
    code_prefix: str
    #: (name, category, unit); how names are expanded depends on ``naming``.
    resources: tuple[tuple[str, str, str], ...]
    naming: str  # "numbered" (instruments, materials) | "accession" | "dataset"
    share_modes: tuple[str, ...]
    value: tuple[float, float]  # 原值, 万元 per entry
    quantity: tuple[int, int]
    services: tuple[_ServiceKind, ...]
    topics: tuple[str, ...]
    #: Weights of the user types, in the order of domain.dossier.USER_TYPES.
    user_mix: tuple[float, ...]
    #: Public-interest categories of free services to government users.
    public_categories: tuple[str, ...] = ("政府决策", "公共安全")
    enterprise_pool: str = "industry"  # or "agri", "bio"


_INSTRUMENT_MIX = (0.28, 0.14, 0.16, 0.26, 0.05, 0.04, 0.02, 0.05)
_AGRI_MIX = (0.18, 0.2, 0.04, 0.28, 0.02, 0.12, 0.06, 0.1)
_DATA_MIX = (0.3, 0.26, 0.06, 0.14, 0.02, 0.16, 0.04, 0.02)
_MATERIAL_MIX = (0.36, 0.22, 0.1, 0.24, 0.03, 0.02, 0.01, 0.02)
_ONLINE_BOOKING = ("线上预约", "现场使用", "委托测试")
_DATA_SHARING = ("在线下载", "离线拷贝", "定制服务")
_GERMPLASM_SHARING = ("实物提供", "委托鉴定", "现场观摩")
_MATERIAL_SHARING = ("实物提供", "委托制备")


def _theme(
    prefix: str,
    resources: str,
    category: str,
    unit: str,
    services: Sequence[_ServiceKind],
    topics: str,
    *,
    naming: str = "numbered",
    share_modes: tuple[str, ...] = _ONLINE_BOOKING,
    value: tuple[float, float] = (15.0, 600.0),
    quantity: tuple[int, int] = (1, 1),
    user_mix: tuple[float, ...] = _INSTRUMENT_MIX,
    public_categories: tuple[str, ...] = ("政府决策", "公共安全"),
    enterprise_pool: str = "industry",
) -> _Theme:
    """A theme from compact data: resources separated by spaces, ``name[:category[:unit]]``."""
    entries: list[tuple[str, str, str]] = []
    for item in resources.split():
        name, *rest = item.split(":")
        own = [*rest, "", ""]
        entries.append((name, own[0] or category, own[1] or unit))
    return _Theme(
        prefix,
        tuple(entries),
        naming,
        share_modes,
        value,
        quantity,
        tuple(services),
        tuple(topics.split()),
        user_mix,
        public_categories,
        enterprise_pool,
    )


S = _ServiceKind
_THEMES: dict[str, _Theme] = {
    "instruments": _theme(
        "YQ",
        "场发射扫描电子显微镜:电子光学仪器 透射电子显微镜:电子光学仪器 X射线衍射仪:X射线仪器 "
        "X射线光电子能谱仪:光谱仪器 核磁共振波谱仪:波谱仪器 液相色谱-质谱联用仪:质谱仪器 "
        "气相色谱-质谱联用仪:质谱仪器 电感耦合等离子体质谱仪:质谱仪器 激光共聚焦显微镜:光学仪器 "
        "傅里叶变换红外光谱仪:光谱仪器 激光拉曼光谱仪:光谱仪器 比表面积分析仪:物性测试仪器 "
        "热重分析仪:热分析仪器 差示扫描量热仪:热分析仪器 原子力显微镜:电子光学仪器 "
        "流式细胞仪:生化分离分析仪器 单晶X射线衍射仪:X射线仪器 元素分析仪:化学分析仪器",
        "分析仪器",
        "台",
        (
            S("样品形貌表征", "样品", (120, 400), (1, 30)),
            S("成分与结构分析", "样品", (150, 600), (1, 20)),
            S("上机测试", "机时", (200, 800), (1, 24), 1),
            S("仪器操作培训", "人次", (100, 300), (1, 12)),
        ),
        "纳米催化材料 二维半导体 锂离子电池正极材料 稀土发光材料 药物晶型 蛋白质结构 "
        "钙钛矿薄膜 高熵合金",
    ),
    "automotive": _theme(
        "QC",
        "整车排放试验系统 底盘测功机 四立柱道路模拟试验台 电磁兼容测试暗室 "
        "高低温交变湿热试验箱:环境试验设备 盐雾腐蚀试验箱:环境试验设备 疲劳试验机:力学试验设备 "
        "三坐标测量机:计量仪器 电动振动试验台:环境试验设备 材料万能试验机:力学试验设备 "
        "动力电池安全测试系统 零部件耐久试验台 NVH半消声室 碰撞试验台车",
        "汽车试验设备",
        "台",
        (
            S("零部件耐久试验", "小时", (150, 500), (8, 240)),
            S("电磁兼容测试", "项次", (2000, 8000), (1, 6)),
            S("环境可靠性试验", "小时", (100, 300), (24, 480)),
            S("尺寸精度检测", "件", (80, 300), (1, 50)),
            S("材料力学性能测试", "样品", (200, 600), (1, 20)),
        ),
        "轻量化车身 新能源汽车电驱动系统 动力电池热失控 整车电磁兼容 底盘悬架耐久 "
        "汽车座椅安全 车用铝合金 智能网联汽车",
        user_mix=(0.12, 0.08, 0.3, 0.36, 0.1, 0.02, 0.01, 0.01),
    ),
    "optoelectronics": _theme(
        "GD",
        "激光干涉仪 光谱辐射计 光学传递函数测试仪 积分球光源系统 红外热像仪标定系统 "
        "大口径光学元件面形检测仪 激光损伤阈值测试系统 紫外-可见-近红外分光光度计 "
        "光谱椭偏仪 光纤光谱仪 光电探测器响应度测试系统 离子束溅射镀膜机:加工设备 "
        "超精密单点金刚石车床:加工设备",
        "光学测试仪器",
        "台",
        (
            S("光学元件面形检测", "件", (300, 1500), (1, 20)),
            S("光谱特性测试", "样品", (200, 800), (1, 30)),
            S("激光损伤阈值测试", "样品", (800, 3000), (1, 8)),
            S("光电器件性能测试", "件", (300, 1200), (1, 20)),
            S("光学薄膜镀制", "批", (3000, 12000), (1, 3)),
        ),
        "空间光学遥感器 大口径反射镜 激光通信终端 红外探测器 光栅尺 精密光学镀膜 "
        "超快激光 微纳光学器件",
        public_categories=("国防建设", "公共安全", "防灾减灾"),
    ),
    "polymer": _theme(
        "GF",
        "凝胶渗透色谱仪:色谱仪器 差示扫描量热仪:热分析仪器 热重分析仪:热分析仪器 "
        "动态热机械分析仪:热分析仪器 旋转流变仪:物性测试仪器 毛细管流变仪:物性测试仪器 "
        "万能材料试验机:力学试验设备 摆锤冲击试验机:力学试验设备 熔体流动速率仪:物性测试仪器 "
        "傅里叶变换红外光谱仪:光谱仪器 核磁共振波谱仪:波谱仪器 维卡软化点测定仪:物性测试仪器",
        "分析仪器",
        "台",
        (
            S("分子量及分布测定", "样品", (200, 500), (1, 20)),
            S("热性能分析", "样品", (150, 400), (1, 20)),
            S("力学性能测试", "样品", (100, 350), (1, 30)),
            S("流变性能测试", "样品", (200, 600), (1, 15)),
            S("成分鉴定", "样品", (300, 800), (1, 10)),
        ),
        "聚乳酸 聚酰亚胺薄膜 生物降解塑料 高性能工程塑料 橡胶增韧 聚合物电解质 "
        "高分子阻燃 碳纤维上浆剂",
        user_mix=_MATERIAL_MIX,
    ),
    "precision": _theme(
        "JM",
        "激光跟踪仪:计量仪器 三坐标测量机:计量仪器 白光干涉仪:光学测量仪器 圆度仪:计量仪器 "
        "表面轮廓仪:计量仪器 光栅测量系统:计量仪器 超精密车床:加工设备 五轴加工中心:加工设备 "
        "影像测量仪:光学测量仪器 激光干涉仪:光学测量仪器",
        "精密测量仪器",
        "台",
        (
            S("精密尺寸测量", "件", (100, 500), (1, 40)),
            S("形位误差检测", "件", (150, 600), (1, 30)),
            S("精密零件加工", "件", (300, 2000), (1, 10)),
            S("测量仪器校准", "台次", (300, 1000), (1, 5)),
        ),
        "精密主轴 光学镜筒 航空发动机叶片 齿轮测量 自由曲面 微小孔加工 精密导轨 光刻物镜",
    ),
    "rail": _theme(
        "GK",
        "转向架静载试验台 车体静强度试验台 整车淋雨试验系统 车辆称重系统 振动冲击试验台 "
        "电磁兼容测试系统 噪声测试系统 材料疲劳试验机 焊接质量检测系统 空调系统性能试验台",
        "轨道车辆试验设备",
        "台",
        (
            S("部件强度试验", "项次", (5000, 20000), (1, 4)),
            S("疲劳试验", "小时", (200, 600), (24, 300)),
            S("焊缝无损检测", "件", (100, 400), (1, 60)),
            S("噪声振动测试", "项次", (3000, 10000), (1, 5)),
        ),
        "高速动车组转向架 城轨车辆车体 铝合金焊接 轨道车辆减振 车内噪声 复合材料车体 "
        "空调节能 车辆轻量化",
        user_mix=(0.14, 0.1, 0.34, 0.3, 0.06, 0.03, 0.02, 0.01),
    ),
    "carbon_fibre": _theme(
        "TX",
        "碳纤维单丝强度测试仪 复丝拉伸试验机 热重分析仪:热分析仪器 扫描电子显微镜:电子光学仪器 "
        "元素分析仪:化学分析仪器 密度梯度仪 层间剪切试验机 超声C扫描检测系统:无损检测设备",
        "纤维测试设备",
        "台",
        (
            S("碳纤维力学性能测试", "样品", (300, 900), (1, 20)),
            S("复合材料性能检测", "样品", (400, 1200), (1, 15)),
            S("微观结构表征", "样品", (200, 600), (1, 10)),
        ),
        "大丝束碳纤维 碳纤维原丝 碳纤维复合材料 上浆剂 预氧化工艺 碳纤维风电叶片",
        user_mix=(0.16, 0.12, 0.24, 0.4, 0.04, 0.02, 0.01, 0.01),
    ),
    "pharma": _theme(
        "YW",
        "高效液相色谱仪:色谱仪器 液相色谱-质谱联用仪:质谱仪器 气相色谱仪:色谱仪器 "
        "溶出度仪:药物分析仪器 药品稳定性试验箱:环境试验设备 原子吸收光谱仪:光谱仪器 "
        "微生物限度检测系统:微生物检测设备 激光粒度分析仪:物性测试仪器 "
        "卡尔费休水分测定仪:化学分析仪器",
        "药物分析仪器",
        "台",
        (
            S("药物含量测定", "批次", (300, 1200), (1, 10)),
            S("有关物质检测", "批次", (500, 1500), (1, 8)),
            S("溶出度测定", "批次", (400, 1000), (1, 8)),
            S("稳定性试验", "项次", (2000, 8000), (1, 3)),
            S("微生物限度检查", "批次", (200, 600), (1, 12)),
        ),
        "人参皂苷制剂 中药配方颗粒 仿制药一致性评价 缓释制剂 中药注射剂 生物类似药",
        user_mix=(0.14, 0.14, 0.1, 0.5, 0.04, 0.04, 0.02, 0.02),
        public_categories=("公共安全", "政府决策"),
        enterprise_pool="bio",
    ),
    "power": _theme(
        "DL",
        "冲击电压发生器 局部放电检测系统 工频耐压试验装置 变压器综合测试仪 电能质量分析仪 "
        "继电保护测试仪 绝缘油色谱分析仪 高压开关机械特性测试仪",
        "电气试验设备",
        "台",
        (
            S("绝缘性能试验", "项次", (800, 3000), (1, 6)),
            S("局部放电检测", "台次", (1000, 4000), (1, 4)),
            S("电能质量测试", "点次", (500, 1500), (1, 10)),
            S("绝缘油分析", "样品", (200, 500), (1, 20)),
        ),
        "特高压输电 新能源并网 配电变压器 储能变流器 风电场电能质量 电缆绝缘",
        user_mix=(0.2, 0.12, 0.36, 0.24, 0.02, 0.04, 0.01, 0.01),
        public_categories=("公共安全", "防灾减灾"),
    ),
    "agri_data": _theme(
        "SJ",
        "玉米品种区域试验 大豆品种区域试验 水稻栽培试验 土壤养分监测 农田气象观测 "
        "农作物病虫害监测 化肥减量增效试验 主要农作物产量 农业遥感影像 保护性耕作试验",
        "数据集",
        "GB",
        (
            S("数据下载", "GB", (0, 0), (0.5, 60.0), 1),
            S("数据共享服务", "GB", (50, 200), (1.0, 120.0), 1),
            S("专题数据分析", "项", (3000, 15000), (1, 2)),
            S("数据产品定制", "项", (5000, 20000), (1, 1)),
        ),
        "玉米密植增产 黑土地力提升 水稻节水灌溉 大豆高产栽培 作物估产 农业干旱监测",
        naming="dataset",
        share_modes=_DATA_SHARING,
        value=(0.5, 30.0),
        quantity=(2, 800),
        user_mix=_DATA_MIX,
        public_categories=("政府决策", "防灾减灾", "环境保护"),
        enterprise_pool="agri",
    ),
    "black_soil": _theme(
        "HT",
        "黑土有机质监测 黑土侵蚀观测 黑土剖面理化性质 保护性耕作长期定位试验 黑土区遥感解译 "
        "秸秆还田试验 黑土微生物多样性 土壤水分观测",
        "数据集",
        "GB",
        (
            S("数据下载", "GB", (0, 0), (0.2, 40.0), 1),
            S("数据共享服务", "GB", (60, 200), (1.0, 80.0), 1),
            S("黑土地质量评价", "项", (5000, 20000), (1, 1)),
        ),
        "黑土退化 秸秆覆盖还田 黑土侵蚀沟治理 土壤有机碳 黑土区水土保持 耕地质量评价",
        naming="dataset",
        share_modes=_DATA_SHARING,
        value=(0.5, 25.0),
        quantity=(1, 500),
        user_mix=_DATA_MIX,
        public_categories=("政府决策", "环境保护", "防灾减灾"),
        enterprise_pool="agri",
    ),
    "biodiversity": _theme(
        "CB",
        "长白山植物名录 长白山鸟类观测 长白山森林动态样地监测 长白山昆虫标本 "
        "长白山两栖爬行动物调查 长白山大型真菌调查 长白山红外相机监测 长白山植被遥感",
        "数据集",
        "GB",
        (
            S("数据下载", "GB", (0, 0), (0.1, 20.0), 1),
            S("物种鉴定咨询", "项", (500, 2000), (1, 3)),
            S("生态监测数据服务", "项", (3000, 10000), (1, 1)),
        ),
        "长白山森林群落 东北虎豹栖息地 高山苔原植被 物种多样性 生态系统服务 入侵物种",
        naming="dataset",
        share_modes=_DATA_SHARING,
        value=(0.3, 15.0),
        quantity=(1, 200),
        user_mix=(0.36, 0.3, 0.03, 0.08, 0.01, 0.14, 0.06, 0.02),
        public_categories=("环境保护", "政府决策"),
        enterprise_pool="agri",
    ),
    "geology": _theme(
        "DZ",
        "区域地质调查 钻孔资料 矿产勘查报告 区域地球化学 水文地质调查 地质灾害调查 "
        "地热资源调查 重力与磁法测量",
        "地质资料",
        "份",
        (
            S("地质资料查阅", "份", (0, 0), (1, 20)),
            S("地质资料复制", "份", (50, 200), (1, 30)),
            S("专题地质数据服务", "项", (3000, 12000), (1, 1)),
        ),
        "页岩油勘查 地热资源评价 地质灾害风险 矿产资源潜力 城市地质 黑土地地球化学",
        naming="dataset",
        share_modes=("现场查阅", "离线拷贝", "定制服务"),
        value=(0.5, 20.0),
        quantity=(5, 400),
        user_mix=(0.2, 0.24, 0.2, 0.16, 0.01, 0.16, 0.02, 0.01),
        public_categories=("政府决策", "防灾减灾", "公共安全"),
    ),
    "literature": _theme(
        "WX",
        "中文科技期刊数据库 外文科技期刊数据库 中国专利数据库 国外专利数据库 标准文献数据库 "
        "科技报告库 学位论文库 科技成果库 会议论文库 产业技术报告库",
        "文献数据库",
        "万条",
        (
            S("科技查新", "项", (800, 2500), (1, 3)),
            S("文献传递", "篇", (0, 0), (1, 40)),
            S("专利分析", "项", (3000, 15000), (1, 1)),
            S("定题检索", "项", (500, 2000), (1, 2)),
            S("文献检索培训", "人次", (0, 0), (5, 60)),
        ),
        "科技查新 专利导航 产业技术路线图 知识产权分析 科技情报研究 文献计量",
        share_modes=("在线检索", "文献传递", "委托服务"),
        value=(5.0, 120.0),
        quantity=(10, 3000),
        user_mix=(0.3, 0.2, 0.12, 0.28, 0.02, 0.05, 0.02, 0.01),
        public_categories=("政府决策", "公益性科研"),
    ),
    "bio_germplasm": _theme(
        "ZZ",
        "东北野生大豆种质:植物种质 羊草种质:植物种质 长白山野生植物种子:植物种质 "
        "松嫩草地牧草种质:植物种质 土壤微生物菌种:微生物菌种 植物内生真菌菌种:微生物菌种",
        "种质资源",
        "份",
        (
            S("种质资源提供", "份", (20, 100), (1, 30)),
            S("种质鉴定评价", "份", (200, 600), (1, 20)),
            S("分子鉴定", "样品", (150, 500), (1, 20)),
        ),
        "野生大豆耐盐碱 羊草抗旱 草地退化 植物促生菌 种质遗传多样性 盐碱地改良",
        naming="accession",
        share_modes=_GERMPLASM_SHARING,
        value=(0.05, 1.5),
        quantity=(10, 300),
        user_mix=_AGRI_MIX,
        public_categories=("环境保护", "政府决策"),
        enterprise_pool="agri",
    ),
    "herb_germplasm": _theme(
        "ZY",
        "人参 西洋参 五味子 细辛 刺五加 平贝母 关苍术 龙胆 黄芪 桔梗 返魂草 关防风",
        "药用植物种质",
        "份",
        (
            S("种质资源提供", "份", (30, 150), (1, 30)),
            S("药材质量检测", "样品", (300, 900), (1, 10)),
            S("种子种苗鉴定", "份", (100, 400), (1, 20)),
            S("DNA条形码鉴定", "样品", (300, 800), (1, 10)),
        ),
        "道地药材 人参皂苷 中药材规范化种植 药用植物遗传多样性 五味子木脂素 北药资源",
        naming="accession",
        share_modes=_GERMPLASM_SHARING,
        value=(0.05, 1.0),
        quantity=(10, 200),
        user_mix=_AGRI_MIX,
        public_categories=("公共安全", "政府决策"),
        enterprise_pool="bio",
    ),
    "ginseng": _theme(
        "RS",
        "人参农家类型大马牙 人参农家类型二马牙 人参农家类型长脖 人参农家类型圆膀圆芦 "
        "人参品种集美 人参品种福星 西洋参 林下参",
        "人参种质",
        "份",
        (
            S("种质资源提供", "份", (50, 200), (1, 20)),
            S("人参质量检测", "样品", (300, 1000), (1, 10)),
            S("种子种苗质量鉴定", "份", (100, 300), (1, 30)),
            S("栽培技术指导", "次", (0, 0), (1, 3)),
        ),
        "人参连作障碍 人参皂苷合成 林下参生态种植 人参病害防控 人参新品种选育 人参加工",
        naming="accession",
        share_modes=_GERMPLASM_SHARING,
        value=(0.05, 1.2),
        quantity=(10, 300),
        user_mix=(0.16, 0.16, 0.04, 0.32, 0.01, 0.1, 0.07, 0.14),
        public_categories=("政府决策", "公共安全"),
        enterprise_pool="bio",
    ),
    "forest_germplasm": _theme(
        "LM",
        "红松 长白落叶松 樟子松 水曲柳 黄檗 胡桃楸 紫椴 蒙古栎 白桦 杨树无性系",
        "林木种质",
        "份",
        (
            S("种质资源提供", "份", (30, 120), (1, 20)),
            S("良种苗木鉴定", "份", (100, 300), (1, 30)),
            S("林木育种技术服务", "次", (0, 0), (1, 3)),
        ),
        "红松果林 落叶松良种 珍贵阔叶树 林木遗传改良 森林抚育 次生林恢复",
        naming="accession",
        share_modes=_GERMPLASM_SHARING,
        value=(0.05, 1.0),
        quantity=(10, 200),
        user_mix=(0.2, 0.2, 0.1, 0.2, 0.0, 0.16, 0.06, 0.08),
        public_categories=("环境保护", "政府决策", "防灾减灾"),
        enterprise_pool="agri",
    ),
    "deer": _theme(
        "MH",
        "双阳梅花鹿冷冻精液:冷冻精液:剂 东丰梅花鹿冷冻精液:冷冻精液:剂 敖东梅花鹿胚胎:胚胎:枚 "
        "长白山梅花鹿种鹿:活体种质:头 四平梅花鹿DNA样本:DNA样本:份 梅花鹿细胞系:细胞系:支",
        "鹿种质",
        "份",
        (
            S("冷冻精液提供", "剂", (50, 200), (5, 100)),
            S("种鹿遗传鉴定", "头", (200, 600), (1, 20)),
            S("鹿茸质量检测", "样品", (300, 800), (1, 10)),
            S("养殖技术指导", "次", (0, 0), (1, 3)),
        ),
        "梅花鹿育种 鹿茸品质 鹿源性成分鉴别 梅花鹿人工授精 鹿产品加工",
        naming="accession",
        share_modes=_GERMPLASM_SHARING,
        value=(0.05, 2.0),
        quantity=(5, 500),
        user_mix=(0.14, 0.16, 0.04, 0.36, 0.0, 0.1, 0.06, 0.14),
        public_categories=("政府决策", "公共安全"),
        enterprise_pool="bio",
    ),
    "yanbian_crops": _theme(
        "YB",
        "苹果梨 延边水稻地方品种 延边辣椒地方品种 延边黄烟 延边大豆地方品种 长白山蓝莓 "
        "延边黑木耳菌种",
        "农作物种质",
        "份",
        (
            S("种质资源提供", "份", (20, 100), (1, 30)),
            S("品种真实性鉴定", "样品", (200, 500), (1, 20)),
            S("栽培技术指导", "次", (0, 0), (1, 3)),
        ),
        "苹果梨提质增效 寒地水稻 特色辣椒 延边黄牛饲草 黑木耳栽培 蓝莓引种",
        naming="accession",
        share_modes=_GERMPLASM_SHARING,
        value=(0.05, 0.8),
        quantity=(10, 200),
        user_mix=(0.12, 0.16, 0.02, 0.3, 0.01, 0.14, 0.09, 0.16),
        public_categories=("政府决策", "防灾减灾"),
        enterprise_pool="agri",
    ),
    "maize": _theme(
        "YM",
        "玉米自交系 玉米杂交种 玉米地方品种 玉米野生近缘种 玉米突变体 玉米单倍体诱导系",
        "玉米种质",
        "份",
        (
            S("种质资源提供", "份", (30, 150), (1, 40)),
            S("品种DNA指纹鉴定", "样品", (200, 600), (1, 30)),
            S("抗病性鉴定", "份", (150, 400), (1, 20)),
            S("田间表型鉴定", "份", (100, 300), (1, 40)),
        ),
        "玉米密植抗倒 玉米大斑病抗性 玉米籽粒机收 耐密品种选育 玉米单倍体育种 玉米抗旱",
        naming="accession",
        share_modes=_GERMPLASM_SHARING,
        value=(0.02, 0.8),
        quantity=(20, 500),
        user_mix=(0.14, 0.2, 0.04, 0.38, 0.02, 0.1, 0.04, 0.08),
        public_categories=("政府决策", "防灾减灾"),
        enterprise_pool="agri",
    ),
    "reagents": _theme(
        "SJC",
        "高纯有机试剂:化学试剂:瓶 稀土化合物:化学试剂:克 催化剂样品:功能材料:克 "
        "高分子标准样品:标准样品:套 电化学测试耗材:实验耗材:套 同位素标记试剂:化学试剂:支 "
        "离子液体:化学试剂:瓶 金属有机框架材料:功能材料:克 量子点荧光材料:功能材料:支",
        "化学试剂",
        "瓶",
        (
            S("试剂材料提供", "瓶", (100, 800), (1, 20)),
            S("标准样品提供", "套", (300, 1500), (1, 5)),
            S("定制合成", "批", (3000, 20000), (1, 2)),
            S("材料表征", "样品", (200, 600), (1, 15)),
        ),
        "稀土功能材料 高分子合成 电催化 有机光电材料 储能材料 分子筛催化",
        share_modes=_MATERIAL_SHARING,
        value=(0.05, 8.0),
        quantity=(5, 500),
        user_mix=_MATERIAL_MIX,
        public_categories=("公益性科研", "公共安全"),
    ),
    "reference_materials": _theme(
        "BW",
        "玉米粉中重金属成分分析标准物质 水中总氮标准物质 pH标准缓冲物质 土壤成分分析标准物质 "
        "甲烷中氮气体标准物质 黄金成分分析标准物质 人参皂苷Rb1标准物质 大米中镉成分分析标准物质",
        "标准物质",
        "套",
        (
            S("标准物质提供", "套", (300, 1500), (1, 10)),
            S("量值核查", "项次", (500, 2000), (1, 5)),
            S("计量校准", "台件", (200, 800), (1, 20)),
        ),
        "粮食重金属检测 水质监测 土壤环境质量 气体分析 贵金属检测 中药质量控制",
        share_modes=_MATERIAL_SHARING,
        value=(0.1, 5.0),
        quantity=(5, 200),
        user_mix=(0.14, 0.14, 0.2, 0.36, 0.04, 0.08, 0.02, 0.02),
        public_categories=("公共安全", "环境保护", "政府决策"),
    ),
    "lab_animals": _theme(
        "DW",
        "SPF级SD大鼠:实验大鼠:只 SPF级C57BL/6小鼠:实验小鼠:只 SPF级BALB/c小鼠:实验小鼠:只 "
        "新西兰兔:实验兔:只 比格犬:实验犬:只 基因修饰小鼠品系:基因修饰动物:品系 "
        "实验用小型猪:实验猪:头",
        "实验动物",
        "只",
        (
            S("实验动物提供", "只", (20, 300), (10, 200)),
            S("动物饲养代管", "笼·天", (10, 40), (30, 900)),
            S("动物实验技术服务", "项", (2000, 12000), (1, 2)),
            S("基因型鉴定", "样品", (50, 150), (10, 100)),
        ),
        "肿瘤动物模型 糖尿病模型 药物安全性评价 基因编辑小鼠 中药药效评价 疫苗评价",
        share_modes=_MATERIAL_SHARING,
        value=(0.05, 3.0),
        quantity=(10, 2000),
        user_mix=(0.4, 0.24, 0.06, 0.24, 0.02, 0.01, 0.01, 0.02),
        public_categories=("公益性科研", "公共安全"),
        enterprise_pool="bio",
    ),
}
del S


# ------------------------------------------------------------------------ platforms

_SMALL, _MEDIUM, _BIG = "small", "medium", "big"
#: Services in the sheet, resources in the catalogue, distinct users, outcomes, staff, files.
_SIZES: dict[str, tuple[tuple[int, int], ...]] = {
    _SMALL: ((160, 260), (20, 45), (22, 36), (6, 10), (5, 8), (1, 2)),
    _MEDIUM: ((600, 1500), (60, 150), (50, 90), (10, 18), (8, 15), (2, 3)),
    _BIG: ((2600, 3200), (150, 300), (100, 160), (18, 28), (15, 25), (3, 4)),
}

# The deliberate problems, each with the warnings it must raise and nothing else.
_PAID_WITHOUT_CONTRACT = "paid_without_contract"
_BAD_CREDIT_CODE = "bad_credit_code"
_BAD_NAME = "bad_name"
_OUTSIDE_PERIOD_AND_UNKNOWN_CODE = "outside_period_and_unknown_code"
_UNREPORTED_EVENT = "unreported_event"
_SHORT_SERVICE = "short_service"
_PROBLEM_WARNINGS: dict[str, dict[str, int]] = {
    _PAID_WITHOUT_CONTRACT: {"paid_without_contract": 3},
    _BAD_CREDIT_CODE: {"credit_code_invalid": 1},
    _BAD_NAME: {"name_form": 1},
    _OUTSIDE_PERIOD_AND_UNKNOWN_CODE: {"service_outside_period": 1, "unknown_resource_code": 1},
    _UNREPORTED_EVENT: {"major_event_unreported": 1},
    _SHORT_SERVICE: {"short_external_service": 1},
}


@dataclass(frozen=True, slots=True)
class _Plan:
    number: int
    name: str
    name_en: str
    host: str
    resource_type: str
    size: str
    theme: str
    tag: str  # ASCII, for contract numbers and the portal address
    filing_year: int
    problem: str | None = None

    @property
    def filing_no(self) -> str:
        return f"JLGX-{self.filing_year}-{self.number:03d}"


_INSTRUMENTS, _DATA, _GERMPLASM, _MATERIALS, _OTHER = (
    "科研设施与仪器",
    "科学数据",
    "生物种质",
    "实验材料",
    "其他",
)

_PLANS: tuple[_Plan, ...] = (
    _Plan(1, "吉林省大型科学仪器共享服务平台",
          "Jilin Provincial Large-scale Scientific Instrument Sharing Service Platform",
          "吉林大学", _INSTRUMENTS, _BIG, "instruments", "DXYQ", 2017),
    _Plan(2, "吉林省生物种质资源库", "Jilin Provincial Biological Germplasm Resource Center",
          "东北师范大学", _GERMPLASM, _MEDIUM, "bio_germplasm", "SWZZ", 2017),
    _Plan(3, "吉林省农业科学数据中心", "Jilin Provincial Agricultural Science Data Center",
          "吉林省农业科学院", _DATA, _BIG, "agri_data", "NKSJ", 2017),
    _Plan(4, "吉林省中药材种质资源库",
          "Jilin Provincial Chinese Medicinal Material Germplasm Resource Center",
          "长春中医药大学", _GERMPLASM, _MEDIUM, "herb_germplasm", "ZYCZ", 2018),
    _Plan(5, "吉林省汽车零部件检测平台", "Jilin Provincial Automotive Parts Testing Platform",
          "中国第一汽车集团有限公司技术中心", _INSTRUMENTS, _BIG, "automotive", "QCLB", 2018),
    _Plan(6, "吉林省光电子检测服务平台",
          "Jilin Provincial Optoelectronic Testing Service Platform",
          "中国科学院长春光学精密机械与物理研究所", _INSTRUMENTS, _BIG, "optoelectronics",
          "GDZJ", 2017),
    _Plan(7, "吉林省黑土地保护科学数据中心",
          "Jilin Provincial Black Soil Conservation Science Data Center",
          "中国科学院东北地理与农业生态研究所", _DATA, _MEDIUM, "black_soil", "HTSJ", 2019),
    _Plan(8, "吉林省人参种质资源库", "Jilin Provincial Ginseng Germplasm Resource Center",
          "吉林农业大学", _GERMPLASM, _MEDIUM, "ginseng", "RSZZ", 2018),
    _Plan(9, "吉林省化学试剂与实验材料共享平台",
          "Jilin Provincial Chemical Reagent and Laboratory Material Sharing Platform",
          "中国科学院长春应用化学研究所", _MATERIALS, _MEDIUM, "reagents", "HXSJ", 2018),
    _Plan(10, "吉林省高分子材料测试中心", "Jilin Provincial Polymer Material Testing Center",
          "长春工业大学", _INSTRUMENTS, _MEDIUM, "polymer", "GFCS", 2019,
          _PAID_WITHOUT_CONTRACT),
    _Plan(11, "吉林省长白山生物多样性科学数据中心",
          "Jilin Provincial Changbai Mountain Biodiversity Science Data Center",
          "延边大学", _DATA, _SMALL, "biodiversity", "CBSJ", 2020),
    _Plan(12, "吉林省林木种质资源库", "Jilin Provincial Forest Tree Germplasm Resource Center",
          "北华大学", _GERMPLASM, _SMALL, "forest_germplasm", "LMZZ", 2020, _BAD_CREDIT_CODE),
    _Plan(13, "吉林省光学精密测量平台", "Jilin Provincial Optical Precision Measurement Platform",
          "长春理工大学", _INSTRUMENTS, _MEDIUM, "precision", "JMCL", 2019),
    _Plan(14, "吉林省地质资料科学数据中心（吉林省地质调查院）",
          "Jilin Provincial Geological Data Center",
          "吉林省地质调查院", _DATA, _SMALL, "geology", "DZZL", 2020, _BAD_NAME),
    _Plan(15, "吉林省标准物质资源库", "Jilin Provincial Reference Material Resource Center",
          "吉林省计量科学研究院", _MATERIALS, _SMALL, "reference_materials", "BZWZ", 2021),
    _Plan(16, "吉林省科技文献共享服务平台",
          "Jilin Provincial Sci-Tech Literature Sharing Service Platform",
          "吉林省科学技术信息研究所", _OTHER, _MEDIUM, "literature", "KJWX", 2017,
          _OUTSIDE_PERIOD_AND_UNKNOWN_CODE),
    _Plan(17, "吉林省轨道客车检测服务平台",
          "Jilin Provincial Rail Passenger Vehicle Testing Service Platform",
          "中车长春轨道客车股份有限公司", _INSTRUMENTS, _MEDIUM, "rail", "GDKC", 2019,
          _UNREPORTED_EVENT),
    _Plan(18, "吉林省碳纤维复合材料检测平台",
          "Jilin Provincial Carbon Fiber Composite Testing Platform",
          "吉林化纤集团有限责任公司", _INSTRUMENTS, _SMALL, "carbon_fibre", "TXWJ", 2025,
          _SHORT_SERVICE),
    _Plan(19, "吉林省药物分析检测平台",
          "Jilin Provincial Pharmaceutical Analysis and Testing Platform",
          "修正药业集团股份有限公司", _INSTRUMENTS, _MEDIUM, "pharma", "YWFX", 2020),
    _Plan(20, "吉林省电力装备检测平台",
          "Jilin Provincial Electric Power Equipment Testing Platform",
          "东北电力大学", _INSTRUMENTS, _SMALL, "power", "DLZB", 2021),
    _Plan(21, "吉林省梅花鹿种质资源库", "Jilin Provincial Sika Deer Germplasm Resource Center",
          "中国农业科学院特产研究所", _GERMPLASM, _SMALL, "deer", "MHLZ", 2020),
    _Plan(22, "吉林省延边特色农作物种质资源库",
          "Jilin Provincial Yanbian Characteristic Crop Germplasm Resource Center",
          "延边朝鲜族自治州农业科学院", _GERMPLASM, _SMALL, "yanbian_crops", "YBTS", 2021),
    _Plan(23, "吉林省玉米种质资源库", "Jilin Provincial Maize Germplasm Resource Center",
          "吉林省农业科学院", _GERMPLASM, _BIG, "maize", "YMZZ", 2017),
    _Plan(24, "吉林省实验动物资源库", "Jilin Provincial Laboratory Animal Resource Center",
          "吉林大学", _MATERIALS, _MEDIUM, "lab_animals", "SYDW", 2018),
)  # fmt: skip

#: Filing number → the warning codes (with counts) its dossier must raise on import; every
#: platform not listed must import without any warning.
DELIBERATE_WARNINGS: dict[str, dict[str, int]] = {
    plan.filing_no: dict(_PROBLEM_WARNINGS[plan.problem]) for plan in _PLANS if plan.problem
}
#: How many platforms the demo has.
DEMO_PLATFORM_COUNT = len(_PLANS)


# ----------------------------------------------------------------------------- users

_UNIVERSITIES = _words(
    "吉林大学 东北师范大学 长春理工大学 长春工业大学 吉林农业大学 延边大学 北华大学 东北电力大学 "
    "吉林师范大学 长春师范大学 吉林建筑大学 长春大学 吉林化工学院 长春中医药大学 吉林医药学院 "
    "通化师范学院 白城师范学院 吉林农业科技学院 长春工程学院 吉林工程技术师范学院"
)
_UNIVERSITIES_OUT = _words(
    "哈尔滨工业大学 东北林业大学 东北农业大学 大连理工大学 沈阳农业大学 东北大学 中国农业大学 "
    "浙江大学 南京农业大学 北京理工大学 华中科技大学 西北农林科技大学"
)
_INSTITUTES = _words(
    "中国科学院长春光学精密机械与物理研究所 中国科学院长春应用化学研究所 "
    "中国科学院东北地理与农业生态研究所 吉林省农业科学院 吉林省林业科学研究院 "
    "中国农业科学院特产研究所 吉林省水利科学研究院 吉林省中医药科学院 吉林省计量科学研究院 "
    "吉林省产品质量监督检验院 吉林省环境科学研究院 吉林省科学技术信息研究所 "
    "吉林省药品检验研究院 长春黄金研究院有限公司 吉林省地质调查院"
)
_INSTITUTES_OUT = _words(
    "中国科学院沈阳应用生态研究所 中国科学院大连化学物理研究所 黑龙江省农业科学院 "
    "辽宁省农业科学院 中国林业科学研究院 中国中医科学院中药研究所 "
    "中国科学院西安光学精密机械研究所"
)
_STATE = _words(
    "中国第一汽车集团有限公司 中车长春轨道客车股份有限公司 吉林化纤集团有限责任公司 "
    "中国石油天然气股份有限公司吉林石化分公司 国网吉林省电力有限公司 "
    "长春一汽富维汽车零部件股份有限公司 吉林森林工业股份有限公司 通化钢铁集团股份有限公司 "
    "吉林省高速公路集团有限公司 吉林电力股份有限公司 吉林省农业投资集团有限公司 "
    "吉林粮食集团有限公司 吉林省水利水电勘测设计研究院"
)
_STATE_OUT = _words(
    "中国一重集团有限公司 鞍钢集团有限公司 哈尔滨电气集团有限公司 "
    "中国航发沈阳黎明航空发动机有限责任公司 北大荒农垦集团有限公司"
)
_PRIVATE = {
    "industry": _words(
        "长春博信光电子有限公司 长春市华科新材料有限公司 吉林省众鑫汽车装备有限公司 "
        "长春禹衡光学有限公司 长春华翔汽车零部件有限公司 长春市鑫达精密机械有限公司 "
        "长春中科光电技术有限公司 吉林省鸿达检测技术有限公司 长春市众诚环境检测有限公司 "
        "吉林省新材科技有限公司 长春希达电子技术有限公司 吉林省宏图精工机械有限公司 "
        "四平市巨元瀚洋板式换热器有限公司 辽源市宇航汽车配件有限公司 长春锐达激光科技有限公司"
    ),
    "agri": _words(
        "吉林省金翼农业科技有限公司 吉林省丰禾种业有限公司 松原市富农种业有限公司 "
        "长春中天农业科技有限公司 吉林省绿野生态农业有限公司 公主岭市禾丰种业有限公司 "
        "梨树县黑土地农机专业合作社 吉林省北方粮仓农业发展有限公司 "
        "白城市瀚海生态科技有限公司 吉林省田园遥感信息技术有限公司 "
        "延边长白山特色农业开发有限公司 吉林省鑫泰农资有限公司"
    ),
    "bio": _words(
        "通化东宝药业股份有限公司 吉林敖东药业集团股份有限公司 吉林省益盛汉参中药科技有限公司 "
        "延边长白山人参科技开发有限公司 吉林省瑞源生物科技有限公司 长春金赛药业有限责任公司 "
        "吉林紫鑫药业股份有限公司 吉林省康乃尔药业有限公司 吉林省参王植保有限公司 "
        "双阳区鹿乡梅花鹿养殖有限公司 吉林省博大制药股份有限公司 长春百克生物科技股份公司"
    ),
}
_PRIVATE_OUT = {
    "industry": _words(
        "沈阳新松机器人自动化股份有限公司 哈尔滨博实自动化股份有限公司 "
        "北京中科仪器科技有限公司 宁德时代新能源科技股份有限公司"
    ),
    "agri": _words("山东登海种业股份有限公司 北京大北农科技集团股份有限公司"),
    "bio": _words("广州万孚生物技术股份有限公司 辽宁成大生物股份有限公司"),
}
#: Foreign-invested enterprises: (name, out of province).
_FOREIGN: dict[str, tuple[tuple[str, bool], ...]] = {
    "industry": (
        ("一汽-大众汽车有限公司", False),
        ("长春佛吉亚排气系统有限公司", False),
        ("长春安波福电气系统有限公司", False),
    ),
    "agri": (("先正达（中国）投资有限公司", True), ("拜耳作物科学（中国）有限公司", True)),
    "bio": (("诺和诺德（中国）制药有限公司", True), ("赛默飞世尔科技（中国）有限公司", True)),
}
_GOVERNMENT = _words(
    "吉林省生态环境厅 吉林省农业农村厅 吉林省应急管理厅 吉林省林业和草原局 吉林省水利厅 "
    "吉林省自然资源厅 吉林省市场监督管理厅 吉林省气象局 长春市生态环境局 长春市农业农村局 "
    "延边朝鲜族自治州农业农村局 吉林市应急管理局 四平市农业农村局 白山市林业局 "
    "公主岭市农业农村局 梨树县农业农村局"
)
_SOCIETIES = _words(
    "吉林省农学会 吉林省人参产业协会 吉林省汽车工程学会 吉林省质量协会 吉林省科普作家协会 "
    "吉林省生态学会 长春市科学技术协会 吉林省中药材产业协会"
)

_SURNAMES = (
    "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾"
    "丁魏薛叶姜崔金朴"
)
_GIVEN = _words(
    "建国 春梅 志强 丽娟 海涛 晓东 雪梅 立新 国庆 红霞 振宇 思远 佳慧 宏伟 晓燕 明辉 玉兰 文博 "
    "雨欣 鹏飞 婷婷 俊杰 慧敏 天宇 凤英 德胜 淑珍 永刚 秀兰 长青 嘉怡 浩然 静怡 博文 云龙 亚楠 "
    "继东 立军 春雷 丽华 金龙 成浩 英姬 东旭 铁军 桂芝 晓峰 艳秋 宇航 洪波 广义 维佳 冬梅 秋实 "
    "海燕 子豪 一鸣 若曦 庆丰 兴华 敏 伟 静 磊 洋 勇 军 杰 娜 涛 超 明 刚 平 辉 鑫"
)


@dataclass(frozen=True, slots=True)
class _User:
    name: str
    type: str
    external: bool
    out_of_province: bool


def _person(rng: random.Random) -> str:
    """A name for a user or staff member; never an expert's, so the demo's same-name checks
    are empty (an expert on a platform's staff would be a conflict the demo then ignores)."""
    while True:
        name = rng.choice(_SURNAMES) + rng.choice(_GIVEN)
        if name not in _EXPERT_NAMES:
            return name


def _pick_users(rng: random.Random, plan: _Plan, theme: _Theme, count: int) -> list[_User]:
    """Distinct users of one platform, most frequent first, the host itself among them."""
    host = _HOSTS[plan.host]
    pools: dict[str, list[tuple[str, bool]]] = {
        "高校": [(u, False) for u in _UNIVERSITIES] + [(u, True) for u in _UNIVERSITIES_OUT],
        "科研院所": [(u, False) for u in _INSTITUTES] + [(u, True) for u in _INSTITUTES_OUT],
        "国有企业": [(u, False) for u in _STATE] + [(u, True) for u in _STATE_OUT],
        "民营企业": [(u, False) for u in _PRIVATE[theme.enterprise_pool]]
        + [(u, True) for u in _PRIVATE_OUT[theme.enterprise_pool]],
        "外资企业": list(_FOREIGN[theme.enterprise_pool]),
        "政府部门": [(u, False) for u in _GOVERNMENT],
        "社会组织": [(u, False) for u in _SOCIETIES],
    }
    users: list[_User] = []
    seen = {host.name}
    weights = dict(zip(USER_TYPES, theme.user_mix, strict=True))
    types = [t for t in USER_TYPES if weights[t] > 0]
    for user_type in rng.choices(types, [weights[t] for t in types], k=count * 2):
        if len(users) >= count - 1:
            break
        if user_type == "个人":
            name = _person(rng)
            out = rng.random() < 0.05
        else:
            pool = [
                (n, o)
                for n, o in pools[user_type]
                if n not in seen and n not in host.name and host.name not in n
            ]
            if not pool:
                continue
            name, out = rng.choice(pool)
        if name in seen:
            continue
        seen.add(name)
        users.append(_User(name, user_type, True, out))
    rng.shuffle(users)
    # The host uses its own platform too, and often: second most frequent user.
    users.insert(1, _User(host.name, host.user_type, False, False))
    return users


# --------------------------------------------------------------------------- helpers


def _day_between(rng: random.Random, start: dt.date, end: dt.date) -> dt.date:
    day = start + dt.timedelta(days=rng.randint(0, (end - start).days))
    # Most services happen on working days: move most weekend dates to the Friday before.
    if day.weekday() >= 5 and rng.random() < 0.8:
        friday = day - dt.timedelta(days=day.weekday() - 4)
        if friday >= start:
            return friday
    return day


def _credit_code(seed: int, host: _Host) -> str:
    """A valid code for the host, the same in every platform it hosts."""
    rng = random.Random(f"{seed}:credit:{host.name}")
    organisation = "".join(rng.choice("0123456789") for _ in range(8)) + rng.choice("0123456789X")
    return make_credit_code(host.registrar + host.division + organisation)


def _corrupt_check_character(code: str) -> str:
    """The code with a wrong check character: the next one in the alphabet."""
    index = CREDIT_CODE_ALPHABET.index(code[-1])
    return code[:-1] + CREDIT_CODE_ALPHABET[(index + 1) % len(CREDIT_CODE_ALPHABET)]


def _range(rng: random.Random, bounds: tuple[int, int]) -> int:
    return rng.randint(*bounds)


# --------------------------------------------------------------------- the dossier


@dataclass(slots=True)
class _Built:
    """A generated dossier with the attachments it names (file name → PDF paragraphs)."""

    plan: _Plan
    dossier: Dossier
    attachments: dict[str, tuple[str, list[str]]] = field(default_factory=dict)


_REGIONS = _words(
    "长春市 吉林市 四平市 辽源市 通化市 白山市 松原市 白城市 延边州 公主岭市 梨树县 农安县 "
    "榆树市 敦化市 梅河口市 镇赉县"
)
#: Words that already say what a germplasm accession is.
_ACCESSION_WORDS = ("种质", "精液", "胚胎", "种鹿", "样本", "细胞系", "菌种")


def _resource_names(rng: random.Random, theme: _Theme, count: int) -> list[tuple[str, str, str]]:
    """(name, category, unit) of each catalogue entry, every name different."""
    out: list[tuple[str, str, str]] = []
    seen: set[str] = set()
    per_base: Counter[str] = Counter()
    for n in range(count):
        base, category, unit = theme.resources[n % len(theme.resources)]
        per_base[base] += 1
        k = per_base[base]
        if theme.naming == "dataset":
            first = rng.randint(2008, 2022)
            name = f"{rng.choice(_REGIONS)}{base}数据集（{first}—{rng.randint(first + 1, 2025)}年）"
            if name in seen:
                name = f"{name[:-1]}，第{k}部分）"
        elif theme.naming == "accession":
            kind = "" if any(w in base for w in _ACCESSION_WORDS) else "种质"
            name = f"{base}{kind}{k:03d}号"
        else:
            name = base if k == 1 else f"{base}（{k}号）"
        seen.add(name)
        out.append((name, category, unit))
    return out


def _resources(
    rng: random.Random, plan: _Plan, theme: _Theme, start: dt.date, period: _Period
) -> list[Resource]:
    count = _range(rng, _SIZES[plan.size][1])
    funding = (
        ("依托单位自筹", "吉林省科技发展计划", "企业自筹")
        if _HOSTS[plan.host].registrar == "91"
        else ("中央财政", "省级财政", "依托单位自筹", "吉林省科技发展计划", "国家重点研发计划")
    )
    out: list[Resource] = []
    for n, (name, category, unit) in enumerate(_resource_names(rng, theme, count), start=1):
        online = "在线" if rng.random() < 0.92 else rng.choice(("维修中", "离线"))
        out.append(
            Resource(
                source_row=n + 1,
                resource_code=f"{theme.code_prefix}-{n:04d}",
                name=name,
                category=category,
                quantity=float(rng.randint(*theme.quantity)),
                unit=unit,
                original_value=round(rng.uniform(*theme.value), 2),
                funding_source=rng.choice(funding),
                stored_on=_day_between(rng, start, period[1] - dt.timedelta(days=31)),
                open_share=rng.random() < 0.96,
                share_mode=rng.choice(theme.share_modes),
                online_status=online,
            )
        )
    return out


_PROJECTS = (
    ("国家自然科学基金面上项目", "{a}{b}"),
    ("国家自然科学基金青年科学基金项目", "{a}{b}"),
    ("国家重点研发计划课题", "{y}YF{c}"),
    ("吉林省科技发展计划项目", "{y}0{d}"),
    ("吉林省自然科学基金项目", "YDZJ{y}{e}"),
)


def _project(rng: random.Random) -> str:
    label, pattern = rng.choice(_PROJECTS)
    number = pattern.format(
        a=rng.choice(("32", "42", "52", "62", "82")),
        b=f"{rng.randint(170000, 379999)}",
        y=rng.choice(("2022", "2023", "2024", "2025")),
        c=f"{rng.choice('ABCD')}{rng.randint(1000000, 2999999)}",
        d=f"{rng.randint(2010000, 2999999)}{rng.choice(('JC', 'NC', 'SF', 'GX', 'ZP'))}",
        e=f"{rng.choice(('ZYTS', 'QNJJ', 'CXTD'))}{rng.randint(100, 999)}",
    )
    return f"{label}（{number}）"


def _services(
    rng: random.Random,
    plan: _Plan,
    theme: _Theme,
    resources: Sequence[Resource],
    service_start: dt.date,
    period: _Period,
) -> list[ServiceRecord]:
    period_start, period_end = period
    first_day = max(period_start, service_start)
    count = _range(rng, _SIZES[plan.size][0])
    users = _pick_users(rng, plan, theme, _range(rng, _SIZES[plan.size][2]))
    user_weights = [1 / (rank + 1) ** 0.8 for rank in range(len(users))]
    codes = [r.resource_code or "" for r in resources]
    prices = {k.content: round(rng.randint(*k.price), -1) for k in theme.services}
    kinds = list(theme.services)
    kind_weights = [rng.uniform(0.5, 2.0) for _ in kinds]

    records: list[ServiceRecord] = []
    seen: set[ServiceRecord] = set()
    while len(records) < count:
        user = rng.choices(users, user_weights)[0]
        kind = rng.choices(kinds, kind_weights)[0]
        low, high = kind.volume
        volume = (
            round(rng.uniform(low, high), kind.decimals)
            if kind.decimals
            else float(rng.randint(int(low), int(high)))
        )
        used = [rng.choice(codes)]
        if rng.random() < 0.15:
            other = rng.choice(codes)
            if other != used[0]:
                used.append(other)
        free = _is_free(rng, user, prices[kind.content])
        fee = 0.0
        if not free:
            discount = 0.8 if user.type in ("高校", "科研院所") else 1.0
            fee = float(max(50, round(volume * prices[kind.content] * discount)))
        research = user.type in ("高校", "科研院所") and rng.random() < 0.35
        record = ServiceRecord(
            source_row=0,
            service_date=_day_between(rng, first_day, period_end),
            user_unit=user.name,
            user_type=user.type,
            is_external=user.external,
            is_out_of_province=user.out_of_province,
            content=kind.content,
            resource_codes="；".join(used),
            volume=volume,
            unit=kind.unit,
            fee_yuan=fee,
            nature="无偿" if free else "有偿",
            # Contract numbers are given below, in date order.
            contract_no="?" if not free else None,
            public_interest_category=_free_category(user, theme, rng) if free else None,
            supported_project=_project(rng) if research else None,
            satisfaction=rng.choices((5, 4, 3, None), (62, 30, 5, 3))[0],
        )
        if record in seen:
            continue  # an identical row would be a duplicate_rows warning
        seen.add(record)
        records.append(record)

    records.sort(key=lambda r: r.service_date or period_start)
    records, no_contract = _place_problems(plan, theme, resources, records, period)
    numbers: Counter[int] = Counter()
    out: list[ServiceRecord] = []
    for index, record in enumerate(records):
        contract = None
        if record.nature == "有偿" and index not in no_contract:
            year = (record.service_date or period_start).year
            numbers[year] += 1
            contract = f"{plan.tag}-{year}-{numbers[year]:04d}"
        out.append(dataclasses.replace(record, source_row=index + 2, contract_no=contract))
    return out


def _is_free(rng: random.Random, user: _User, price: int) -> bool:
    if price == 0 or user.type == "政府部门" or not user.external:
        return True
    share = {"高校": 0.35, "科研院所": 0.35, "社会组织": 0.6, "个人": 0.4}.get(user.type, 0.0)
    return rng.random() < share


def _free_category(user: _User, theme: _Theme, rng: random.Random) -> str:
    if user.type == "政府部门":
        return rng.choice(theme.public_categories)
    return "公益性科研"


def _place_problems(
    plan: _Plan,
    theme: _Theme,
    resources: Sequence[Resource],
    records: list[ServiceRecord],
    period: _Period,
) -> tuple[list[ServiceRecord], set[int]]:
    """Put in the deliberate service problems, decided by the plan, not by chance.

    Returns the records and the positions of paid services left without a contract number.
    """
    if plan.problem == _PAID_WITHOUT_CONTRACT:
        paid = [i for i, r in enumerate(records) if r.nature == "有偿"]
        return records, {paid[len(paid) // 5], paid[len(paid) // 2], paid[4 * len(paid) // 5]}
    if plan.problem == _OUTSIDE_PERIOD_AND_UNKNOWN_CODE:
        records = list(records)
        # A late entry from the previous year, kept at the top as host units do…
        late = period[0] - dt.timedelta(days=5)
        records[0] = dataclasses.replace(records[0], service_date=late)
        # …and a resource code from before the catalogue was renumbered.
        unknown = f"{theme.code_prefix}-{len(resources) + 7:04d}"
        middle = len(records) // 3
        records[middle] = dataclasses.replace(records[middle], resource_codes=unknown)
    return records, set()


def _outcomes(
    rng: random.Random,
    plan: _Plan,
    theme: _Theme,
    services: Sequence[ServiceRecord],
    period: _Period,
) -> tuple[list[Outcome], dict[str, tuple[str, list[str]]]]:
    count = _range(rng, _SIZES[plan.size][3])
    files = _range(rng, _SIZES[plan.size][5])
    kinds = ["论文", "专利", "标准", "获奖", "支撑项目", "典型案例", "科普活动"]
    # Every platform has papers, a case and popular science; the rest by chance.
    chosen = ["论文", "论文", "典型案例", "科普活动", "支撑项目"]
    chosen += rng.choices(kinds, (30, 14, 6, 4, 14, 10, 10), k=max(0, count - len(chosen)))
    start = max(period[0], services[0].service_date or period[0])
    end = period[1]
    enterprise_users = [s.user_unit for s in services if s.user_type in ("国有企业", "民营企业")]
    out: list[Outcome] = []
    attachments: dict[str, tuple[str, list[str]]] = {}
    per_kind: Counter[str] = Counter()
    short = plan.name.removeprefix("吉林省").split("（")[0]
    for n, kind in enumerate(chosen):
        topic = rng.choice(theme.topics)
        per_kind[kind] += 1
        k = per_kind[kind]
        day = _day_between(rng, start, end)
        name, level, description = _outcome_text(rng, kind, topic, k, day, short, enterprise_users)
        evidence: str | None = None
        if n < files:
            evidence = f"{kind}{k:02d}.pdf"
            attachments[evidence] = (
                f"{name}（{kind}佐证材料）",
                [
                    f"成效类型：{kind}；级别：{level or '—'}；日期：{day.isoformat()}。",
                    f"说明：{description}",
                    f"依托平台：{plan.name}（{plan.host}）。",
                    DISCLAIMER,
                ],
            )
        out.append(Outcome(n + 2, kind, name, day, level, description, evidence))
    return out, attachments


def _outcome_text(
    rng: random.Random,
    kind: str,
    topic: str,
    k: int,
    day: dt.date,
    short: str,
    enterprise_users: Sequence[str | None],
) -> tuple[str, str | None, str]:
    """Name, level and description of one outcome."""
    match kind:
        case "论文":
            tail = rng.choice(("研究", "的实验研究", "特性分析", "评价与应用", "的机理研究"))
            return (
                f"{topic}{tail}（{k}）",
                rng.choice(("SCI", "SCI", "EI", "中文核心")),
                "平台提供测试与数据支撑，论文致谢平台。",
            )
        case "专利":
            what = rng.choice(("方法", "装置", "系统", "检测方法"))
            return (
                f"一种用于{topic}的{what}（{k}）",
                rng.choice(("发明专利", "发明专利", "实用新型专利")),
                "平台为专利的实验验证提供服务。",
            )
        case "标准":
            number = f"DB22/T {rng.randint(3000, 3999)}—{day.year}"
            return (
                f"{number} {topic}技术规程",
                rng.choice(("地方标准", "团体标准", "行业标准")),
                "平台参与起草并提供验证数据。",
            )
        case "获奖":
            return (
                f"{topic}关键技术及应用",
                rng.choice(("吉林省科学技术进步奖二等奖", "吉林省科学技术进步奖三等奖",
                            "吉林省技术发明奖二等奖")),
                "平台为获奖项目提供了关键测试和资源支撑。",
            )  # fmt: skip
        case "支撑项目":
            return (
                f"{topic}关键技术研究与示范（{k}）",
                rng.choice(("国家级", "省级", "省级")),
                "平台承担项目的测试分析与资源保障任务。",
            )
        case "典型案例":
            who = rng.choice([u for u in enterprise_users if u] or ["省内企业"])
            return (
                f"服务{who}开展{topic}攻关",
                "省级",
                f"平台为{who}提供系统性技术服务，帮助企业解决{topic}中的关键问题。",
            )
        case _:
            event = rng.choice(("全国科普日", "科技活动周", "公众科学日", "科普进校园"))
            people = rng.randint(80, 1200)
            return (
                f"{day.year}年{event}“走进{short}”开放活动（{k}）",
                rng.choice(("省级", "市级")),
                f"面向公众开放，接待参观 {people} 人次。",
            )


_ROLES = ("运行管理", "实验技术", "数据管理", "服务专员", "质量负责人", "信息化管理", "技术支持")
_SENIOR = ("研究员", "教授", "正高级工程师")
_TITLES = (
    "副研究员", "副教授", "高级工程师", "高级实验师", "工程师", "实验师", "助理研究员",
    "助理工程师",
)  # fmt: skip


def _staff(rng: random.Random, plan: _Plan) -> list[StaffMember]:
    count = _range(rng, _SIZES[plan.size][4])
    names: list[str] = []
    while len(names) < count:
        name = _person(rng)
        if name not in names:
            names.append(name)
    company = _HOSTS[plan.host].registrar == "91"
    out: list[StaffMember] = []
    for n, name in enumerate(names):
        if n == 0:
            role, full_time, title = "平台负责人", False, rng.choice(_SENIOR)
            share = rng.choice((0.3, 0.4, 0.5))
        elif n == 1:
            role, full_time, title = "技术负责人", True, rng.choice(_SENIOR + _TITLES[:3])
            share = 1.0
        else:
            role = rng.choice(_ROLES)
            full_time = rng.random() < 0.65
            title = rng.choice(_TITLES)
            share = rng.choice((0.8, 0.9, 1.0)) if full_time else rng.choice((0.2, 0.3, 0.5))
        if company and title in ("研究员", "教授"):
            title = "正高级工程师"
        education = (
            "博士研究生"
            if title in _SENIOR or rng.random() < 0.3
            else rng.choice(("硕士研究生", "硕士研究生", "大学本科"))
        )
        out.append(StaffMember(n + 2, name, role, full_time, title, education, share))
    return out


def _funding(
    rng: random.Random, plan: _Plan, services: Sequence[ServiceRecord], period: _Period
) -> list[FundingLine]:
    scale = {_SMALL: 1.0, _MEDIUM: 2.5, _BIG: 6.0}[plan.size]
    years = range(period[0].year, period[1].year + 1)
    revenue: dict[int, float] = dict.fromkeys(years, 0.0)
    for s in services:
        year = s.service_date.year if s.service_date else None
        if s.nature == "有偿" and s.fee_yuan and year in revenue:
            revenue[year] += s.fee_yuan
    lines: list[tuple[int, str, float]] = []
    for year in years:
        income = [
            ("财政", round(rng.uniform(20, 60) * scale, 2)),
            ("依托单位", round(rng.uniform(15, 50) * scale, 2)),
            ("服务收入", round(revenue[year] / 10_000, 2)),
        ]
        if year == years[0] and plan.problem != _SHORT_SERVICE and rng.random() < 0.5:
            income.append(("后补助", float(rng.choice((30, 50, 80)))))
        total = sum(amount for _, amount in income)
        spent = total * rng.uniform(0.82, 0.98)
        shares = [rng.uniform(0.35, 0.5), rng.uniform(0.25, 0.35), rng.uniform(0.08, 0.2)]
        shares.append(max(0.02, 1 - sum(shares)))
        norm = sum(shares)
        expense = [
            (category, round(spent * share / norm, 2))
            for category, share in zip(EXPENSE_CATEGORIES, shares, strict=True)
        ]
        lines.extend((year, c, a) for c, a in income + expense if a > 0)
    return [
        FundingLine(n + 2, year, category, category not in EXPENSE_CATEGORIES, amount)
        for n, (year, category, amount) in enumerate(lines)
    ]


_REGULATIONS = (
    "{p}管理办法", "{p}开放共享服务规范", "{p}服务收费管理办法", "{p}用户评价与投诉处理办法",
    "{p}安全管理制度", "{p}人员培训与考核制度", "{p}资源质量控制规范", "{p}信息公开管理规定",
    "{p}数据安全管理办法", "{p}经费使用管理细则",
)  # fmt: skip


def _regulations(
    rng: random.Random, plan: _Plan, service_start: dt.date, period: _Period
) -> list[Regulation]:
    host = _HOSTS[plan.host]
    count = rng.randint(4, 8)
    chosen = [_REGULATIONS[0], *rng.sample(_REGULATIONS[1:], count - 1)]
    short = plan.name.split("（")[0]
    first_year = max(2014, service_start.year - 1)
    out: list[Regulation] = []
    for n, template in enumerate(chosen):
        year = rng.randint(first_year, period[0].year)
        issued = _day_between(rng, dt.date(year, 1, 1), dt.date(year, 12, 31))
        document = f"{host.abbr}发〔{year}〕{rng.randint(3, 98)}号"
        out.append(Regulation(n + 2, template.format(p=short), document, issued))
    return out


def _major_events(
    rng: random.Random, plan: _Plan, staff: Sequence[StaffMember], period: _Period
) -> list[MajorEvent]:
    events: list[tuple[str, str]] = []
    if rng.random() < 0.45:
        old, new = _person(rng), staff[0].name
        events.append(("主要人员变动", f"平台负责人由{old}调整为{new}"))
    if rng.random() < 0.3:
        events.append(("内部管理重大变化", "平台运行管理办公室调整至依托单位科技处统一管理"))
    reported = [True] * len(events)
    if plan.problem == _UNREPORTED_EVENT:
        events.append(("内部管理重大变化", "检测中心整体搬迁至新厂区，部分设备停机三个月"))
        reported.append(False)
    days = sorted(_day_between(rng, *period) for _ in events)
    return [
        MajorEvent(n + 2, day, kind, text, ok)
        for n, (day, (kind, text), ok) in enumerate(zip(days, events, reported, strict=True))
    ]


def _summary(
    plan: _Plan,
    basic: BasicInfo,
    resources: Sequence[Resource],
    services: Sequence[ServiceRecord],
    outcomes: Sequence[Outcome],
    staff: Sequence[StaffMember],
    period: _Period,
) -> list[str]:
    start, end = period
    in_period = [s for s in services if s.service_date and start <= s.service_date <= end]
    users = {s.user_unit for s in in_period}
    external = {s.user_unit for s in in_period if s.is_external}
    outside = {s.user_unit for s in in_period if s.is_out_of_province}
    enterprises = {
        s.user_unit for s in in_period if s.user_type in ("国有企业", "民营企业", "外资企业")
    }
    revenue = sum(s.fee_yuan or 0 for s in in_period if s.nature == "有偿") / 10_000
    free = sum(1 for s in in_period if s.nature == "无偿")
    value = sum(r.original_value or 0 for r in resources)
    kinds = Counter(o.kind for o in outcomes)
    full_time = sum(1 for m in staff if m.full_time)
    satisfied = [s.satisfaction for s in in_period if s.satisfaction]
    mean = sum(satisfied) / len(satisfied) if satisfied else 0
    started = basic.service_start_date.year if basic.service_start_date else end.year
    filed = basic.filing_date.year if basic.filing_date else started
    outcome_words = "、".join(f"{k}{n}项" for k, n in kinds.most_common())
    return [
        "一、基本情况",
        f"{plan.name}依托{plan.host}建设，{filed}年通过省科技厅备案，{started}年起面向社会开放"
        f"共享。平台现有工作人员{len(staff)}人，其中专职{full_time}人，形成了管理、技术和服务"
        "相互配合的运行队伍。",
        "二、资源整合与共享",
        f"平台整合{basic.resource_type}资源{len(resources)}项，原值合计约{value:,.0f}万元，全部纳入"
        "省科技资源共享服务网统一展示，绝大部分资源处于在线可预约状态。考核期内平台持续更新资源"
        "目录，完善资源描述和服务规范。",
        "三、服务成效",
        f"考核期内平台共提供服务{len(in_period)}次，服务用户{len(users)}家，其中外单位用户"
        f"{len(external)}家、省外用户{len(outside)}家、企业用户{len(enterprises)}家；开展无偿公益"
        f"服务{free}次，有偿服务收入{revenue:,.2f}万元，用户满意度平均{mean:.2f}分。"
        f"依托平台服务形成{outcome_words}。",
        "四、运行管理",
        "平台建立了较为完善的管理制度和共享服务规范，有偿服务均签订服务合同，"
        "无偿服务按公益类别登记；经费保障稳定，依托单位在场地、人员和配套经费方面给予持续支持。",
        "五、存在问题与下一步计划",
        "一是面向民营企业的服务仍需拓展；二是部分资源的在线服务能力有待提升。下一步，平台将加大"
        "对中小企业的服务力度，推进资源数字化和在线服务，进一步提升服务质量和效率。",
    ]


def _build_dossier(seed: int, plan: _Plan, period: _Period = DEMO_PERIOD) -> _Built:
    """The dossier ``plan``'s host unit hands in for the cycle whose 考核期 is ``period``."""
    rng = random.Random(f"{seed}:{plan.filing_no}")
    theme = _THEMES[plan.theme]
    host = _HOSTS[plan.host]
    if plan.problem == _SHORT_SERVICE:
        service_start = dt.date(2025, 3, 18)
        filing_date = dt.date(2025, 6, 20)
    else:
        filing_date = _day_between(
            rng, dt.date(plan.filing_year, 3, 1), dt.date(plan.filing_year, 11, 30)
        )
        service_start = dt.date(plan.filing_year - rng.randint(2, 5), rng.randint(1, 12), 1)
    credit = _credit_code(seed, host)
    if plan.problem == _BAD_CREDIT_CODE:
        credit = _corrupt_check_character(credit)
    resources = _resources(rng, plan, theme, service_start, period)
    services = _services(rng, plan, theme, resources, service_start, period)
    outcomes, attachments = _outcomes(rng, plan, theme, services, period)
    staff = _staff(rng, plan)
    contact = next((m for m in staff[1:] if m.full_time), staff[1])
    basic = BasicInfo(
        name=plan.name,
        filing_no=plan.filing_no,
        name_en=plan.name_en,
        filing_date=filing_date,
        resource_type=plan.resource_type,
        host_unit=host.name,
        credit_code=credit,
        registered_address=host.address,
        supervising_department=host.supervisor,
        director=staff[0].name,
        contact_person=contact.name,
        contact_phone=f"{host.area_code}-8{rng.randint(1000000, 9999999)}",
        email=f"{plan.tag.lower()}@{host.domain}",
        portal_url=f"https://{plan.tag.lower()}.{host.domain}/",
        service_start_date=service_start,
        period_start=period[0],
        period_end=period[1],
    )
    summary = _summary(plan, basic, resources, services, outcomes, staff, period)
    summary_file: str | None = None
    if plan.number % 3 == 1:  # a third of the platforms also hand in the summary as a file
        summary_file = "工作总结.pdf"
        attachments[summary_file] = (f"{plan.name}考核期工作总结", [*summary, DISCLAIMER])
    dossier = Dossier(
        basic=basic,
        resources=tuple(resources),
        services=tuple(services),
        outcomes=tuple(outcomes),
        staff=tuple(staff),
        funding=tuple(_funding(rng, plan, services, period)),
        regulations=tuple(_regulations(rng, plan, service_start, period)),
        major_events=tuple(_major_events(rng, plan, staff, period)),
        work_summary="\n".join(summary),
        work_summary_attachment=summary_file,
        attachment_names=frozenset(attachments),
    )
    return _Built(plan, dossier, attachments)


# --------------------------------------------------------------------------- experts

_EXPERT_NAMES = frozenset({"王志刚", "李建军", "陈晓燕", "赵丽华", "刘淑芬", "周文博", "张宏伟"})


def demo_experts() -> list[RosterExpert]:
    """The 7 experts of the demo roster.

    Two work at host units (王志刚 at 吉林大学, 刘淑芬 at 长春应化所), so the same-institution
    rule has work to do; three name host units as 回避单位.
    """
    return [
        RosterExpert("王志刚", "吉林大学", "教授", "材料科学与工程", "13904310218"),
        RosterExpert(
            "刘淑芬", "中国科学院长春应用化学研究所", "研究员", "高分子化学与物理", "13604317765"
        ),
        RosterExpert(
            "张宏伟", "东北林业大学", "教授", "林木遗传育种", "13945120336", ("北华大学",)
        ),
        RosterExpert(
            "陈晓燕",
            "吉林省科学技术信息研究所",
            "研究员",
            "科技管理与情报",
            "0431-85682207",
            ("吉林省农业科学院", "吉林农业大学"),
        ),
        RosterExpert("李建军", "哈尔滨工业大学", "教授", "仪器科学与技术", "13503611487"),
        RosterExpert(
            "赵丽华", "中国农业大学", "教授", "作物遗传育种", "13701152290", ("吉林省农业科学院",)
        ),
        RosterExpert("周文博", "大连理工大学", "教授", "化学工程与技术", "13840912675"),
    ]


# ------------------------------------------------------------------------- the build


@dataclass(frozen=True, slots=True)
class DemoSummary:
    """What :func:`build_demo` made."""

    folder: Path
    workspace: Path
    dossier_folder: Path
    roster: Path
    dossiers: tuple[Path, ...]
    platform_count: int  # imported
    service_record_count: int  # rows of 服务记录 over all dossiers
    attachment_count: int
    expert_count: int
    outcomes: tuple[ImportOutcome, ...]
    seconds: float
    #: One review package (and paper sheet) per expert, in ``package_folder``.
    package_folder: Path | None = None
    packages: tuple[Path, ...] = ()
    #: The simulated panel's signed score files (not merged: the secretary's step).
    score_folder: Path | None = None
    score_files: tuple[Path, ...] = ()
    #: The store's earlier cycle, confirmed (its grades are the register's history).
    earlier_cycle: str | None = None

    @property
    def refused(self) -> tuple[ImportOutcome, ...]:
        """Import outcomes that did not import (should be none)."""
        return tuple(o for o in self.outcomes if not o.ok)

    def describe(self, language: str = "zh") -> str:
        """What was made, a few lines for the command line, in ``language``."""
        from jlpanel.domain.dossier_checks import FINDING_TITLES

        en = language.startswith("en")
        warned = [o for o in self.outcomes if o.ok and o.warnings]
        if en:
            lines = [
                f"Demo cycle built in {self.folder} ({self.seconds:.1f} s)",
                f"  workspace: {self.workspace}",
                f"  dossiers:  {len(self.dossiers)} in {self.dossier_folder}, "
                f"{self.service_record_count:,} service records, "
                f"{self.attachment_count} attachments",
                f"  roster:    {self.roster} ({self.expert_count} experts)",
                f"  packages:  {len(self.packages)} review packages in {self.package_folder}",
                f"  imported:  {self.platform_count}, refused: {len(self.refused)}; "
                f"{len(warned)} platforms carry deliberate problems:",
            ]
        else:
            lines = [
                f"演示考核周期已生成：{self.folder}（用时 {self.seconds:.1f} 秒）",
                f"  工作区：{self.workspace}",
                f"  平台材料：{len(self.dossiers)} 份，位于 {self.dossier_folder}；"
                f"服务记录 {self.service_record_count:,} 条，附件 {self.attachment_count} 个",
                f"  专家名单：{self.roster}（{self.expert_count} 位专家）",
                f"  评审包：{len(self.packages)} 个，位于 {self.package_folder}",
                f"  导入成功 {self.platform_count} 份，被拒 {len(self.refused)} 份；"
                f"其中 {len(warned)} 个平台带有演示用的问题：",
            ]
        for outcome in warned:
            counts = Counter(f.code for f in outcome.warnings)
            what = "; " if en else "；"
            listed = what.join(
                f"{FINDING_TITLES[c].en if en else FINDING_TITLES[c].zh} ×{n}"
                if c in FINDING_TITLES
                else f"{c} ×{n}"
                for c, n in counts.items()
            )
            lines.append(f"    - {outcome.platform_name}{': ' if en else '：'}{listed}")
        return "\n".join(lines)


def scores_beside(workspace: Path) -> Path | None:
    """The demo experts' score files when ``workspace`` is a demo cycle, else None.

    Any demo counts — the start page's, ``bash dev.sh app``'s, ``jlpanel demo DIR`` — since
    each keeps its score files in ``scores/`` beside ``demo.jlpanel``.
    """
    scores = workspace.parent / SCORE_FOLDER
    return scores if workspace.name == WORKSPACE_NAME and scores.is_dir() else None


def _refuse_existing(folder: Path) -> None:
    if folder.exists() and not folder.is_dir():
        raise UserError(
            f"演示数据的目标不是文件夹：{folder}", f"The demo target is not a folder: {folder}"
        )
    workspace = folder / WORKSPACE_NAME
    dossiers = folder / DOSSIER_FOLDER
    roster = folder / ROSTER_NAME
    found = [p.name for p in (workspace, roster) if p.exists()]
    for sub in (dossiers, folder / PACKAGE_FOLDER, folder / SCORE_FOLDER):
        if sub.exists() and (not sub.is_dir() or any(sub.iterdir())):
            found.append(sub.name)
    if found:
        listed = "、".join(found)
        raise UserError(
            f"文件夹中已有演示数据（{listed}），未作改动：{folder}。请选择一个空文件夹。",
            f"The folder already holds demo files ({', '.join(found)}) and was left as it "
            f"is: {folder}. Choose an empty folder.",
        )


def build_demo(
    folder: Path,
    *,
    seed: int = 2026,
    progress: DemoProgress | None = None,
    platforms: int | None = None,
) -> DemoSummary:
    """Build a complete demo cycle in ``folder``: dossiers, roster and an imported workspace.

    Refuses (UserError) when ``folder`` already holds a demo workspace, roster or dossiers,
    and then changes nothing. The same ``seed`` gives the same dossiers. ``platforms`` keeps
    only the first N platforms (the self-test's small cycle); None means all of them.
    """
    from jlpanel.exchange.dossier_writer import replace_atomically, write_dossier_workbook
    from jlpanel.exchange.roster_writer import write_roster
    from jlpanel.reports.simple_pdf import simple_pdf
    from jlpanel.services.demo_earlier import build_earlier_cycle
    from jlpanel.services.demo_scores import PREVIOUS_CYCLE, write_demo_scores
    from jlpanel.services.experts import assign_experts, import_roster
    from jlpanel.services.intake import import_dossiers
    from jlpanel.services.packages import issue_packages
    from jlpanel.services.workspace import create_workspace

    began = time.perf_counter()
    _refuse_existing(folder)
    plans = _PLANS if platforms is None else _PLANS[: max(1, platforms)]
    total = 2 * len(plans) + 6
    done = 0

    def step(message: str) -> None:
        nonlocal done
        if progress is not None:
            progress(done, total, message)
        done += 1

    created: list[Path] = []
    dossier_dir = folder / DOSSIER_FOLDER
    # Folders made here are removed again if the build fails; existing ones are kept.
    new_folders = [f for f in (dossier_dir, folder) if not f.exists()]
    try:
        dossier_dir.mkdir(parents=True, exist_ok=True)
        paths: list[Path] = []
        services = 0
        attachment_count = 0
        for plan in plans:
            step(f"生成 {plan.name}")
            built = _build_dossier(seed, plan)
            path = dossier_dir / f"{plan.name}.xlsx"
            created.append(path)
            write_dossier_workbook(path, built.dossier)
            if built.attachments:
                files = dossier_dir / path.stem
                created.append(files)
                files.mkdir(exist_ok=True)
                for name, (title, paragraphs) in sorted(built.attachments.items()):
                    replace_atomically(files / name, simple_pdf(title, paragraphs))
                attachment_count += len(built.attachments)
            paths.append(path)
            services += len(built.dossier.services)

        step("写入专家名单")
        roster = folder / ROSTER_NAME
        created.append(roster)
        experts = demo_experts()
        write_roster(roster, experts)

        workspace_path = folder / WORKSPACE_NAME
        created.append(workspace_path)
        # The store's history first: the same panel's 2024 cycle, run and confirmed.
        build_earlier_cycle(
            workspace_path, roster, seed=seed, numbers={p.number for p in plans}, step=step
        )

        step("创建本周期")
        with create_workspace(
            workspace_path,
            DEMO_CYCLE_NAME,
            period_start=DEMO_PERIOD[0],
            period_end=DEMO_PERIOD[1],
            backup=False,  # a store being built: a backup would only leave a folder behind
        ) as ws:

            def imported(n: int, _total: int, name: str) -> bool:
                if name:
                    step(f"导入 {name}")
                return True

            outcomes = import_dossiers(ws, paths, progress=imported)

            # The staff's next steps, so an expert can start scoring at once: the roster,
            # conflicts of interest, the assignment and one review package per expert.
            step("导入专家名单、分配专家并发放评审包")
            import_roster(ws, roster)
            assign_experts(ws)
            package_dir = folder / PACKAGE_FOLDER
            if not package_dir.exists():
                new_folders.insert(0, package_dir)
            issued = issue_packages(ws, package_dir)
            created.extend(p.path for p in issued)
            created.extend(p.paper_sheet for p in issued if p.paper_sheet)

        # The panel: every expert scores their package and submits a signed score file.
        # Merging is left to the secretary.
        step("模拟专家评分并提交评分文件")
        score_folder = folder / SCORE_FOLDER
        if not score_folder.exists():
            new_folders.insert(0, score_folder)

        def expert_started(expert: str) -> None:
            # The longest step: report each expert, so a caller can stop between them.
            if progress is not None:
                progress(done, total, f"模拟专家评分：{expert}")

        scored = write_demo_scores(
            folder,
            [p.path for p in issued],
            seed=seed,
            written=created,
            expert_started=expert_started,
        )
    except BaseException:
        _remove(created, new_folders)
        raise
    if progress is not None:
        progress(total, total, "完成")
    seconds = time.perf_counter() - began
    log.info(
        "demo built in %s: %d platforms, %d service records, %.1f s",
        folder,
        len(paths),
        services,
        seconds,
    )
    return DemoSummary(
        folder=folder,
        workspace=workspace_path,
        dossier_folder=dossier_dir,
        roster=roster,
        dossiers=tuple(paths),
        platform_count=sum(1 for o in outcomes if o.ok),
        service_record_count=services,
        attachment_count=attachment_count,
        expert_count=len(experts),
        outcomes=tuple(outcomes),
        seconds=seconds,
        package_folder=package_dir,
        packages=tuple(p.path for p in issued),
        score_folder=score_folder,
        score_files=tuple(scored),
        earlier_cycle=PREVIOUS_CYCLE,
    )


def _remove(created: Sequence[Path], new_folders: Sequence[Path]) -> None:
    """Undo a failed build: remove only what it made (there were no demo files before)."""
    for path in reversed(created):
        try:
            if path.is_dir():
                shutil.rmtree(path)
            else:
                path.unlink(missing_ok=True)
                for suffix in ("-wal", "-shm", "-journal"):
                    path.with_name(path.name + suffix).unlink(missing_ok=True)
        except OSError:
            log.warning("could not remove %s after a failed demo build", path, exc_info=True)
    for folder in new_folders:
        with contextlib.suppress(OSError):
            folder.rmdir()  # only when empty
