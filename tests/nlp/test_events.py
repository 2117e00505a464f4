"""Event coding, one syntactic pattern per test, on sentences written for these tests.

Actors are constructed here (name → country) so the tests check the event stage alone.
"""

from __future__ import annotations

import re

import pytest

from dyads.knowledge import KnowledgeError
from dyads.model import Actor, Article, Event, Options, Place, TimeExpr
from dyads.nlp.events.find import find_events
from dyads.nlp.events.lexicon import LexiconError, load_lexicon, parse_sense


def _actors(text: str, names: dict[str, str]) -> list[Actor]:
    out = []
    for i, (name, country) in enumerate(names.items(), 1):
        spans = tuple((m.start(), m.end()) for m in re.finditer(re.escape(name), text))
        assert spans, f"{name!r} not in test sentence"
        out.append(Actor(id=f"a{i}", name=name, kind="country", country=country, mentions=spans))
    return out


def code(
    nlp,
    text: str,
    names: dict[str, str] | None = None,
    *,
    published: str = "2021-05-10",
    times: list[TimeExpr] | None = None,
    places: list[Place] | None = None,
) -> tuple[list[Event], dict[str, str]]:
    actors = _actors(text, names or {})
    article = Article(id="t", text=text, published=published)
    events = find_events(nlp(text), article, actors, times or [], places or [], Options())
    return events, {a.id: a.country or "" for a in actors}


def one(events: list[Event], type_: str) -> Event:
    found = [e for e in events if e.type == type_]
    assert found, f"no {type_} in {[(e.type, e.why) for e in events]}"
    return found[0]


def countries(ids, by_id) -> set[str]:
    return {by_id[i] for i in ids}


def test_simple_transitive_verb(nlp):
    events, ids = code(nlp, "Kenya accused Uganda of harbouring rebels.", {"Kenya": "KEN", "Uganda": "UGA"})
    e = one(events, "ACCUSE")
    assert countries(e.actor, ids) == {"KEN"} and countries(e.recipient, ids) == {"UGA"}
    assert e.score < 0 and e.cameo and e.cameo.startswith("11")
    assert "accuse" in (e.why or "")


def test_passive_with_agent(nlp):
    events, ids = code(
        nlp,
        "Two Ghanaian soldiers were killed by Togolese militiamen near the border.",
        {"Ghanaian": "GHA", "Togolese": "TGO"},
    )
    e = one(events, "ASSAULT")
    assert countries(e.actor, ids) == {"TGO"} and countries(e.recipient, ids) == {"GHA"}


def test_compound_actors_form_one_list(nlp):
    events, ids = code(
        nlp, "Peru and Chile agreed to open a new border crossing.", {"Peru": "PER", "Chile": "CHL"}
    )
    e = one(events, "AGREE")
    assert countries(e.actor, ids) == {"PER", "CHL"} and not e.recipient


def test_meeting_with_prepositional_recipient(nlp):
    events, ids = code(
        nlp,
        "The Norwegian foreign minister met with Icelandic officials in Oslo on Monday.",
        {"Norwegian": "NOR", "Icelandic": "ISL"},
    )
    e = one(events, "CONSULT")
    assert countries(e.actor, ids) == {"NOR"} and countries(e.recipient, ids) == {"ISL"}


def test_negation_is_kept_as_auxiliary(nlp):
    events, _ = code(
        nlp,
        "Portugal did not sign the fisheries agreement with Morocco.",
        {"Portugal": "PRT", "Morocco": "MAR"},
    )
    e = one(events, "SUPPORT")
    assert e.auxiliary == "negation"


def test_refusal_is_reject_not_negation(nlp):
    events, ids = code(
        nlp, "Finland refused to extradite the suspect to Estonia.", {"Finland": "FIN", "Estonia": "EST"}
    )
    e = one(events, "REJECT")
    assert e.auxiliary is None and countries(e.actor, ids) == {"FIN"}
    assert not [x for x in events if x.type == "COOPERATE"], "the refused act is content, not an event"


def test_future_cooperation_is_agree(nlp):
    events, ids = code(nlp, "Japan will provide emergency aid to Nepal.", {"Japan": "JPN", "Nepal": "NPL"})
    e = one(events, "AGREE")
    assert countries(e.actor, ids) == {"JPN"}
    assert not [x for x in events if x.type == "AID"]


def test_future_meeting_plans_to(nlp):
    events, _ = code(
        nlp, "Brazil plans to host Argentine negotiators next month.", {"Brazil": "BRA", "Argentine": "ARG"}
    )
    assert one(events, "AGREE")


def test_be_going_to_is_a_future(nlp):
    # "be going to <act>": 59 of the 68 "going to" in the Guardian articles ("they're going to
    # withdraw", "is going to pay"); the rest go somewhere ("going to school").
    events, ids = code(
        nlp, "Eritrea is going to attack Ethiopian positions.", {"Eritrea": "ERI", "Ethiopian": "ETH"}
    )
    e = one(events, "THREATEN")
    assert countries(e.actor, ids) == {"ERI"}
    assert not [x for x in events if x.type == "ASSAULT"]


