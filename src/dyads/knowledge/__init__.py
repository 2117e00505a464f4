"""Knowledge as data: YAML files written for dyads, and small typed loaders over them.

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
    KnowledgeError,
    Organization,
    Person,
    PersonRole,
    country_for,
    load_knowledge,
    normalize,
)

__all__ = [
    "Country",
    "Knowledge",
    "KnowledgeError",
    "Organization",
    "Person",
    "PersonRole",
    "country_for",
    "load_knowledge",
    "normalize",
]
