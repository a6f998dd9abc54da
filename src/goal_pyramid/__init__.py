"""Goal Pyramid: components for an explainer site, rendered from validated YAML."""

from .errors import DataError, GoalPyramidError, MarkerError, Problem, SettingsError
from .loader import Catalogue, load_catalogue

__all__ = ["Catalogue", "DataError", "GoalPyramidError", "MarkerError", "Problem", "SettingsError", "load_catalogue"]
