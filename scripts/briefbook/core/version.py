"""The engine's version, in one place (the package root and the analysis cache read it)."""

__version__ = "0.1.0"
