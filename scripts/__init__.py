"""Commands run from the repository root as `python -m scripts.<name>` (see the Makefile)."""
