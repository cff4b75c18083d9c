"""`dsfact lsp`: the Language Server Protocol over stdio, as `vale-ls` and `ruff server` serve it.

Markdown, plain-text and HTML documents are checked on open, change and save, exactly as
`dsfact check` checks a file (its configuration, registry, ignored claims and inline suppressions);
each finding becomes a diagnostic whose severity follows its verdict, whose code is the claim id and
whose message names every source's stance. A code action appends the inline suppression for a claim
(with a reason) to the finding's line; hovering over a figure shows the claim's per-source table.

Built on pygls (the optional extra `dsfact[lsp]`); `dsfact check` never imports this module.
"""
from __future__ import annotations

import os
import sys

from dsfact.errors import EXIT_OK, UsageError
from dsfact.model import CONTRADICTED, DISPUTED, SUPPORTS, FileResult, Finding

LANGUAGES = {"markdown": "markdown", "html": "html", "plaintext": "text", "text": "text"}
SUPPRESS_KIND = "quickfix"


def document_format(path: str, language_id: str | None) -> str | None:
    """The dsfact format of an editor document, or None for a language dsfact does not check."""
    from dsfact.document import detect_format
    from dsfact.workspace.settings import DEFAULT_INCLUDE

    if language_id in LANGUAGES:
        return LANGUAGES[language_id]
    name = os.path.basename(path)
    import fnmatch

    if any(fnmatch.fnmatch(name, g) for g in DEFAULT_INCLUDE):
        return detect_format(path)
    return None


class Checker:
    """Checks editor buffers with the settings `dsfact check` would use for their paths; registries
    are loaded once per set of files."""

    def __init__(self, registry: str | None = None, config_file: str | None = None) -> None:
        self.registry = registry or os.environ.get("DSFACT_REGISTRY")
        self.config_file = config_file
        self._registries: dict[tuple, object] = {}

    def settings(self, path: str):
        from dsfact.workspace.settings import resolve_settings

        return resolve_settings([path], registry=self.registry, config_file=self.config_file)

    def load(self, settings):
        from dsfact.registry import load_registries

        key = tuple(settings.registry)
        if key not in self._registries:
            self._registries[key] = load_registries(settings.registry)
        return self._registries[key]

    def check(self, path: str, text: str, fmt: str) -> tuple[FileResult, object]:
        """The result for a buffer (its findings, or the error that stops it) and the registry used."""
        from dsfact.run import check_one

        settings = self.settings(path)
        registry = self.load(settings)
        result = check_one(path, registry, data=text.encode("utf-8"), encoding="utf-8", fmt=fmt,
                           ignore=settings.ignore)
        return result, registry


def stances(finding: Finding) -> str:
    """"etnet supports, tkp contradicts": every source's stance, in registry order."""
    return "; ".join(f"{source} {stance}" for source, stance in finding.sources.items())


def diagnostic_message(finding: Finding) -> str:
    return f"{finding.verdict} {finding.claim}: {finding.message}\nsources: {stances(finding)}"


def severity_of(finding: Finding, types):
    """The diagnostic severity: the finding's own when it has one (error, warning, info), else its
    verdict's (contradicted an error, disputed a warning, supported information)."""
    word = getattr(finding, "severity", None)
    word = getattr(word, "value", word)
    by_word = {"error": types.DiagnosticSeverity.Error, "warning": types.DiagnosticSeverity.Warning,
               "info": types.DiagnosticSeverity.Information}
    if word in by_word:
        return by_word[word]
    if finding.verdict == CONTRADICTED:
        return types.DiagnosticSeverity.Error
    if finding.verdict == DISPUTED:
        return types.DiagnosticSeverity.Warning
    return types.DiagnosticSeverity.Information


def suppression_comment(finding: Finding) -> str:
    """The inline directive that suppresses this finding, with a reason that records the evidence."""
    against = [s for s, stance in finding.sources.items() if stance != SUPPORTS]
    reason = f"kept on purpose: {finding.verdict}" + (f" by {', '.join(against)}" if against else "")
    return f"<!-- dsfact: ignore {finding.claim} -- {reason} -->"