def test_announced_violence_is_threaten(nlp):
    events, ids = code(
        nlp,
        "Eritrea said it would attack Ethiopian positions if the talks fail.",
        {"Eritrea": "ERI", "Ethiopian": "ETH"},
    )
    e = one(events, "THREATEN")
    assert countries(e.actor, ids) == {"ERI"}


def test_hypothetical_modal(nlp):
    events, _ = code(
        nlp, "Analysts say Serbia could recognize Kosovo within a year.", {"Serbia": "SRB", "Kosovo": "XKX"}
    )
    e = one(events, "SUPPORT")
    assert e.auxiliary == "hypothetical"


def test_reported_speech_codes_the_reported_event(nlp):
    events, ids = code(
        nlp,
        "Officials in Kabul said Pakistani troops shelled Afghan villages overnight.",
        {"Pakistani": "PAK", "Afghan": "AFG", "Kabul": "AFG"},
    )
    e = one(events, "ASSAULT")
    assert countries(e.actor, ids) == {"PAK"} and "AFG" in countries(e.recipient, ids)
    assert e.mode == "heavy-weapons"


def test_threat_takes_content_mode_and_recipient(nlp):
    events, _ids = code(
        nlp, "Turkey threatened to impose a curfew on Kurdish towns.", {"Turkey": "TUR", "Kurdish": "TUR"}
    )
    e = one(events, "THREATEN")
    assert e.mode == "restrict"
    assert len(events) == 1


def test_light_verb_with_event_noun(nlp):
    events, ids = code(
        nlp, "Canada imposed sanctions on Belarus on Tuesday.", {"Canada": "CAN", "Belarus": "BLR"}
    )
    e = one(events, "SANCTION")
    assert countries(e.actor, ids) == {"CAN"} and countries(e.recipient, ids) == {"BLR"}
    assert "impose" in (e.why or "")


def test_light_verb_held_talks(nlp):
    events, ids = code(
        nlp,
        "Vietnamese diplomats held talks with Cambodian envoys in Hanoi.",
        {"Vietnamese": "VNM", "Cambodian": "KHM"},
    )
    e = one(events, "CONSULT")
    assert countries(e.recipient, ids) == {"KHM"}


def test_nominal_trigger_with_possessive_actor(nlp):
    events, ids = code(
        nlp, "Sudan's offensive against rebel positions continued for a third day.", {"Sudan": "SDN"}
    )
    e = one(events, "ASSAULT")
    assert countries(e.actor, ids) == {"SDN"}


def test_object_control_request(nlp):
    events, ids = code(
        nlp, "Lebanon urged France to release the detained journalists.", {"Lebanon": "LBN", "France": "FRA"}
    )
    e = one(events, "REQUEST")
    assert countries(e.actor, ids) == {"LBN"} and countries(e.recipient, ids) == {"FRA"}
    assert e.mode == "yield"


def test_must_clause_is_request(nlp):
    events, ids = code(
        nlp, "Norway said Sweden must reopen the crossing.", {"Norway": "NOR", "Sweden": "SWE"}
    )
    e = one(events, "REQUEST")
    assert countries(e.actor, ids) == {"NOR"} and countries(e.recipient, ids) == {"SWE"}


def test_xcomp_chain_decided_to_expel(nlp):
    events, ids = code(
        nlp, "Algeria decided to expel two French diplomats.", {"Algeria": "DZA", "French": "FRA"}
    )
    e = one(events, "SANCTION")
    assert e.mode == "expel" and countries(e.actor, ids) == {"DZA"}


def test_saying_is_not_an_event(nlp):
    events, _ = code(nlp, "The minister said the economy grew by two percent last year.")
    assert events == []


def test_reader_instructions_are_not_events(nlp):
    events, _ = code(nlp, "If you wish to use this material, you must request permission from the owner.")
    assert events == []


def test_event_needs_a_known_participant(nlp):
    events, _ = code(nlp, "Four men were arrested after a fight at a bar.")
    assert events == []


def test_background_clause_needs_known_actor(nlp):
    events, _ = code(nlp, "Ghana recalled its ambassador after a man was shot in a bar.", {"Ghana": "GHA"})
    assert [e.type for e in events] == ["SANCTION"]


def test_date_from_time_expression_and_article_fallback(nlp):
    text = "Chad signed a defence pact with Niger in March 2019. Niger praised Chad."
    times = [TimeExpr(span=(text.index("March 2019"), text.index("March 2019") + 10), value="2019-03")]
    events, _ = code(nlp, text, {"Chad": "TCD", "Niger": "NER"}, times=times)
    signed = one(events, "COOPERATE")
    assert signed.date == "2019-03" and signed.date_precision == "month"
    praised = one(events, "SUPPORT")
    assert praised.date == "2021-05-10" and praised.date_precision == "article"


