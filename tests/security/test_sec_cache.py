"""The cache holds plain data only: nothing read from it runs code or crashes; it lives only in a
directory that belongs to the user; it is written without following symlinks; it notices an edited
source file; --no-cache and --cache-dir work."""
from __future__ import annotations

import json
import os
import pickle
import signal
import stat

import pytest
from sec_helpers import EXIT_FINDINGS, EXIT_OK, dsfact, lines, make_registry

ROOT_ONLY = pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0,
                               reason="giving a directory to another user needs root")


class _Payload:
    def __init__(self, marker: str) -> None:
        self.marker = marker

    def __reduce__(self):
        return (os.mkdir, (self.marker,))


@pytest.fixture
def article(tmp_path):
    path = tmp_path / "draft.md"
    path.write_text("DeepSeek trained its V3 model on 4,096 Nvidia H800 chips.\n", encoding="utf-8")
    return path


def _cache_env(cache) -> dict:
    return {"DSFACT_CACHE_DIR": str(cache)}


def test_a_planted_pickle_never_runs(tmp_path, article):
    cache = tmp_path / "cache"
    first = dsfact("check", "-f", "lines", article, cwd=tmp_path, env=_cache_env(cache))
    assert first.returncode == EXIT_FINDINGS
    names = [p.name for p in cache.iterdir()]
    assert names, "the first run writes a cache"
    marker = tmp_path / "pwned"
    payload = pickle.dumps(_Payload(str(marker)))
    for name in names:  # every cache file, whatever its format, becomes the payload
        (cache / name).write_bytes(payload)
        os.chmod(cache / name, 0o600)
    second = dsfact("check", "-f", "lines", article, cwd=tmp_path, env=_cache_env(cache))
    assert not marker.exists(), "a cache file was unpickled"
    assert second.returncode == EXIT_FINDINGS and second.stdout == first.stdout


def test_the_cache_is_json(tmp_path, article):
    cache = tmp_path / "cache"
    dsfact("check", "-f", "lines", article, cwd=tmp_path, env=_cache_env(cache))
    files = list(cache.iterdir())
    assert files
    for file in files:
        assert isinstance(json.loads(file.read_bytes()), dict), file.name
        assert stat.S_IMODE(file.stat().st_mode) == 0o600
    assert stat.S_IMODE(cache.stat().st_mode) == 0o700


def test_corrupted_cache_files_are_rebuilt(tmp_path, article):
    cache = tmp_path / "cache"
    first = dsfact("check", "-f", "lines", article, cwd=tmp_path, env=_cache_env(cache))
    for file in cache.iterdir():
        data = bytearray(file.read_bytes())
        for i in range(0, len(data), 50):  # 2% of the bytes changed
            data[i] ^= 0x5A
        file.write_bytes(bytes(data))
    second = dsfact("check", "-f", "lines", article, cwd=tmp_path, env=_cache_env(cache))
    assert second.returncode == first.returncode and second.stdout == first.stdout
    assert b"Traceback" not in second.stderr


def test_a_cache_with_other_values_is_not_taken_for_another_registry(tmp_path):
    """A well-formed cache file that does not hold the registry it is named for (here: a claim's
    value changed) is only ever used for the exact registry bytes and sources it was built from."""
    from dsfact.registry import load_registry

    reg = make_registry(tmp_path / "reg")
    cache = tmp_path / "cache"
    os.environ["DSFACT_CACHE_DIR"] = str(cache)
    try:
        load_registry(reg)
        (file,) = cache.iterdir()
        doc = json.loads(file.read_bytes())
        doc["registry"]["claims"][0]["statements"][0]["value"] = 999.0
        doc["registry"]["claims"][0]["statements"][0]["quote"] = 12  # not a string: invalid
        file.write_text(json.dumps(doc))
        assert load_registry(reg).claims[0].statements[0].value == 120_000_000
    finally:
        del os.environ["DSFACT_CACHE_DIR"]


