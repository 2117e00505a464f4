"""Quotations, one construction at a time, on sentences written for these tests."""

from __future__ import annotations

from pathlib import Path

from spacy.language import Language

from dyads.model import Actor, Quote
from dyads.nlp.quotes.find import find_quotes
from dyads.nlp.quotes.lexicon import load_speech_lexicon
from dyads.nlp.quotes.marks import find_quoted_spans


def _quotes(nlp: Language, text: str, actors: list[Actor] | None = None) -> list[Quote]:
    return find_quotes(nlp(text), actors or [])


def _text(text: str, span: tuple[int, int] | None) -> str:
    """The words a span covers; no span covers no words."""
    return "" if span is None else text[span[0] : span[1]]


def _only(quotes: list[Quote], direct: bool | None = None) -> Quote:
    chosen = [q for q in quotes if direct is None or q.direct is direct]
    assert len(chosen) == 1, chosen
    return chosen[0]


# -- quotation marks, no parsing ----------------------------------------------------------


def test_marks_straight_curly_guillemets_and_doubled_apostrophes() -> None:
    text = "He said \"yes\" and “no”, then «peut-être» and ''maybe''."
    found = [text[s.start : s.end] for s in find_quoted_spans(text)]
    assert found == ['"yes"', "“no”", "«peut-être»", "''maybe''"]


def test_marks_quote_reopened_at_each_paragraph_runs_to_its_closing_mark() -> None:
    text = "“First part of the speech.\n\n“Second part ends here,” she said."
    (span,) = find_quoted_spans(text)
    assert text[span.start : span.end] == "“First part of the speech.\n\n“Second part ends here,”"


def test_marks_unbalanced_mark_stays_inside_its_paragraph() -> None:
    text = 'A stray "opening with no end.\n\nLater, "a proper quote" appears.'
    spans = [text[s.start : s.end] for s in find_quoted_spans(text)]
    assert spans == ['"opening with no end.', '"a proper quote"']


# -- direct quotations --------------------------------------------------------------------


def test_colon_quote(nlp: Language) -> None:
    text = 'The minister said: "We will not negotiate with armed groups under any conditions."'
    q = _only(_quotes(nlp, text), direct=True)
    assert _text(text, q.content) == '"We will not negotiate with armed groups under any conditions."'
    assert _text(text, q.speaker_span) == "The minister"
    assert _text(text, q.cue) == "said"


def test_quote_introduced_by_comma_on_previous_line(nlp: Language) -> None:
    text = (
        "The general addressed the troops in the capital on Friday,\n\n"
        '"We have done our duty and we will hand power back to civilians."'
    )
    q = _only(_quotes(nlp, text), direct=True)
    assert _text(text, q.content).startswith('"We have done our duty')
    assert _text(text, q.speaker_span) == "The general"


def test_quote_spanning_paragraphs(nlp: Language) -> None:
    text = (
        "Jane Okafor, the mission's spokeswoman, spoke to journalists on Sunday.\n\n"
        "“The convoy was attacked twice on the road to Gao.\n\n"
        "“Nobody was hurt, but the trucks were burnt,” said Jane Okafor."
    )
    q = _only(_quotes(nlp, text), direct=True)
    content = _text(text, q.content)
    assert content.startswith("“The convoy") and content.endswith("burnt,”")
    assert _text(text, q.speaker_span) == "Jane Okafor"


def test_pronoun_speaker_resolves_to_the_person_before(nlp: Language) -> None:
    text = (
        "Prime Minister Moctar Ouane met the ambassadors in Bamako on Monday. "
        "“Our doors are open to every partner,” he said."
    )
    q = _only(_quotes(nlp, text), direct=True)
    assert _text(text, q.speaker_span) == "he"
    assert "Moctar Ouane" in (_text(text, q.antecedent) or "")


def test_pronoun_speaker_resolves_to_the_actor(nlp: Language) -> None:
    text = (
        "Prime Minister Moctar Ouane met the ambassadors in Bamako on Monday. "
        "“Our doors are open to every partner,” he said."
    )
    start = text.index("Moctar")
    ouane = Actor("a1", "Moctar Ouane", "person", mentions=((start, start + 12),))
    q = _only(_quotes(nlp, text, [ouane]), direct=True)
    assert q.speaker == "a1"