def test_location_is_nearest_place_in_sentence(nlp):
    text = "Senegalese police arrested protesters in Dakar."
    start = text.index("Dakar")
    places = [Place(id="p1", name="Dakar", country="SEN", mentions=((start, start + 5),))]
    events, _ = code(nlp, text, {"Senegalese": "SEN"}, places=places)
    assert one(events, "COERCE").location == "p1"


def test_score_comes_from_mode_table():
    lexicon = load_lexicon()
    assert lexicon.score("ASSAULT", "aerial") == -9.5
    assert lexicon.score("CONSULT", "visit") == 4
    assert lexicon.score("AID", None) == 10
    assert all(-10 <= t.score <= 10 for t in lexicon.types.values())
    assert len(lexicon.types) == 16


def test_sense_notation():
    sense = parse_sense("ASSAULT firearms 193 @military", "test")
    assert (sense.type, sense.mode, sense.cameo, sense.contexts) == (
        "ASSAULT",
        "firearms",
        "193",
        ("military",),
    )


def test_user_lexicon_layers_over_builtin(tmp_path, nlp):
    (tmp_path / "event_lexicon.yaml").write_text("verbs:\n  snub: ACCUSE disapprove 111\n", encoding="utf-8")
    lexicon = load_lexicon((str(tmp_path),))
    assert lexicon.verbs["snub"][0].type == "ACCUSE"
    assert load_lexicon().verbs["snub"][0].type == "REJECT"


def test_undoing_verb_names_who_imposed(nlp):
    text = "Kenyan leaders will lift the sanctions imposed after the dispute with Somalia."
    events, ids = code(nlp, text, {"Kenyan": "KEN", "Somalia": "SOM"})
    e = one(events, "SANCTION")
    assert countries(e.actor, ids) == {"KEN"}


def test_repeated_event_noun_is_one_event_and_shares_its_date(nlp):
    text = "The March coup in Guinea shocked Conakry. Guinea's coup was condemned by Senegal."
    start = text.index("March")
    times = [TimeExpr(span=(start, start + 5), value="2021-03")]
    events, ids = code(nlp, text, {"Guinea": "GIN", "Senegal": "SEN"}, times=times)
    coups = [e for e in events if e.type == "COERCE"]
    assert len(coups) == 1
    assert coups[0].date == "2021-03" and countries(coups[0].recipient, ids) == {"GIN"}
    assert one(events, "ACCUSE")


def test_disease_and_disaster_are_not_actors(nlp):
    events, _ = code(
        nlp, "In Peru, the coronavirus has killed six Peruvian nurses.", {"Peru": "PER", "Peruvian": "PER"}
    )
    assert events == []


def test_denying_accusations_is_reject(nlp):
    events, _ = code(
        nlp, "Rwanda denied accusations that it armed rebels in Congo.", {"Rwanda": "RWA", "Congo": "COD"}
    )
    assert [e.type for e in events] == ["REJECT"]


def test_mentioned_visit_needs_a_visitor(nlp):
    events, _ = code(
        nlp,
        "Crowds gathered near Kabul airport during an unannounced visit to Afghanistan.",
        {"Kabul": "AFG", "Afghanistan": "AFG"},
    )
    assert not [e for e in events if e.type == "CONSULT"]


def test_participle_clause_is_a_second_act(nlp):
    text = "Canada imposed sanctions on Iranian officials, accusing them of torturing protesters."
    events, ids = code(nlp, text, {"Canada": "CAN", "Iranian officials": "IRN"})
    accuse = one(events, "ACCUSE")
    assert countries(accuse.actor, ids) == {"CAN"} and countries(accuse.recipient, ids) == {"IRN"}
    assert one(events, "SANCTION")


def test_vowing_not_to_is_reject(nlp):
    events, ids = code(
        nlp,
        "Armenia vowed not to return the disputed villages to Azerbaijan.",
        {"Armenia": "ARM", "Azerbaijan": "AZE"},
    )
    e = one(events, "REJECT")
    assert countries(e.actor, ids) == {"ARM"}


def test_host_is_the_recipient_of_a_visit(nlp):
    events, ids = code(
        nlp, "Ghana hosted a Nigerian delegation in Accra on Monday.", {"Ghana": "GHA", "Nigerian": "NGA"}
    )
    e = one(events, "CONSULT")
    assert countries(e.actor, ids) == {"NGA"} and countries(e.recipient, ids) == {"GHA"}
    assert e.mode == "visit"


def test_subject_pronoun_refers_to_the_last_actor_of_its_kind(nlp):
    text = "Norway hosted Sudanese envoys on Monday. It also pledged to fund new schools in Darfur."
    events, ids = code(nlp, text, {"Norway": "NOR", "Sudanese": "SDN"})
    e = one(events, "AGREE")
    assert countries(e.actor, ids) == {"NOR"}


