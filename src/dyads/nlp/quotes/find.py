"""Quotations attributed to their speakers: who said what.

Four finders run over each document: ``direct`` reads quotation marks (``marks``) and
attaches each quotation to its cue and speaker; ``reported`` reads the parse for reported
speech ("said that …", "according to …", "called for …", with ``complements``); ``nominal``
for attributions carried by a noun ("Trump's criticism of …", "the claim that …");
``labels`` reads headline labels ("Gingrich: …"). The cues are data (speech_verbs.yaml).
They are merged so that one utterance is reported once:

* a reported clause that holds a quotation ("said the move was “illegal”") is one
  attribution of the whole clause, not direct (as PolNeAR annotates mixed quotations);
  when the clause is nothing but the quotation it is the direct quote;
* a reported clause inside a quotation is the quoted speaker's own words, not a new
  attribution; one inside another reported clause ("she says she will not vote for him")
  is part of what that one reports.

Speakers are then resolved in reading order (``speakers``). A quotation with no cue of
its own takes the speaker of the attribution just before it, when only a short stretch and
at most one paragraph break separate them; otherwise its speaker stays null.
"""

from __future__ import annotations

from spacy.tokens import Doc

from dyads.model import Actor, Quote
from dyads.nlp.quotes.direct import find_direct_quotes
from dyads.nlp.quotes.found import Attribution, Char, text_of
from dyads.nlp.quotes.labels import find_labelled_statements
from dyads.nlp.quotes.lexicon import load_speech_lexicon
from dyads.nlp.quotes.marks import find_quoted_spans
from dyads.nlp.quotes.nominal import find_nominal_attributions
from dyads.nlp.quotes.reported import find_reported_speech
from dyads.nlp.quotes.speakers import Speaker, SpeakerResolver

_CONTINUATION_GAP = 300  # characters between an attribution and a quotation continuing it
_CONTINUATION_BREAKS = 2  # newlines: one paragraph break, whether blank-line or single
_MARKS = set("\"“”„«»'")


def _inside(inner: Char, outer: Char) -> bool:
    return outer[0] <= inner[0] and inner[1] <= outer[1]


def _overlap(a: Char, b: Char) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _is_whole_quotation(text: str, span: Char) -> bool:
    content = text[span[0] : span[1]].rstrip(".,;: ")
    return len(content) > 2 and content[0] in _MARKS and content[-1] in _MARKS


def _merge(text: str, direct: list[Attribution], reported: list[Attribution]) -> list[Attribution]:
    kept_direct = list(direct)
    out: list[Attribution] = []
    direct_cues = {a.cue for a in direct if a.cue is not None and not a.fragment}
    for r in reported:
        if r.cue in direct_cues:
            continue
        holders = [d for d in kept_direct if _inside(d.content, r.content)]
        if _is_whole_quotation(text, r.content):
            # 'said “…”': the reported clause is the quotation; it lends it cue and speaker.
            same = [d for d in kept_direct if _overlap(d.content, r.content) and not d.fragment]
            if len(same) == 1:
                d = same[0]
                if d.cue is None:
                    d.cue, d.cue_token, d.subject, d.rule = r.cue, r.cue_token, r.subject, r.rule
                    d.named = r.named
                continue
        if any(_inside(r.content, d.content) for d in direct):
            continue  # words inside a quotation belong to the quoted speaker
        if holders:
            for d in holders:
                if d.cue is None or d.cue == r.cue or d.fragment:
                    kept_direct.remove(d)
        out.append(r)
    # Quoted words that overlap a reported clause are part of it.
    kept_direct = [
        d
        for d in kept_direct
        if not d.fragment or not any(r.content[0] < d.content[1] and d.content[0] < r.content[1] for r in out)
    ]
    return sorted(kept_direct + out, key=lambda a: (a.content[0], a.content[1]))


def _nested(attribution: Attribution, attributions: list[Attribution]) -> bool:
    """Reported inside another attribution ("Greene added that the Fed wants …")."""
    cue = attribution.cue
    return cue is not None and any(
        other is not attribution and other.content[0] <= cue[0] < other.content[1] for other in attributions
    )


def _inner_report(attribution: Attribution, attributions: list[Attribution]) -> bool:
    """Reported speech inside what another attribution reports ("she says she will not
    vote for him", "aides said he told donors …") is part of that content, not an
    attribution of its own. A headline label ("Gingrich: …") holds no such content: it
    is read too loosely to swallow the clauses after it."""
    cue = attribution.cue
    if attribution.direct or cue is None:
        return False
    return any(
        other is not attribution
        and other.rule != "labelled statement"
        and other.content[0] <= cue[0] < other.content[1]
        for other in attributions
    )


def _continues(text: str, previous: Attribution, quote: Attribution) -> bool:
    """A quotation with no cue of its own goes on from the attribution just before it
    ('“A,” Mr. Lou said. “B.”', or a quote paragraph after 'Susan said …'), when at most
    one paragraph break and a short stretch of text separate them."""
    anchor = previous.cue[1] if previous.cue else previous.content[1]
    anchor = max(anchor, previous.content[1])
    if anchor > quote.content[0]:
        return False
    gap = text[anchor : quote.content[0]]
    return len(gap) <= _CONTINUATION_GAP and gap.count("\n") <= _CONTINUATION_BREAKS


def find_quotes(doc: Doc, actors: list[Actor], knowledge_dirs: tuple[str, ...] = ()) -> list[Quote]:
    lexicon = load_speech_lexicon(knowledge_dirs)
    text = text_of(doc)
    direct = find_direct_quotes(doc, find_quoted_spans(text), lexicon)
    reported = find_reported_speech(doc, lexicon) + find_labelled_statements(doc)
    reported += find_nominal_attributions(doc, lexicon)
    reported.sort(key=lambda a: a.content[0])
    attributions = _merge(text, direct, reported)
    attributions = [a for a in attributions if not _inner_report(a, attributions)]
    resolver = SpeakerResolver(doc, actors, lexicon)
    quotes: list[Quote] = []
    last: tuple[Attribution, Speaker] | None = None  # the latest attribution with a speaker
    for attribution in attributions:
        speaker: Speaker | None = None
        subject = attribution.subject
        if subject is not None:
            speaker = resolver.resolve(subject, exclude=attribution.content)
        elif attribution.named is not None:
            speaker = Speaker(attribution.named, resolver.actor_at(attribution.named))
        elif (
            attribution.direct
            and attribution.cue is None
            and last is not None
            and _continues(text, last[0], attribution)
        ):
            speaker = last[1]
        if speaker is not None and not _nested(attribution, attributions):
            last = (attribution, speaker)
        quotes.append(
            Quote(
                id=f"q{len(quotes) + 1}",
                content=attribution.content,
                speaker=speaker.actor if speaker else None,
                speaker_span=speaker.span if speaker else None,
                cue=attribution.cue,
                direct=attribution.direct and _is_whole_quotation(text, attribution.content),
                antecedent=speaker.antecedent if speaker else None,
                why=attribution.rule or None,
                speech=lexicon.is_speech(attribution.cue_token),
            )
        )
    return quotes
