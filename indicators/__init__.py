"""Regional digital-economy target tracker: catalogue, assessment, charts, exports and the Dash app."""

__version__ = "0.1.0"
