"""dsfact: check the figures in a text against a registry of sourced claims."""


def wide_charsets_sooner(load: bool = False) -> None:
    """Wide character classes ("[为本功立]", "(?i:[a-z])") compile sooner from now on, to the same code
    (dsfact/_charsets.py, loaded at the first one). Done on import when `re` is loaded already (as it is
    under the `dsfact` script), else by the command line after `--version` (`load`), which compiles none."""
    import sys

    _compiler = sys.modules.get("re._compiler")
    if _compiler is None:
        if not load:
            return
        from re import _compiler
    original = _compiler._optimize_charset
    if sys.version_info[:2] not in ((3, 11), (3, 12), (3, 13)) or original.__module__.startswith("dsfact"):
        return
    literal, span = _compiler.LITERAL, _compiler.RANGE

    def first_wide(charset, iscased=None, fixup=None, fixes=None):
        for op, av in charset:
            if fixes or (av if op is literal else av[1] if op is span else 0) > 255:
                from dsfact._charsets import install

                return install(original)(charset, iscased, fixup, fixes)
        return original(charset, iscased, fixup, fixes)

    _compiler._optimize_charset = first_wide


wide_charsets_sooner()


def __getattr__(name: str):
    if name == "__version__":  # importing dsfact loads nothing until it is asked for
        from dsfact._version import __version__

        return __version__
    raise AttributeError(f"module 'dsfact' has no attribute {name!r}")


def check_text(text, registry=None, date=None):
    """Check `text` against `registry` (the bundled one when None); return the list of findings. `date`
    ("2025-01-28") is when the text was written: "last year" and "yesterday" count from it."""
    from dsfact.check import check_text as _check_text

    return _check_text(text, registry=registry, date=date)
