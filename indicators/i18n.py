"""Words of the interface in Chinese and English. Chinese first: officials are the first readers."""
from __future__ import annotations

LANGUAGES = ("zh", "en")

STATUS_LABELS = {
    "met": {"zh": "已达成", "en": "Met"},
    "on_track": {"zh": "进展顺利", "en": "On track"},
    "moderate": {"zh": "进展一般", "en": "Moderate progress"},
    "limited": {"zh": "进展有限", "en": "Limited progress"},
    "moving_away": {"zh": "背离目标", "en": "Moving away"},
    "missed": {"zh": "未达成", "en": "Missed"},
    "unknown": {"zh": "结果未知", "en": "Unknown"},
    "not_enough_data": {"zh": "数据不足", "en": "Not enough data"},
}

GROUP_LABELS = {
    "met": {"zh": "已达成", "en": "Met"},
    "on_track": {"zh": "进展顺利", "en": "On track"},
    "at_risk": {"zh": "存在风险", "en": "At risk"},
    "missed": {"zh": "未达成", "en": "Missed"},
    "no_data": {"zh": "无数据", "en": "No data"},
}

FIGURE_KIND_LABELS = {
    "baseline": {"zh": "基期值", "en": "Baseline"},
    "target": {"zh": "目标", "en": "Target"},
    "milestone": {"zh": "阶段目标", "en": "Milestone"},
    "observation": {"zh": "观测值", "en": "Observation"},
}

MEASURE_LABELS = {
    "level": {"zh": "存量水平", "en": "Level (stock)"},
    "increment": {"zh": "期内增量", "en": "Increment (flow)"},
    "growth_rate": {"zh": "增长率", "en": "Growth rate"},
    "share": {"zh": "比重", "en": "Share"},
    "binary": {"zh": "是否达成", "en": "Yes/no goal"},
}


def label(table: dict, key: str, lang: str) -> str:
    entry = table.get(key)
    return entry[lang] if entry else str(key)
