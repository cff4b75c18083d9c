"""`dsfact lsp`: the language server, started as a subprocess and spoken to in real JSON-RPC over its
stdin and stdout (Content-Length framing), as an editor does: initialize, didOpen, publishDiagnostics,
codeAction, didChange, hover, didSave, shutdown, exit."""
from __future__ import annotations

import json
import os
import queue
import subprocess
import sys
import threading
from pathlib import Path

import pytest

pytest.importorskip("pygls", reason="the lsp extra is not installed")

DSFACT = str(Path(sys.executable).parent / "dsfact")
DRAFT = (
    "# Chip trade\n"
    "\n"
    "An early draft said DeepSeek trained V3 on 4,096 H800 chips.\n"
    "\n"
    "DeepSeek-V3 was released on December 25.\n"
)


class Client:
    """A minimal LSP client: framed JSON-RPC on a subprocess's pipes, messages read on a thread."""

    def __init__(self, *args: str, cwd=None):
        env = {k: v for k, v in os.environ.items() if k != "DSFACT_REGISTRY"}
        self.proc = subprocess.Popen([DSFACT, "lsp", *args], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                     stderr=subprocess.PIPE, cwd=cwd, env=env)
        self.inbox: queue.Queue = queue.Queue()
        self.next_id = 0
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self):
        out = self.proc.stdout
        while True:
            headers = {}
            while True:
                line = out.readline()
                if not line:
                    return
                line = line.decode("ascii").strip()
                if not line:
                    break
                key, value = line.split(":", 1)
                headers[key.lower()] = value.strip()
            body = out.read(int(headers["content-length"]))
            self.inbox.put(json.loads(body))

    def send(self, message: dict) -> None:
        body = json.dumps({"jsonrpc": "2.0", **message}).encode("utf-8")
        self.proc.stdin.write(f"Content-Length: {len(body)}\r\n\r\n".encode("ascii") + body)
        self.proc.stdin.flush()

    def request(self, method: str, params) -> dict:
        self.next_id += 1
        self.send({"id": self.next_id, "method": method, "params": params})
        return self.wait(lambda m: m.get("id") == self.next_id and "method" not in m)

    def notify(self, method: str, params) -> None:
        self.send({"method": method, "params": params})

    def wait(self, wanted, timeout: float = 60.0) -> dict:
        while True:
            message = self.inbox.get(timeout=timeout)
            if wanted(message):
                return message

    def diagnostics(self, uri: str, version: int | None = None) -> list[dict]:
        message = self.wait(lambda m: m.get("method") == "textDocument/publishDiagnostics"
                            and m["params"]["uri"] == uri
                            and (version is None or m["params"].get("version") == version))
        return message["params"]["diagnostics"]


@pytest.fixture
def client(tmp_path):
    c = Client(cwd=tmp_path)
    init = c.request("initialize", {"processId": os.getpid(), "rootUri": tmp_path.as_uri(),
                                    "capabilities": {}})
    assert init["result"]["serverInfo"]["name"] == "dsfact"
    c.notify("initialized", {})
    yield c
    if c.proc.poll() is None:
        c.proc.kill()
    c.proc.wait(timeout=10)


