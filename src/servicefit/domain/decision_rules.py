"""Decision rules: which candidates a selection decision picks, for adverse-impact checks.

cutoff:X   fit at or above X (0-100) and not knocked out
band:B     band B or better (strong, good, borderline, weak) and not knocked out
knockout   not knocked out
top:N      the first N of the shortlist order (knocked-out candidates last)
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from servicefit.domain.fit import BAND_CUTS, FitResult, rank

RuleKind = Literal["cutoff", "band", "knockout", "top"]
BANDS = tuple(name for name, _ in BAND_CUTS)


class InvalidRule(ValueError):
    """A decision rule that cannot be read."""


@dataclass(frozen=True)
class DecisionRule:
    kind: RuleKind
    value: float | str | int | None = None

    def __str__(self) -> str:
        return self.kind if self.value is None else f"{self.kind}:{self.value}"

    def select(self, results: Sequence[tuple[str, FitResult]]) -> dict[str, bool]:
        """Selected or not, per candidate key."""
        if self.kind == "top":
            count = int(self.value or 0)
            order = [key for key, _ in rank(results)]
            chosen = set(order[:count])
            return {key: key in chosen for key, _ in results}
        return {key: self.selects(fit) for key, fit in results}

    def selects(self, fit: FitResult) -> bool:
        if fit.knocked_out:
            return False
        if self.kind == "cutoff":
            return fit.fit >= float(self.value or 0)
        if self.kind == "band":
            return BANDS.index(fit.band) <= BANDS.index(str(self.value))
        if self.kind == "knockout":
            return True
        raise InvalidRule("top:N ranks the whole group; use select()")


def parse_rule(text: str) -> DecisionRule:
    """Read 'cutoff:55', 'band:good', 'knockout' or 'top:10'."""
    kind, _, value = text.strip().partition(":")
    kind, value = kind.strip().lower(), value.strip()
    if kind == "knockout" and not value:
        return DecisionRule("knockout")
    if kind == "cutoff":
        try:
            cut = float(value)
        except ValueError:
            raise InvalidRule(f"cutoff needs a number from 0 to 100, not {value!r}") from None
        if not 0 <= cut <= 100:
            raise InvalidRule(f"cutoff {cut} is outside 0-100")
        return DecisionRule("cutoff", cut)
    if kind == "band":
        if value not in BANDS:
            raise InvalidRule(f"band must be one of {', '.join(BANDS)}, not {value!r}")
        return DecisionRule("band", value)
    if kind == "top":
        if not value.isdigit() or int(value) < 1:
            raise InvalidRule(f"top needs a whole number of at least 1, not {value!r}")
        return DecisionRule("top", int(value))
    raise InvalidRule(f"unknown rule {text!r}: use cutoff:X, band:B, knockout or top:N")
