"""General mechanisms of the event decision, each on our own sentences.

Where each earns its place in text that is not gold (counts over the Guardian articles and the
wire sentences of the shared corpus, December 2026):
- verb lemma repair: "staged a/an/the" 11 times, and the lemmatizer reads every one as "stag";
- a party inside the object phrase: "called for … with X" 6 times; over the Guardian articles
  the rule supplies 61 recipients;
- a place's country as an actor: 106 country actors over 224 Guardian articles that name a place
  but never its country ("protesters in Bamako");
- definite descriptions ("the council" after "the U.N. Security Council");
- leaving a body of states is SANCTION 'withdraw', not RETREAT: "the UK had withdrawn from the EU"
  in the Guardian articles, the codebook's own example of the mode (a resignation from a UN
  commission, there too, stays RETREAT 'resign');
- a town acted on is the event's place and, by the codebook, its country the recipient: over the
  Guardian articles the place is right 9 times in 10 ("bombed Douma", "visited Ankara", "captured
  Raqqa"), the recipient 3 of 3;
- counted plurals ("the three countries" after "The US, Britain and France") and "the bloc";
- a promise of force is a threat; a possessive owner of an event noun refers back like a subject;
- "@place" objects: "struck Gaza", "captured Raqqa" (the verb senses wanted a common noun);
- a decided withdrawal is an announced one (CONCEDE): "decision to withdraw" 22 times in the
  Guardian articles and wire sentences, mostly of US troops from Syria;
- the doer of a gerund after "by", "after", "without" … is the subject of its clause ("put allies
  at risk by withdrawing troops"): over the Guardian articles 11 events changed actor (8 right: a
  misparsed "dropped by retreating fighters" among the wrong) and 19 gained one (16 right);
- reported blame ("said Russia was behind the attack") is an ACCUSE of the one blamed: 8 firings
  over the Guardian articles (6 right, 1 a conditional marked hypothetical, 1 with its "sister"
  unresolved), 2 of 2 right in the wire sentences.
"""

from __future__ import annotations

from dyads.model import Actor, Analysis, Article, Event
from dyads.nlp.analyze import analyze_article
from dyads.nlp.events.confidence import load_model
from dyads.nlp.lemmas import base_forms


def analyse(text: str) -> Analysis:
    return analyze_article(Article(id="t", text=text, published="2024-05-10"))


def parties(analysis: Analysis, event: Event) -> tuple[list[str | None], list[str | None]]:
    actors: dict[str, Actor] = {a.id: a for a in analysis.actors}
    return (
        [actors[i].country or actors[i].org for i in event.actor],
        [actors[i].country or actors[i].org for i in event.recipient],
    )


def only(analysis: Analysis, type_: str) -> Event:
    found = [e for e in analysis.events if e.type == type_]
    assert len(found) == 1, [(e.type, e.why) for e in analysis.events]
    return found[0]


def test_regular_base_forms_of_a_verb() -> None:
    assert base_forms("staged")[:2] == ["stage", "stag"]
    assert "carry" in base_forms("carried")
    assert "stop" in base_forms("stopped")
    assert "stage" in base_forms("staging")


def test_a_misread_lemma_is_repaired_so_the_light_verb_carries_the_protest() -> None:
    event = only(analyse("Opposition supporters staged a protest in Nairobi on Friday."), "PROTEST")
    assert "stage protest" in (event.why or "")


def test_a_party_inside_the_object_phrase_is_the_recipient() -> None:
    analysis = analyse("French President Emmanuel Macron called for more dialogue with Russia.")
    event = only(analysis, "REQUEST")
    assert parties(analysis, event) == (["FRA"], ["RUS"])
    assert "inside_object" in (event.why or "")


def test_the_clause_of_an_announcement_names_its_party() -> None:
    analysis = analyse("U.S. lawmakers welcomed the announcement that Ukraine had agreed to a ceasefire.")
    event = only(analysis, "SUPPORT")
    assert parties(analysis, event)[1] == ["UKR"]


