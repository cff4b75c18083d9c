"""Renderers: pure functions from a Report to text; the only place output formats live."""
