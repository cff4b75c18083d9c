import pathlib

import pytest

ROOT = pathlib.Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"


@pytest.fixture(autouse=True)
def _private_cache(tmp_path_factory, monkeypatch):
    """Each test session caches compiled registries in its own folder, never in the user's home."""
    monkeypatch.setenv("DSFACT_CACHE_DIR", str(tmp_path_factory.getbasetemp() / "cache"))
    monkeypatch.delenv("DSFACT_REGISTRY", raising=False)
    monkeypatch.setenv("NO_COLOR", "1")


@pytest.fixture(scope="session")
def city_registry():
    from dsfact.registry import load_registry

    return load_registry(FIXTURES / "city" / "city.yaml", use_cache=False)


@pytest.fixture(scope="session")
def bundled_registry():
    from dsfact.registry import load_registry

    return load_registry(ROOT / "data" / "claims.yaml", use_cache=False)
