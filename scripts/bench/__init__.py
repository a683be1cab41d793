"""The benchmark against stock Material: `make bench`, `make bench-check`."""