def test_diagnostics_code_action_hover_over_real_json_rpc(client, tmp_path):
    path = tmp_path / "draft.md"
    path.write_text(DRAFT, encoding="utf-8")
    uri = path.as_uri()
    client.notify("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "markdown", "version": 1,
                                                            "text": DRAFT}})
    found = client.diagnostics(uri, 1)
    by_claim = {d["code"]: d for d in found}
    assert set(by_claim) == {"C07", "C45"}
    wrong = by_claim["C07"]
    assert wrong["severity"] == 1 and wrong["source"] == "dsfact"  # an error
    col = DRAFT.splitlines()[2].index("4,096")
    assert wrong["range"] == {"start": {"line": 2, "character": col}, "end": {"line": 2, "character": col + 5}}
    assert wrong["message"].startswith("contradicted C07: 4,096 disagrees with the primary record: v3-report 2,048")
    assert "etnet contradicts" in wrong["message"] and "tkp contradicts" in wrong["message"]
    disputed = by_claim["C45"]
    # aena's Christmas Day, against the release commit's 26 December: an error now, aena still shown
    assert disputed["severity"] == 1 and "aena supports" in disputed["message"]
    assert "v3-release contradicts" in disputed["message"]
    assert "tkp contradicts" in disputed["message"]

    # hover on the figure: the claim's table, a row per source
    hover = client.request("textDocument/hover", {"textDocument": {"uri": uri},
                                                  "position": {"line": 2, "character": col + 2}})
    table = hover["result"]["contents"]["value"]
    assert "**C07**" in table and "| etnet |" in table and "✗ contradicts" in table and "2,048" in table
    nothing = client.request("textDocument/hover", {"textDocument": {"uri": uri},
                                                    "position": {"line": 0, "character": 2}})
    assert nothing["result"] is None

    # the code action inserts the suppression, with a reason; applied, the diagnostic goes away
    reply = client.request("textDocument/codeAction", {
        "textDocument": {"uri": uri}, "range": wrong["range"], "context": {"diagnostics": [wrong]}})
    actions = reply["result"]
    assert len(actions) == 1 and "C07" in actions[0]["title"] and actions[0]["kind"] == "quickfix"
    (edit,) = actions[0]["edit"]["changes"][uri]
    assert edit["range"]["start"] == {"line": 2, "character": len(DRAFT.splitlines()[2])}
    assert "<!-- dsfact: ignore C07 -- " in edit["newText"] and "contradicted by etnet" in edit["newText"]
    lines = DRAFT.splitlines(True)
    lines[2] = lines[2].rstrip("\n") + edit["newText"] + "\n"
    edited = "".join(lines)
    client.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": 2},
                                             "contentChanges": [{"text": edited}]})
    after = client.diagnostics(uri, 2)
    assert {d["code"] for d in after} == {"C45"}  # C07 is suppressed, and the suppression is used

    # saving checks the document again
    path.write_text(edited, encoding="utf-8")
    client.notify("textDocument/didSave", {"textDocument": {"uri": uri}})
    assert {d["code"] for d in client.diagnostics(uri)} == {"C45"}

    assert client.request("shutdown", None)["result"] is None
    client.notify("exit", None)
    assert client.proc.wait(timeout=30) == 0


def test_text_and_html_documents_and_positions_in_utf16(client, tmp_path):
    text_uri = (tmp_path / "note.txt").as_uri()
    # a character outside the Basic Multilingual Plane before the figure: 2 UTF-16 code units
    line = "𝄞 Nvidia shares fell 27% at the close on Monday."
    client.notify("textDocument/didOpen", {"textDocument": {"uri": text_uri, "languageId": "plaintext",
                                                            "version": 1, "text": line + "\n"}})
    (diag,) = client.diagnostics(text_uri, 1)
    assert diag["code"] == "C27" and diag["severity"] == 1
    start = line.index("27%")
    assert diag["range"]["start"] == {"line": 0, "character": start + 1}  # one extra unit for the clef
    html_uri = (tmp_path / "page.html").as_uri()
    html = "<p>DeepSeek trained V3 on 2,048&nbsp;H800 chips.</p>\n"
    client.notify("textDocument/didOpen", {"textDocument": {"uri": html_uri, "languageId": "html",
                                                            "version": 1, "text": html}})
    (ok,) = client.diagnostics(html_uri, 1)
    assert ok["code"] == "C07" and ok["severity"] == 3 and ok["message"].startswith("supported C07")
    py_uri = (tmp_path / "tool.py").as_uri()
    client.notify("textDocument/didOpen", {"textDocument": {"uri": py_uri, "languageId": "python",
                                                            "version": 1, "text": "# 4,096 H800 chips\n"}})
    client.notify("textDocument/didClose", {"textDocument": {"uri": html_uri}})
    assert client.diagnostics(html_uri) == []  # closing clears; python was never diagnosed
    client.request("shutdown", None)
    client.notify("exit", None)


def test_check_never_imports_the_language_server():
    script = ("import contextlib, io, sys\nfrom dsfact.cli import main\n"
              "with contextlib.redirect_stdout(io.StringIO()):\n"
              "    main(['check', '--format', 'lines', '-'])\n"
              "print(sorted(m for m in ('pygls', 'lsprotocol', 'dsfact.lsp') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", script], input="DeepSeek used 2,048 H800s.\n", capture_output=True,
                         text=True, check=True)
    assert out.stdout.strip().splitlines()[-1] == "[]"
