"""Messages that quote someone else's words: the error handler's one line, the `dsfact parse` table and
the `dsfact config` warnings and table show control and bidirectional characters as escapes, never raw
(render.escape.visible), as every report format does."""
from __future__ import annotations

from sec_helpers import EXIT_ERROR, EXIT_OK, dsfact

RLO = "\u202e"  # right-to-left override: reorders what the reader sees after it
ESC = "\x1b"


def test_a_usage_error_shows_the_bidirectional_control_it_quotes(tmp_path):
    result = dsfact("claims", f"--x{RLO}y", cwd=tmp_path)
    text = result.stderr.decode("utf-8")
    assert result.returncode == EXIT_ERROR
    assert RLO not in text
    assert "--x\\u202ey" in text, text


def test_the_parse_table_shows_a_line_separator_inside_a_figure(tmp_path):
    result = dsfact("parse", "5\u2028million", cwd=tmp_path)
    text = result.stdout.decode("utf-8")
    assert result.returncode == EXIT_OK
    assert "\u2028" not in text
    assert "5\\u2028million" in text, text


def test_config_warnings_show_the_control_characters_of_the_folder_and_key(tmp_path):
    folder = tmp_path / f"drafts{ESC}[2J"
    folder.mkdir()
    (folder / ".dsfact.toml").write_text(f'"colour{RLO}" = 1\n', encoding="utf-8")
    result = dsfact("config", cwd=folder)
    text = result.stderr.decode("utf-8")
    assert result.returncode == EXIT_OK, text
    assert ESC not in text and RLO not in text
    assert "drafts\\x1b[2J" in text and "unknown key" in text, text


def test_the_config_table_shows_a_registry_name_with_escapes(tmp_path):
    result = dsfact("config", "--registry", f"claims{ESC}[31m[red]x.yaml", cwd=tmp_path)
    text = result.stdout.decode("utf-8")
    assert result.returncode == EXIT_OK, result.stderr
    assert ESC not in text
    assert "claims\\x1b[31m[red]x.yaml" in text, text
