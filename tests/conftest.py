import os
import pathlib
import subprocess

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


def seeds_only(registry):
    """The registry as the five seeds alone state it: primary records and the claims only they state
    left out (the rules among reports and opinions, which still apply where no record states a claim)."""

    sources = {k: s for k, s in registry.sources.items() if s.kind != "primary"}
    claims = []
    for claim in registry.claims:
        statements = tuple(st for st in claim.statements if st.source in sources)
        if statements:
            claims.append(claim._replace(statements=statements))
    return registry._replace(sources=sources, claims=tuple(claims))


@pytest.fixture(scope="session")
def seeds_registry():
    from dsfact.registry import load_registry

    return seeds_only(load_registry(ROOT / "data" / "claims.yaml", use_cache=False))


def rules_short_of_scripts(cases) -> set[str]:
    """The rules of a file of cases (tests/cases/*.yaml) whose cases do not show every script: English,
    Traditional and Simplified Chinese."""
    seen: dict[str, set[str]] = {}
    for case in cases:
        seen.setdefault(case["rule"], set()).add(case["lang"])
    return {rule for rule, langs in seen.items() if langs != {"en", "zh-Hant", "zh-Hans"}}


def git_env() -> dict:
    """The environment for git in a throw-away repository: none of the caller's GIT_* settings, and the
    bundled registry for any dsfact a hook runs."""
    return {k: v for k, v in os.environ.items() if not k.startswith("GIT_") and k != "DSFACT_REGISTRY"}


def searched_text(pieces: list[str], chinese: bool, cut_start: int, cut_end: int) -> tuple[str, bool, int, int]:
    """What a property test of word finders searches: the pieces joined, read with the Chinese words when
    asked or when it holds a Chinese character (as dsfact reads such a text), and the bounds searched,
    cut_start characters from its start and cut_end from its end."""
    from dsfact.matching.cues import has_cjk

    text = "".join(pieces)
    chinese = chinese or has_cjk(text)
    return text, chinese, min(cut_start, len(text)), max(0, len(text) - cut_end)


def run_git(repo, *args: str, check: bool = True) -> subprocess.CompletedProcess:
    return subprocess.run(["git", *args], cwd=repo, capture_output=True, text=True, env=git_env(), check=check)


@pytest.fixture
def git_repo(tmp_path, monkeypatch):
    """An empty git repository with an identity, and no GIT_* variables in the environment."""
    root = tmp_path / "paper"
    root.mkdir()
    run_git(root, "init", "-q")
    for key, value in (("user.email", "desk@example.com"), ("user.name", "Desk"), ("commit.gpgsign", "false")):
        run_git(root, "config", key, value)
    for key in [k for k in os.environ if k.startswith("GIT_")]:
        monkeypatch.delenv(key)
    return root


class Recorder:
    """A gate that admits every disagreement and keeps the features it was shown, and how the engine left
    the figure: reported, silenced or supported (as bench/gate_train.py's Recorder). Used by test_gate and
    test_evidence."""

    def __init__(self) -> None:
        self.seen = []

    def admits(self, finding, features):
        self.seen.append((finding, dict(features), "reported"))
        return True

    def doubted(self, finding, features):
        self.seen.append((finding, dict(features), "supported" if finding.verdict == "supported" else "silenced"))


@pytest.fixture
def reader_of(bundled_registry):
    """A text's figure reader (dsfact.matching.matcher.TextMatcher.reader) over the bundled registry, its figures read."""
    from dsfact.matching.matcher import TextMatcher
    from dsfact.numbers import parse_quantities

    def read(text: str):
        matcher = TextMatcher(text, bundled_registry)
        matcher.use(parse_quantities(text))
        return matcher.reader()

    return read
