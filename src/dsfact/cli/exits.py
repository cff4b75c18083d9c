"""How a dsfact run ends, decided here and nowhere else: the exit status of a check (0 clean, 1 findings
that --fail-on names, 2 unreadable input or a usage error, 130 interrupted) and the one error handler
that turns every error into one line on stderr and its status, never a traceback. What each --fail-on
word means is a setting (dsfact.workspace.settings.FAIL_AT).
"""
from __future__ import annotations

import sys

from dsfact.errors import EXIT_ERROR, EXIT_FINDINGS, EXIT_INTERRUPTED, EXIT_OK, DsfactError


def exit_code(report, fail_on: str) -> int:
    """The one place that decides the exit status of a check (a dsfact.model.Report): 2 for unreadable
    input, 1 for findings that --fail-on names, else 0."""
    from dsfact.workspace.settings import FAIL_AT

    if any(r.error for r in report.files):
        return EXIT_ERROR
    failing = FAIL_AT[fail_on]
    if any(f.severity in failing for r in report.files for f in r.findings):
        return EXIT_FINDINGS
    return EXIT_OK


def guarded(run, *args) -> int:
    """`run(*args)`'s exit status; every error becomes one line on stderr and its status."""
    try:
        return run(*args)
    except DsfactError as exc:  # one line, whatever the error (`dsfact validate` lists every registry fault)
        from dsfact.errors import RegistryError

        message = " ".join(str(exc).split())
        if isinstance(exc, RegistryError) and len(exc.problems) > 1:
            message += f"; dsfact validate {exc.path} lists them all"
        say(f"dsfact: error: {_visible(message)}\n")
        return exc.exit_code
    except KeyboardInterrupt:
        _second_interrupt_ends()
        say("dsfact: interrupted\n")
        return EXIT_INTERRUPTED
    except BrokenPipeError:  # the reader went away (| head): the report is cut short, which is not success
        discard_stdout()
        return EXIT_ERROR
    except Exception as exc:  # click's usage errors and anything unforeseen: one line, never a traceback
        if hasattr(exc, "show") and hasattr(exc, "exit_code"):  # a usage error from the option parser
            return _usage_error(exc)
        if type(exc).__name__ == "Abort":
            return EXIT_INTERRUPTED
        say(f"dsfact: internal error: {type(exc).__name__}: {_visible(str(exc))}\n")
        return EXIT_ERROR


def _second_interrupt_ends() -> None:
    """After the first Ctrl-C, a second one ends the process at once with status 130: it may come while the
    run winds down (workers being ended, threads joined at exit), where a KeyboardInterrupt would print a
    traceback from the interpreter's own shutdown."""
    import os
    import signal

    try:
        signal.signal(signal.SIGINT, lambda *_: os._exit(EXIT_INTERRUPTED))
    except ValueError:  # not the main thread (an embedding host's): its own Ctrl-C handling stays
        pass


def _usage_error(exc) -> int:
    """A usage error from Typer's parser as one line: `dsfact: error: dsfact claims: No such option ...`.
    With no command at all, the help is what helps."""
    if type(exc).__name__ == "NoArgsIsHelpError":
        exc.show()
        return EXIT_ERROR
    ctx = getattr(exc, "ctx", None)
    where = f"{ctx.command_path}: " if ctx is not None and getattr(ctx, "command_path", None) else ""
    message = " ".join(exc.format_message().replace("Value error, ", "").split())
    hint = f" ({ctx.command_path} -h lists the options)" if where else ""
    say(_visible(f"dsfact: error: {where}{message}{hint}") + "\n")
    return EXIT_ERROR


def _visible(text: str) -> str:
    """An error message as one printable line: the file names and registry strings in it may hold control
    or bidirectional characters (render.escape.visible; imported here, not at start-up)."""
    from dsfact.render.escape import visible

    return visible(text)


def discard_stdout() -> None:
    """Send the rest of standard output nowhere (its reader has gone): no error at exit either."""
    import os

    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError):
        pass
    try:
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - lives as long as the process
    except OSError:
        pass


def say(text: str) -> None:
    """Write to stderr, if there is one to write to."""
    try:
        if sys.stderr is not None:
            sys.stderr.write(text)
            sys.stderr.flush()
    except (OSError, ValueError):
        pass


def end_process(code: int) -> int:
    """End the process now with status `code`, once standard output and error are flushed, when nothing is
    left for the interpreter's own exit to do but free memory (a fifth of a short article's check):
    no atexit handler (worker pools, coverage), no thread besides this one. Otherwise, or when a flush
    fails (a reader gone: the interpreter's exit reports that, as before), return `code` for sys.exit."""
    import atexit
    import os

    count = getattr(atexit, "_ncallbacks", None)
    threading = sys.modules.get("threading")
    if count is None or count() or (threading is not None and threading.active_count() > 1):
        return code
    try:
        for stream in {id(s): s for s in (sys.stdout, sys.stderr, sys.__stdout__, sys.__stderr__)
                       if s is not None}.values():
            stream.flush()
    except Exception:  # noqa: BLE001 - the interpreter's exit reports it, as without this
        return code
    os._exit(code)
