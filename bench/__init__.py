"""The sern-graph benchmark: `./sern bench` (or `python -m bench`); see bench/README.md."""