def test_a_protest_in_a_city_is_by_people_of_its_country() -> None:
    analysis = analyse("Hundreds of people staged a protest in Bamako on Friday.")
    event = only(analysis, "PROTEST")
    assert parties(analysis, event)[0] == ["MLI"]
    added = [a for a in analysis.actors if a.country == "MLI"]
    assert added and added[0].kind == "country" and "Bamako" in (added[0].why or "")


def test_a_country_already_named_is_not_added_twice() -> None:
    analysis = analyse("Mali's opposition said on Friday that hundreds of people protested in Bamako.")
    assert len([a for a in analysis.actors if a.kind == "country" and a.country == "MLI"]) == 1


def test_a_definite_description_refers_back_to_the_actor_so_named() -> None:
    analysis = analyse(
        "The U.N. Security Council met on Monday to discuss Sudan. "
        "The UNICEF director urged the council to press the warring parties."
    )
    event = only(analysis, "REQUEST")
    recipients = [a for a in analysis.actors if a.id in event.recipient]
    assert recipients and "Security Council" in recipients[0].name
    assert "described_recipients" in (event.why or "")


def test_why_names_the_rules_that_decided() -> None:
    event = only(analyse("Russia condemned the attack on Ukraine's embassy."), "ACCUSE")
    assert "rules: named_actors" in (event.why or "")


def test_confidence_is_the_shipped_model_over_the_signals() -> None:
    analysis = analyse("Russia condemned Ukraine on Monday. They said something happened somewhere.")
    model = load_model()
    for event in analysis.events:
        assert event.signals
        assert abs(event.confidence - round(model.probability(event.signals), 2)) < 1e-9
        assert 0.0 < event.confidence < 1.0
    named = only(analysis, "ACCUSE")
    assert "actor:named_actors" in named.signals and "actor_placed" in named.signals


def test_a_named_placed_actor_raises_confidence() -> None:
    model = load_model()
    base = ("kind:verb", "quad:verbal_conflict", "recipient:none")
    assert model.probability((*base, "actor:named_actors", "actor_placed")) > model.probability(
        (*base, "actor:none")
    )
    assert 0.0 < model.threshold < 1.0


def test_first_person_in_a_quotation_is_its_speaker() -> None:
    # 498 quoted passages of the Guardian articles hold "we" or "I"; the speaker is who acts
    analysis = analyse('"We will never negotiate with terrorists," the Ukrainian foreign minister said.')
    event = only(analysis, "REJECT")
    assert parties(analysis, event)[0] == ["UKR"]
    assert "quoted_speaker" in (event.why or "")


def test_a_third_person_pronoun_in_a_quotation_is_not_its_speaker() -> None:
    analysis = analyse('"They attacked us at dawn," the Malian army said on Monday.')
    event = only(analysis, "ASSAULT")
    actor_side, recipient_side = parties(analysis, event)
    assert "MLI" not in actor_side
    assert recipient_side == ["MLI"]


def test_a_pronoun_reported_without_quotation_marks_is_still_the_reporter() -> None:
    analysis = analyse("Iran said it would attack Israel.")
    event = only(analysis, "THREATEN")
    assert parties(analysis, event) == (["IRN"], ["ISR"])


def test_every_side_between_which_a_mutual_act_happens_acts() -> None:
    # "clash(es) between" 41 times and "between X and Y" 154 times in the Guardian articles and
    # the wire sentences
    analysis = analyse("Talks between Russia and Ukraine resumed in Istanbul on Monday.")
    event = only(analysis, "CONSULT")
    assert sorted(c or "" for c in parties(analysis, event)[0]) == ["RUS", "UKR"]


def test_an_accusation_told_as_a_noun_is_aimed_at_its_clause() -> None:
    # "accusation/claim/allegation/demand/threat/charge/denial/warning that" 72 times in the
    # Guardian articles and the wire sentences
    analysis = analyse(
        "The UK government called Moscow's accusation that Britain directed the attack ludicrous."
    )
    accusations = [e for e in analysis.events if e.type == "ACCUSE"]
    assert any(parties(analysis, e) == (["RUS"], ["GBR"]) for e in accusations)


