"""Knowledge as data: YAML/TSV files written for dyads, one registry that finds them, typed loaders.

Every table is found through ``registry.py``: ``load(name, user_dirs)`` gives the built-in layer and
the user's, ``user_files(user_dirs)`` every user file, ``words(name)`` a built-in word list file
(``lexicons/*.yaml``, each with a header saying what its lists are for).

Actor knowledge (``actors.py``), for every stage that needs to know who or what a name is::

    from dyads.knowledge import load_knowledge, country_for

    kb = load_knowledge(options.knowledge_dirs)   # cached per tuple of user folders
    kb.country_for("Malian")       # "MLI"; also names, short names, capitals ("Bamako"),
    kb.country_for("the Kremlin")  # "RUS"  seats of power, ISO3 and CAMEO codes ("JAP" -> "JPN")
    kb.country("MLI")              # Country(iso3, name, names, adjectives, capitals, seats, cameo)
    kb.organization_for("ECOWAS")  # Organization(name, org, sector="IGO", country, kind, aliases)
    kb.person_for("Assimi Goita")  # Person(name, aliases, country, sector, roles=(PersonRole…))
    kb.sector_for("soldiers")      # "MIL"; longest phrase first ("prime minister" -> GOV)
    country_for("Moscow")          # "RUS", with the built-in knowledge only
    kb.regions                     # ("Sahel", "West Africa", …): places, never actors

Users add or override entries with their own YAML files (``--knowledge DIR``); see
``actors.py`` for the file format.
"""

from dyads.knowledge.actors import (
    Country,
    Knowledge,
    Organization,
    Person,
    PersonRole,
    country_for,
    load_knowledge,
    normalize,
)
from dyads.knowledge.registry import KnowledgeError, Layer, load, user_files, words

__all__ = [
    "Country",
    "Knowledge",
    "KnowledgeError",
    "Layer",
    "Organization",
    "Person",
    "PersonRole",
    "country_for",
    "load",
    "load_knowledge",
    "normalize",
    "user_files",
    "words",
]
