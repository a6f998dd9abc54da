#!/usr/bin/env python3
"""Check every quiz_data/ file against the schema without building the site.

    python scripts/validate_data.py [DATA_DIR]

Prints one line per problem (file:line, item, field, what was expected) and
exits 1 if there are any.
"""

from __future__ import annotations

import sys
from pathlib import Path

from goal_pyramid import QuizDataError, load_catalogue


def main(argv: list[str]) -> int:
    data_dir = Path(argv[1]) if len(argv) > 1 else Path("quiz_data")
    try:
        catalogue = load_catalogue(data_dir)
    except QuizDataError as error:
        print(error, file=sys.stderr)
        return 1
    layers = sum(len(p.layers) for p in catalogue.pyramids.values())
    cards = sum(len(c.cards) for c in catalogue.card_sets.values())
    questions = sum(len(q.items) for q in catalogue.quizzes.values())
    print(
        f"{data_dir}: all data is valid ({len(catalogue.pyramids)} pyramid, {layers} layers;"
        f" {len(catalogue.card_sets)} card set, {cards} cards;"
        f" {len(catalogue.quizzes)} practice sets, {questions} questions)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
