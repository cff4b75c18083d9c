"""What a check does without the modules it no longer imports: records made without typing, paths spelt as
pathlib spells them, the garbage collector off until the files are read."""
import gc
import pickle
import random
from pathlib import Path

from dsfact.model import Notice, NoticeCode, Quantity, Registry, record
from dsfact.registry.paths import absolute, lexical, parent, parents


@record
class _Point:
    """A point."""

    x: int
    y: int = 0
    label: str | None = None

    def norm(self) -> int:
        return abs(self.x) + abs(self.y)


def test_a_record_is_a_named_tuple_with_its_defaults_annotations_and_methods():
    p = _Point(3, label="a")
    assert p == (3, 0, "a") and p.norm() == 3 and p._replace(y=-4).norm() == 7
    assert _Point._fields == ("x", "y", "label") and _Point._field_defaults == {"y": 0, "label": None}
    assert _Point.__annotations__ == {"x": int, "y": int, "label": str | None}
    assert _Point.__doc__ == "A point." and _Point.__name__ == _Point.__qualname__ == "_Point"
    assert isinstance(p, tuple) and hasattr(p, "_asdict")


def test_the_models_records_pickle_and_keep_their_methods():
    q = Quantity("$5", 0, 2, 5.0, "USD")
    assert pickle.loads(pickle.dumps(q)) == q and q.qualifier is None and q.far is False
    notice = Notice(NoticeCode.EMPTY_FILE, "empty", path="a.md", line=3)
    assert str(notice) == "a.md:3: empty"
    assert Registry("r", {}, ()).claim("C1") is None and Registry.__annotations__["claims"] is not None


def test_paths_are_spelt_as_pathlib_spells_them():
    rng = random.Random(7)
    parts = ["/", "/", "//", ".", "..", "a", "b.yaml", "", " "]
    samples = ["", ".", "/", "//", "///", "a/", "./a", "a//b/./c/", "//a/b", "../a"]
    samples += ["".join(rng.choice(parts) for _ in range(rng.randint(0, 7))) for _ in range(3000)]
    for raw in samples:
        spelt = lexical(raw)
        assert spelt == str(Path(raw)), raw
        assert parent(spelt) == str(Path(raw).parent), raw
        assert parents(spelt) == [str(p) for p in Path(raw).parents], raw
        assert absolute(raw) == str(Path(raw).absolute()), raw
    assert lexical(Path("a//b/")) == "a/b"


def test_a_check_puts_the_collector_back_as_it_found_it():
    from dsfact.cli import main

    here = Path(__file__).resolve().parents[1] / "examples" / "draft_en.md"
    for enabled in (True, False):
        (gc.enable if enabled else gc.disable)()
        try:
            assert main(["check", "--format", "json", "--no-config", str(here)]) in (0, 1)
            assert gc.isenabled() is enabled
        finally:
            gc.enable()
