"""The library facade keeps the registry in force between calls and reloads it when its file changes."""
import os
import shutil

import dsfact.registry
from dsfact.check import _IN_FORCE, check_text, registry_in_force
from dsfact.registry.paths import default_bundled_path


def _copy(tmp_path):
    """The bundled registry copied with its sources (it quotes them by relative path) into a work tree of
    its own, the tree its sources must lie in."""
    bundled = default_bundled_path()
    (tmp_path / ".git").mkdir()
    (tmp_path / "data").mkdir()
    shutil.copytree(bundled.parent.parent / "seeds", tmp_path / "seeds")
    copy = tmp_path / "data" / "claims.yaml"
    shutil.copy(bundled, copy)
    return copy


def _counting(monkeypatch):
    calls = []
    real = dsfact.registry.load_registry

    def load(*args, **kwargs):
        calls.append(args)
        return real(*args, **kwargs)

    monkeypatch.setattr(dsfact.registry, "load_registry", load)
    _IN_FORCE.clear()
    return calls


def test_check_text_loads_the_registry_once(monkeypatch, tmp_path):
    copy = _copy(tmp_path)
    monkeypatch.setenv("DSFACT_REGISTRY", str(copy))
    calls = _counting(monkeypatch)
    first = check_text("DeepSeek trained V3 on 2,048 H800 GPUs.")
    second = check_text("DeepSeek trained V3 on 2,560 H800 GPUs.")
    assert len(calls) == 1
    assert [(f.claim, f.verdict) for f in first] == [("C07", "supported")]
    assert [(f.claim, f.verdict) for f in second] == [("C07", "contradicted")]


def test_an_edited_registry_is_loaded_again(monkeypatch, tmp_path):
    copy = _copy(tmp_path)
    monkeypatch.setenv("DSFACT_REGISTRY", str(copy))
    calls = _counting(monkeypatch)
    before = registry_in_force()
    assert registry_in_force() is before
    with open(copy, "a", encoding="utf-8") as f:
        f.write("\n# a comment changes the file, not the claims\n")
    stat = os.stat(copy)
    os.utime(copy, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000))
    after = registry_in_force()
    assert after is not before
    assert len(calls) == 2
    assert [c.id for c in after.claims] == [c.id for c in before.claims]
