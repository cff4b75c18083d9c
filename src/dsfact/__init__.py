"""dsfact: check the figures in a text against a registry of sourced claims."""

__version__ = "0.1.0"


def check_text(text, registry=None):
    """Check `text` against `registry` (the bundled one when None); return the list of findings."""
    from dsfact.check import check_text as _check_text

    return _check_text(text, registry=registry)
