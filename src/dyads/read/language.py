"""Last steps every reader shares: refuse empty text, cap the length, name the language."""

from __future__ import annotations

import io
import lzma
import os
import re
import shutil
import tempfile
from dataclasses import replace
from functools import lru_cache
from pathlib import Path
from typing import Any

from dyads.model import Article, Options, ReadError
from dyads.read.text import article_id

# Below this many letters a language guess is noise; the article keeps the default ("en").
_MIN_LETTERS_FOR_GUESS = 40
# The language is guessed from the opening of the text: enough to be sure, cheap on long inputs.
_SAMPLE_CHARS = 5000
# Short English reports dense with names fool the identifier ("Kenya and Uganda signed a trade
# agreement in Kampala" reads as Luganda at 0.75); French, German or Turkish sentences of the same
# length score above 0.99. Below this the guess is not trusted and the article keeps the default.
_MIN_CONFIDENCE = 0.9
# The languages the language pipeline analyses (an English spaCy model); an article in another is
# kept with its text, not coded as if it were English.
ANALYSED_LANGUAGES = frozenset({"en"})


_MODEL_ARRAYS = ("ptc", "pc", "classes", "nextmove", "nextmove_row", "out_feat")


def _cache_root() -> Path:
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "dyads"


def _unpack_model(model: Path, folder: Path) -> None:
    """Write the model's arrays as plain .npy files, atomically (other processes may be reading)."""
    # Imported here: numpy is loaded only when a language is to be identified.
    import numpy as np

    folder.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=folder.name + ".", dir=folder.parent))
    try:
        with lzma.open(model) as packed, np.load(io.BytesIO(packed.read()), allow_pickle=False) as arrays:
            for name in _MODEL_ARRAYS:
                np.save(staging / f"{name}.npy", arrays[name], allow_pickle=False)
        os.replace(staging, folder)
    except OSError:
        shutil.rmtree(staging, ignore_errors=True)
        if not folder.is_dir():
            raise


@lru_cache(maxsize=1)
def _identifier() -> Any:
    """py3langid's model, from an unpacked copy in the user's cache when one can be kept.

    The packaged model is an xz-compressed archive: unpacking it costs about a second each
    process, most of a short `dyads extract`. Unpacked once, its arrays map from disk in a
    tenth of that. Where no cache can be written, the packaged model is read as it is.
    """
    # Imported here: numpy and py3langid are loaded only when a language is to be identified.
    # _to_array is py3langid's own reader of its packaged model; it has no public one.
    import numpy as np
    from py3langid.langid import MODEL_DIR, MODEL_FILE, LanguageIdentifier
    from py3langid.modelio import _to_array

    model = MODEL_DIR / MODEL_FILE
    stat = model.stat()
    folder = _cache_root() / f"langid-{stat.st_size}-{int(stat.st_mtime)}"
    try:
        if not folder.is_dir():
            _unpack_model(model, folder)
        arrays = {name: np.load(folder / f"{name}.npy", mmap_mode="r") for name in _MODEL_ARRAYS}
        return LanguageIdentifier(
            np.asarray(arrays["ptc"]),
            np.asarray(arrays["pc"]),
            arrays["classes"].tolist(),
            _to_array(arrays["nextmove"]),
            arrays["out_feat"].tolist(),
            norm_probs=True,
            tk_row=_to_array(arrays["nextmove_row"]),
        )
    except (OSError, ValueError, KeyError):
        return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of the text's language, or None when the text is too short to tell or the
    identifier is unsure."""
    sample = text[:_SAMPLE_CHARS]
    if sum(ch.isalpha() for ch in sample) < _MIN_LETTERS_FOR_GUESS:
        return None
    code, probability = _identifier().classify(sample)
    return str(code) if probability >= _MIN_CONFIDENCE else None


def truncate(text: str, max_chars: int) -> str:
    """``text`` cut to at most ``max_chars``, at a paragraph or sentence end when one is near."""
    if len(text) <= max_chars:
        return text
    head = text[:max_chars]
    for boundary in ("\n\n", ". ", "\n", " "):
        cut = head.rfind(boundary)
        if cut >= max_chars * 0.8:
            return head[: cut + (1 if boundary == ". " else 0)].rstrip()
    return head.rstrip()


def finish(article: Article, options: Options | None = None) -> Article:
    """Check, cap and label an Article that a reader produced."""
    options = options or Options()
    source = article.source or "<input>"
    if not re.search(r"\w", article.text):
        raise ReadError(source, "no article text found")
    warnings = list(article.warnings)
    text = article.text
    if len(text) > options.max_chars:
        text = truncate(text, options.max_chars)
        warnings.append(
            f"text truncated from {len(article.text):,} to {len(text):,} characters (max_chars {options.max_chars:,})"
        )
    language = detect_language(text) or article.language
    if language != "en":
        warnings.append(f"text looks like '{language}', not English; analyses expect English")
    return replace(
        article,
        id=article_id(text) if text != article.text else article.id,
        text=text,
        language=language,
        warnings=tuple(warnings),
    )
