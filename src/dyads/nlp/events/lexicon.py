"""The event lexicon and PLOVER table, read from knowledge YAML once and compiled into dicts.

``knowledge/event_lexicon.yaml`` says which words carry which events;
``knowledge/plover.yaml`` holds the types, modes and scores (read through
:mod:`dyads.knowledge.plover`). A user directory in ``Options.knowledge_dirs`` may hold files
of the same names; their entries replace the built-in ones word by word (type by type for the
PLOVER table). Both files are found through the knowledge registry.

The CAMEO verb dictionary, imported into ``knowledge/imported/cameo_verbs.tsv``, adds senses for
verbs the curated lexicon lacks when ``imported_verbs: true`` is set in ``event_lexicon.yaml``
(the last layer that sets it wins, so a user's folder can switch it either way): a curated verb
always keeps its own senses, and an imported sense names its dictionary line in ``entry``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from dyads.knowledge.cameo_verbs import VerbRow, imported_verbs
from dyads.knowledge.plover import PloverType, plover_types
from dyads.knowledge.registry import KnowledgeError, Layer, load

CAMEO_CODE = re.compile(r"^\d{2,4}$")
# which imported CAMEO verb senses the lexicon takes: none, only those with an object or
# preposition condition ("patterns"), or every sense including a synonym set's plain code ("all")
IMPORTED_VERBS = ("none", "patterns", "all")


class LexiconError(KnowledgeError):
    """A knowledge file could not be read; the message names the file and the entry."""


@dataclass(frozen=True)
class Sense:
    """One reading of a trigger word: the PLOVER type it codes and when it applies."""

    type: str
    mode: str | None = None
    cameo: str | None = None
    contexts: tuple[str, ...] = ()
    objects: frozenset[str] = frozenset()  # required object lemmas (verbs)
    preps: frozenset[str] = frozenset()  # required preposition or particle (verbs)
    modifiers: frozenset[str] = frozenset()  # required compound/adjective lemmas (nouns)
    subjects: frozenset[str] = frozenset()  # required subject lemmas (verbs: "troops left")
    predicates: frozenset[str] = frozenset()  # required object predicate ("called the junta illegitimate")
    reverse: bool = False  # subject is the recipient ("hosted": the visitor acts)
    owner: str = "actor"  # nouns: what a possessor or country modifier is ("Mali's coup": recipient)
    entry: str = ""  # "verb:sign" — where the sense came from, for ``Event.why``

    @property
    def conditional(self) -> bool:
        return bool(self.objects or self.preps or self.modifiers or self.subjects or self.predicates)


@dataclass(frozen=True)
class Lexicon:
    verbs: dict[str, tuple[Sense, ...]]
    nouns: dict[str, tuple[Sense, ...]]  # single-word nouns, by lemma
    noun_phrases: dict[tuple[str, ...], tuple[Sense, ...]]  # multi-word nouns, by lemma tuple
    light_verbs: frozenset[str]
    happen_verbs: frozenset[str]
    governors: dict[str, str]
    transparent: dict[str, str | None]
    modal_request: frozenset[str]
    blame_reporters: frozenset[str]  # verbs whose reported clause may lay blame (``blame``)
    wrongdoings: frozenset[str]  # what one commits and is blamed for ("crimes", "atrocities")
    actorless_ok: frozenset[str]
    natural_causes: frozenset[str]
    weapons: frozenset[str]
    situation_nouns: frozenset[str]
    agent_nouns: frozenset[str]
    commands: frozenset[str]
    context_words: dict[str, str]
    types: dict[str, PloverType]
    complement_modes: dict[str, dict[str, str]]
    future_as_agree: frozenset[str]
    future_as_concede: frozenset[str]

    def score(self, type_: str, mode: str | None) -> float:
        info = self.types.get(type_)
        if info is None:
            return 0.0
        if mode and mode in info.modes:
            return info.modes[mode]
        return info.score

    def cameo(self, type_: str) -> str | None:
        info = self.types.get(type_)
        return info.cameo if info else None

    def verbal(self, type_: str) -> bool:
        """Is the type a verbal act (said, not done)? Verbal acts need a known speaker."""
        info = self.types.get(type_)
        return bool(info and info.verbal)

    def cooperative(self, type_: str) -> bool:
        """Is the type verbal or material cooperation?"""
        info = self.types.get(type_)
        return bool(info and info.cooperative)

    def quad(self, type_: str) -> str:
        """The quad class of the type ("material_conflict"), empty if the type is unknown."""
        info = self.types.get(type_)
        return info.quad if info else ""

    def valid_mode(self, type_: str, mode: str | None) -> bool:
        info = self.types.get(type_)
        return bool(mode and info and mode in info.modes)


def parse_sense(text: str, entry: str, types: dict[str, PloverType] | None = None) -> Sense:
    """Read "TYPE [mode] [cameo] [@context …]" into a Sense."""
    parts = str(text).split()
    if not parts:
        raise LexiconError(entry, "empty sense")
    if parts[0] == "-":
        return Sense(type="-", entry=entry)  # a phrase that is not an event ("shoot up")
    type_ = parts[0].upper()
    if types is not None and type_ not in types:
        raise LexiconError(entry, f"unknown PLOVER type {parts[0]!r}")
    mode = cameo = None
    contexts: list[str] = []
    for part in parts[1:]:
        if part.startswith("@"):
            contexts.append(part[1:])
        elif CAMEO_CODE.match(part):
            cameo = part
        else:
            mode = part
    return Sense(type=type_, mode=mode, cameo=cameo, contexts=tuple(contexts), entry=entry)


def _word(value: Any) -> str:
    """A preposition as written: YAML reads a bare ``on``/``off`` as true/false."""
    if isinstance(value, bool):
        return "on" if value else "off"
    return str(value).lower()


def _senses(key: str, value: Any, section: str, types: dict[str, PloverType]) -> tuple[Sense, ...]:
    items = value if isinstance(value, list) else [value]
    out: list[Sense] = []
    for item in items:
        entry = f"{section}:{key}"
        if isinstance(item, str):
            out.append(parse_sense(item, entry, types))
            continue
        if not isinstance(item, dict) or "sense" not in item:
            raise LexiconError(entry, "expected a sense string or a mapping with 'sense'")
        base = parse_sense(item["sense"], entry, types)
        out.append(
            Sense(
                type=base.type,
                mode=base.mode,
                cameo=base.cameo,
                contexts=base.contexts,
                entry=entry,
                objects=frozenset(str(o).lower() for o in item.get("objects") or ()),
                preps=frozenset(_word(p) for p in item.get("preps") or ()),
                modifiers=frozenset(str(m).lower() for m in item.get("modifiers") or ()),
                subjects=frozenset(str(m).lower() for m in item.get("subjects") or ()),
                predicates=frozenset(str(m).lower() for m in item.get("predicates") or ()),
                owner="recipient" if item.get("owner") == "recipient" else "actor",
                reverse=bool(item.get("reverse")),
            )
        )
    # conditional senses are tried first
    return tuple(sorted(out, key=lambda s: not s.conditional))


def _layers(name: str, knowledge_dirs: tuple[str, ...]) -> tuple[Layer, ...]:
    """The built-in file and the user's, every read error a LexiconError naming the file."""
    try:
        return load(name, knowledge_dirs)
    except KnowledgeError as error:
        raise LexiconError(error.source, error.problem) from None


