"""The word part of a registry's cue index kept in the registry cache (dsfact.matching.cuecache): read back
it is the index built afresh, in every field and order; a file that is not exactly what was written is
ignored and the index built again; a changed registry or synonym table names another file."""
from __future__ import annotations

import json
import os

import pytest

from dsfact.matching import bodies, cuecache
from dsfact.matching.bodies import members_of
from dsfact.matching.cues import CueIndex
from dsfact.registry import cache, default_bundled_path, load_registry

_FIELDS = ("roles", "latin", "latin_fuzzy", "cjk_by_prefix", "fuzzy_masks", "latin_prefixes", "cjk_singles",
           "units", "claims_by_unit", "groups", "position", "prices", "point_levels", "folded")


@pytest.fixture
def cached(tmp_path, monkeypatch):
    """The bundled registry read back from a fresh cache directory, and that directory."""
    monkeypatch.setenv("DSFACT_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setitem(cache._STATE, "checked", {})
    load_registry(default_bundled_path())  # parses, and keeps it
    return load_registry(default_bundled_path()), tmp_path / "cache"


def _same(a: CueIndex, b: CueIndex) -> list[str]:
    """The fields in which two indexes differ, in value, order or type."""
    out = []
    for name in _FIELDS:
        x, y = getattr(a, name), getattr(b, name)
        if x != y or type(x) is not type(y) or (isinstance(x, dict) and list(x) != list(y)):
            out.append(name)
    if [(k, [type(e) for e in v]) for k, v in a.roles.items()] != [(k, [type(e) for e in v]) for k, v in b.roles.items()]:
        out.append("roles' entries")
    return out


def _cue_files(directory) -> list:
    return sorted(p for p in directory.iterdir() if p.name.startswith("cues-"))


def test_an_index_read_back_is_the_index_built(cached):
    registry, directory = cached
    built = CueIndex.build(registry)
    first = cuecache.cached_index(registry)  # builds, and keeps its word part
    assert len(_cue_files(directory)) == 1
    again = cuecache.cached_index(registry)
    assert _same(first, built) == [] and _same(again, built) == []
    assert again.members == first.members == members_of(registry) and any(own for own, _ in again.members)
    folded = "deepseek said v3 cost $5.6 million to train on 2,048 nvidia h800s; 深度求索称训练成本为557.6万美元"
    assert again.find(folded) == built.find(folded) and again.find(folded)


def test_a_file_that_is_not_what_was_written_is_ignored(cached, monkeypatch):
    registry, directory = cached
    cuecache.cached_index(registry)
    (file,) = _cue_files(directory)
    data = file.read_bytes()
    start = data.index(b'"index": ') + len(b'"index": ')
    body = json.loads(data[start:-1])
    body["claims"][0] = len(registry.claims) + 5  # a claim the registry does not have
    tampered = json.dumps(body, separators=(",", ":")).encode("ascii")
    digest = cache.digest(tampered).encode("ascii")
    for bad in (data[:-40], data.replace(data[start:start + 20], b" " * 20),  # cut short; altered
                cuecache._HEAD + digest + b'", "index": ' + tampered + b"}"):  # well-made
        file.write_bytes(bad)
        assert cuecache._read(file.name, len(registry.claims)) is None
        built: list[int] = []

        def build(cls, reg, built=built):
            built.append(1)
            return cls()

        with monkeypatch.context() as patched:
            patched.setattr(CueIndex, "build", classmethod(build))
            cuecache.cached_index(registry)
        assert built == [1], "the index is built again"


def test_another_registry_or_synonym_table_names_another_file(cached, monkeypatch, tmp_path):
    registry, _ = cached
    name = cuecache._name(registry)
    assert name and name == cuecache._name(registry)
    assert cuecache._name(load_registry(default_bundled_path(), use_cache=False)) is None  # not the cache's
    import dsfact.lang

    real = dsfact.lang.words_text
    monkeypatch.setattr(dsfact.lang, "words_text", lambda n: real(n) + "\n[added]\nwords: a, b\n")
    assert cuecache._name(registry) not in (None, name)


def test_members_that_are_not_what_was_written_are_ignored(cached, monkeypatch):
    """Members kept with the index: a claim too few, a key the index does not have, a key that is no string,
    each in a file whose digest matches, make the whole index be built again; members are then worked out."""
    registry, directory = cached
    cuecache.cached_index(registry)
    (file,) = _cue_files(directory)
    data = file.read_bytes()
    start = data.index(b'"index": ') + len(b'"index": ')
    own = next(i for i, (mine, _) in enumerate(json.loads(data[start:-1])["members"]) if mine)
    for change in (lambda m: m.pop(), lambda m: m[own][0].append("no such cue"), lambda m: m[own][1].append(7),
                   lambda m: m[own].append([])):
        body = json.loads(data[start:-1])
        change(body["members"])
        tampered = json.dumps(body, separators=(",", ":")).encode("ascii")
        file.write_bytes(cuecache._HEAD + cache.digest(tampered).encode("ascii") + b'", "index": ' + tampered + b"}")
        assert cuecache._read(file.name, len(registry.claims)) is None
        index = cuecache.cached_index(registry)
        assert index.members == members_of(registry)
        assert cuecache._read(file.name, len(registry.claims))["members"] == members_of(registry)  # written again


def test_a_changed_members_rule_names_another_file(cached, monkeypatch, tmp_path):
    registry, _ = cached
    name = cuecache._name(registry)
    changed = tmp_path / "bodies.py"
    changed.write_bytes(open(bodies.__file__, "rb").read() + b"# another rule\n")
    monkeypatch.setattr(bodies, "__file__", str(changed))
    assert cuecache._name(registry) not in (None, name)


def _age_all(directory, seconds: float = 10.0) -> None:
    """Make every file of the cache look written `seconds` earlier: the next file written is the newest,
    whatever the file system's clock resolution."""
    for p in directory.iterdir():
        if p.is_file():
            t = p.stat().st_mtime - seconds
            os.utime(p, (t, t))


def test_a_cache_keeps_only_the_files_of_the_registries_in_use(tmp_path, monkeypatch):
    """Each edit of a registry (or new version of dsfact) names new cache files: writing them removes the
    files they make stale (the same registry path's older contents beyond the two written last, their cue
    indexes, files named the way older versions named them), and nothing else."""
    import shutil

    from budget_registry import registry_text
    from conftest import FIXTURES

    directory = tmp_path / "cache"
    monkeypatch.setenv("DSFACT_CACHE_DIR", str(directory))
    monkeypatch.setitem(cache._STATE, "checked", {})
    shutil.copy(FIXTURES / "city" / "gazette.txt", tmp_path / "gazette.txt")
    path = tmp_path / "claims.yaml"
    path.write_text(registry_text(), encoding="utf-8")
    cuecache.cached_index(load_registry(path))
    directory.joinpath("cues-" + "0" * 40 + ".json").write_text("{}")  # as an older version named them
    directory.joinpath("registry-" + "ab" * 20 + ".json").write_text("{}")
    directory.joinpath("notes.txt").write_text("kept")
    directory.joinpath("registry-" + "0" * 16 + "-keep").mkdir()  # not a regular file
    bundled = load_registry(default_bundled_path())  # another registry: its files stay
    cuecache.cached_index(bundled)
    written = [[cache.name_of(load_registry(path)), cuecache._name(load_registry(path))]]
    for edit in ("# an edit\n", "# another\n", "# a third\n"):
        _age_all(directory)
        path.write_text(path.read_text(encoding="utf-8") + edit, encoding="utf-8")
        registry = load_registry(path)
        assert registry.path == str(path)
        cuecache.cached_index(registry)
        written.append([cache.name_of(registry), cuecache._name(registry)])
        names = sorted(p.name for p in directory.iterdir())
        mine = [name for files in written[-3:] for name in files]  # this content's and the two before it
        theirs = [cache.name_of(bundled), cuecache._name(bundled)]
        assert names == sorted(mine + theirs + ["notes.txt", "registry-" + "0" * 16 + "-keep"])
    assert not set(written[0]) & set(names)  # the first content's files went when the third edit was written
    assert cuecache._read(cuecache._name(registry), len(registry.claims)) is not None


def test_two_versions_sharing_a_cache_keep_each_others_files(tmp_path, monkeypatch):
    """A pinned pre-commit hook and a newer command line share one cache: each writes its own registry file
    (the version is part of the name) and neither removes the other's, so neither builds its registry
    again at every start."""
    import dsfact._version as version

    directory = tmp_path / "cache"
    monkeypatch.setenv("DSFACT_CACHE_DIR", str(directory))
    monkeypatch.setitem(cache._STATE, "checked", {})
    files = {}
    for release in ("1.0", "2.0"):
        monkeypatch.setattr(version, "__version__", release)
        if directory.exists():
            _age_all(directory)
        registry = load_registry(default_bundled_path())
        cuecache.cached_index(registry)
        files[release] = {cache.name_of(registry), cuecache._name(registry)}
    assert files["1.0"].isdisjoint(files["2.0"])
    names = {p.name for p in directory.iterdir()}
    assert files["1.0"] | files["2.0"] <= names