def test_nominal_speaker_the_ministry(nlp: Language) -> None:
    text = (
        "The Ghanaian Ministry of Foreign Affairs summoned the envoy on Tuesday. "
        "“We condemn the attack in the strongest terms,” the ministry said."
    )
    q = _only(_quotes(nlp, text), direct=True)
    assert _text(text, q.speaker_span) == "the ministry"
    assert "Ministry of Foreign Affairs" in (_text(text, q.antecedent) or "")


def test_nominal_speaker_the_statement_points_to_its_issuer(nlp: Language) -> None:
    text = (
        "The African Union issued a statement on the coup late on Tuesday. "
        "Soldiers remained in the streets of the capital. "
        "“The Union demands the immediate release of the president,” the statement said."
    )
    q = _only(_quotes(nlp, text), direct=True)
    assert _text(text, q.speaker_span) == "the statement"
    assert "African Union" in (_text(text, q.antecedent) or "")


def test_unresolvable_speaker_stays_null(nlp: Language) -> None:
    text = "The rains came early this year.\n\n“Nobody expected the river to rise so fast.”"
    q = _only(_quotes(nlp, text), direct=True)
    assert q.speaker is None and q.speaker_span is None


def test_unbalanced_marks_do_not_derail_the_article(nlp: Language) -> None:
    text = (
        'The report called the operation "a success.\n\n'
        "Villagers disagreed.\n\n"
        "“We lost our homes and our cattle,” said Amadou Diallo, a farmer."
    )
    direct = [q for q in _quotes(nlp, text) if q.direct]
    assert any(_text(text, q.speaker_span) == "Amadou Diallo, a farmer" for q in direct)
    assert all("Villagers" not in _text(text, q.content) for q in direct)


# -- reported speech ----------------------------------------------------------------------


def test_indirect_said_that(nlp: Language) -> None:
    text = "The prime minister said that the elections would be held in March."
    q = _only(_quotes(nlp, text))
    assert not q.direct
    assert _text(text, q.content) == "that the elections would be held in March"
    assert _text(text, q.speaker_span) == "The prime minister"
    assert _text(text, q.cue) == "said"


def test_according_to(nlp: Language) -> None:
    text = "According to the United Nations, more than 2,000 people fled the fighting."
    q = _only(_quotes(nlp, text))
    assert not q.direct
    assert _text(text, q.content) == "more than 2,000 people fled the fighting"
    assert _text(text, q.speaker_span) == "the United Nations"
    assert _text(text, q.cue) == "According to"


def test_mixed_quote_is_one_indirect_attribution(nlp: Language) -> None:
    text = "The senator said the decision to expel the envoy was “illegal and reckless”."
    q = _only(_quotes(nlp, text))
    assert not q.direct
    assert _text(text, q.content) == "the decision to expel the envoy was “illegal and reckless”"
    assert _text(text, q.speaker_span) == "The senator"


def test_accused_of(nlp: Language) -> None:
    text = "The opposition accused the junta of delaying the transition."
    q = _only(_quotes(nlp, text))
    assert _text(text, q.cue) == "accused"
    assert "of delaying the transition" in _text(text, q.content)
    assert _text(text, q.speaker_span) == "The opposition"


def test_ids_are_sequential(nlp: Language) -> None:
    text = "The president said that talks would resume. “We are ready,” added the foreign minister."
    assert [q.id for q in _quotes(nlp, text)] == ["q1", "q2"]


def test_labelled_statement_in_a_headline(nlp: Language) -> None:
    text = "Gingrich: Trump Must Decide on His Running Mate Soon\n\nThe reason is simple: money."
    quotes = _quotes(nlp, text)
    q = _only([q for q in quotes if _text(text, q.cue) == ":"])
    assert all("money" not in _text(text, x.content) for x in quotes)
    assert _text(text, q.speaker_span) == "Gingrich"
    assert _text(text, q.content) == "Trump Must Decide on His Running Mate Soon"
    assert _text(text, q.cue) == ":"