def _plover(knowledge_dirs: tuple[str, ...]) -> tuple[dict[str, PloverType], dict[str, Any]]:
    """The PLOVER types by name, and the coding tables of plover.yaml (the last layer's wins)."""
    try:
        types = {info.name: info for info in plover_types(knowledge_dirs)}
    except KnowledgeError as error:
        raise LexiconError(error.source, error.problem) from None
    merged: dict[str, Any] = {}
    for layer in _layers("plover.yaml", knowledge_dirs):
        for key in ("future_as_agree", "future_as_concede", "complement_modes"):
            if key in layer.data:
                merged[key] = layer.data[key]
    return types, merged


def imported_senses(
    rows: tuple[VerbRow, ...],
    curated: dict[str, tuple[Sense, ...]] | set[str],
    types: dict[str, PloverType],
    patterns_only: bool = False,
) -> dict[str, tuple[Sense, ...]]:
    """Senses of the imported verb rows for the verbs ``curated`` lacks, conditional ones first."""
    found: dict[str, dict[tuple[str, str, frozenset[str], frozenset[str], frozenset[str]], Sense]] = {}
    for row in rows:
        # "ask for" is tried before "ask": an imported phrase of a curated verb would override it
        if (
            row.verb in curated
            or row.verb.split()[0] in curated
            or (row.type != "-" and row.type not in types)
        ):
            continue
        if patterns_only and not (row.objects or row.preps):
            continue
        mode = row.mode if row.type in types and row.mode in types[row.type].modes else None
        sense = Sense(
            type=row.type,
            mode=mode,
            cameo=row.cameo if CAMEO_CODE.match(row.cameo) else None,
            objects=frozenset(row.objects),
            preps=frozenset(row.preps),
            modifiers=frozenset(row.modifiers),
            entry=f"phoenix verb:{row.verb} ({row.source})",
        )
        key = (row.verb, row.type, sense.objects, sense.preps, sense.modifiers)
        found.setdefault(row.verb, {}).setdefault(key, sense)  # the dictionary's first reading wins
    return {
        verb: tuple(sorted(senses.values(), key=lambda s: not s.conditional))
        for verb, senses in found.items()
    }


