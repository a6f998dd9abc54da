"""Goal Pyramid: components for an explainer site, rendered from validated YAML."""

from .errors import Problem, QuizDataError
from .loader import Catalogue, load_catalogue

__all__ = ["Catalogue", "Problem", "QuizDataError", "load_catalogue"]
