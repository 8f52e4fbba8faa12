"""Pure computations on catalogue frames: progress, status and comparisons."""
from .assess import ASSESSMENT_COLUMNS, assess, figure_time, summarise
from .comparators import meets, symbol
from .method import GROUPS, STATUS_GROUP, STATUSES, classify_ratio

__all__ = ["ASSESSMENT_COLUMNS", "GROUPS", "STATUSES", "STATUS_GROUP", "assess", "classify_ratio",
           "figure_time", "meets", "summarise", "symbol"]
