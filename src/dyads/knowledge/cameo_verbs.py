"""The CAMEO verb dictionary as rows of verb senses, and the imported table they are kept in.

``scripts/import_cameo_verbs.py`` (``make knowledge``) reads the Phoenix/PETRARCH2 verb
dictionary (``CAMEO.2.0.txt``) and the CAMEO → PLOVER table and writes
``imported/cameo_verbs.tsv``; the event lexicon reads that table here, once per process, and
tries its senses only for verbs the curated lexicon lacks.

What is converted: each verb of a synonym set gets the set's CAMEO code (``--- OFFER [030] ---``);
each simple phrase pattern of the set gives every verb of the set a conditional sense: an object
(``- * AID [070]``), a preposition (``- * (TO) [042]``), a preposition with its object
(``- * (INTO CHARGES) [090]``) or an object and a preposition (``- * TRIBUNAL (AGAINST) [090]``);
an object phrase (``{ARMS SHIPMENT}``) is its noun with the words before it as modifiers.
Patterns with synonym sets (``&WEAPON``), subjects, several phrases or source/target markers are
left out: the lexicon's conditions cannot say them. A code PLOVER has no
type for (CAMEO's statements and appeals) gives no sense; ``[---]`` gives a "not an event" sense.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from dyads.knowledge.registry import BUILTIN_DIR, KnowledgeError

VERBS_FILE = BUILTIN_DIR / "imported" / "cameo_verbs.tsv"
SOURCE = "phoenix"
COLUMNS = ("verb", "type", "mode", "cameo", "objects", "preps", "modifiers", "source")

_HEADER = re.compile(r"^---\s+(\S+)\s+\[([^\]]*)\]\s+---")
_PATTERN = re.compile(r"^-\s+(.*?)\s*\[([^\]]*)\]")
_MAPPING = re.compile(r"^(\d{2,4}):\s*([A-Z]+)\s*,([^,#]*),?")
_WORD = re.compile(r"^[A-Z][A-Z']*_?$")
_VERB = re.compile(r"^\+?([A-Z][A-Z_]*[A-Z])_?(?:\s|\{|#|$)")


@dataclass(frozen=True)
class VerbRow:
    """One imported verb sense: the verb (lemma, "wipe out" for a multi-word verb), its PLOVER
    type ("-" for a phrase that is not an event), mode and CAMEO code, the object lemmas or
    prepositions it asks for, and the dictionary line it came from."""

    verb: str
    type: str
    mode: str
    cameo: str
    objects: tuple[str, ...]
    preps: tuple[str, ...]
    modifiers: tuple[str, ...]  # words before the object noun ("economic" of "{ECONOMIC AID}")
    source: str


def parse_mapping(text: str) -> dict[str, tuple[str, str]]:
    """CAMEO code → (PLOVER type, mode) from ``CAMEO2PLOVER``; the first line for a code wins."""
    out: dict[str, tuple[str, str]] = {}
    for line in text.splitlines():
        match = _MAPPING.match(line.strip())
        if match and match.group(1) not in out:
            out[match.group(1)] = (match.group(2), match.group(3).strip())
    return out


def plover_of(code: str, mapping: dict[str, tuple[str, str]]) -> tuple[str, str] | None:
    """The PLOVER type and mode of a CAMEO code; a code not in the table takes its parent's."""
    if code == "---":
        return ("-", "")
    for length in range(len(code), 1, -1):
        found = mapping.get(code[:length])
        if found is not None:
            return found
    return None


def _word(token: str) -> str | None:
    """A plain dictionary word in lower case ("CHARGES" → "charges"), None for anything else."""
    return token.rstrip("_").lower() if _WORD.match(token) else None


