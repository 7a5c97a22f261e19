import unicodedata
from functools import lru_cache

from artlint import data
from artlint.findings import Severity
from artlint.options import Option
from artlint.rules import DocumentRule

_PHRASES = data.load("anchor-text")["phrases"]


def normalise_anchor(text: str) -> str:
    """Lower-cased, NFKC, without punctuation or symbols, spaces collapsed."""
    text = unicodedata.normalize("NFKC", text).casefold()
    kept = "".join(" " if unicodedata.category(char)[0] in "PSZ" else char for char in text)
    return " ".join(kept.split())


@lru_cache(maxsize=16)
def _normalised(phrases: tuple[str, ...]) -> frozenset[str]:
    return frozenset(normalise_anchor(phrase) for phrase in phrases)


class LinkTextNonDescriptive(DocumentRule):
    """A link whose text says nothing about where it goes: "click here", "这里", "more".

    ## What it finds
    Links whose whole anchor text, ignoring case, spaces and punctuation, is one of the phrases
    of `rules/anchor-text.toml`: "click here", "here", "link", "read more", "点击这里", "这里",
    "更多", "详情", "hier", "ici", "aquí" and others in a dozen languages. Add phrases with
    `extend-phrases`, or replace the list with `phrases`. A text that is the name of the page
    it leads to ("download" to `/en/download/`) is description enough.

    ## Why it matters
    Screen-reader users jump from link to link and hear only the anchor text; search engines
    use it to know what the target is about. "Click here" tells neither anything, and a list
    of five "here" links is unusable.

    ## Example

        安装说明见[这里](https://example.org/install)。

    reports `non-descriptive link text "这里": say what the link leads to`.
    Better: `见[安装说明](https://example.org/install)。`
    """

    name = "link-text-non-descriptive"
    family = "link"
    severity = Severity.WARNING
    options = {
        "phrases": Option("list[string]", _PHRASES, "Anchor texts that are not descriptive."),
        "extend-phrases": Option("list[string]", [], "More phrases, added to `phrases`."),
    }

    def check(self, doc, options):
        phrases = _normalised(tuple(options["phrases"] + options["extend-phrases"]))
        for link in doc.links:
            if link.is_image or link.kind in ("definition", "autolink") or link.contains_image:
                continue
            text = normalise_anchor(link.text)
            if text in phrases and not _names_its_target(text, link.url):
                yield doc.diagnostic(
                    f'non-descriptive link text "{link.text.strip()}": say what the link leads to', link.start, link.end
                )


def _names_its_target(text: str, url: str) -> bool:
    """"download" linking to /en/download/, "source" to …/source.html: the text is the name
    of the page it leads to, which is description enough."""
    path = url.split("#", 1)[0].split("?", 1)[0].rstrip("/")
    last = path.rsplit("/", 1)[-1].rsplit(".", 1)[0]
    return bool(last) and normalise_anchor(last.replace("-", " ").replace("_", " ")) == text
