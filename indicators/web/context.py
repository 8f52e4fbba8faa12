"""What the app computes once from the catalogue, so callbacks only look things up.

Assessments depend on today's date; they are computed once per day (and per catalogue), never
per request. Figures are indexed by (region, concept) so a callback finds its series in O(1).
"""
from __future__ import annotations

from datetime import date
from functools import cached_property, lru_cache

import pandas as pd

from ..catalogue import Catalogue
from ..naming import Names
from ..progress import assess, summarise
from ..progress.compare import concepts_with_regions

LEVEL_ORDER = {"country": 0, "economic_region": 1, "province": 2, "city": 3, "county": 4, "district": 4}


class AppData:
    def __init__(self, catalogue: Catalogue):
        self.catalogue = catalogue
        self.names = Names.from_catalogue(catalogue)
        self._assess = lru_cache(maxsize=4)(self._assess_uncached)
        self._goal_index = lru_cache(maxsize=4)(self._goal_index_uncached)
        self._concept_goal_index = lru_cache(maxsize=4)(self._concept_goal_index_uncached)
        self._comparisons = lru_cache(maxsize=2)(self._comparisons_uncached)

    def _assess_uncached(self, today: date) -> pd.DataFrame:
        return assess(self.catalogue.figures, today)

    def assessments(self, today: date | None = None) -> pd.DataFrame:
        return self._assess(today or date.today())

    def summary(self, today: date | None = None) -> pd.DataFrame:
        return summarise(self.assessments(today), by=["region"])

    @cached_property
    def _series_index(self) -> dict:
        """(region, concept) -> row positions: built once, so a callback never scans all figures."""
        return self.catalogue.figures.groupby(["region", "concept"], observed=True).indices

    def series(self, region: str, concept: str) -> pd.DataFrame:
        positions = self._series_index.get((region, concept))
        return self.catalogue.figures.iloc[positions if positions is not None else []]

    def _goal_index_uncached(self, today: date) -> dict:
        return self.assessments(today).groupby(["region", "concept"], observed=True).indices

    def goals(self, region: str, concept: str, today: date | None = None) -> pd.DataFrame:
        """The assessed targets and milestones of one region and concept."""
        today = today or date.today()
        positions = self._goal_index(today).get((region, concept))
        return self.assessments(today).iloc[positions if positions is not None else []]

    @cached_property
    def region_order(self) -> list[str]:
        """Regions with figures first, the plan regions before context regions, then by level."""
        regions = self.catalogue.regions.copy()
        counts = self.catalogue.figures["region"].value_counts()
        goals = self.catalogue.figures[self.catalogue.figures["figure_kind"].isin(["target", "milestone"])]
        goal_counts = goals["region"].value_counts()
        regions["goals"] = regions["id"].map(goal_counts).fillna(0)
        regions["figures"] = regions["id"].map(counts).fillna(0)
        regions["level_rank"] = regions["level"].map(LEVEL_ORDER).fillna(9)
        regions = regions[regions["figures"] > 0]
        regions = regions.sort_values(["goals", "level_rank", "figures"], ascending=[False, True, False])
        return list(regions["id"])

    @cached_property
    def indicators_by_region(self) -> dict[str, list[str]]:
        pairs = self.catalogue.figures[["region", "concept"]].drop_duplicates()
        with_goal = self.goal_concepts
        result: dict[str, list[str]] = {}
        for region, concept in pairs.itertuples(index=False):
            result.setdefault(region, []).append(concept)
        for region, concepts in result.items():
            concepts.sort(key=lambda c: (0 if (region, c) in with_goal else 1, c))
        return result

    @cached_property
    def goal_concepts(self) -> set:
        """(region, concept) pairs that have a target or milestone."""
        figures = self.catalogue.figures
        goals = figures.loc[figures["figure_kind"].isin(["target", "milestone"]), ["region", "concept"]]
        return set(map(tuple, goals.drop_duplicates().to_numpy()))

    @cached_property
    def _concept_index(self) -> dict:
        return self.catalogue.figures.groupby("concept", observed=True).indices

    def concept_figures(self, concept: str) -> pd.DataFrame:
        positions = self._concept_index.get(concept)
        return self.catalogue.figures.iloc[positions if positions is not None else []]

    def concept_goals(self, concept: str, today: date | None = None) -> pd.DataFrame:
        today = today or date.today()
        index = self._concept_goal_index(today)
        positions = index.get(concept)
        return self.assessments(today).iloc[positions if positions is not None else []]

    def _concept_goal_index_uncached(self, today: date) -> dict:
        return self.assessments(today).groupby("concept", observed=True).indices

    def _comparisons_uncached(self, today: date) -> tuple[pd.DataFrame, dict]:
        from ..progress.compare import compare_all

        frame = compare_all(self.catalogue.figures, self.assessments(today))
        order = {region: i for i, region in enumerate(self.region_order)}
        frame = frame.assign(order=frame["region"].map(order)).sort_values(["concept", "order"])
        frame = frame.drop(columns="order").reset_index(drop=True)
        return frame, frame.groupby("concept").indices

    def comparison(self, concept: str, regions: list[str], today: date | None = None) -> pd.DataFrame:
        """The chosen regions' rows for a concept: a slice of the day's comparison of everything."""
        frame, index = self._comparisons(today or date.today())
        rows = frame.iloc[index.get(concept, [])]
        return rows[rows["region"].isin(regions)].drop(columns="concept").reset_index(drop=True)

    @cached_property
    def regions_with_concept(self) -> dict[str, list[str]]:
        """Concept -> regions that have figures for it, in the app's region order."""
        order = {r: i for i, r in enumerate(self.region_order)}
        pairs = self.catalogue.figures[["concept", "region"]].drop_duplicates()
        result: dict[str, list[str]] = {}
        for concept, region in pairs.itertuples(index=False):
            result.setdefault(concept, []).append(region)
        for regions in result.values():
            regions.sort(key=lambda r: order.get(r, len(order)))
        return result

    @cached_property
    def comparable_concepts(self) -> pd.DataFrame:
        return concepts_with_regions(self.catalogue.figures)

    @cached_property
    def export_table(self) -> pd.DataFrame:
        """The full export table, built once; the table page and downloads filter it."""
        from ..exports import export_table

        return export_table(self.catalogue)

    @cached_property
    def contradictions_by_figure(self) -> dict[str, list[dict]]:
        result: dict[str, list[dict]] = {}
        for record in self.catalogue.contradictions.to_dict("records"):
            for figure_id in record["figures"]:
                result.setdefault(figure_id, []).append(record)
        return result

    @cached_property
    def newest_observation(self) -> str | None:
        observations = self.catalogue.figures[self.catalogue.figures["figure_kind"] == "observation"]
        if observations.empty:
            return None
        dated = observations["as_of"].where(observations["as_of"].notna(), observations["year"].astype(str))
        return max(dated, key=lambda d: (d[:4], d[5:] or "13"))
