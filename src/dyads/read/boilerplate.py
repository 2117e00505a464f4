"""The kinds of site boilerplate news pages wrap around an article, as rules over paragraphs.

Two strengths of rule:

* a *footer opener* ("Note to readers", "The original source of this article",
  "Copyright ©", "Disclaimer:", "Articles by", "About the author") starts the
  site's footer: once the article has begun, it and everything after it go;
* a *prompt* (share requests, subscribe/newsletter/membership appeals,
  "Comment on … Facebook", "Read more: …", "Follow us") is a short paragraph
  dropped wherever it stands, because such lines also sit between article
  paragraphs.

The rules name what sites say, never one site.
"""

from __future__ import annotations

import re

_FOOTER_OPENERS = re.compile(
    r"""^\W*(?:
        note\s+to\s+(?:our\s+)?readers\b
      | (?:the\s+)?original\s+source\s+of\s+this\s+article\b
      | this\s+(?:article|story|piece|post)\s+(?:was|is|has\s+been|first)\s+(?:originally\s+|first\s+)?
            (?:published|appeared|posted|republished|reproduced)\b
      | copyright\s*(?:©|\(c\)|\d{4})
      | (?:©|\(c\))\s*(?:\d{4}|\w)
      | all\s+rights\s+reserved\b
      | disclaimer\b
      | articles?\s+by\s*:
      | more\s+(?:articles|stories|posts)\s+(?:by|from)\b
      | about\s+the\s+authors?\b
      | related\s+(?:articles|stories|posts|content|coverage|reading)\b
      | (?:you\s+may|you\s+might)\s+also\s+(?:like|be\s+interested)\b
      | (?:recommended|trending|most\s+(?:read|popular|viewed))(?:\s+(?:articles|stories|now))?\s*:?\s*$
      | (?:leave\s+a\s+(?:comment|reply)|comments?\s*(?:\(\d+\))?\s*:?\s*$)
    )""",
    re.IGNORECASE | re.VERBOSE,
)

_PROMPTS = re.compile(
    r"""(?:
        \bshare\s+(?:this|the\s+article|on\b|via\b|buttons?\b)
      | \bclick\s+(?:the\s+)?share\b
      | \bforward\s+this\s+(?:article|story|email)\b
      | \bcross-?post\b
      | \bcomment\s+on\b.*\b(?:facebook|twitter|page)\b
      | \bfollow\s+(?:us|@\w+)\b.*\b(?:on|at)\b
      | \b(?:become|join|sign\s+up\s+as)\s+an?\s+(?:member|subscriber|supporter|patron)\b
      | \bsubscribe\b
      | \bnewsletters?\b
      | \bsign\s+up\b
      | \b(?:support|donate\s+to)\s+(?:us|our\s+work|independent\s+(?:media|journalism))\b
      | \bdonate\b
      | ^\W*(?:read|see)\s+(?:more|also)\s*:
      | ^\W*(?:related|recommended|advertisement|sponsored(?:\s+content)?)\s*:?\s*$
      | ^\W*related(?:\s+(?:articles?|stories|posts|reading|coverage))?\s*:
      | ^\W*(?:like|rate|share)\s+this\s*:?\s*$
      | ^\W*(?:click|tap)\s+here\b
      | ^\W*(?:photo|image|picture|video)\s*(?:credit)?\s*:
    )""",
    re.IGNORECASE | re.VERBOSE,
)

# A prompt is a line or two; a longer paragraph that says "subscribe" is article text.
_MAX_PROMPT_WORDS = 40


# Picture credits inside a caption ("Delegates at the table. Photo: Reuters").
_CREDIT = re.compile(
    r"\b(?:photo(?:graph)?s?|image|picture|pictured|credit|illustration|foto|bild)\s*(?:credit)?\s*[:©]"
    r"|\((?:photo|image|file photo)\b|\bgetty\s+images\b|©\s*\w+\s*/",
    re.IGNORECASE,
)
_MAX_CAPTION_WORDS = 40


def is_caption(paragraph: str) -> bool:
    return len(paragraph.split()) <= _MAX_CAPTION_WORDS and bool(_CREDIT.search(paragraph))


def opens_footer(paragraph: str) -> bool:
    return bool(_FOOTER_OPENERS.search(paragraph))


def is_prompt(paragraph: str) -> bool:
    return len(paragraph.split()) <= _MAX_PROMPT_WORDS and bool(_PROMPTS.search(paragraph))


def is_decoration(paragraph: str) -> bool:
    """Separator lines ("*", "* * *", "###") and other paragraphs without a letter or digit."""
    return not any(ch.isalnum() for ch in paragraph)
