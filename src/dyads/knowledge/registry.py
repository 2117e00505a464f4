"""The one way every table of knowledge is found and read.

Built-in tables live beside this module (``countries.yaml``, ``event_lexicon.yaml``,
``lexicons/*.yaml``, ``places/*.tsv`` …). A user adds to them with folders or single files
(``--knowledge DIR``, ``dyads.toml``); each table decides how a user layer combines with the
built-in one, but every table finds its files here:

    load("event_lexicon.yaml", user_dirs)   # built-in layer, then a same-named file in each folder
    user_files(user_dirs)                   # every YAML file the user gave, for tables that merge
                                            # entries from any file (actors, places)
    words("actors_nouns")                   # a built-in word list file: {list name: (words, …)}

Each failure is a :class:`KnowledgeError` naming the file and the problem.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

# libyaml's loader when PyYAML was built with it: ten times faster on the built-in files
SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
BUILTIN_DIR = Path(__file__).resolve().parent
LEXICON_DIR = BUILTIN_DIR / "lexicons"


class KnowledgeError(ValueError):
    """A knowledge file cannot be read; the message names the file and the problem."""

    def __init__(self, source: str, problem: str) -> None:
        super().__init__(f"{source}: {problem}")
        self.source = source
        self.problem = problem


@dataclass(frozen=True)
class Layer:
    """One file of a table: where it came from and its parsed top-level mapping."""

    path: Path
    data: dict[str, Any]
    builtin: bool


def builtin_path(name: str) -> Path:
    """The path of a built-in knowledge file or folder (``"places"``, ``"plover.yaml"``)."""
    return BUILTIN_DIR / name


def read_yaml(path: Path, expected: str = "a mapping at the top level") -> dict[str, Any]:
    """A YAML file's top-level mapping (empty for an empty file)."""
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=SAFE_LOADER)
    except (OSError, UnicodeDecodeError) as error:
        raise KnowledgeError(str(path), f"cannot read ({error.__class__.__name__})") from None
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f" at line {mark.line + 1}" if mark is not None else ""
        raise KnowledgeError(str(path), f"not valid YAML{where}") from None
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise KnowledgeError(str(path), f"expected {expected}")
    return data


@lru_cache(maxsize=64)
def _builtin_layer(name: str) -> Layer | None:
    path = builtin_path(name)
    return Layer(path, read_yaml(path), True) if path.is_file() else None


def load(name: str, user_dirs: Iterable[str] = ()) -> tuple[Layer, ...]:
    """Every layer of the table in file ``name``: the built-in one, then the user's, in order.

    A user folder contributes its own file of the same name, if it has one; a user file given
    directly contributes itself when it carries that name.
    """
    layers: list[Layer] = []
    builtin = _builtin_layer(name)
    if builtin is not None:
        layers.append(builtin)
    for folder in user_dirs:
        path = Path(folder)
        candidate = path / name if path.is_dir() else path
        if candidate.is_file() and candidate.name == name:
            layers.append(Layer(candidate, read_yaml(candidate), False))
    return tuple(layers)


def user_files(user_dirs: Iterable[str]) -> list[Path]:
    """Every YAML file the user gave: single files as given, folders' ``*.yaml``/``*.yml`` sorted."""
    files: list[Path] = []
    for folder in user_dirs:
        path = Path(folder)
        if path.is_file():
            files.append(path)
        elif path.is_dir():
            files.extend(sorted([*path.glob("*.yaml"), *path.glob("*.yml")]))
        else:
            raise KnowledgeError(folder, "no such knowledge folder or file")
    return files


@lru_cache(maxsize=64)
def words(name: str) -> dict[str, tuple[str, ...]]:
    """The word lists of ``lexicons/{name}.yaml``: each key a list of words, in file order.

    Callers turn a list into the set, tuple or pattern they need; order is kept because some
    lists are tried in order (longest phrase first).
    """
    path = LEXICON_DIR / f"{name}.yaml"
    data = read_yaml(path)
    out: dict[str, tuple[str, ...]] = {}
    for key, value in data.items():
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise KnowledgeError(str(path), f"'{key}' must be a list of words")
        out[str(key)] = tuple(value)
    return out
