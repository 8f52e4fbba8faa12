"""The catalogue's section names, kept apart from the pydantic schema so that a start served from
the cache never imports (or builds) the schema validators."""

SECTION_NAMES = ("sources", "regions", "base_units", "units", "categories", "indicators", "figures",
                 "contradictions")