def test_an_order_to_coerce_is_the_coercion(nlp):
    events, ids = code(
        nlp, "The Zambian government ordered police to arrest the opposition leader.", {"Zambian": "ZMB"}
    )
    e = one(events, "COERCE")
    assert countries(e.actor, ids) == {"ZMB"} and e.mode == "arrest"
    assert not [x for x in events if x.type == "REQUEST"]


def test_context_from_sentence_and_sense(nlp):
    events, _ = code(
        nlp, "Chad deployed troops along the border with Sudan.", {"Chad": "TCD", "Sudan": "SDN"}
    )
    e = one(events, "MOBILIZE")
    assert "military" in e.context


def test_partners_named_with_together_with_are_actors(nlp):
    text = "Qatar mediated the talks together with Egypt."
    events, ids = code(nlp, text, {"Qatar": "QAT", "Egypt": "EGY"})
    e = one(events, "CONSULT")
    assert countries(e.actor, ids) == {"QAT", "EGY"} and not e.recipient


def test_ending_an_agreement_reduces_relations(nlp):
    events, ids = code(
        nlp,
        "Burkina Faso ended its military agreement with France.",
        {"Burkina Faso": "BFA", "France": "FRA"},
    )
    e = one(events, "SANCTION")
    assert countries(e.actor, ids) == {"BFA"} and countries(e.recipient, ids) == {"FRA"}
    assert not [x for x in events if x.type == "AGREE"]


def test_bad_user_lexicon_names_the_file(tmp_path):
    (tmp_path / "event_lexicon.yaml").write_text("verbs:\n  snub: NOTATYPE 111\n", encoding="utf-8")
    with pytest.raises(LexiconError, match=r"event_lexicon\.yaml: verb:snub: unknown PLOVER type"):
        load_lexicon((str(tmp_path),))
    with pytest.raises(KnowledgeError):  # reported by the command line as bad input, not a bug
        load_lexicon((str(tmp_path),))


def test_engaged_in_is_doing(nlp):
    events, ids = code(
        nlp,
        "Burmese troops were engaged in heavy fighting with Karen rebels.",
        {"Burmese": "MMR", "Karen": "MMR"},
    )
    e = one(events, "ASSAULT")
    assert e.actor and countries(e.actor, ids) == {"MMR"}


@pytest.mark.parametrize(
    ("sentence", "type_", "context"),
    [
        ("Peru signed a military cooperation agreement with Chile.", "COOPERATE", "military"),
        ("Peru signed a defence pact with Chile.", "COOPERATE", "military"),
        ("Peru signed a peace treaty with Chile.", "SUPPORT", "diplomatic"),
        ("Peru signed a trade agreement with Chile.", "SUPPORT", "diplomatic"),
    ],
)
def test_signing_military_cooperation_is_cooperate(nlp, sentence, type_, context):
    # PLOVER: signing an agreement is SUPPORT, but military cooperation is COOPERATE (military)
    events, ids = code(nlp, sentence, {"Peru": "PER", "Chile": "CHL"})
    e = one(events, type_)
    assert context in e.context
    assert countries(e.actor, ids) == {"PER"} and countries(e.recipient, ids) == {"CHL"}


def _about(text: str) -> str:
    return text + " Oman held elections. Oman has a new parliament. Oman said it would reform."


def test_situation_object_is_aimed_at_the_article_country(nlp):
    text = _about("Egypt welcomed the new developments.")
    events, ids = code(nlp, text, {"Egypt": "EGY", "Oman": "OMN"})
    e = one(events, "SUPPORT")
    assert countries(e.actor, ids) == {"EGY"} and countries(e.recipient, ids) == {"OMN"}
    assert e.why and "article is about" in e.why


@pytest.mark.parametrize(
    "sentence",
    [
        "Egypt welcomed the new developments.",  # no country dominates the text
        "Egypt welcomed the new ambassador.",  # a person, not a situation
    ],
)
def test_situation_rule_needs_a_dominant_country_and_a_situation(nlp, sentence):
    text = sentence if "developments" in sentence else _about(sentence)
    names = {"Egypt": "EGY", "Oman": "OMN"} if "Oman" in text else {"Egypt": "EGY"}
    events, ids = code(nlp, text, names)
    e = one(events, "SUPPORT")
    assert countries(e.actor, ids) == {"EGY"} and not e.recipient


def test_situation_rule_never_turns_the_actor_on_itself(nlp):
    text = _about("Oman welcomed the new developments.")
    events, ids = code(nlp, text, {"Oman": "OMN"})
    e = one(events, "SUPPORT")
    assert countries(e.actor, ids) == {"OMN"} and not e.recipient


