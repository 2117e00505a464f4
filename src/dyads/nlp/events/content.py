"""Which triggers of a sentence are the content of another, and which are background.

"threatened to shell" is one THREATEN whose content is the shelling; "demanded the
withdrawal" one REQUEST. A trigger under a background clause ("after …", a relative clause)
is not content: it stays an event of its own, marked ``background``.
"""

from __future__ import annotations

from spacy.tokens import Token

from dyads.knowledge import registry
from dyads.nlp.events.modality import REPORTING
from dyads.nlp.events.syntax import BACKGROUND_PREPS, is_passive
from dyads.nlp.events.triggers import Candidate

# dependency steps through which an event lies inside another's content (parser labels: identifiers, not words)
CONTENT_STEPS = {
    "dobj",
    "xcomp",
    "ccomp",
    "pobj",
    "prep",
    "attr",
    "oprd",
    "acomp",
    "dative",
    "compound",
    "amod",
    "nmod",
    "poss",
    "appos",
    "pcomp",
    "nsubjpass",
    "acl",
    "npadvmod",
    "agent",
}
BACKGROUND_MARKS = frozenset(registry.words("events_grammar")["background_marks"])


def _background_step(token: Token) -> bool:
    if token.dep_ == "relcl" or (token.dep_ == "acl" and token.tag_ == "VBN" and is_passive(token)):
        return True  # relative clauses and reduced relatives ("the sanctions imposed after …")
    if token.dep_ == "advcl":
        marks = {c.lower_ for c in token.children if c.dep_ == "mark"}
        if marks & BACKGROUND_MARKS:
            return True
        # purpose ("to protest") and participles ("demonstrated, calling for …") are content
        return not (any(c.lower_ == "to" for c in token.children) or (token.tag_ == "VBG" and not marks))
    return bool(token.dep_ == "prep" and token.lower_ in BACKGROUND_PREPS)


def absorb(candidates: list[Candidate]) -> None:
    """Link each trigger lying inside another's content to it (``absorbed_by``).

    "threatened to shell" → the shelling is the content of the threat; "demanded the
    withdrawal" → the withdrawal is what was requested; "wounded in a bomb attack" → the
    attack is the wounding. Triggers under background clauses (after…, relative clauses)
    are not content: they stay separate events, marked ``background``.
    """
    by_token: dict[int, Candidate] = {}
    for cand in candidates:
        for t in cand.anchor_tokens:
            by_token.setdefault(t.i, cand)
        if cand.content is not None:
            by_token.setdefault(cand.content.i, cand)
    for cand in candidates:
        node = cand.head
        background = crossed = participle = False
        for _ in range(12):
            if node.dep_ == "ROOT" or node.head.i == node.i:
                break
            if _background_step(node) or node.dep_ == "parataxis":
                background = crossed = True
            elif node.dep_ == "conj" and node.pos_ in ("NOUN", "PROPN"):
                pass  # coordinated objects stay content ("weapons and equipment")
            elif node.dep_ not in CONTENT_STEPS and node.dep_ != "advcl":
                crossed = True
            # "…, saying he would only welcome him": a reporting participle explains, it is content
            participle = participle or (
                node.dep_ == "advcl" and node.tag_ == "VBG" and node.lemma_ not in REPORTING
            )
            parent = node.head
            owner = by_token.get(parent.i)
            if owner is not None and participle and owner.sense.type not in ("PROTEST", cand.sense.type):
                break  # "imposed sanctions, accusing them of …": a second act, not the content
            if owner is not None and owner is not cand and not crossed:
                cand.absorbed_by = owner
                owner.children.append(cand)
                break
            node = parent
        cand.background = background and cand.absorbed_by is None