@lru_cache(maxsize=8)
def load_lexicon(knowledge_dirs: tuple[str, ...] = ()) -> Lexicon:
    """The compiled lexicon for a run (built once per set of knowledge directories)."""
    types, plover = _plover(knowledge_dirs)
    verbs: dict[str, tuple[Sense, ...]] = {}
    nouns: dict[str, tuple[Sense, ...]] = {}
    phrases: dict[tuple[str, ...], tuple[Sense, ...]] = {}
    lists: dict[str, set[str]] = {
        k: set()
        for k in (
            "light_verbs",
            "happen_verbs",
            "modal_request",
            "blame_reporters",
            "wrongdoings",
            "actorless_ok",
            "natural_causes",
            "weapons",
            "situation_nouns",
            "agent_nouns",
            "commands",
        )
    }
    governors: dict[str, str] = {}
    transparent: dict[str, str | None] = {}
    context_words: dict[str, str] = {}
    use_imported = "none"
    for layer in _layers("event_lexicon.yaml", knowledge_dirs):
        path, data = layer.path, layer.data
        if "imported_verbs" in data:
            use_imported = str(data["imported_verbs"])
            if use_imported not in IMPORTED_VERBS:
                raise LexiconError(str(path), f"imported_verbs must be one of {', '.join(IMPORTED_VERBS)}")
        try:
            for key, value in (data.get("verbs") or {}).items():
                verbs[str(key).lower()] = _senses(str(key).lower(), value, "verb", types)
            for key, value in (data.get("nouns") or {}).items():
                words = tuple(str(key).lower().split())
                senses = _senses(" ".join(words), value, "noun", types)
                if len(words) == 1:
                    nouns[words[0]] = senses
                else:
                    phrases[words] = senses
        except LexiconError as error:  # name the file as well as the entry
            raise LexiconError(str(path), str(error)) from None
        for name in lists:
            lists[name].update(str(w).lower() for w in data.get(name) or ())
        for key, value in (data.get("governors") or {}).items():
            type_ = str(value).upper()
            if type_ not in types:
                raise LexiconError(str(path), f"governor {key!r} has unknown type {value!r}")
            governors[str(key).lower()] = type_
        for key, value in (data.get("transparent") or {}).items():
            transparent[str(key).lower()] = None if value in (None, "-") else str(value)
        for context, words_ in (data.get("contexts") or {}).items():
            for word in words_ or ():
                context_words[str(word).lower()] = str(context)
    if use_imported != "none":
        try:
            # a verb the curated lexicon knows in any role (light verb, governor …) is left as it is
            known = {**verbs, **{w: () for w in (*governors, *transparent, *set().union(*lists.values()))}}
            verbs.update(imported_senses(imported_verbs(), known, types, use_imported == "patterns"))
        except KnowledgeError as error:
            raise LexiconError(error.source, error.problem) from None
    return Lexicon(
        verbs=verbs,
        nouns=nouns,
        noun_phrases=phrases,
        light_verbs=frozenset(lists["light_verbs"]),
        happen_verbs=frozenset(lists["happen_verbs"]),
        governors=governors,
        transparent=transparent,
        modal_request=frozenset(lists["modal_request"]),
        blame_reporters=frozenset(lists["blame_reporters"]),
        wrongdoings=frozenset(lists["wrongdoings"]),
        actorless_ok=frozenset(lists["actorless_ok"]),
        natural_causes=frozenset(lists["natural_causes"]),
        weapons=frozenset(lists["weapons"]),
        situation_nouns=frozenset(lists["situation_nouns"]),
        agent_nouns=frozenset(lists["agent_nouns"]),
        commands=frozenset(lists["commands"]),
        context_words=context_words,
        types=types,
        complement_modes={
            str(k).upper(): {str(a).upper(): str(b) for a, b in (v or {}).items()}
            for k, v in (plover.get("complement_modes") or {}).items()
        },
        future_as_agree=frozenset(str(t).upper() for t in plover.get("future_as_agree") or ()),
        future_as_concede=frozenset(str(t).upper() for t in plover.get("future_as_concede") or ()),
    )