def test_an_edited_source_file_is_noticed(tmp_path, monkeypatch):
    from dsfact.errors import RegistryError
    from dsfact.registry import load_registry

    reg = make_registry(tmp_path / "reg")
    monkeypatch.setenv("DSFACT_CACHE_DIR", str(tmp_path / "cache"))
    assert load_registry(reg).claims[0].statements[0].value == 120_000_000
    (tmp_path / "reg" / "gazette.txt").write_text("The council met on Monday.\n", encoding="utf-8")
    with pytest.raises(RegistryError, match="quote not found"):
        load_registry(reg)


def test_group_or_world_writable_cache_dir_is_skipped_with_one_warning(tmp_path, article):
    cache = tmp_path / "shared"
    cache.mkdir()
    os.chmod(cache, 0o777)
    result = dsfact("check", "-f", "lines", article, cwd=tmp_path, env=_cache_env(cache))
    assert result.returncode == EXIT_FINDINGS
    assert list(cache.iterdir()) == []
    warnings = [line for line in lines(result.stderr) if "cache" in line]
    assert len(warnings) == 1 and "written by other users" in warnings[0], result.stderr


@ROOT_ONLY
def test_a_cache_dir_of_another_user_is_skipped(tmp_path, article):
    cache = tmp_path / "theirs"
    cache.mkdir(mode=0o755)
    os.chown(cache, 65534, 65534)
    marker = tmp_path / "pwned"
    planted = cache / "planted.pickle"
    planted.write_bytes(pickle.dumps(_Payload(str(marker))))
    result = dsfact("check", "-f", "lines", article, cwd=tmp_path, env=_cache_env(cache))
    assert result.returncode == EXIT_FINDINGS and not marker.exists()
    assert [p.name for p in cache.iterdir()] == ["planted.pickle"]
    assert any("belongs to another user" in line for line in lines(result.stderr))


def test_cache_files_are_written_without_following_symlinks(tmp_path, monkeypatch):
    """Symlinks planted at the cache file's name and at every temporary name the writer might use
    (the old writer used NAME.PID.tmp) never lead to another file being written or its mode changed."""
    from dsfact.registry import cache as cache_module
    from dsfact.registry import load_registry

    reg = make_registry(tmp_path / "reg")
    cache = tmp_path / "cache"
    monkeypatch.setenv("DSFACT_CACHE_DIR", str(cache))
    load_registry(reg)
    (name,) = [p.name for p in cache.iterdir()]
    victim = tmp_path / "victim"
    victim.write_text("precious\n")
    os.chmod(victim, 0o600)
    (cache / name).unlink()
    stem = name.rsplit(".", 1)[0]
    pid = 4242
    for planted in (name, f"{stem}.{pid}.tmp", f"{name}.{pid}.tmp", f".{name}.{pid}.tmp"):
        os.symlink(victim, cache / planted)
    monkeypatch.setattr(os, "getpid", lambda: pid)
    cache_module._STATE["checked"].clear()
    load_registry(reg)
    assert victim.read_text() == "precious\n"
    assert stat.S_IMODE(victim.stat().st_mode) == 0o600
    assert not (cache / name).is_symlink()  # the link itself was replaced by the new file


def test_a_symlinked_cache_file_is_not_read(tmp_path, monkeypatch):
    """A cache file that is a symlink (to a file someone else controls) is never read."""
    from dsfact.registry import load_registry

    reg = make_registry(tmp_path / "reg")
    cache = tmp_path / "cache"
    monkeypatch.setenv("DSFACT_CACHE_DIR", str(cache))
    load_registry(reg)
    (name,) = [p.name for p in cache.iterdir()]
    doc = json.loads((cache / name).read_bytes())
    doc["registry"]["claims"][0]["statements"][0]["value"] = 999.0
    elsewhere = tmp_path / "elsewhere.json"
    elsewhere.write_text(json.dumps(doc))
    os.chmod(elsewhere, 0o600)
    (cache / name).unlink()
    os.symlink(elsewhere, cache / name)
    assert load_registry(reg).claims[0].statements[0].value == 120_000_000


