"""Rules for text and addresses that staff type, and escaping for where they go.

Staff fields are shown as the words typed, never read as HTML or Markdown:
what could change the page's structure is refused with a message, and what
is shown is escaped for its place (HTML text, Markdown text, an address).
"""
from __future__ import annotations

import functools
import html
import re
import unicodedata

# Line breaks, other control characters, and invisible "format" characters:
# bidirectional overrides can make a text read differently from what it holds
# (and hide characters in a review); zero-width ones hide text.
_INVISIBLE_CATEGORIES = {"Cc", "Cf", "Zl", "Zp", "Co", "Cs"}
# Where the theme prints a page's title or description without escaping
# (Material's <title>, navigation and <meta name="description">): markup
# characters and character references (&lt;) are refused there.
_MARKUP = re.compile(r"[<>\"`]|&(#\d+|#x[0-9a-f]+|[a-z][a-z0-9]*);", re.I)
# https://host[:port][/path][?query][#fragment], from characters that mean
# nothing in HTML attributes, Markdown link targets or CSS: no quotes,
# brackets, parentheses, angle brackets, backslashes or spaces.
_SAFE_URL = re.compile(r"https://[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)+(?::\d{1,5})?"
                       r"(?:[/?#][A-Za-z0-9\-._~/?#=&%+@!,;:]*)?", re.I)
# Characters that Python-Markdown (with the tables extension) reads as syntax
# when a backslash does not precede them ('<', '>' and '&' become entities).
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|])")


def _character_name(char: str) -> str:
    return f"U+{ord(char):04X} ({unicodedata.name(char, 'control character')})"


def invisible_problem(value: str, multi_line: bool = False) -> str | None:
    """What is wrong with invisible or control characters in `value` (None: nothing)."""
    # str.isprintable() refuses every character of Unicode's "Other" and
    # "Separator" categories but the space, so every one of those refused
    # here: a printable text (most of them) is passed in one C-level step,
    # not character by character.
    if (value.replace("\n", "") if multi_line else value).isprintable():
        return None
    for index, char in enumerate(value):
        if multi_line and char == "\n":
            continue
        if char in "\r\n\u2028\u2029":
            return f"has a line break at character {index + 1}; write it on one line"
        if unicodedata.category(char) in _INVISIBLE_CATEGORIES:
            return (f"has the invisible character {_character_name(char)} at character {index + 1}; "
                    "delete it (retype the text around it)")
    return None


def text_problem(value: str, max_length: int, multi_line: bool = False) -> str | None:
    """Problem with a staff text field: invisible characters, line breaks, length."""
    problem = invisible_problem(value, multi_line)
    if problem:
        return problem
    if len(value) > max_length:
        return f"is {len(value)} characters long; at most {max_length} are allowed"
    return None


def markup_problem(value: str) -> str | None:
    """Problem with text that the theme prints unescaped (page title, description)."""
    found = _MARKUP.search(value)
    if found:
        return (f"contains '{found.group()}'; write plain words without <, >, \", ` or HTML character "
                "references such as &lt;")
    return None


def url_problem(value: str, max_length: int) -> str | None:
    """Problem with a web address: only https:// addresses of safe characters."""
    if len(value) > max_length:
        return f"is {len(value)} characters long; at most {max_length} are allowed"
    if not _SAFE_URL.fullmatch(value):
        return ("is not a plain secure web address; write the full address starting with https://, "
                "using letters, digits and - . _ ~ / ? # = & % + @ ! , ; : only (no spaces, quotes, "
                "brackets or parentheses), e.g. 'https://www.your-clinic.example/book'")
    return None


def markdown_text(value: str) -> str:
    """`value` as literal text inside Markdown: no emphasis, link, heading or HTML."""
    return html.escape(_MARKDOWN_SPECIAL.sub(r"\\\1", value), quote=False)


# A page cites the same few sources many times (about 700 citations a build,
# a character-by-character check each): each label is written once.
@functools.lru_cache(maxsize=1024)
def attribute_text(value: str) -> str:
    """`value` inside a quoted HTML attribute of inline HTML in Markdown (a
    citation's aria-label and title): Python-Markdown reads links and
    emphasis across inline tags, so every character either language treats
    as syntax is written as a character reference."""
    return "".join(f"&#{ord(c)};" if c in "<>&\"'" or _MARKDOWN_SPECIAL.fullmatch(c) else c for c in value)