@pytest.mark.parametrize(
    "sentence",
    [
        "Rebels attacked a police station in Kenya on Monday. The Shabaab claimed responsibility for the attack.",
        "Rebels attacked a police station in Kenya on Monday. The Shabaab claimed the attack on Tuesday.",
        "Rebels attacked a police station in Kenya on Monday. The Shabaab claimed responsibility on Tuesday for the attack.",
    ],
)
def test_claiming_an_attack_makes_the_claimant_its_actor(nlp, sentence):
    times = [TimeExpr(span=(sentence.index("Monday"), sentence.index("Monday") + 6), value="2021-05-10")]
    events, ids = code(nlp, sentence, {"Shabaab": "SOM", "Kenya": "KEN"}, published="2021-05-12", times=times)
    claimed = [e for e in events if e.type == "ASSAULT" and countries(e.actor, ids) == {"SOM"}]
    assert claimed, [(e.type, e.why) for e in events]
    # the claimed attack is the one reported before: its target and its date
    assert countries(claimed[0].recipient, ids) == {"KEN"}
    assert claimed[0].date == "2021-05-10"


def test_claiming_is_for_attacks_not_for_other_events(nlp):
    events, _ = code(nlp, "The Shabaab claimed the talks.", {"Shabaab": "SOM"})
    assert not [e for e in events if e.type == "CONSULT"]


def test_agreement_on_military_cooperation_is_cooperate(nlp):
    events, ids = code(
        nlp,
        "Chile and Peru signed an agreement on military cooperation.",
        {"Chile": "CHL", "Peru": "PER"},
    )
    e = one(events, "COOPERATE")
    # joint signatories are one actor list, with no recipient (reciprocal actors)
    assert countries(e.actor, ids) == {"CHL", "PER"} and not e.recipient


def test_pact_on_equipment_transfers_stays_support(nlp):
    # only an agreement on (military) cooperation is material cooperation
    events, _ = code(
        nlp, "Chile and Peru signed a pact on defence equipment transfers.", {"Chile": "CHL", "Peru": "PER"}
    )
    assert one(events, "SUPPORT") and not [e for e in events if e.type == "COOPERATE"]


def test_suspension_from_a_bloc_is_a_sanction(nlp):
    events, ids = code(
        nlp, "The union suspended Chad from its governing bodies.", {"union": "AU", "Chad": "TCD"}
    )
    e = one(events, "SANCTION")
    assert countries(e.recipient, ids) == {"TCD"}


def test_removal_from_power_is_coerce(nlp):
    events, _ = code(nlp, "Soldiers from Chad removed the president of Chad from power.", {"Chad": "TCD"})
    assert one(events, "COERCE")
    events, _ = code(nlp, "Workers removed the statue from the square.", {})
    assert not [e for e in events if e.type == "COERCE"]


def test_condemning_a_coup_is_aimed_at_known_putschists(nlp):
    text = (
        "Soldiers from Gabon detained the president on Monday. "
        "The council dissolved the cabinet. Chile condemned the coup."
    )
    # "The council" is a party of no known country or body
    events, ids = code(nlp, text, {"Soldiers from Gabon": "GAB", "The council": "", "Chile": "CHL"})
    e = one(events, "ACCUSE")
    # the latest earlier coercion ("dissolved") names no known party; the detention does
    assert countries(e.actor, ids) == {"CHL"} and countries(e.recipient, ids) == {"GAB"}


@pytest.mark.parametrize(
    ("sentence", "type_"),
    [
        ("Canada froze the assets of Peru and Chile.", "SANCTION"),
        ("Canada suspended the broadcasts of Peru.", "COERCE"),
    ],
)
def test_acting_on_what_a_party_holds_acts_on_the_party(nlp, sentence, type_):
    events, ids = code(
        nlp,
        sentence,
        {"Canada": "CAN", "Peru": "PER", "Chile": "CHL"}
        if "Chile" in sentence
        else {"Canada": "CAN", "Peru": "PER"},
    )
    e = one(events, type_)
    assert countries(e.actor, ids) == {"CAN"} and "PER" in countries(e.recipient, ids)


def test_troops_leaving_a_country_is_retreat_others_leaving_is_nothing(nlp):
    events, ids = code(nlp, "The last Chilean troops left Peru on Monday.", {"Chilean": "CHL", "Peru": "PER"})
    e = one(events, "RETREAT")
    assert countries(e.recipient, ids) == {"PER"}
    events, _ = code(nlp, "The Chilean minister left Peru on Monday.", {"Chilean": "CHL", "Peru": "PER"})
    assert not [e for e in events if e.type == "RETREAT"]


def test_subject_condition_is_read_from_the_lexicon():
    lexicon = load_lexicon()
    leave = lexicon.verbs["leave"][0]
    assert leave.type == "RETREAT" and "troop" in leave.subjects and leave.conditional


@pytest.mark.parametrize(
    ("sentence", "type_"),
    [
        # the codebook: "announced … would withdraw troops" is CONCEDE
        ("Chile announced on Thursday that it would withdraw its troops from Peru.", "CONCEDE"),
        # a plain report or a readiness to withdraw is a promise
        ("Chile said on Thursday that it would withdraw its troops from Peru.", "AGREE"),
        ("Chile announced that it was willing to withdraw its troops from Peru.", "AGREE"),
    ],
)
def test_announced_future_withdrawal_is_concede(nlp, sentence, type_):
    events, ids = code(nlp, sentence, {"Chile": "CHL", "Peru": "PER"})
    e = one(events, type_)
    assert countries(e.actor, ids) == {"CHL"} and countries(e.recipient, ids) == {"PER"}


