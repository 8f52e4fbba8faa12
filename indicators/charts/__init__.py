"""Pure figure builders: frames in, Plotly figures out."""
from .compare_chart import dumbbell_figure, progress_bars_figure
from .overview_chart import status_bars_figure
from .progress_chart import progress_figure
from .scale import Scale, choose_scale
from .theme import REGION_COLOURS, empty_figure, region_colour

__all__ = ["REGION_COLOURS", "Scale", "choose_scale", "dumbbell_figure", "empty_figure", "progress_bars_figure",
           "progress_figure", "region_colour", "status_bars_figure"]
