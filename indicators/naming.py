"""Names of ids in the reader's language, from the catalogue's own frames."""
from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd


def _names(frame: pd.DataFrame, zh: str = "name_zh", en: str = "name_en") -> dict[str, dict[str, str]]:
    if frame.empty:
        return {}
    return {row["id"]: {"zh": row.get(zh) or row["id"], "en": row.get(en) or row["id"]}
            for row in frame.to_dict("records")}


@dataclass
class Names:
    """Looks up Chinese or English names of regions, indicators, categories, units and sources."""

    regions: dict = field(default_factory=dict)
    indicators: dict = field(default_factory=dict)
    categories: dict = field(default_factory=dict)
    units: dict = field(default_factory=dict)
    sources: dict = field(default_factory=dict)

    @classmethod
    def from_catalogue(cls, catalogue) -> "Names":
        units = {row["id"]: {"zh": row["id"], "en": row["name_en"]}
                 for row in catalogue.units.drop_duplicates("id").to_dict("records")}
        return cls(regions=_names(catalogue.regions), indicators=_names(catalogue.indicators),
                   categories=_names(catalogue.categories), units=units,
                   sources=_names(catalogue.sources, "title_zh", "title_en"))

    @staticmethod
    def _get(table: dict, key, lang: str) -> str:
        entry = table.get(key)
        return entry[lang] if entry else ("" if key is None else str(key))

    def region(self, key, lang: str) -> str:
        return self._get(self.regions, key, lang)

    def indicator(self, key, lang: str) -> str:
        return self._get(self.indicators, key, lang)

    def category(self, key, lang: str) -> str:
        return self._get(self.categories, key, lang)

    def source(self, key, lang: str) -> str:
        return self._get(self.sources, key, lang)

    def unit(self, key, lang: str) -> str:
        """Units as written (亿元) in Chinese; their English names in English."""
        if key == "%":
            return "%"
        return self._get(self.units, key, lang)
