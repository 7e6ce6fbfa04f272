"""Models of the risks app, one module per part of the register."""

from scorecard.actions.models import Action  # a risk's further actions: risk.actions

from .escalation import Escalation
from .links import IndicatorLink
from .matrix import MatrixBand, MatrixCell, MatrixLevel, RiskMatrix
from .registers import Register, RiskAppetite, RiskArea, RiskCategory
from .risks import Assessment, Risk
from .treatment import Control

__all__ = [
    "Action",
    "Assessment",
    "Control",
    "Escalation",
    "IndicatorLink",
    "MatrixBand",
    "MatrixCell",
    "MatrixLevel",
    "Register",
    "Risk",
    "RiskAppetite",
    "RiskArea",
    "RiskCategory",
    "RiskMatrix",
]