def test_private_stories_and_page_furniture_are_no_events() -> None:
    # over 25 Guardian articles these two guards drop 12 of 298 events, told of private people ("She
    # cried and said to me …") and of letters-page footers ("click here to visit gu.com/letters")
    assert not analyse("She cried and said to me that we should never throw it away.").events
    assert not analyse("Read more letters – click here to visit example.com/letters and join us.").events
    assert analyse("Russia condemned Ukraine on Monday.").events


def test_leaving_a_body_of_states_is_a_sanction_and_leaving_territory_a_retreat() -> None:
    left = analyse("Burkina Faso withdrew from the African Union in March.")
    event = only(left, "SANCTION")
    assert event.mode == "withdraw" and parties(left, event) == (["BFA"], ["AU"])
    assert "leaving_a_body" in (event.why or "")
    moved = analyse("Burkina Faso withdrew its troops from Niger in March.")
    assert [e.type for e in moved.events] == ["RETREAT"]
    resigned = analyse("The Malian envoy resigned from the African Union commission in March.")
    assert [(e.type, e.mode) for e in resigned.events] == [("RETREAT", "resign")]  # a post, not a body left


def test_a_town_acted_on_is_the_place_and_its_country_the_recipient() -> None:
    bombed = analyse("Russian jets bombed Aleppo on Sunday.")
    event = only(bombed, "ASSAULT")
    places = {p.id: p for p in bombed.places}
    assert parties(bombed, event) == (["RUS"], ["SYR"])
    assert event.location is not None and places[event.location].name == "Aleppo"
    attacked = analyse("Russia attacked Ukraine in 2022.")
    assert only(attacked, "ASSAULT").location is None  # a country as object is a party, not a place


def test_a_counted_plural_refers_to_the_countries_last_listed_together() -> None:
    text = (
        "India and Pakistan exchanged fire across the border on Sunday. "
        "The United Nations urged both countries to show restraint."
    )
    urged = analyse(text)
    assert parties(urged, only(urged, "REQUEST")) == (["UN"], ["IND", "PAK"])
    listed = analyse(
        "Burkina Faso, Mali and Niger left the bloc in January. "
        "The three nations accused Nigeria of meddling."
    )
    assert parties(listed, only(listed, "ACCUSE")) == (["BFA", "MLI", "NER"], ["NGA"])
    # a count that no list matches refers to nobody
    unmatched = analyse("Russia and China held joint exercises. The three countries accused Japan of spying.")
    assert parties(unmatched, only(unmatched, "ACCUSE"))[0] != ["RUS", "CHN"]


def test_the_bloc_is_the_body_the_story_is_about() -> None:
    text = "Hungary vetoed a European Union statement on Monday. The bloc criticised Budapest for the veto."
    vetoed = analyse(text)
    assert parties(vetoed, only(vetoed, "ACCUSE")) == (["EU"], ["HUN"])


def test_a_promise_of_force_is_a_threat() -> None:
    promised = analyse("The president promised to bomb Syria within days.")
    event = only(promised, "THREATEN")
    assert "promised_conflict" in (event.why or "")
    aid = analyse("Russia promised to deliver wheat to Egypt.")
    assert [e.type for e in aid.events] == ["AGREE"]


def test_a_possessive_owner_of_an_event_noun_refers_back_like_a_subject() -> None:
    text = "Turkey launched an offensive on Afrin on Saturday. Its offensive killed dozens of civilians."
    killed = analyse(text)
    owners = {tuple(parties(killed, e)[0]) for e in killed.events if e.type == "ASSAULT"}
    assert owners == {("TUR",)}


def test_a_named_place_as_object_meets_a_verb_sense_that_wants_a_target() -> None:
    struck = analyse("Israeli jets struck Gaza on Monday.")
    assert parties(struck, only(struck, "ASSAULT"))[0] == ["ISR"]
    assert analyse("The storm struck Florida on Monday.").events == ()


def test_attending_talks_is_taking_part_in_them() -> None:
    attended = analyse("Syrian opposition leaders attended the talks in Geneva on Monday.")
    assert parties(attended, only(attended, "CONSULT"))[0] == ["SYR"]
    refused = analyse("The Syrian opposition will not attend the talks in Sochi.")
    assert [e.type for e in refused.events] == ["REJECT"]


