"""dsfact: check the figures in a text against a registry of sourced claims."""


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
