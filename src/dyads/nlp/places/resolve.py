"""Choosing, for each toponym, the gazetteer entry it most likely means.

Each distinct name gets its candidate entries. A candidate's score is
- a prior: the kind of place (country > continent, region, state > county > city) and, for
  cities, the population and whether it is a capital. A national capital a reader knows comes
  before a division of the same name elsewhere ("Washington" is the city, not the state);
- a division word after the name: "Idlib province", "Washington state" mean the division;
- an explicit qualifier in the text: "Paris, Texas", "Gary, Ind.", "Gao, Mali";
- coherence with the article's other names: a country or state mentioned elsewhere supports
  the places inside it, and places near a likely reading of another name support each other
  ("Alexandria" beside "Rapides Parish" is the Louisiana town, "Gao" beside "Bamako" the
  Malian one). Beliefs are refined over a few rounds.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field

import numpy as np

from dyads.knowledge.gazetteer import (
    ADMIN1,
    ADMIN2,
    CITY,
    CONTINENT,
    COUNTRY,
    REGION,
    Entry,
    Gazetteer,
    normalize,
)
from dyads.nlp.places.names import WORDS
from dyads.nlp.places.toponym import Toponym

KIND_PRIOR = {COUNTRY: 13.0, CONTINENT: 8.5, REGION: 8.0, ADMIN1: 10.0, ADMIN2: 5.5}
CAPITAL_BONUS = 3.0
# A national capital this large is the reading a news reader takes before a state or province
# of the same name (Washington, D.C. before Washington state).
KNOWN_CAPITAL_POPULATION = 100_000
DIVISION_BONUS = 12.0
NAMESAKE_RATIO = 20  # a town this many times smaller than a capital of its name is a namesake
NAMESAKE_PENALTY = 4.0
DIVISION_KEY = " (division)"
ALTERNATE_NAME_PENALTY = 3.0
QUALIFIER_BONUS = 12.0
COHERENCE_WEIGHT = 8.0
NEAR_KM, FAR_KM = 40.0, 150.0
SAME_COUNTRY_LINK = 0.0
COUNTRY_LINK = 0.0
FOCUS_WEIGHT = 4.0
BELIEF_SHARPNESS = 1.0
MIN_SCORE = 2.5
MAX_GROUP_WEIGHT = 1.5
MAX_CANDIDATES = 30
ROUNDS = 3


@dataclass
class NameGroup:
    """All the toponyms of an article that share one normalised name."""

    key: str
    toponyms: list[Toponym] = field(default_factory=list)
    candidates: list[Entry] = field(default_factory=list)
    qualifiers: set[tuple[str, str]] = field(default_factory=set)  # ("US", "TX") or ("ML", "")
    division: bool = False  # some mention is followed by a division word ("Idlib province")

    @property
    def name(self) -> str:
        """The normalised name the group's candidates are looked up under."""
        return self.key.removesuffix(DIVISION_KEY)


def city_prior(entry: Entry) -> float:
    return 1.1 * math.log10(entry.population + 10) + (CAPITAL_BONUS if entry.capital else 0.0)


def prior(entry: Entry, key: str) -> float:
    score = KIND_PRIOR.get(entry.kind) if entry.kind != CITY else None
    value = city_prior(entry) if score is None else score
    if normalize(entry.name) != key:
        value -= ALTERNATE_NAME_PENALTY
    return value


_QUALIFIER = re.compile(r"\s*,\s*((?:[A-Z][\w.']*\.?)(?:\s+[A-Z][\w.']*\.?){0,2})")


def _qualifier(text: str, toponym: Toponym, gaz: Gazetteer) -> tuple[str, str] | None:
    """A state or country named right after a comma: "Paris, Texas", "Gary, Ind.", "Gao, Mali"."""
    match = _QUALIFIER.match(text, toponym.end)
    if not match:
        return None
    words = match.group(1)
    # Try the longest reading first: "New York" before "New".
    parts = words.split()
    for size in range(len(parts), 0, -1):
        surface = " ".join(parts[:size])
        code = gaz.state_abbreviations.get(surface) or gaz.state_abbreviations.get(surface.rstrip(".,"))
        if code:
            return ("US", code)
        for entry in gaz.lookup(surface.rstrip(".,")):
            if entry.kind == ADMIN1:
                return ("US", entry.admin1 or "")
            if entry.kind == COUNTRY and entry.country:
                return (entry.country, "")
    return None


_NEXT_WORD = re.compile(r"\s+([a-z]+)\b")


