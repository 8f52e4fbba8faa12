"""Property tests: generated catalogues and generated garbage never crash the loader."""
from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from indicators.catalogue import Catalogue, CatalogueError, load_catalogue

FIXTURE = Path(__file__).parent / "fixtures" / "minimal"
SETTINGS = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])

scalars = st.one_of(st.none(), st.booleans(), st.integers(-10**12, 10**12), st.floats(allow_nan=True),
                    st.text(max_size=30), st.dates())
values = st.recursive(scalars, lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner,
                                                                                            max_size=4), max_leaves=12)
FIELDS = ["id", "region", "indicator", "figure_kind", "year", "value", "unit", "comparator", "quote", "source",
          "period_start", "as_of", "qualifier", "note_en", "quote_is_summary", "number_in_quote"]
field_values = {
    "id": st.one_of(st.sampled_from(["a-1", "z-1", "z-2"]), st.text(max_size=10)),
    "region": st.sampled_from(["alpha", "beta", "gamma", ""]),
    "indicator": st.sampled_from(["stations", "stations_new", "growth", "nope"]),
    "figure_kind": st.sampled_from(["baseline", "target", "milestone", "observation", "goal"]),
    "year": st.one_of(st.integers(1900, 2200), st.text(max_size=4)),
    "value": st.one_of(st.none(), st.floats(allow_nan=True, allow_infinity=True), st.integers(-10**30, 10**30),
                       st.text(max_size=5)),
    "unit": st.sampled_from(["个", "万个", "%", "亿元", "座"]),
    "comparator": st.sampled_from(["=", ">=", ">", "~", "≥"]),
    "quote": st.text(max_size=20),
    "source": st.sampled_from(["plan", "other"]),
    "period_start": st.integers(1900, 2200),
    "as_of": st.sampled_from(["2022-06", "2021-13", "x"]),
}


def load(files: dict[str, bytes]):
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder) / "data"
        shutil.copytree(FIXTURE, root)
        for name, content in files.items():
            (root / name).write_bytes(content)
        try:
            return load_catalogue(root)
        except CatalogueError as error:
            assert error.problems and all(p.file for p in error.problems)
            return error


@SETTINGS
@given(st.lists(st.fixed_dictionaries({}, optional={f: field_values.get(f, values) for f in FIELDS}), max_size=5))
def test_generated_figures_load_or_give_problems(records):
    result = load({"figures/gen.yaml": yaml.safe_dump({"source": "plan", "figures": records},
                                                      allow_unicode=True).encode()})
    assert isinstance(result, (Catalogue, CatalogueError))


@SETTINGS
@given(st.dictionaries(st.sampled_from(["figures", "regions", "units", "indicators", "sources", "contradictions",
                                        "source", "other"]), values, max_size=4))
def test_generated_structures_load_or_give_problems(document):
    result = load({"gen.yaml": yaml.safe_dump(document, allow_unicode=True).encode()})
    assert isinstance(result, (Catalogue, CatalogueError))


@SETTINGS
@given(st.binary(max_size=400))
def test_garbage_bytes_give_problems(blob):
    assert isinstance(load({"garbage.yaml": blob}), (Catalogue, CatalogueError))


@SETTINGS
@given(st.text(alphabet=st.sampled_from(list("figures:- &*![]{}\t\n'\"#%@`|>?,.0123456789abc中文")), max_size=200))
def test_garbage_yaml_text_gives_problems(text):
    assert isinstance(load({"garbage.yaml": text.encode()}), (Catalogue, CatalogueError))
