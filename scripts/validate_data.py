#!/usr/bin/env python3
"""Check every quiz_data/ file against the schema without building the site.

    python scripts/validate_data.py [DATA_DIR] [--extra EXTRA_DIR]

EXTRA_DIR defaults to $GOAL_PYRAMID_EXTRA_DATA, the folder the site build
merges in too.

Prints one line per problem (file:line, item, field, what was expected) and
exits 1 if there are any.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from goal_pyramid import DataError, load_catalogue


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data_dir", nargs="?", default="quiz_data", type=Path)
    parser.add_argument("--extra", default=os.environ.get("GOAL_PYRAMID_EXTRA_DATA", ""),
                        help="a folder of extra YAML to merge in (default: $GOAL_PYRAMID_EXTRA_DATA)")
    args = parser.parse_args(argv[1:])
    data_dir = args.data_dir
    extra_dirs = [Path(args.extra.strip())] if args.extra.strip() else []
    try:
        catalogue = load_catalogue(data_dir, extra_dirs)
    except DataError as error:
        print(error, file=sys.stderr)
        return 1
    layers = sum(len(p.layers) for p in catalogue.pyramids.values())
    cards = sum(len(c.cards) for c in catalogue.card_sets.values())
    questions = sum(len(q.items) for q in catalogue.quizzes.values())
    where = " + ".join(str(d) for d in [data_dir, *extra_dirs])
    print(
        f"{where}: all data is valid ({len(catalogue.pyramids)} pyramid, {layers} layers;"
        f" {len(catalogue.card_sets)} card set, {cards} cards;"
        f" {len(catalogue.quizzes)} practice sets, {questions} questions)"
    )
    for set_id, files in catalogue.additions.items():
        print(f"  {set_id}: items added from {', '.join(files)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
