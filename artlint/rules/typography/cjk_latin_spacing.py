from artlint import data
from artlint.findings import Fix, Severity
from artlint.lazyre import lazy
from artlint.options import Option
from artlint.rules import DocumentRule
from artlint.rules.typography._text import HAN, at_most, prose
from artlint.spans import SpanSet

_DATA = data.load("typography")["cjk-latin-spacing"]
_LATIN = "A-Za-z0-9"
# Every place where Chinese meets a Latin letter or digit, with the spaces between (if any).
_BOUNDARY = lazy(f"(?<=[{HAN}]) *(?=[{_LATIN}])|(?<=[{_LATIN}]) *(?=[{HAN}])")
_HAN_CHAR = lazy(f"[{HAN}]")
_WORD = lazy(f"[{_LATIN}]+")


class CjkLatinSpacing(DocumentRule):
    """Chinese next to Latin letters or digits without a space (or with one, by `mode`).

    ## What it finds
    Where a Chinese (or Japanese) character meets an ASCII letter or digit (`使用React开发`,
    `共 3 个`), by `mode` (`"space"` by default):
    - `"space"`: a missing space is reported (`使用React`);
    - `"none"`: a space is reported (`使用 React`);
    - `"consistent"`: the article's own choice is followed. Words and numbers are counted
      apart (many articles space `React` and `IPv6` but not `2024年`): where at least `consistent-share`
      (90 %) of at least `consistent-minimum` (10) places of one kind agree, the others are
      reported; an article without a clear habit is left alone.

    Only inside one run of prose text: code, URLs, link destinations, HTML, math, template
    tags and front matter are not read, and nothing is reported across markup (`**粗体**text`,
    a link's edge, inline code), whose spacing is the theme's business. Words that join a
    letter to a character (`words`: `A股`, `T恤`, `卡拉OK`) are never split, and are Chinese
    at both ends (`买了T恤`). Units and signs are not letters: `5%`, `20℃` pass; `10GB内存`
    is a place between `B` and `内`.

    Off by default: spacing is a house style. Measured on the four Chinese collections of the
    corpus and five Chinese sites, most collections mix both styles (cosx.org and openbiox
    write most letters unspaced, ruanyf/weekly and sofastack space them, and most articles
    write digits unspaced even where they space words), so `"space"` or `"none"` reports
    the style, not slips. `"consistent"` reports slips, but some of what it finds are names
    written as one word on purpose. Turn it on with `select = ["cjk-latin-spacing"]` (or the
    `typography` family, or `ALL`) and choose `mode`.

    ## Why it matters
    A consistent space between Chinese and Latin text (the convention of most Chinese technical
    writing guides) makes mixed text easier to read, and a site that has chosen it wants every
    article to follow it.

    ## Example

        在Linux上使用Docker部署

    reports (in `mode = "space"`) `no space between '在' and 'L'` and the three other places,
    each with a fix that inserts the space.

    ## Fix
    Safe: a space is inserted (or removed, where the style has none); the text reads the same.
    """

    name = "cjk-latin-spacing"
    family = "typography"
    severity = Severity.INFO
    site_pages_only = True
    fixable = "safe"
    enabled_by_default = False
    options = {
        "mode": Option(
            "string",
            _DATA["mode"],
            "'space': a space between Chinese and Latin letters or digits; 'none': no space; "
            "'consistent': the article's own habit, for letters and for digits.",
            choices=("space", "none", "consistent"),
        ),
        "words": Option("list[string]", _DATA["words"], "Words that join Latin letters or digits to Chinese characters, never spaced."),
        "consistent-share": Option(
            "number", _DATA["consistent-share"], "In 'consistent' mode, the share of places that makes an article's habit."
        ),
        "consistent-minimum": Option(
            "integer", _DATA["consistent-minimum"], "In 'consistent' mode, the fewest places of a kind to tell a habit from."
        ),
    }

    def check(self, doc, options):
        return at_most(self._findings(doc, options), "places")

    def _findings(self, doc, options):
        text = prose(doc)
        if not _HAN_CHAR.search(text):
            return
        kept = _kept_spans(text, options["words"])
        # a word that joins Latin to Chinese is Chinese at both ends: "买了T恤", "卡拉OK的"
        places = [match for match in _BOUNDARY.finditer(text) if not kept.overlaps(match.start() - 1, match.end() + 1)]
        mode = options["mode"]
        for kind in ("letter", "digit"):
            of_kind = [match for match in places if _kind(text, match) == kind]
            spaced = sum(1 for match in of_kind if match.group())
            want = mode
            if mode == "consistent":
                want = _habit(spaced, len(of_kind), options["consistent-share"], options["consistent-minimum"])
            if want not in ("space", "none"):
                continue
            share = f" (this article has one at {spaced} of {len(of_kind)} such places)" if mode == "consistent" else ""
            if mode == "consistent" and want == "none":
                share = f" (this article has none at {len(of_kind) - spaced} of {len(of_kind)} such places)"
            for match in of_kind:
                start, end = match.span()
                if want == "space" and start == end:
                    fix = Fix("insert a space", (doc.edit(start, start, " "),))
                    yield doc.diagnostic(f"no space between '{text[start - 1]}' and '{text[end]}'{share}", start - 1, end + 1, fix=fix)
                elif want == "none" and start < end:
                    fix = Fix("remove the space", (doc.edit(start, end),))
                    yield doc.diagnostic(f"space between '{text[start - 1]}' and '{text[end]}'{share}", start - 1, end + 1, fix=fix)


def _kind(text, match):
    """Whether the Latin word at the place is a number ("2024年") or a word ("React", "IPv6")."""
    if _HAN_CHAR.match(text, match.end()):
        start = match.start()
        while start > 0 and text[start - 1].isascii() and text[start - 1].isalnum():
            start -= 1
        word = text[start : match.start()]
    else:
        found = _WORD.match(text, match.end())
        word = found.group() if found else ""
    return "digit" if word.isdigit() else "letter"


def _habit(spaced, total, share, minimum):
    """'space' or 'none' where the article keeps one style at `share` of its places, else None."""
    if total < minimum:
        return None
    if spaced >= share * total:
        return "space"
    if total - spaced >= share * total:
        return "none"
    return None


def _kept_spans(text, words):
    spans = []
    for word in words:
        if not word:
            continue
        position = text.find(word)
        while position >= 0:
            spans.append((position, position + len(word)))
            position = text.find(word, position + 1)
    return SpanSet(spans)
