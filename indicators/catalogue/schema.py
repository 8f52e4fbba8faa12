"""The shape of every catalogue record, checked with pydantic.

Records are TypedDicts so that validation hands back plain dicts, which go straight into pandas
frames without a per-record object conversion (that matters at a million figures). Every record
forbids unknown keys, so a typo such as `qoute:` is an error, not a silently dropped field.
"""
from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal, Optional

from pydantic import ConfigDict, Field, Strict, StringConstraints, TypeAdapter, with_config
from typing_extensions import NotRequired, TypedDict

STRICT = ConfigDict(extra="forbid", strict=True)

Id = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9_.-]*$", max_length=120)]
Text = Annotated[str, StringConstraints(min_length=1, max_length=4000)]
Name = Annotated[str, StringConstraints(min_length=1, max_length=300)]
Quote = Annotated[str, StringConstraints(min_length=1, max_length=2000, pattern=r"\S")]
Year = Annotated[int, Field(ge=1949, le=2100)]
Number = Annotated[float, Strict()]
AsOf = Annotated[str, StringConstraints(pattern=r"^\d{4}-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?$")]

FigureKind = Literal["baseline", "target", "milestone", "observation"]
Comparator = Literal["=", ">=", ">", "<=", "<", "~"]
Measure = Literal["level", "increment", "growth_rate", "share", "binary"]


@with_config(STRICT)
class Source(TypedDict):
    id: Id
    title_zh: Name
    title_en: Name
    issuer_zh: Name
    issuer_en: Name
    kind: Literal["plan", "action_plan", "work_plan", "news", "statistics", "web_page"]
    date: NotRequired[Optional[dt.date]]
    published: NotRequired[Optional[dt.date]]
    document_number: NotRequired[Name]
    seed_file: NotRequired[Annotated[str, StringConstraints(pattern=r"^[\w.-]+$")]]
    url: NotRequired[Annotated[str, StringConstraints(pattern=r"^https?://\S+$")]]
    grade: NotRequired[Literal["official", "media"]]
    note_zh: NotRequired[Text]
    note_en: NotRequired[Text]


@with_config(STRICT)
class Region(TypedDict):
    id: Id
    name_zh: Name
    name_en: Name
    level: Literal["country", "province", "economic_region", "city", "district", "county"]
    parent: NotRequired[Id]


@with_config(STRICT)
class BaseUnit(TypedDict):
    id: Id
    name_zh: Name
    name_en: Name


@with_config(STRICT)
class Unit(TypedDict):
    id: Annotated[str, StringConstraints(min_length=1, max_length=20)]
    name_en: Name
    base_unit: Id
    factor: Annotated[float, Strict(), Field(gt=0)]


@with_config(STRICT)
class Category(TypedDict):
    id: Id
    name_zh: Name
    name_en: Name


@with_config(STRICT)
class Indicator(TypedDict):
    id: Id
    name_zh: Name
    name_en: Name
    category: Id
    measure: Measure
    direction: Literal["higher", "lower"]
    concept: NotRequired[Id]
    description_zh: NotRequired[Text]
    description_en: NotRequired[Text]


@with_config(STRICT)
class Figure(TypedDict):
    id: Id
    region: Id
    indicator: Id
    figure_kind: FigureKind
    year: Year
    value: Optional[Number]
    unit: Annotated[str, StringConstraints(min_length=1, max_length=20)]
    comparator: Comparator
    quote: Quote
    source: NotRequired[Id]
    period_start: NotRequired[Year]
    as_of: NotRequired[AsOf]
    qualifier: NotRequired[Annotated[str, StringConstraints(min_length=1, max_length=20)]]
    number_in_quote: NotRequired[Annotated[str, StringConstraints(min_length=1, max_length=40)]]
    quote_is_summary: NotRequired[bool]
    note_zh: NotRequired[Text]
    note_en: NotRequired[Text]


@with_config(STRICT)
class Contradiction(TypedDict):
    id: Id
    figures: Annotated[list[Id], Field(min_length=1, max_length=50)]
    kind: Literal["target_below_reached", "heading_vs_body", "table_vs_text", "inconsistent_figures"]
    description_zh: Text
    description_en: Text


#: Section name -> record type. The order is the order sections are checked and reported.
SECTIONS: dict[str, type] = {
    "sources": Source,
    "regions": Region,
    "base_units": BaseUnit,
    "units": Unit,
    "categories": Category,
    "indicators": Indicator,
    "figures": Figure,
    "contradictions": Contradiction,
}

from .sections import SECTION_NAMES  # noqa: E402

assert tuple(SECTIONS) == SECTION_NAMES, "keep sections.py in step with the schema"
SECTION_ADAPTERS = {name: TypeAdapter(list[record]) for name, record in SECTIONS.items()}
FILE_DEFAULT_SOURCE = TypeAdapter(Id)

#: Columns of each record type, for frames of empty sections.
SECTION_COLUMNS = {name: list(record.__annotations__) for name, record in SECTIONS.items()}