def claim_table(finding: Finding, registry) -> str:
    """Markdown for a hover: the claim and what each source says of it, with its stance."""
    from dsfact.quantity import format_value

    claim = registry.claim(finding.claim)
    if claim is None:
        return f"**{finding.claim}** {finding.verdict}"
    head = f"**{claim.id}** {claim.subject}, {claim.metric}"
    head += f" ({claim.variant})" if claim.variant else ""
    rows = ["| source | publisher | value | stance | quote |", "|---|---|---|---|---|"]
    for st in claim.statements:
        source = registry.sources.get(st.source)
        publisher = source.publisher if source is not None else ""
        value = format_value(st.value, st.unit, st.qualifier, st.high, None, st.direction, short=True)
        stance = finding.sources.get(st.source, "")
        mark = {"supports": "✓ supports", "contradicts": "✗ contradicts"}.get(stance, stance)
        quote = st.quote.replace("|", "\\|").replace("\n", " ")
        rows.append(f"| {st.source} | {publisher} | {value} | {mark} | {quote} |")
    return f"{head}: **{finding.verdict}** ({finding.text})\n\n" + "\n".join(rows)


def build_server(checker: Checker):
    """The pygls server with dsfact's features registered."""
    from lsprotocol import types
    from pygls.lsp.server import LanguageServer

    from dsfact import __version__

    server = LanguageServer("dsfact", __version__, text_document_sync_kind=types.TextDocumentSyncKind.Full)
    results: dict[str, tuple[FileResult, object]] = {}  # uri -> the last check of the open document

    def publish(uri: str) -> None:
        doc = server.workspace.get_text_document(uri)
        path = doc.path or uri
        fmt = document_format(path, doc.language_id)
        if fmt is None:
            return
        diagnostics = []
        try:
            result, registry = checker.check(path, doc.source, fmt)
        except Exception as exc:  # a broken registry or config: say so once, in the editor, and go on
            server.window_show_message(types.ShowMessageParams(type=types.MessageType.Error,
                                                               message=f"dsfact: {exc}"))
            results.pop(uri, None)
        else:
            results[uri] = (result, registry)
            diagnostics = diagnostics_of(result, doc, types)
        server.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(uri=uri, version=doc.version, diagnostics=diagnostics))

    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls, params: types.DidOpenTextDocumentParams):
        publish(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(ls, params: types.DidChangeTextDocumentParams):
        publish(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_SAVE)
    def did_save(ls, params: types.DidSaveTextDocumentParams):
        publish(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls, params: types.DidCloseTextDocumentParams):
        results.pop(params.text_document.uri, None)
        server.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(uri=params.text_document.uri, diagnostics=[]))

    @server.feature(types.TEXT_DOCUMENT_CODE_ACTION,
                    types.CodeActionOptions(code_action_kinds=[types.CodeActionKind.QuickFix]))
    def code_action(ls, params: types.CodeActionParams):
        uri = params.text_document.uri
        if uri not in results:
            return []
        return suppress_actions(results[uri][0], server.workspace.get_text_document(uri), params, types)

    @server.feature(types.TEXT_DOCUMENT_HOVER)
    def hover(ls, params: types.HoverParams):
        uri = params.text_document.uri
        if uri not in results:
            return None
        result, registry = results[uri]
        return hover_at(result, registry, server.workspace.get_text_document(uri), params.position, types)

    return server


def _to_range(doc, finding: Finding):
    """The editor range of a finding, in the client's position units."""
    from pygls.workspace.position_codec import ServerTextPosition, ServerTextRange

    loc = finding.location
    start = ServerTextPosition(loc.line - 1, loc.column - 1)
    end = ServerTextPosition(loc.end_line - 1, loc.end_column - 1)
    return doc.range_to_client_units(ServerTextRange(start=start, end=end))