def followed_by_division(text: str, toponym: Toponym) -> bool:
    """ "Idlib province", "Washington state": the name of a division, not of its capital town.
    Lower case only: "Washington State University" is a university."""
    match = _NEXT_WORD.match(text, toponym.end)
    return match is not None and match.group(1) in WORDS.divisions


def group_toponyms(toponyms: list[Toponym], text: str, gaz: Gazetteer) -> list[NameGroup]:
    groups: dict[str, NameGroup] = {}
    for toponym in toponyms:
        if toponym.demonym_of:
            key = f"demonym:{toponym.demonym_of}"
        else:
            key = normalize(toponym.lookup or toponym.text)
            # "Washington state" and "Washington" in one article are two places.
            if followed_by_division(text, toponym):
                key += DIVISION_KEY
        group = groups.get(key)
        if group is None:
            group = groups[key] = NameGroup(key)
            if toponym.demonym_of:
                group.candidates = [e for e in gaz.lookup_country(toponym.demonym_of)]
            else:
                group.candidates = gaz.lookup(toponym.lookup or toponym.text)
        group.toponyms.append(toponym)
        if not toponym.demonym_of:
            qualifier = _qualifier(text, toponym, gaz)
            if qualifier:
                group.qualifiers.add(qualifier)
            group.division = group.division or key.endswith(DIVISION_KEY)
    return list(groups.values())


def _qualified(entry: Entry, qualifiers: set[tuple[str, str]]) -> bool:
    return any(
        entry.country == country and (not admin1 or entry.admin1 == admin1) and entry.kind != COUNTRY
        for country, admin1 in qualifiers
    )


def _known_capital(entry: Entry) -> bool:
    return entry.kind == CITY and entry.capital and entry.population >= KNOWN_CAPITAL_POPULATION


def _base_scores(group: NameGroup, named_countries: frozenset[str] = frozenset()) -> list[float]:
    # Before a division that shares a known capital's name, the reader takes the capital:
    # the division starts just below it (other readings keep their priors).
    capital_priors = [prior(e, group.name) for e in group.candidates if _known_capital(e)]
    division_ceiling = max(capital_priors) - 1.0 if capital_priors else math.inf
    # only a capital of a country the article names: local news has its own Moscows and Cairos
    capital_size = max(
        (e.population for e in group.candidates if _known_capital(e) and e.country in named_countries),
        default=0,
    )
    scores = []
    for entry in group.candidates:
        score = prior(entry, group.name) if not group.key.startswith("demonym:") else KIND_PRIOR[COUNTRY]
        if entry.kind in (ADMIN1, ADMIN2):
            score = min(score, division_ceiling)
        if entry.kind == CITY and not entry.capital and entry.population * NAMESAKE_RATIO < capital_size:
            # a small town named after a capital ("Damascus", Maryland) is what the text means
            # only when it says so ("Damascus, Md.") or its neighbours outweigh the capital
            score -= NAMESAKE_PENALTY
        if group.qualifiers and _qualified(entry, group.qualifiers):
            score += QUALIFIER_BONUS
        if group.division and entry.kind in (ADMIN1, ADMIN2):
            score += DIVISION_BONUS
        scores.append(score)
    return scores


def _links(entries: list[Entry]) -> np.ndarray:
    """links[i, j] in [0, 1]: how much entry j, if meant, supports entry i."""
    lat = np.radians(np.array([e.lat for e in entries]))
    lon = np.radians(np.array([e.lon for e in entries]))
    dlat = lat[:, None] - lat[None, :]
    dlon = lon[:, None] - lon[None, :]
    a = np.sin(dlat / 2) ** 2 + np.cos(lat)[:, None] * np.cos(lat)[None, :] * np.sin(dlon / 2) ** 2
    km = 2 * 6371.0088 * np.arcsin(np.sqrt(np.clip(a, 0.0, 1.0)))
    near = np.clip((FAR_KM - km) / (FAR_KM - NEAR_KM), 0.0, 1.0)
    country = np.array([e.country or "" for e in entries], dtype=object)
    admin1 = np.array([f"{e.country}.{e.admin1}" if e.admin1 else "" for e in entries], dtype=object)
    kind = np.array([e.kind for e in entries], dtype=object)
    same_country = (country[:, None] == country[None, :]) & (country[:, None] != "")
    same_state = (admin1[:, None] == admin1[None, :]) & (admin1[:, None] != "")
    # Countries, continents and regions are too large for their point to mean anything
    # about what is near them.
    wide = np.isin(kind, (COUNTRY, CONTINENT, REGION))
    wide_i, wide_j = wide[:, None], wide[None, :]
    state = kind == ADMIN1
    state_i, state_j = state[:, None], state[None, :]
    links = np.where(same_country, np.maximum(near, SAME_COUNTRY_LINK), near)
    # A state supports what lies inside it, whatever the distance to its point, and is
    # supported by it. A country does too, but weakly: it holds thousands of towns.
    links = np.where(state_i | state_j, np.where(same_state, 1.0, links * 0.5), links)
    links = np.where(wide_i ^ wide_j, same_country * COUNTRY_LINK, links)
    # Two countries support each other only by being neighbours.
    links = np.where(wide_i & wide_j, near * 0.5, links)
    # The same place under two names ("Egypt", "Egyptian") supports itself fully.
    identity = np.array([hash((e.kind, e.name, e.country, e.lat, e.lon)) for e in entries])
    links = np.where(identity[:, None] == identity[None, :], 1.0, links)
    np.fill_diagonal(links, 0.0)
    return links