def test_a_passive_undoing_is_by_whoever_did_the_undone_act() -> None:
    lifted = analyse("The blockade by Israel was eased on Monday.")
    assert parties(lifted, only(lifted, "RETREAT"))[0] == ["ISR"]


def test_a_decided_withdrawal_is_announced_and_the_forces_moved_are_the_actors_own() -> None:
    decided = analyse("Trump decided to withdraw US troops from Syria.")
    assert parties(decided, only(decided, "CONCEDE")) == (["USA"], ["SYR"])
    done = analyse("US troops withdrew from Syria in 2019.")
    assert [e.type for e in done.events] == ["RETREAT"]
    deployed = analyse("France deployed its troops to Mali in 2013.")
    assert parties(deployed, only(deployed, "MOBILIZE")) == (["FRA"], ["MLI"])


def test_what_analysts_and_researchers_say_is_commentary_not_an_event() -> None:
    assert analyse("Security analyst Kabiru Adamu welcomed the move on Tuesday.").events == ()
    assert analyse("Researchers warn that diabetes could affect millions more people.").events == ()
    minister = analyse("Nigeria's defence minister welcomed the move on Tuesday.")
    assert [e.type for e in minister.events] == ["SUPPORT"]


def test_the_of_object_of_an_attack_noun_is_its_target() -> None:
    invaded = analyse("Russia's full-scale invasion of Ukraine began in February 2022.")
    assert parties(invaded, only(invaded, "ASSAULT")) == (["RUS"], ["UKR"])
    # a passive verb of welcome does not take the agent of its subject noun as its own
    welcomed = analyse("The release of the prisoners by Hamas was welcomed.")
    assert all(parties(welcomed, e)[0] == [] for e in welcomed.events)


def test_a_war_named_as_the_time_of_something_else_is_no_event_of_its_own() -> None:
    # 25 such phrases read as ASSAULT events in the Guardian articles ("Early in Syria's civil
    # war, …", "the worst humanitarian disaster of the Syrian war")
    framed = analyse("Early in Syria's civil war, Iran sent advisers to Damascus.")
    assert [e for e in framed.events if e.type == "ASSAULT"] == []
    waged = analyse("Russia's war against Ukraine has killed thousands.")
    assert parties(waged, only(waged, "ASSAULT")) == (["RUS"], ["UKR"])


def test_a_reporter_laying_blame_for_a_harm_accuses_the_one_blamed() -> None:
    a = analyse("Kenya's interior minister said Ethiopian rebels were behind the bus bombing.")
    event = only(a, "ACCUSE")
    assert parties(a, event) == (["KEN"], ["ETH"])
    b = analyse("Nigeria says it has evidence that Chadian militias were responsible for the massacre.")
    assert parties(b, only(b, "ACCUSE")) == (["NGA"], ["TCD"])
    c = analyse("Ghana said Togolese soldiers committed atrocities near the border.")
    assert parties(c, only(c, "ACCUSE")) == (["GHA"], ["TGO"])


def test_no_blame_without_a_harm_nor_with_an_admission() -> None:
    rebuilt = analyse(
        "Kenya's interior minister said Ethiopian engineers were responsible for rebuilding the bridge."
    )
    assert not [e for e in rebuilt.events if e.type == "ACCUSE"]
    admitted = analyse("The Kenyan army said it was responsible for the accidental strike.")
    assert not [e for e in admitted.events if "blame:" in (e.why or "")]


def test_the_doer_of_a_gerund_after_a_preposition_is_the_subject_of_its_clause() -> None:
    a = analyse("Ghana put its neighbours at risk by withdrawing its troops from Mali.")
    retreat = only(a, "RETREAT")
    assert parties(a, retreat)[0] == ["GHA"]
    b = analyse("The Kenyan president spoke to reporters after meeting Ethiopia's prime minister in Nairobi.")
    assert parties(b, only(b, "CONSULT")) == (["KEN"], ["ETH"])
