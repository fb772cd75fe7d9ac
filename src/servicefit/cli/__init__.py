"""The `servicefit` command line: parse, call one service function, print."""
