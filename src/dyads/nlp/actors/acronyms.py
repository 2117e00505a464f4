"""Acronyms defined in the text: "National Committee for the Salvation of the People (CNSP)"
makes one actor of the long form, the acronym and its later uses."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from dyads.knowledge import Knowledge, normalize
from dyads.knowledge.registry import words
from dyads.nlp.actors.drafts import Drafts
from dyads.nlp.actors.organisations import described_sector, unknown_org

# Words inside a long form that an acronym may skip, English and French.
ACRONYM_CONNECTORS = frozenset(words("actors_connectors")["acronym_connectors"])


def find_acronyms(
    doc: Doc, drafts: Drafts, kb: Knowledge, focal: str | None, org_country: dict[int, str]
) -> list[tuple[int, int]]:
    """Long forms with "(ACR)" after them; returns their token ranges."""
    ranges: list[tuple[int, int]] = []
    for token in doc:
        if token.text != "(":
            continue
        found = acronym_long_form(doc, token.i)
        if found is None:
            continue
        start, end, acronym = found
        if any(doc[i].ent_type_ == "PERSON" for i in range(start, end)):
            continue
        known = kb.organization_for(doc[start:end].text) or kb.organization_for(acronym)
        if known is not None:
            draft = drafts.get("org:" + normalize(known.name), known.name, "organization")
            draft.country, draft.sector, draft.org = known.country, known.sector, known.org
            draft.note("knowledge base: organizations")
            drafts.mention(draft, start, end)
        else:
            draft = unknown_org(doc, drafts, kb, start, end, focal, org_country, describe=False)
            draft.org = acronym
            draft.note(f"acronym '{acronym}' defined in the text")
        drafts.mention(draft, token.i + 1, token.i + 2)
        for other in doc[token.i + 3 :]:
            if other.text == acronym:
                drafts.mention(draft, other.i, other.i + 1)
        if known is None and draft.sector is None:
            draft.sector = described_sector(doc, drafts, draft, kb)
        ranges.append((start, end))
    return ranges


def _initials(token: Token) -> list[str]:
    return [
        part[0]
        for part in token.text.replace("’", "-").replace("'", "-").split("-")
        if part and part[0].isalpha()
    ]


def acronym_long_form(doc: Doc, paren: int) -> tuple[int, int, str] | None:
    """For "(ACR)" at token ``paren``, the token range of the long form before it whose
    initials spell ACR, in order ("Economic Community of West African States (ECOWAS)") or
    in any order, as for French acronyms of English names ("National Committee for the
    Salvation of the People (CNSP)")."""
    if paren + 2 >= len(doc) or doc[paren].text != "(" or doc[paren + 2].text != ")":
        return None
    acronym = doc[paren + 1].text
    letters = [c for c in acronym if c.isalpha()]
    if not (2 <= len(letters) <= 8) or sum(c.isupper() for c in letters) < 2 or not acronym[0].isupper():
        return None
    words: list[Token] = []
    i = paren - 1
    while i >= 0 and len(words) < 2 * len(letters) + 2:
        t = doc[i]
        if t.is_space:
            i -= 1
            continue
        if t.is_punct and t.text not in {"-", "'", "’"}:
            break
        if not (t.is_title or t.is_upper or t.lower_ in ACRONYM_CONNECTORS or t.text in {"-", "'", "’"}):
            break
        words.insert(0, t)
        i -= 1
    target = "".join(letters).upper()
    for first in range(len(words)):  # shortest long form whose initials fit
        candidate = words[len(words) - 1 - first :]
        if candidate[0].lower_ in ACRONYM_CONNECTORS or not candidate[0].is_title:
            continue
        content = [c for t in candidate if t.lower_ not in ACRONYM_CONNECTORS for c in _initials(t)]
        optional = [c for t in candidate if t.lower_ in ACRONYM_CONNECTORS for c in _initials(t)]
        if "".join(content).upper() == target or sorted("".join(content).upper()) == sorted(target):
            return candidate[0].i, candidate[-1].i + 1, acronym
        if len(content) + len(optional) >= len(target) and _in_order(candidate, target):
            return candidate[0].i, candidate[-1].i + 1, acronym
    return None


def _in_order(tokens: list[Token], target: str) -> bool:
    """Initials of content words, plus optional initials of connectors, spell target in order."""

    def match(ti: int, ci: int) -> bool:
        if ci == len(target):
            return all(t.lower_ in ACRONYM_CONNECTORS for t in tokens[ti:])
        if ti == len(tokens):
            return False
        t = tokens[ti]
        initial = "".join(_initials(t)).upper()
        if initial and target.startswith(initial, ci) and match(ti + 1, ci + len(initial)):
            return True
        return t.lower_ in ACRONYM_CONNECTORS and match(ti + 1, ci)

    return match(0, 0)
