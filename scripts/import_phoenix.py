"""Convert the Phoenix/PETRARCH2 dictionaries into dyads' imported knowledge files.

Run by ``make knowledge``; never at run time. Reads the dictionaries from a folder (default
``../shared/reference/phoenix``) and writes ``src/dyads/knowledge/imported/phoenix_*.tsv`` and
the dictionaries' licence beside them. The output depends only on the input: re-running it
changes nothing.

    python scripts/import_phoenix.py [--from DIR]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from dyads.knowledge import load_knowledge
from dyads.knowledge.imported import IMPORTED_DIR, read_codes
from dyads.knowledge.phoenix_build import build

DICTIONARIES = (
    "Phoenix.Countries.actors.txt",
    "Phoenix.International.actors.txt",
    "Phoenix.MilNonState.actors.txt",
    "Phoenix.agents.txt",
    "LICENSE",
)
DEFAULT_SOURCE = Path(__file__).resolve().parents[1] / ".." / "shared" / "reference" / "phoenix"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--from", dest="source", type=Path, default=DEFAULT_SOURCE, help="dictionary folder")
    args = parser.parse_args(argv)
    files: dict[str, str] = {}
    for name in DICTIONARIES:
        path = args.source / name
        try:
            files[name] = path.read_text(encoding="utf-8", errors="replace")
        except OSError as error:
            print(f"{path}: cannot read ({error.__class__.__name__})", file=sys.stderr)
            return 1
    # Codes are read through the curated countries; the imported tables add no country.
    outputs = build(files, load_knowledge(()), read_codes())
    for name, text in outputs.items():
        (IMPORTED_DIR / name).write_text(text, encoding="utf-8")
        print(f"{IMPORTED_DIR / name}: {text.count(chr(10))} lines")
    return 0


if __name__ == "__main__":
    sys.exit(main())
