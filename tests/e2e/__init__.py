"""End-to-end browser tests of the web app."""
