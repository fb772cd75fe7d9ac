"""The business model in plain Python: no framework, no I/O."""