def test_receiving_arms_from_a_giver_is_the_givers_aid(nlp):
    events, ids = code(
        nlp, "Chile received four helicopters from Peru on Tuesday.", {"Chile": "CHL", "Peru": "PER"}
    )
    e = one(events, "AID")
    assert countries(e.actor, ids) == {"PER"} and countries(e.recipient, ids) == {"CHL"}
    assert e.why and "giver as actor" in e.why


def test_a_trailing_date_dates_every_verb_of_the_same_subject(nlp):
    text = "Chile closed its border with Peru and halted flights to the country on Thursday."
    start = text.index("Thursday")
    times = [TimeExpr(span=(start, start + 8), value="2021-05-06")]
    events, _ = code(nlp, text, {"Chile": "CHL", "Peru": "PER"}, times=times)
    closing = one(events, "COERCE")
    assert closing.date == "2021-05-06" and closing.date_precision != "article"
    # a later verb with its own subject keeps its own time
    text = "Chile closed its border with Peru, and Peru halted flights on Thursday."
    start = text.index("Thursday")
    times = [TimeExpr(span=(start, start + 8), value="2021-05-06")]
    events, _ = code(nlp, text, {"Chile": "CHL", "Peru": "PER"}, times=times)
    assert one(events, "COERCE").date == "2021-05-10"


def test_firing_on_someone_is_assault_firing_someone_is_not(nlp):
    events, ids = code(
        nlp,
        "Soldiers from Chile fired on protesters from Peru.",
        {"Soldiers from Chile": "CHL", "protesters from Peru": "PER"},
    )
    e = one(events, "ASSAULT")
    assert countries(e.actor, ids) == {"CHL"} and countries(e.recipient, ids) == {"PER"}
    # a date after "on" selects no sense
    events, _ = code(nlp, "Chile fired its ambassador on Monday.", {"Chile": "CHL"})
    assert not [e for e in events if e.type == "ASSAULT"]


def test_bare_on_in_the_lexicon_is_the_preposition():
    # YAML reads a bare on as true; the lexicon keeps the word
    call = next(s for s in load_lexicon().verbs["call"] if s.preps)
    assert "on" in call.preps and "true" not in call.preps


def test_measures_named_in_a_relative_clause_are_events_and_answers_aim_at_their_imposer(nlp):
    text = "Chile and Peru met on Monday. They rejected the sanctions that Brazil imposed on Bolivia."
    names = {"Chile": "CHL", "Peru": "PER", "Brazil": "BRA", "Bolivia": "BOL"}
    events, ids = code(nlp, text, names)
    sanction = one(events, "SANCTION")
    assert countries(sanction.actor, ids) == {"BRA"} and countries(sanction.recipient, ids) == {"BOL"}
    rejection = one(events, "REJECT")
    # "They" are the two countries named together before; the refusal is aimed at the imposer
    assert countries(rejection.actor, ids) == {"CHL", "PER"}
    assert countries(rejection.recipient, ids) == {"BRA"}


def test_a_relative_pronoun_subject_names_no_doer(nlp):
    text = "Chile rejected the sanctions that hurt Bolivia."
    events, _ = code(nlp, text, {"Chile": "CHL", "Bolivia": "BOL"})
    assert not [e for e in events if e.type == "SANCTION"]


def test_a_single_actor_named_later_takes_they_back(nlp):
    text = "Chile and Peru met on Monday. The rebels attacked a base. They condemned Bolivia."
    events, ids = code(nlp, text, {"Chile": "CHL", "Peru": "PER", "rebels": "COL", "Bolivia": "BOL"})
    e = one(events, "ACCUSE")
    assert countries(e.actor, ids) == {"COL"}


def test_blocking_a_statement_is_a_veto_not_backing_what_it_says(nlp):
    text = "Chile blocked a council statement backing the sanctions on Peru on Tuesday."
    start = text.index("Tuesday")
    times = [TimeExpr(span=(start, start + 7), value="2021-05-04")]
    events, ids = code(nlp, text, {"Chile": "CHL", "Peru": "PER"}, times=times)
    e = one(events, "REJECT")
    assert countries(e.actor, ids) == {"CHL"} and e.date == "2021-05-04"
    assert not [s for s in events if s.type == "SUPPORT" and countries(s.actor, ids) == {"CHL"}]


def test_issuing_a_text_still_speaks_through_it(nlp):
    events, ids = code(
        nlp,
        "Chile issued a declaration demanding the release of Peru's president.",
        {"Chile": "CHL", "Peru": "PER"},
    )
    assert countries(one(events, "REQUEST").actor, ids) == {"CHL"}


