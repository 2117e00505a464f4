"""PLOVER auxiliary modes: negation, future, hypothetical, historical.

The auxiliary is read from the trigger's clause and the chain of verbs that govern it
("did not sign", "will meet", "plans to expel", "could attack"). ``recode`` then applies
the codebook's reductions: promised cooperation is AGREE, announced material conflict is
THREATEN, announced retreat is CONCEDE, refusing to cooperate is REJECT.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from dyads.knowledge import registry
from dyads.nlp.events.lexicon import Lexicon

FUTURE_AUX = {"will", "shall", "'ll", "wo"}
HYPOTHETICAL_AUX = {"could", "might", "may", "should", "must", "would", "can"}
NEGATORS = {"not", "n't", "never", "no"}
CONDITIONAL_MARKS = {"if", "unless", "whether"}
# reporting verbs: "said it would …" reports a plan, not a hypothesis
REPORTING = frozenset(registry.words("events_word_classes")["reporting"])


@dataclass(frozen=True)
class Modality:
    negated: bool = False
    future: bool = False
    hypothetical: bool = False
    cue: str | None = None  # the word that set it, for ``Event.why``
    willing: bool = False  # "is willing/ready to …": a readiness, not a plan


def _clause_cues(verb: Token) -> tuple[set[str], bool]:
    words: set[str] = set()
    negated = False
    for child in verb.children:
        if child.dep_ in ("aux", "auxpass"):
            words.add(child.lower_)
        if child.dep_ == "neg" or (child.dep_ == "advmod" and child.lower_ in ("never",)):
            negated = True
        if child.dep_ == "mark" and child.lower_ in CONDITIONAL_MARKS:
            words.add("if")
    if verb.tag_ == "MD":
        words.add(verb.lower_)
    return words, negated


def _reported(verb: Token) -> bool:
    """Is this clause the complement of a reporting verb ("said it would …")?"""
    return verb.dep_ == "ccomp" and verb.head.lemma_ in REPORTING


def modality(trigger: Token, transparent: dict[str, str | None], extra: Token | None = None) -> Modality:
    """Read the auxiliary of the clause of ``trigger`` and of the verbs that govern it."""
    negated = future = hypothetical = willing = False
    cue: str | None = None
    node: Token | None = trigger
    seen = 0
    # noun triggers take the modality of the verb that carries them
    if trigger.pos_ in ("NOUN", "PROPN") and extra is not None:
        node = extra
    while node is not None and seen < 5:
        seen += 1
        words, neg = _clause_cues(node)
        if any(c.dep_ == "det" and c.lower_ == "no" for c in trigger.children):
            neg = True
        if neg:
            negated, cue = True, cue or "not"
        if words & FUTURE_AUX or "going" in words:
            future, cue = True, cue or "will"
        elif "would" in words and _reported(node):
            future, cue = True, cue or "would"
        elif words & HYPOTHETICAL_AUX or "if" in words:
            hypothetical, cue = True, cue or sorted(words & (HYPOTHETICAL_AUX | {"if"}))[0]
        if node.dep_ == "xcomp" or (node.dep_ == "ccomp" and node.head.lemma_ in transparent):
            head = node.head
            added = transparent.get(head.lemma_)
            if added == "future":
                future, cue = True, cue or head.lemma_
            elif added == "hypothetical":
                hypothetical, cue = True, cue or head.lemma_
            if head.lemma_ in ("willing", "ready", "prepared"):
                future = willing = True
            if head.lower_ == "going" and any(c.dep_ == "aux" for c in head.children):
                # "is going to fight": "go" carries no mode of its own, "be going to" is a future
                future, cue = True, cue or "going to"
            node = head
            continue
        if node.dep_ == "acomp" or (node.dep_ == "xcomp" and node.head.lemma_ == "be"):
            node = node.head
            continue
        break
    # "is willing to withdraw", "is ready to talk"
    head = trigger.head
    if trigger.dep_ == "xcomp" and head.lemma_ in ("willing", "ready", "prepared", "set", "due", "poised"):
        future, cue = True, cue or head.lemma_
        willing = willing or head.lemma_ in ("willing", "ready", "prepared")
    return Modality(
        negated=negated, future=future, hypothetical=hypothetical and not future, cue=cue, willing=willing
    )


def threat_mode(type_: str, mode: str | None, lexicon: Lexicon) -> str | None:
    """The THREATEN mode of a threatened act: the act's own mode where THREATEN has it, else the
    one the lexicon maps the act's type to (PLOVER: a threat's mode is what is threatened)."""
    if mode in ("deport", "expel"):
        return "expel"
    if lexicon.valid_mode("THREATEN", mode):
        return mode
    return lexicon.complement_modes.get("THREATEN", {}).get(type_)


def recode(
    type_: str, mode: str | None, mod: Modality, lexicon: Lexicon, announced: bool = False
) -> tuple[str, str | None, str | None, str]:
    """Apply PLOVER's reductions; returns (type, mode, auxiliary, note).

    ``announced``: the event is the content of an announcement or declaration. The codebook
    codes an announced future withdrawal ("announced … would withdraw troops") as CONCEDE,
    while promised returns, evacuations and willingness to withdraw stay AGREE."""
    if mod.negated:
        if (mod.future or mod.hypothetical) and lexicon.cooperative(type_):
            return "REJECT", None, None, f"refusal ({mod.cue}) of {type_}"
        return type_, mode, "negation", f"negated ({mod.cue})"
    if mod.future:
        if type_ == "RETREAT" and mode == "withdraw" and announced and not mod.willing:
            return "CONCEDE", None, None, f"announced {type_} ({mod.cue})"
        if type_ == "RETREAT" and mode == "resign" and not mod.willing:
            # "will resign": the codebook leaves a future retreat as it is
            return type_, mode, "future", f"future ({mod.cue})"
        if type_ == "CONCEDE" and mod.willing:
            # "is prepared to lift the ban": willingness to concede is an offer
            return "AGREE", None, None, f"offered {type_} ({mod.cue})"
        if type_ in lexicon.future_as_agree:
            return "AGREE", None, None, f"promised {type_} ({mod.cue})"
        if type_ in lexicon.future_as_concede:
            return "CONCEDE", None, None, f"announced {type_} ({mod.cue})"
        if lexicon.quad(type_) == "material_conflict":
            return "THREATEN", threat_mode(type_, mode, lexicon), None, f"announced {type_} ({mod.cue})"
        return type_, mode, "future", f"future ({mod.cue})"
    if mod.hypothetical:
        return type_, mode, "hypothetical", f"hypothetical ({mod.cue})"
    return type_, mode, None, ""
