"""Configuration: `[tool.dsfact]` in pyproject.toml or a .dsfact.toml found by walking up from the
checked files; the command line wins; `dsfact config` shows each setting and where it came from."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from dsfact.cli import main
from dsfact.errors import ConfigError, RegistryError
from dsfact.registry import default_registry_path, merge_registries
from dsfact.workspace.settings import find_config, read_config, resolve_settings

ROOT = Path(__file__).resolve().parent.parent
NEWSROOM_REGISTRY = ROOT / "tests" / "fixtures" / "newsroom" / "registry"
BUNDLED = ROOT / "data" / "claims.yaml"

TUNNEL = "At the height of the works the Harbour Tunnel project employed 1,500 workers.\n"  # N02 contradicted
DEEPSEEK = "An early draft said DeepSeek trained V3 on 4,096 H800 chips.\n"  # C07 contradicted
DISPUTED = "The Harbour Tunnel opens to traffic on June 30.\n"  # N03 disputed


@pytest.fixture
def newsroom(tmp_path):
    """A newsroom repository: .git, its own registry under claims/, drafts under drafts/."""
    repo = tmp_path / "paper"
    (repo / ".git").mkdir(parents=True)
    shutil.copytree(NEWSROOM_REGISTRY, repo / "claims")
    (repo / "drafts").mkdir()
    (repo / "drafts" / "tunnel.md").write_text(TUNNEL, encoding="utf-8")
    (repo / "drafts" / "deepseek.md").write_text(DEEPSEEK, encoding="utf-8")
    return repo


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def check(capsys, *args: str) -> tuple[int, dict, str]:
    code = main(["check", "--format", "json", *args])
    out, err = capsys.readouterr()
    return code, (json.loads(out) if out.strip() else {}), err


def claims_found(doc: dict) -> list[str]:
    return [f["claim"] for file in doc.get("files", []) for f in file["findings"]]


# --- finding the file ------------------------------------------------------------------------------

def test_the_nearest_file_walking_up(newsroom):
    write(newsroom / "pyproject.toml", '[tool.dsfact]\nfail-on = "never"\n')
    assert find_config(newsroom / "drafts") == str(newsroom / "pyproject.toml")
    write(newsroom / "drafts" / ".dsfact.toml", 'fail-on = "disputed"\n')
    assert find_config(newsroom / "drafts") == str(newsroom / "drafts" / ".dsfact.toml")


def test_dsfact_toml_before_pyproject_in_one_directory(newsroom):
    write(newsroom / "pyproject.toml", '[tool.dsfact]\nfail-on = "never"\n')
    write(newsroom / ".dsfact.toml", 'fail-on = "disputed"\n')
    assert find_config(newsroom) == str(newsroom / ".dsfact.toml")


def test_a_pyproject_without_the_table_is_passed_over(newsroom):
    write(newsroom / "pyproject.toml", '[tool.dsfact]\nfail-on = "never"\n')
    write(newsroom / "drafts" / "pyproject.toml", '[project]\nname = "x"\n')
    assert find_config(newsroom / "drafts") == str(newsroom / "pyproject.toml")


def test_the_walk_stops_at_the_repository(newsroom):
    write(newsroom.parent / ".dsfact.toml", 'fail-on = "never"\n')  # above the checkout: not read
    assert find_config(newsroom / "drafts") is None


def test_settings_start_from_the_common_directory(newsroom, monkeypatch):
    write(newsroom / "drafts" / ".dsfact.toml", 'fail-on = "never"\n')
    settings = resolve_settings([str(newsroom / "drafts" / "tunnel.md"), str(newsroom / "drafts" / "deepseek.md")])
    assert settings.fail_on == "never" and settings.config_file == str(newsroom / "drafts" / ".dsfact.toml")
    monkeypatch.chdir(newsroom / "drafts")
    assert resolve_settings(["-"]).fail_on == "never"  # standard input: from the current directory


# --- the keys --------------------------------------------------------------------------------------

def test_registry_replaces_the_bundled_one(newsroom, capsys, monkeypatch):
    write(newsroom / "pyproject.toml", '[tool.dsfact]\nregistry = "claims/newsroom.yaml"\n')
    monkeypatch.chdir(newsroom / "drafts")  # relative to the config file, not to the current directory
    code, doc, err = check(capsys, ".")
    assert code == 1 and sorted(claims_found(doc)) == ["N02"]


def test_extend_registry_loads_the_bundled_one_too(newsroom, capsys):
    write(newsroom / ".dsfact.toml", 'registry = ["claims/newsroom.yaml"]\nextend-registry = true\n')
    code, doc, err = check(capsys, str(newsroom / "drafts"))
    assert code == 1 and sorted(claims_found(doc)) == ["C07", "N02"]


def test_a_claim_id_in_two_registries_is_an_error(newsroom, capsys):
    text = (newsroom / "claims" / "newsroom.yaml").read_text(encoding="utf-8").replace("id: N02", "id: C07")
    write(newsroom / "claims" / "clash.yaml", text)
    write(newsroom / ".dsfact.toml", 'registry = "claims/clash.yaml"\nextend-registry = true\n')
    code, doc, err = check(capsys, str(newsroom / "drafts"))
    assert code == 2
    assert "claim id 'C07' is also defined in" in err and str(BUNDLED.name) in err
    assert err.startswith(f"dsfact: error: {newsroom / 'claims' / 'clash.yaml'}:")


def test_merge_registries_keeps_identical_sources_once_and_refuses_different_ones():

    from dsfact.registry import load_registry

    a = load_registry(NEWSROOM_REGISTRY / "newsroom.yaml")
    b = a._replace(path="b.yaml", claims=tuple(c._replace(id=c.id + "b") for c in a.claims))
    merged = merge_registries([a, b])
    assert len(merged.claims) == 6 and sorted(merged.sources) == ["daily", "wire"]
    assert merged.claim("N01b") is not None
    wire = a.sources["wire"]._replace(publisher="Another Wire")
    c = b._replace(sources={**b.sources, "wire": wire})
    with pytest.raises(RegistryError, match="source id 'wire' is also defined, differently"):
        merge_registries([a, c])


def test_fail_on_from_the_file_and_the_command_line_wins(newsroom, capsys):
    write(newsroom / "drafts" / "tunnel.md", DISPUTED)
    write(newsroom / ".dsfact.toml", 'registry = "claims/newsroom.yaml"\nfail-on = "disputed"\n')
    draft = str(newsroom / "drafts" / "tunnel.md")
    assert check(capsys, draft)[0] == 1
    assert check(capsys, "--fail-on", "contradicted", draft)[0] == 0
    assert check(capsys, "--no-config", "-r", str(NEWSROOM_REGISTRY / "newsroom.yaml"), draft)[0] == 0


def test_include_exclude_and_ignore(newsroom, capsys):
    write(newsroom / "drafts" / "old" / "archive.md", TUNNEL)
    write(newsroom / "drafts" / "notes.rst", TUNNEL)
    write(newsroom / ".dsfact.toml", 'registry = "claims/newsroom.yaml"\nextend-registry = true\n'
                                     'include = ["*.md", "*.rst"]\nexclude = ["old/*"]\nignore = ["C07"]\n')
    code, doc, err = check(capsys, str(newsroom / "drafts"))
    names = sorted(Path(f["path"]).name for f in doc["files"])
    assert names == ["deepseek.md", "notes.rst", "tunnel.md"]
    assert sorted(claims_found(doc)) == ["N02", "N02"]  # C07 is ignored
    # the command line's globs replace the file's
    code, doc, err = check(capsys, "--include", "*.rst", str(newsroom / "drafts"))
    assert [Path(f["path"]).name for f in doc["files"]] == ["notes.rst"]
    # a file named on the command line is checked, excluded or not (as ruff does) ...
    code, doc, err = check(capsys, str(newsroom / "drafts" / "old" / "archive.md"),
                           str(newsroom / "drafts" / "tunnel.md"))
    assert [Path(f["path"]).name for f in doc["files"]] == ["archive.md", "tunnel.md"]
    # ... unless --force-exclude (pre-commit's hook names every staged file)
    code, doc, err = check(capsys, "--force-exclude", str(newsroom / "drafts" / "old" / "archive.md"),
                           str(newsroom / "drafts" / "tunnel.md"))
    assert [Path(f["path"]).name for f in doc["files"]] == ["tunnel.md"]


def test_the_environment_registry_wins_over_the_file(newsroom, capsys, monkeypatch):
    write(newsroom / ".dsfact.toml", 'registry = "claims/newsroom.yaml"\n')
    monkeypatch.setenv("DSFACT_REGISTRY", str(BUNDLED))
    code, doc, err = check(capsys, str(newsroom / "drafts"))
    assert claims_found(doc) == ["C07"]


def test_no_config(newsroom, capsys):
    write(newsroom / ".dsfact.toml", 'registry = "claims/newsroom.yaml"\n')
    code, doc, err = check(capsys, "--no-config", str(newsroom / "drafts"))
    assert claims_found(doc) == ["C07"]


# --- faults ----------------------------------------------------------------------------------------

def test_an_unknown_key_is_a_warning_naming_the_file(newsroom, capsys):
    config = write(newsroom / "pyproject.toml", '[tool.dsfact]\nfail_on = "never"\ncolour = true\n')
    code, doc, err = check(capsys, str(newsroom / "drafts"))
    assert code == 1  # fail_on was not taken for fail-on
    assert (f"dsfact: warning: {config}: unknown key 'fail_on' in [tool.dsfact] (did you mean 'fail-on'?); "
            "known keys: registry, extend-registry, fail-on, include, exclude, ignore") in err
    assert f"dsfact: warning: {config}: unknown key 'colour'" in err


@pytest.mark.parametrize("body, message", [
    ('fail-on = "sometimes"', ":2: fail-on: must be one of error, warning, never, contradicted, disputed (got 'sometimes')"),
    ("registry = 3", ":2: registry: must be a path or a list of paths"),
    ('extend-registry = "yes"', ":2: extend-registry: must be true or false (got 'yes')"),
    ("include = [1, 2]", ":2: include: must be a glob or a list of globs"),
    ('ignore = ["C07 because"]', ":2: ignore: 'C07 because' is not a claim id"),
    ("fail-on = ", ": invalid TOML:"),
])
def test_a_bad_value_is_an_error_naming_the_file(newsroom, capsys, body, message):
    config = write(newsroom / "pyproject.toml", f"[tool.dsfact]\n{body}\n")
    code, doc, err = check(capsys, str(newsroom / "drafts"))
    assert code == 2
    assert err.startswith(f"dsfact: error: {config}{message}"), err


def test_read_config_of_a_dsfact_toml_with_the_tool_table(newsroom):
    config = write(newsroom / ".dsfact.toml", '[tool.dsfact]\nignore = ["C07"]\n')
    assert read_config(config) == ({"ignore": frozenset({"C07"})}, [])
    write(newsroom / ".dsfact.toml", 'fail-on = "never"\n[tool.dsfact]\nignore = ["C07"]\n')
    with pytest.raises(ConfigError, match="not both"):
        read_config(config)


def test_fail_on_words_match_the_cli():
    from dsfact.cli import check_parser
    from dsfact.workspace import settings

    assert check_parser.FAIL_ON == settings.FAIL_ON == tuple(settings.FAIL_AT)


# --- dsfact config ---------------------------------------------------------------------------------

def test_dsfact_config_shows_values_and_origins(newsroom, capsys, monkeypatch):
    config = write(newsroom / "pyproject.toml", '[tool.dsfact]\nregistry = "claims/newsroom.yaml"\n'
                                                'extend-registry = true\nignore = ["C07", "C01"]\n')
    monkeypatch.chdir(newsroom)
    code = main(["config", "--format", "json", "--fail-on", "disputed", "drafts"])
    out, err = capsys.readouterr()
    assert code == 0, err
    doc = json.loads(out)
    rows = {r["setting"]: (r["value"], r["origin"]) for r in doc["settings"]}
    assert doc["config_file"] == str(config)
    assert rows["registry"] == ([str(default_registry_path()), str(newsroom / "claims" / "newsroom.yaml")], str(config))
    assert rows["extend-registry"] == (True, str(config))
    assert rows["fail-on"] == ("disputed", "command line")
    assert rows["include"][1] == "default" and "*.md" in rows["include"][0]
    assert rows["exclude"] == ([], "default")
    assert rows["ignore"] == (["C01", "C07"], str(config))


def test_dsfact_config_table_and_environment(newsroom, capsys, monkeypatch):
    monkeypatch.chdir(newsroom)
    monkeypatch.setenv("DSFACT_REGISTRY", str(BUNDLED))
    monkeypatch.setenv("COLUMNS", "200")
    code = main(["config"])
    out, _ = capsys.readouterr()
    assert code == 0
    registry_row = next(line for line in out.splitlines() if "registry " in line and "extend" not in line)
    assert str(BUNDLED) in registry_row and "environment (DSFACT_REGISTRY)" in registry_row
    assert "none" in out or "searched up from" in out


def test_dsfact_config_without_any_file(tmp_path, capsys, monkeypatch):
    (tmp_path / ".git").mkdir()
    monkeypatch.chdir(tmp_path)
    assert main(["config", "-f", "json"]) == 0
    doc = json.loads(capsys.readouterr()[0])
    rows = {r["setting"]: (r["value"], r["origin"]) for r in doc["settings"]}
    assert doc["config_file"] is None
    assert rows["registry"] == ([str(default_registry_path())], "default")  # in the package when installed
    assert rows["fail-on"] == ("error", "default")