def _line_range(types, line: int):
    """An empty range at the start of a 0-based line."""
    return types.Range(start=types.Position(line=line, character=0), end=types.Position(line=line, character=0))


def diagnostics_of(result: FileResult, doc, types) -> list:
    """The diagnostics of a checked document: one per located finding, the error that stopped the check
    (on the first line), one per warning (on its line)."""
    diagnostics = []
    for finding in result.findings:
        if finding.location is None:
            continue
        diagnostics.append(types.Diagnostic(
            range=_to_range(doc, finding), message=diagnostic_message(finding),
            severity=severity_of(finding, types), code=finding.claim, source="dsfact",
            data={"claim": finding.claim, "line": finding.location.line},
        ))
    if result.error:
        diagnostics.append(types.Diagnostic(range=_line_range(types, 0), message=result.error,
                                            severity=types.DiagnosticSeverity.Error, source="dsfact"))
    for warning in result.warnings:
        diagnostics.append(types.Diagnostic(
            range=_line_range(types, max((warning.line or 1) - 1, 0)),
            message=warning.message if warning.line else str(warning),
            severity=types.DiagnosticSeverity.Warning, source="dsfact", code=str(warning.code)))
    return diagnostics


def suppress_actions(result: FileResult, doc, params, types) -> list:
    """Quick fixes for the findings on the lines of `params.range` (those of the diagnostics asked
    about, if any): append the inline suppression of the claim to the line, once per claim and line."""
    first, last = params.range.start.line + 1, params.range.end.line + 1
    wanted = {d.code for d in params.context.diagnostics if d.source == "dsfact" and d.code}
    actions, seen = [], set()
    for finding in result.findings:
        loc = finding.location
        if loc is None or not (first <= loc.line <= last) or (wanted and finding.claim not in wanted):
            continue
        if (finding.claim, loc.line) in seen:
            continue
        seen.add((finding.claim, loc.line))
        lines = doc.lines
        text = lines[loc.line - 1].rstrip("\r\n") if loc.line - 1 < len(lines) else ""
        end = doc.position_codec.position_to_client_units(lines, _server_position(loc.line - 1, len(text)))
        edit = types.TextEdit(range=types.Range(start=end, end=end), new_text=" " + suppression_comment(finding))
        actions.append(types.CodeAction(
            title=f"Suppress {finding.claim} on this line (dsfact: ignore {finding.claim})",
            kind=types.CodeActionKind.QuickFix,
            diagnostics=[d for d in params.context.diagnostics if d.code == finding.claim],
            edit=types.WorkspaceEdit(changes={params.text_document.uri: [edit]}),
        ))
    return actions


def hover_at(result: FileResult, registry, doc, position, types):
    """The claim table of the finding under the cursor, or None."""
    at = doc.position_codec.position_from_client_units(doc.lines, position)
    line, column = at.line + 1, at.character + 1
    for finding in result.findings:
        loc = finding.location
        if loc is None:
            continue
        if (loc.line, loc.column) <= (line, column) < (loc.end_line, loc.end_column):
            return types.Hover(
                contents=types.MarkupContent(kind=types.MarkupKind.Markdown, value=claim_table(finding, registry)),
                range=_to_range(doc, finding))
    return None


def _server_position(line: int, character: int):
    from pygls.workspace.position_codec import ServerTextPosition

    return ServerTextPosition(line, character)


def serve(*, registry: str | None = None, config_file: str | None = None) -> int:
    """Serve the protocol on stdin/stdout until the client says exit."""
    try:
        import lsprotocol  # noqa: F401
        import pygls  # noqa: F401
    except ImportError:
        raise UsageError("the language server needs pygls: pip install 'dsfact[lsp]'") from None
    server = build_server(Checker(registry=registry, config_file=config_file))
    server.start_io(sys.stdin.buffer, sys.stdout.buffer)
    return EXIT_OK