def test_a_full_disk_leaves_no_temporary_files(tmp_path, article):
    cache = tmp_path / "cache"
    cache.mkdir(mode=0o700)

    def small_files():
        import resource

        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails with EFBIG instead
        resource.setrlimit(resource.RLIMIT_FSIZE, (4096, 4096))

    result = dsfact("check", "-f", "lines", article, cwd=tmp_path, env=_cache_env(cache), preexec_fn=small_files)
    assert result.returncode == EXIT_FINDINGS, result.stderr
    assert [p.name for p in cache.iterdir()] == []


def test_no_cache_reads_and_writes_nothing(tmp_path, article):
    cache = tmp_path / "cache"
    result = dsfact("check", "--no-cache", "-f", "lines", article, cwd=tmp_path, env=_cache_env(cache))
    assert result.returncode == EXIT_FINDINGS
    assert not cache.exists()


def test_cache_dir_option_names_the_directory(tmp_path, article):
    chosen = tmp_path / "chosen"
    result = dsfact("check", "--cache-dir", chosen, "-f", "lines", article, cwd=tmp_path,
                    env=_cache_env(tmp_path / "env-cache"))
    assert result.returncode == EXIT_FINDINGS
    assert list(chosen.iterdir()) and not (tmp_path / "env-cache").exists()


def test_the_readme_names_the_cache_and_its_options():
    from conftest import ROOT

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for word in ("~/.cache/dsfact", "--no-cache", "--cache-dir", "DSFACT_CACHE_DIR"):
        assert word in readme, word


def test_clean_run_with_cache_exits_zero(tmp_path):
    clean = tmp_path / "clean.md"
    clean.write_text("Nothing here has a figure.\n", encoding="utf-8")
    result = dsfact("check", "-f", "lines", clean, cwd=tmp_path, env=_cache_env(tmp_path / "cache"))
    assert result.returncode == EXIT_OK


def _is_record(value) -> bool:
    return isinstance(value, tuple) and hasattr(value, "_fields")


def _differences(cached, fresh, where="registry") -> list[str]:
    """Every field (at any depth) where two registries differ, by walking the records' fields generically."""
    if _is_record(fresh):
        if type(cached) is not type(fresh):
            return [f"{where}: {type(cached).__name__} instead of {type(fresh).__name__}"]
        return [d for name in fresh._fields for d in _differences(getattr(cached, name), getattr(fresh, name),
                                                                  f"{where}.{name}")]
    if isinstance(fresh, (tuple, list)):
        if not isinstance(cached, type(fresh)) or len(cached) != len(fresh):
            return [f"{where}: {cached!r} != {fresh!r}"]
        return [d for i, (a, b) in enumerate(zip(cached, fresh)) for d in _differences(a, b, f"{where}[{i}]")]
    if isinstance(fresh, dict) and any(_is_record(v) for v in fresh.values()):
        if not isinstance(cached, dict) or list(cached) != list(fresh):
            return [f"{where}: keys differ"]
        return [d for k in fresh for d in _differences(cached[k], fresh[k], f"{where}[{k!r}]")]
    return [] if (cached == fresh and type(cached) is type(fresh)) else [f"{where}: {cached!r} != {fresh!r}"]


