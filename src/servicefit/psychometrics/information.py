"""Expected item information over a population, and the SE it implies.

Expected information averages the Fisher information I(θ) of an item
(`irt.information`: GRM, which includes the 2PL) over θ ~ N(0, 1) on the
61-point grid of `irt.GRID`. It is used to plan assessments before items are
calibrated (Baker & Kim, 2004, ch. 6, for quadrature).
"""

from __future__ import annotations

import math

import numpy as np

from servicefit.psychometrics.irt import GRID, ItemParameters, information

_WEIGHTS = np.exp(-0.5 * GRID**2)
_WEIGHTS /= _WEIGHTS.sum()


def expected_information(item: ItemParameters) -> float:
    return float(_WEIGHTS @ information(item, GRID))


def posterior_standard_error(information_total: float) -> float:
    """SE of an EAP-like estimate with a N(0, 1) prior: 1 / sqrt(1 + I)."""
    return 1.0 / math.sqrt(1.0 + information_total)
