"""Written-reply scoring: text in, rubric levels with evidence out.

Offline and rule-based: per-language cue lexicons written for servicefit,
Hunspell dictionaries for spelling, Harper for English grammar and Lingua for
language identification. It knows nothing of databases, the web or
servicefit's framework: callers map its dimensions and indicator names.
Public entry point: `score_reply` in `scorer.py`.
"""
