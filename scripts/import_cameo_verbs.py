"""Convert the CAMEO verb dictionary into dyads' imported verb senses.

Run by ``make knowledge``; never at run time. Reads ``CAMEO.2.0.txt`` from the Phoenix folder
(default ``../shared/reference/phoenix``) and the CAMEO → PLOVER table beside it
(``../shared/reference/CAMEO2PLOVER-2021.txt``) and writes
``src/dyads/knowledge/imported/cameo_verbs.tsv``, every row with the dictionary line it came
from. The output depends only on the input: re-running it changes nothing.

    python scripts/import_cameo_verbs.py [--from DIR] [--mapping FILE]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from dyads.knowledge.cameo_verbs import VERBS_FILE, convert_verbs, parse_mapping, to_tsv

REFERENCE = Path(__file__).resolve().parents[1] / ".." / "shared" / "reference"
DICTIONARY = "CAMEO.2.0.txt"


def _read(path: Path) -> str | None:
    try:
        return path.read_text(encoding="utf-8", errors="replace")
    except OSError as error:
        print(f"{path}: cannot read ({error.__class__.__name__})", file=sys.stderr)
        return None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--from", dest="source", type=Path, default=REFERENCE / "phoenix", help="dictionary folder"
    )
    parser.add_argument(
        "--mapping", type=Path, default=REFERENCE / "CAMEO2PLOVER-2021.txt", help="CAMEO → PLOVER"
    )
    args = parser.parse_args(argv)
    verbs, mapping = _read(args.source / DICTIONARY), _read(args.mapping)
    if verbs is None or mapping is None:
        return 1
    rows = convert_verbs(verbs, parse_mapping(mapping), DICTIONARY)
    text = to_tsv(rows)
    VERBS_FILE.write_text(text, encoding="utf-8")
    print(f"{VERBS_FILE}: {len(rows)} senses of {len({r.verb for r in rows})} verbs")
    return 0


if __name__ == "__main__":
    sys.exit(main())