def resolve_groups(groups: list[NameGroup]) -> list[Entry | None]:
    """The chosen entry of each group (None when the gazetteer has no candidate)."""
    for group in groups:
        if len(group.candidates) > MAX_CANDIDATES:
            ranked = sorted(
                group.candidates,
                key=lambda e: (not _qualified(e, group.qualifiers), -prior(e, group.name)),
            )
            group.candidates = ranked[:MAX_CANDIDATES]
    flat: list[Entry] = []
    owner: list[int] = []
    base: list[float] = []
    named_countries = frozenset(
        e.country for group in groups for e in group.candidates if e.kind == COUNTRY and e.country
    )
    for g, group in enumerate(groups):
        flat.extend(group.candidates)
        owner.extend([g] * len(group.candidates))
        base.extend(_base_scores(group, named_countries))
    if not flat:
        return [None] * len(groups)
    base_arr = np.array(base)
    owner_arr = np.array(owner)
    weights = np.array([min(math.log1p(len(group.toponyms)), MAX_GROUP_WEIGHT) for group in groups])
    links = _links(flat)
    scores = base_arr.copy()
    for _ in range(ROUNDS):
        belief = _beliefs(scores, owner_arr, len(groups))
        support = links * belief[None, :]
        coherence = np.zeros(len(flat))
        for g in range(len(groups)):
            columns = owner_arr == g
            if not columns.any():
                continue
            best = support[:, columns].max(axis=1)
            best[owner_arr == g] = 0.0
            coherence += weights[g] * best
        focus = _country_focus(flat, owner_arr, belief, weights)
        scores = base_arr + COHERENCE_WEIGHT * coherence + FOCUS_WEIGHT * focus
    chosen: list[Entry | None] = []
    for g in range(len(groups)):
        rows = np.flatnonzero(owner_arr == g)
        best = rows[np.argmax(scores[rows])] if rows.size else None
        # A lone reading with nothing for it (a hamlet abroad sharing a company's name) is
        # more likely a misreading of the name than the place meant.
        chosen.append(flat[best] if best is not None and scores[best] >= MIN_SCORE else None)
    return chosen


def _country_focus(
    flat: list[Entry], owner: np.ndarray, belief: np.ndarray, weights: np.ndarray
) -> np.ndarray:
    """For each candidate, the share of the article's other names that likely lie in its country.

    A share, not a sum: an article naming twenty American towns should not thereby move
    "Moscow" to Idaho; the towns near Moscow, Idaho would (through distance links)."""
    countries = sorted({e.country for e in flat if e.country})
    if not countries:
        return np.zeros(len(flat))
    column = {c: i for i, c in enumerate(countries)}
    n_groups = int(owner.max()) + 1
    mass = np.zeros((n_groups, len(countries)))
    for i, entry in enumerate(flat):
        if entry.country:
            mass[owner[i], column[entry.country]] += belief[i] * weights[owner[i]]
    total = mass.sum(axis=0)
    focus = np.zeros(len(flat))
    for i, entry in enumerate(flat):
        if not entry.country:
            continue
        others = total - mass[owner[i]]
        denominator = others.sum()
        if denominator > 0:
            focus[i] = others[column[entry.country]] / denominator
    return focus


def _beliefs(scores: np.ndarray, owner: np.ndarray, n_groups: int) -> np.ndarray:
    """Per group, a softmax over its candidates' scores: how likely each reading is."""
    belief = np.zeros_like(scores)
    for g in range(n_groups):
        rows = owner == g
        if rows.any():
            values = np.exp(BELIEF_SHARPNESS * (scores[rows] - scores[rows].max()))
            belief[rows] = values / values.sum()
    return belief