def test_a_pronoun_reads_the_last_sentence_subject_even_without_an_event(nlp):
    text = "Chile announced on television that the borders were closed. It accused Peru of smuggling."
    events, ids = code(nlp, text, {"Chile": "CHL", "Peru": "PER"})
    e = one(events, "ACCUSE")
    assert countries(e.actor, ids) == {"CHL"} and countries(e.recipient, ids) == {"PER"}


def test_condemning_a_mutiny_aims_at_the_mutineers(nlp):
    text = "Soldiers from Chile detained the president. Peru condemned the mutiny."
    events, ids = code(nlp, text, {"Soldiers from Chile": "CHL", "Peru": "PER"})
    e = one(events, "ACCUSE")
    assert countries(e.actor, ids) == {"PER"} and countries(e.recipient, ids) == {"CHL"}


@pytest.mark.parametrize(
    "sentence",
    [
        "Several governments, including Chile and Peru, condemned Bolivia.",
        "The leaders of the Andean countries, among them Chile's President Gabriel Boric, condemned Bolivia.",
    ],
)
def test_members_named_inside_a_group_act_with_it(nlp, sentence):
    names = {"Chile": "CHL", "Bolivia": "BOL"} | ({"Peru": "PER"} if "Peru" in sentence else {})
    events, ids = code(nlp, sentence, names)
    e = one(events, "ACCUSE")
    assert "CHL" in countries(e.actor, ids) and countries(e.recipient, ids) == {"BOL"}


@pytest.mark.parametrize(
    ("sentence", "type_"),
    [
        ("Chile suspended joint military operations with Peru on Thursday.", "SANCTION"),
        ("Chile suspended Peru from its institutions.", "SANCTION"),
        ("Chile resumed joint operations with Peru.", "COOPERATE"),
    ],
)
def test_joint_operations_suspended_and_resumed(nlp, sentence, type_):
    events, ids = code(nlp, sentence, {"Chile": "CHL", "Peru": "PER"})
    e = one(events, type_)
    assert countries(e.actor, ids) == {"CHL"} and countries(e.recipient, ids) == {"PER"}


def test_questioning_a_partys_legitimacy_accuses_it(nlp):
    events, ids = code(
        nlp, "Chile questioned the legitimacy of Peru's government.", {"Chile": "CHL", "Peru": "PER"}
    )
    e = one(events, "ACCUSE")
    assert countries(e.actor, ids) == {"CHL"} and countries(e.recipient, ids) == {"PER"}


def test_victims_of_no_known_country_belong_where_it_happened(nlp):
    text = "A Chilean air strike in northern Peru killed 19 civilians."
    start = text.index("Peru")
    places = [Place(id="p1", name="Peru", country="PER", mentions=((start, start + 4),))]
    events, ids = code(nlp, text, {"Chilean": "CHL", "civilians": "", "Peru": "PER"}, places=places)
    e = one(events, "ASSAULT")
    assert countries(e.actor, ids) == {"CHL"} and "PER" in countries(e.recipient, ids)
    assert e.why and "place of the event" in e.why


def test_a_plain_denial_is_reject(nlp):
    events, ids = code(
        nlp, "Chile denied that its soldiers had crossed into Peru.", {"Chile": "CHL", "Peru": "PER"}
    )
    assert countries(one(events, "REJECT").actor, ids) == {"CHL"}


@pytest.mark.parametrize(
    ("sentence", "type_"),
    [
        ("Chile called the government of Peru illegitimate.", "ACCUSE"),
        ("Chile called the vote in Peru a fraud.", "ACCUSE"),
        ("Chile called Peru a friend.", None),
    ],
)
def test_calling_something_by_a_pejorative_denounces_it(nlp, sentence, type_):
    events, ids = code(nlp, sentence, {"Chile": "CHL", "Peru": "PER"})
    accusations = [e for e in events if e.type == "ACCUSE"]
    if type_ is None:
        assert not accusations
    else:
        assert accusations and countries(accusations[0].actor, ids) == {"CHL"}


def test_predicate_condition_is_read_from_the_lexicon():
    accuse = next(s for s in load_lexicon().verbs["call"] if s.predicates)
    assert accuse.type == "ACCUSE" and "illegitimate" in accuse.predicates and accuse.conditional


def test_the_same_group_named_again_by_its_head_noun(nlp):
    text = "Chile's junta expelled the envoy of Peru on Monday. The junta accused Bolivia of smuggling."
    first = text.index("Chile's junta")
    actors = [
        Actor(id="a1", name="Chile's junta", kind="group", country="CHL", mentions=((first, first + 13),)),
        Actor(
            id="a2",
            name="Peru",
            kind="country",
            country="PER",
            mentions=((text.index("Peru"), text.index("Peru") + 4),),
        ),
        Actor(
            id="a3",
            name="Bolivia",
            kind="country",
            country="BOL",
            mentions=((text.index("Bolivia"), text.index("Bolivia") + 7),),
        ),
    ]
    article = Article(id="t", text=text, published="2021-05-10")
    events = find_events(nlp(text), article, actors, [], [], Options())
    e = one(events, "ACCUSE")
    assert e.actor == ("a1",) and e.recipient == ("a3",)