def _pattern_conditions(pattern: str) -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]] | None:
    """(objects, preps, modifiers) of a simple pattern after the verb, None for one we cannot say.

    The object may be a phrase in braces, read as its last word (the noun) with the words before
    it as modifiers: ``* {ECONOMIC AID}``.
    """
    word = r"[A-Z'_]+"
    match = re.fullmatch(
        rf"\*\s*(?:({word})|\{{\s*({word}(?:\s+{word})+)\s*\}})?\s*(?:\(\s*({word})(?:\s+({word}))?\s*\))?",
        pattern.strip(),
    )
    if not match or not any(match.groups()):
        return None
    obj, phrase, prep, pobj = match.groups()
    modifiers_raw: list[str] = []
    if phrase:
        *modifiers_raw, obj = phrase.split()
    if obj and pobj:
        return None  # object and prepositional object: more than one object condition
    raw = [w for w in (obj, prep, pobj, *modifiers_raw) if w]
    if any(_word(w) is None for w in raw):
        return None
    objects = tuple(_word(w) or "" for w in (obj, pobj) if w)
    preps = (_word(prep) or "",) if prep else ()
    return objects, preps, tuple(_word(w) or "" for w in modifiers_raw)


def convert_verbs(
    text: str, mapping: dict[str, tuple[str, str]], name: str = "CAMEO.2.0.txt"
) -> list[VerbRow]:
    """Every sense the verb dictionary gives, in file order (deterministic)."""
    rows: list[VerbRow] = []
    verbs: list[str] = []
    default: tuple[str, str, str, str] | None = None  # (type, mode, code, source) of the set
    lines = text.splitlines()
    start = next((i for i, line in enumerate(lines) if "VERB PATTERNS" in line), len(lines))
    for number, line in enumerate(lines[start:], start + 1):
        if "TRANSFORMATIONS" in line:
            break
        header = _HEADER.match(line)
        if header:
            verbs = []
            code = header.group(2).strip()
            found = plover_of(code, mapping) if code != "---" else None
            default = (found[0], found[1], code, f"{name}:{number}") if found else None
            continue
        if not line.strip() or line.startswith("#"):
            continue
        if line.startswith("-"):
            pattern = _PATTERN.match(line)
            if not pattern or ":" in pattern.group(2):
                continue  # no code, or a code pair for a reversed dyad
            code = pattern.group(2).strip()
            conditions = _pattern_conditions(pattern.group(1))
            found = plover_of(code, mapping)
            if conditions is None or found is None:
                continue
            for verb in verbs:
                rows.append(VerbRow(verb, found[0], found[1], code, *conditions, f"{name}:{number}"))
            continue
        verb_match = _VERB.match(line)
        if verb_match is None:
            continue
        verb = verb_match.group(1).replace("_", " ").lower()
        verbs.append(verb)
        if default is not None:
            rows.append(VerbRow(verb, default[0], default[1], default[2], (), (), (), f"{name}:{number}"))
    return rows


def to_tsv(rows: list[VerbRow]) -> str:
    head = "# CAMEO verb senses converted from the Phoenix/PETRARCH2 verb dictionary (MIT, LICENSE.phoenix)\n"
    lines = [head, "\t".join(COLUMNS) + "\n"]
    for row in rows:
        cells = (
            row.verb,
            row.type,
            row.mode,
            row.cameo,
            " ".join(row.objects),
            " ".join(row.preps),
            " ".join(row.modifiers),
            row.source,
        )
        lines.append("\t".join(cells) + "\n")
    return "".join(lines)


@lru_cache(maxsize=1)
def imported_verbs() -> tuple[VerbRow, ...]:
    """The shipped table (empty when a checkout has none: the curated lexicon still runs)."""
    if not VERBS_FILE.is_file():
        return ()
    try:
        lines = [
            line for line in VERBS_FILE.read_text(encoding="utf-8").splitlines() if not line.startswith("#")
        ]
    except (OSError, UnicodeDecodeError) as error:
        raise KnowledgeError(str(VERBS_FILE), f"cannot read ({error.__class__.__name__})") from None
    rows = []
    for number, line in enumerate(lines[1:], 3):
        cells = line.split("\t")
        if len(cells) != len(COLUMNS):
            raise KnowledgeError(f"{VERBS_FILE}:{number}", f"expected {len(COLUMNS)} columns")
        verb, type_, mode, cameo, objects, preps, modifiers, source = cells
        rows.append(
            VerbRow(
                verb,
                type_,
                mode,
                cameo,
                tuple(objects.split()),
                tuple(preps.split()),
                tuple(modifiers.split()),
                source,
            )
        )
    return tuple(rows)