def test_user_lexicon_adds_a_cue(nlp: Language, tmp_path: object) -> None:
    folder = Path(str(tmp_path))
    (folder / "speech_verbs.yaml").write_text("verbs:\n  grumble: {content: [ccomp], quotes: true}\n")
    text = "The farmer grumbled that the rains came too late."
    assert not _quotes(nlp, text)
    q = _only(find_quotes(nlp(text), [], (str(folder),)))
    assert _text(text, q.content) == "that the rains came too late"
    assert _text(text, q.speaker_span) == "The farmer"


def test_quotation_split_by_its_attribution_is_one_quote(nlp: Language) -> None:
    text = "“The junta says it will hold elections,” the envoy said, “but nobody has seen a date.”"
    q = _only(_quotes(nlp, text), direct=True)
    assert _text(text, q.content) == text[: text.index(".”") + 2]
    assert _text(text, q.speaker_span) == "the envoy"


def test_cue_found_when_the_lemmatiser_overreaches(nlp: Language) -> None:
    text = "The Russian Foreign Ministry hoped that Mali would hold free elections soon."
    q = _only(_quotes(nlp, text))
    assert _text(text, q.cue) == "hoped"
    assert _text(text, q.content) == "that Mali would hold free elections soon"


def test_reported_clause_after_a_quoted_question_in_the_paragraph_before(nlp: Language) -> None:
    text = "“Why should we be surprised?”\n\nThe ministry said it was doing its best to follow the rules."
    reported = [q for q in _quotes(nlp, text) if not q.direct]
    assert [_text(text, q.content) for q in reported] == ["it was doing its best to follow the rules"]
    assert _text(text, reported[0].speaker_span) == "The ministry"


def test_speaking_about_something(nlp: Language) -> None:
    text = "The senator talked about the drought in the north for an hour."
    q = _only(_quotes(nlp, text))
    assert _text(text, q.cue) == "talked"
    assert "the drought in the north" in _text(text, q.content)
    assert _text(text, q.speaker_span) == "The senator"


def test_a_stance_inside_reported_speech_is_not_a_second_attribution(nlp: Language) -> None:
    text = "The mayor says she will not vote for the governor in November."
    q = _only(_quotes(nlp, text))
    assert _text(text, q.cue) == "says"
    assert _text(text, q.content) == "she will not vote for the governor in November"


def test_participle_used_as_adjective_is_no_cue(nlp: Language) -> None:
    text = "The professor explained in an emailed comment: “The junta has few friends left in the region.”"
    q = _only(_quotes(nlp, text), direct=True)
    assert _text(text, q.cue) == "explained"
    assert _text(text, q.speaker_span) == "The professor"


def test_nominal_cue_with_possessor(nlp: Language) -> None:
    text = "Moctar Ouane repeated his criticism of the new mining code on Monday."
    q = _only(_quotes(nlp, text))
    assert _text(text, q.cue) == "criticism"
    assert _text(text, q.content) == "the new mining code"
    assert _text(text, q.speaker_span) == "his"
    assert "Moctar Ouane" in (_text(text, q.antecedent) or "")


def test_nominal_cue_with_a_that_clause_held_by_the_subject(nlp: Language) -> None:
    text = "The opposition made the case that the elections had been rigged."
    q = _only(_quotes(nlp, text))
    assert _text(text, q.cue) == "case"
    assert _text(text, q.content) == "that the elections had been rigged"
    assert _text(text, q.speaker_span) == "The opposition"


def test_criticism_someone_draws_is_not_theirs(nlp: Language) -> None:
    text = "The decree drew criticism from lawyers across the country."
    assert not [q for q in _quotes(nlp, text) if _text(text, q.cue) == "criticism"]


def test_impression_keeps_its_subject_as_holder(nlp: Language) -> None:
    text = "The president seemed to accept the verdict of the court."
    q = _only(_quotes(nlp, text))
    assert _text(text, q.speaker_span) == "The president"


def test_interview_turn_labels_are_not_speakers(nlp: Language) -> None:
    text = "Q: Will you run again?\n\nA: Not this year, I think.\n\nEditor's note: This interview was edited."
    assert not [q for q in _quotes(nlp, text) if q.why == "labelled statement"]


def test_called_for_with_an_infinitive_clause(nlp: Language) -> None:
    text = "The senator has called for the rebel strongholds to be hit even harder."
    q = _only(_quotes(nlp, text))
    assert _text(text, q.cue) == "called"
    assert "the rebel strongholds to be hit" in _text(text, q.content)
    assert not _text(text, q.content).startswith("for")


