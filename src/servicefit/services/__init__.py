"""Use cases: one service function per use case, one transaction each."""
