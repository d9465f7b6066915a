"""Versions of the package and of the coder (a leaf module: anything may import it)."""

__version__ = "0.1.0"
CODER_VERSION = "jalin-coder/0.1"