def test_clause_final_attribution_parsed_as_the_root(nlp: Language) -> None:
    text = "Those who do take on heavy debt struggle, even with a good job, he said."
    q = _only(_quotes(nlp, text))
    assert _text(text, q.content) == "Those who do take on heavy debt struggle, even with a good job"
    assert _text(text, q.speaker_span) == "he"


def test_adding_introduces_the_quotation_after_a_reported_clause(nlp: Language) -> None:
    text = 'The leaders will meet next week, Spicer said, adding, "They need to sit down and talk."'
    quotes = _quotes(nlp, text)
    reported = _only(quotes, direct=False)
    assert _text(text, reported.content) == "The leaders will meet next week"
    assert _text(text, _only(quotes, direct=True).cue) == "adding"


def test_object_keeps_what_follows_it(nlp: Language) -> None:
    text = "The poll showed the governor with a narrow lead over his rival."
    q = _only(_quotes(nlp, text))
    assert _text(text, q.content) == "the governor with a narrow lead over his rival"


def test_passive_expectation_with_nobody_named_reports_the_clause(nlp: Language) -> None:
    text = "The central bank is expected to raise rates in December."
    q = _only(_quotes(nlp, text))
    assert _text(text, q.content) == "The central bank is expected to raise rates in December"


def test_according_to_inside_the_sentence_reports_the_clause_it_follows(nlp: Language) -> None:
    text = "The ruling party won 60 seats according to the commission, but the opposition rejected the count."
    q = _only([q for q in _quotes(nlp, text) if q.why == "according to"])
    assert _text(text, q.content) == "The ruling party won 60 seats"


def test_instruction_to_the_reader_is_no_attribution(nlp: Language) -> None:
    text = "See photos from the rally below."
    assert not _quotes(nlp, text)


def test_cue_in_ing_form_found_when_the_lemmatiser_overreaches(nlp: Language) -> None:
    doc = nlp("The party is hoping to win the north.")
    hoping = next(t for t in doc if t.text == "hoping")
    assert load_speech_lexicon().cue(hoping) is not None


def test_speaker_of_more_likely_to_say(nlp: Language) -> None:
    text = "Rural voters are more likely to say the economy is getting worse."
    q = _only(_quotes(nlp, text))
    assert _text(text, q.speaker_span) == "Rural voters"


def test_dateline_is_not_part_of_the_speaker(nlp: Language) -> None:
    text = "BAMAKO (Reuters) - Opposition leader Ismael Diallo said the vote would be postponed."
    q = _only(_quotes(nlp, text))
    assert _text(text, q.speaker_span) == "Opposition leader Ismael Diallo"


def test_sentence_opening_with_its_source_document(nlp: Language) -> None:
    text = "In a survey released on Monday, most farmers expected a poor harvest this year."
    q = _only(_quotes(nlp, text))
    assert _text(text, q.cue) == "In"
    assert _text(text, q.content) == "most farmers expected a poor harvest this year"
    assert "survey" in (_text(text, q.speaker_span) or "")


def test_speech_verb_with_an_object(nlp: Language) -> None:
    text = "The envoy stressed the importance of a ceasefire before the vote."
    q = _only(_quotes(nlp, text))
    assert _text(text, q.cue) == "stressed"
    assert _text(text, q.content).startswith("the importance of a ceasefire")


def test_as_clause_attribution(nlp: Language) -> None:
    text = "As the senator noted, the voters will give the mayor a second look."
    q = _only(_quotes(nlp, text))
    assert _text(text, q.cue) == "noted"
    assert _text(text, q.content) == "the voters will give the mayor a second look"
    assert _text(text, q.speaker_span) == "the senator"


def test_as_clause_with_no_one_speaking_is_no_attribution(nlp: Language) -> None:
    text = "Prices will rise further as the drought continues."
    assert not _quotes(nlp, text)


def test_said_yes(nlp: Language) -> None:
    text = "Asked whether the junta should stay, 46 percent of respondents said yes."
    said = [q for q in _quotes(nlp, text) if _text(text, q.cue) == "said"]
    assert [_text(text, q.content) for q in said] == ["yes"]