@pytest.mark.parametrize(("verb", "type_"), [("condemned", "ACCUSE"), ("welcomed", "SUPPORT")])
def test_a_response_to_the_decision_aims_at_whoever_decided(nlp, verb, type_):
    text = f"Chile expelled the envoy of Peru on Monday. Bolivia {verb} the decision."
    events, ids = code(nlp, text, {"Chile": "CHL", "Peru": "PER", "Bolivia": "BOL"})
    e = one(events, type_)
    assert countries(e.actor, ids) == {"BOL"} and countries(e.recipient, ids) == {"CHL"}


def test_measures_a_party_had_imposed_are_its_own_events(nlp):
    text = "Brazil lifted the sanctions it had imposed on Bolivia in January."
    start = text.index("January")
    times = [TimeExpr(span=(start, start + 7), value="2021-01")]
    events, ids = code(nlp, text, {"Brazil": "BRA", "Bolivia": "BOL"}, times=times)
    sanction = one(events, "SANCTION")
    assert countries(sanction.actor, ids) == {"BRA"} and countries(sanction.recipient, ids) == {"BOL"}
    assert sanction.date == "2021-01"
    assert one(events, "CONCEDE")


@pytest.mark.parametrize(
    ("sentence", "type_"),
    [
        # the codebook leaves a future retreat as it is
        ("The president of Chile will resign.", "RETREAT"),
        # readiness is an offer
        ("The president of Chile is ready to resign.", "AGREE"),
        ("Chile said it was prepared to lift the ban on Peru.", "AGREE"),
    ],
)
def test_future_resignations_and_offered_concessions(nlp, sentence, type_):
    names = {"Chile": "CHL"} | ({"Peru": "PER"} if "Peru" in sentence else {})
    events, ids = code(nlp, sentence, names)
    assert countries(one(events, type_).actor, ids) == {"CHL"}


def test_a_nationality_word_is_not_where_it_happened(nlp):
    text = "Soldiers from Chile and fighters believed to be Peruvian killed 30 civilians. Peru said nothing."
    start = text.index("Peruvian")
    places = [Place(id="p1", name="Peru", country="PER", mentions=((start, start + 8),))]
    names = {"Soldiers from Chile": "CHL", "civilians": "", "Peru": "PER"}
    events, ids = code(nlp, text, names, places=places)
    e = one(events, "ASSAULT")
    assert "PER" not in countries(e.recipient, ids)


def test_suspending_ones_own_institutions_is_no_sanction(nlp):
    events, _ = code(nlp, "The officers of Chile suspended the country's institutions.", {"Chile": "CHL"})
    assert not [e for e in events if e.type == "SANCTION"]


def test_a_crowd_of_no_named_party_is_of_the_country_where_it_gathered(nlp):
    text = (
        "Thousands of people rallied in Lima to demand the release of Chile's prisoners. Peru said nothing."
    )
    start = text.index("Lima")
    places = [Place(id="p1", name="Lima", country="PER", mentions=((start, start + 4),))]
    events, ids = code(nlp, text, {"Chile": "CHL", "Peru": "PER"}, places=places)
    e = one(events, "PROTEST")
    assert countries(e.actor, ids) == {"PER"}
    assert e.why and "crowd gathered" in e.why


def test_in_support_of_is_not_where_it_happened(nlp):
    events, _ = code(nlp, "Chile eased restrictions in support of Peru.", {"Chile": "CHL", "Peru": "PER"})
    e = one(events, "CONCEDE")
    assert "place of the event" not in (e.why or "")


@pytest.mark.parametrize(
    ("sentence", "coded"),
    [
        ("A soldier from Chile was killed when a roadside bomb hit his vehicle.", True),
        ("A soldier from Chile was killed when a truck hit his vehicle.", False),
        ("A soldier from Chile was killed when a car struck his vehicle.", False),
    ],
)
def test_a_weapon_makes_a_vehicle_death_no_accident(nlp, sentence, coded):
    events, ids = code(nlp, sentence, {"soldier from Chile": "CHL"})
    assaults = [e for e in events if e.type == "ASSAULT"]
    assert bool(assaults) == coded
    if coded:
        assert countries(assaults[0].recipient, ids) == {"CHL"}


def test_a_place_naming_the_actor_is_not_where_it_happened(nlp):
    text = "Spain suspended its training mission in Mali."
    spans = {name: (text.index(name), text.index(name) + len(name)) for name in ("Spain", "Mali")}
    places = [
        Place(id=f"p{i}", name=n, country=c, mentions=(spans[n],))
        for i, (n, c) in enumerate((("Spain", "ESP"), ("Mali", "MLI")), 1)
    ]
    events, _ = code(nlp, text, {"Spain": "ESP", "Mali": "MLI"}, places=places)
    assert one(events, "SANCTION").location == "p2"
