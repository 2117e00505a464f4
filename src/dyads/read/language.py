"""Last steps every reader shares: refuse empty text, cap the length, name the language."""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache
from typing import Any

from dyads.model import Article, Options, ReadError
from dyads.read.text import article_id

# Below this many letters a language guess is noise; the article keeps the default ("en").
_MIN_LETTERS_FOR_GUESS = 40
# The language is guessed from the opening of the text: enough to be sure, cheap on long inputs.
_SAMPLE_CHARS = 5000


@lru_cache(maxsize=1)
def _identifier() -> Any:
    # Imported here: the model loads in ~0.2 s, which commands that never read text should not pay.
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of the text's language, or None when the text is too short to tell."""
    sample = text[:_SAMPLE_CHARS]
    if sum(ch.isalpha() for ch in sample) < _MIN_LETTERS_FOR_GUESS:
        return None
    code, _probability = _identifier().classify(sample)
    return str(code)


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
