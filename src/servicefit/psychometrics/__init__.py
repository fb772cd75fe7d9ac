"""Psychometric engines: numbers in, numbers out. No servicefit concept lives here."""