def test_a_cached_registry_equals_a_freshly_loaded_one_field_by_field(tmp_path, monkeypatch):
    from dsfact.registry import cache, default_bundled_path, load_registry

    monkeypatch.setenv("DSFACT_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setitem(cache._STATE, "checked", {})
    path = default_bundled_path()
    fresh = load_registry(path, use_cache=False)
    written = load_registry(path)  # parses, then writes the cache
    assert list((tmp_path / "cache").iterdir()), "the cache was written"
    cached = load_registry(path)
    assert cached is not written
    assert _differences(cached, fresh) == []
    assert cached == fresh
    # the bundled registry exercises the optional fields, so a forgotten one cannot pass by being empty
    statements = [st for claim in fresh.claims for st in claim.statements]
    assert any(s.kind != "report" for s in fresh.sources.values()) and any(s.url for s in fresh.sources.values())
    assert any(st.cite for st in statements) and any(st.below for st in statements)
    assert any(c.kind != "amount" for c in fresh.claims) and any(c.variant for c in fresh.claims)
    assert any(c.derived for c in fresh.claims) and fresh.entities and fresh.folded_cues


def test_every_field_of_the_cached_types_has_a_reader():
    """A field added to the model with a type the cache cannot read back would make every cache file
    invalid (or be lost): each annotation must have a reader."""
    from dsfact.model import Claim, Per, Registry, Source, Statement
    from dsfact.registry.cache import _DECODERS, annotation

    missing = [f"{cls.__name__}.{name}: {annotation(cls, name)}" for cls in (Registry, Source, Claim, Statement, Per)
               for name in cls._fields if annotation(cls, name) not in _DECODERS]
    assert missing == []


def _fresh_cache_state(monkeypatch, directory):
    from dsfact.registry import cache

    monkeypatch.setenv("DSFACT_CACHE_DIR", str(directory))
    monkeypatch.setitem(cache._STATE, "checked", {})
    monkeypatch.setitem(cache._STATE, "warned", False)


def test_a_cache_dir_of_another_user_is_neither_read_nor_written(tmp_path, monkeypatch, capsys):
    """Without root: the directory is made to belong to someone else by changing who we are."""
    from dsfact.registry import cache, load_registry

    reg = make_registry(tmp_path / "reg")
    directory = tmp_path / "cache"
    _fresh_cache_state(monkeypatch, directory)
    load_registry(reg)
    (name,) = [p.name for p in directory.iterdir()]
    doc = json.loads((directory / name).read_bytes())
    doc["registry"]["claims"][0]["statements"][0]["value"] = 999.0
    (directory / name).write_text(json.dumps(doc))
    assert load_registry(reg).claims[0].statements[0].value == 999.0  # a trusting reader takes it
    before = sorted((p.name, p.stat().st_mtime_ns) for p in directory.iterdir())
    capsys.readouterr()
    owner = directory.stat().st_uid
    monkeypatch.setattr(os, "getuid", lambda: owner + 1)
    monkeypatch.setitem(cache._STATE, "checked", {})
    for _ in range(2):
        assert load_registry(reg).claims[0].statements[0].value == 120_000_000
    assert sorted((p.name, p.stat().st_mtime_ns) for p in directory.iterdir()) == before
    warnings = lines(capsys.readouterr().err)
    assert len(warnings) == 1 and "belongs to another user" in warnings[0], warnings


@pytest.mark.parametrize("mode", [0o770, 0o707, 0o777])
def test_a_cache_dir_others_may_write_is_neither_read_nor_written(tmp_path, monkeypatch, capsys, mode):
    from dsfact.registry import load_registry

    reg = make_registry(tmp_path / "reg")
    directory = tmp_path / "cache"
    directory.mkdir(mode=0o700)
    os.chmod(directory, mode)
    _fresh_cache_state(monkeypatch, directory)
    for _ in range(2):
        assert load_registry(reg).claims[0].id == "B1"
    assert list(directory.iterdir()) == []
    warnings = lines(capsys.readouterr().err)
    assert len(warnings) == 1 and "written by other users" in warnings[0], warnings


def test_a_write_that_fails_midway_leaves_no_temporary_file(tmp_path, monkeypatch):
    """A full disk, simulated: the first bytes are written, then ENOSPC."""
    import errno

    from dsfact.registry import load_registry

    reg = make_registry(tmp_path / "reg")
    directory = tmp_path / "cache"
    _fresh_cache_state(monkeypatch, directory)
    real_write, calls = os.write, []

    def full_disk(fd, data):
        calls.append(fd)
        real_write(fd, bytes(data[:64]))
        raise OSError(errno.ENOSPC, "No space left on device")

    with monkeypatch.context() as patch:
        patch.setattr(os, "write", full_disk)
        registry = load_registry(reg)
    assert calls, "the cache writer was reached"
    assert registry.claims[0].statements[0].value == 120_000_000
    assert list(directory.iterdir()) == []
    assert load_registry(reg) == registry  # and the next run writes it
    assert len(list(directory.iterdir())) == 1
