"""dsfact's version, in a module of its own: the registry cache keys on it, and the lowest layers may
import this without the package's library facade (dsfact.check_text), which sits above the checker."""

__version__ = "0.1.0"
