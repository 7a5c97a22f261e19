import math
import os
import re
import zlib
from array import array
from collections import Counter
from functools import lru_cache

from artlint import data
from artlint.findings import Diagnostic, Related, Severity
from artlint.globs import glob_set
from artlint.options import Option
from artlint.rules import CorpusRule
from artlint.rules.duplicate._pairs import assign, date_of, intentional, title_of
from artlint.rules.duplicate._units import normalise

_DATA = data.load("duplicates")["near-duplicate-article"]
# A shingle in more articles than this is boilerplate (a licence footer, a template), not
# evidence that two articles are copies.
_FEW_CHECKED = 16  # checked files up to which pairs are counted directly
_COMMON_SHINGLE = 100


@lru_cache(maxsize=1)
def _anchor() -> re.Pattern[str]:
    """Shingle start points chosen by the character itself, so that they survive edits
    elsewhere: four less common Latin letters, and one CJK character in twenty-four."""
    cjk = "".join(chr(c) for c in range(0x4E00, 0xA000) if (c * 2654435761) % 24 == 0)
    return re.compile("[kvwy" + cjk + "]")


def _relative(doc) -> str:
    """The article's path relative to the configuration's folder, which `ignore` globs name."""
    if doc.file is not None and doc.root is not None:
        relative = os.path.relpath(os.path.abspath(doc.file), os.path.abspath(doc.root))
        if not relative.startswith(".."):
            return relative.replace(os.sep, "/")
    return doc.path


class NearDuplicateArticle(CorpusRule):
    """Two articles whose texts are nearly the same: a re-post with small edits.

    ## What it finds
    Pairs of articles of the project whose bodies (prose only: code, front matter and markup
    left out; Chinese and other scripts alike) share at least `threshold` (0.6) of their
    character shingles. Shingles start at points chosen by the text itself and are hashed, so
    each article is summarised in a hundred or so numbers; candidate pairs come from an index
    of each article's rarest shingles (prefix filtering), never from all pairs: the work grows
    with the number of articles, not its square.
    A copy is reported once, on the later file of the pair (by front-matter date, else by path),
    naming the most similar earlier article and the similarity; a series of templated posts
    gives one finding per post, not one per pair.
    Copies on purpose pass: an R Markdown file and its knitted `.md` (same folder, same stem),
    translations (`index.es.md` and `index.pt.md`, `about.md` and `about.fr.md`, and pages of
    two languages of the site: `content/en/` and `content/zh/`, `lang:` in front matter), posts
    of a numbered series whose titles differ in their numbers only (release announcements,
    monthly reports from one template), and files that match `ignore`. Articles shorter than `min-length` letters (200) are not compared.

    ## Why it matters
    Sites that import news re-post the same story with a new title or date; search engines
    treat the copies as duplicate content and readers find the same article twice.

    ## Example
    `content/posts/2021/update.md`, a copy of `content/posts/2020/news.md` with two sentences
    changed, reports `near-duplicate of content/posts/2020/news.md (similarity 0.91)`.
    """

    name = "near-duplicate-article"
    family = "duplicate"
    severity = Severity.WARNING
    options = {
        "threshold": Option("number", _DATA["threshold"], "Shingle similarity (0 to 1) from which two articles are copies."),
        "min-length": Option("integer", _DATA["min-length"], "Shortest article compared, in letters and digits."),
        "shingle-size": Option("integer", _DATA["shingle-size"], "Characters per shingle."),
        "ignore": Option("list[string]", [], "Globs of files never reported as copies.", form="glob"),
    }

    def collect(self, doc, options):
        text = normalise(doc.prose_text[doc.body_offset :])
        if len(text) < options["min-length"]:
            return None
        size = options["shingle-size"]
        hashes = {zlib.crc32(text[m.start() : m.start() + size].encode("utf-8")) for m in _anchor().finditer(text)}
        language = doc.page.language if doc.page else None
        return (_relative(doc), date_of(doc), array("I", sorted(hashes)), language, normalise(title_of(doc)))

    def judge(self, facts, options, report_on):
        ignored = glob_set(tuple(options["ignore"]))
        paths = [path for path, fact in facts.items() if fact and not ignored.match(fact[0])]
        dates = {path: facts[path][1] for path in paths}
        sets = [facts[path][2] for path in paths]
        threshold = options["threshold"]
        best: dict[str, tuple[float, str]] = {}  # file reported -> (similarity, its closest copy)
        checked = [number for number, path in enumerate(paths) if path in report_on]
        if len(checked) <= _FEW_CHECKED and len(checked) * 2 < len(sets):
            pairs = _pairs_with(sets, checked)  # pre-commit: a few changed files against the site
        else:
            pairs = _similar_pairs(sets, threshold)
        for (a, b), count in pairs:
            similarity = count / (len(sets[a]) + len(sets[b]) - count)
            if similarity < threshold or intentional(paths[a], paths[b]) or _languages_differ(facts[paths[a]], facts[paths[b]]):
                continue
            if _one_series(facts[paths[a]][4], facts[paths[b]][4]):
                continue
            target = assign(paths[a], paths[b], report_on, dates)
            if target is None:
                continue
            here, other = target
            if here not in best or (similarity, other) > best[here]:
                best[here] = (similarity, other)
        for here, (similarity, other) in sorted(best.items()):
            yield here, Diagnostic(
                f"near-duplicate of {other} (similarity {similarity:.2f})",
                1, 1, 1, 2,
                (Related(other, 1, 1, "the other copy"),),
            )


_DIGITS = re.compile(r"\d+")


def _one_series(a: str, b: str) -> bool:
    """Two posts of a numbered series from one template ("Rust 1.68.1 pre-release" and "Rust
    1.68.2 pre-release", monthly reports): titles that differ in their numbers only."""
    return a != b and bool(_DIGITS.search(a)) and _DIGITS.sub("#", a) == _DIGITS.sub("#", b)


def _languages_differ(a: tuple, b: tuple) -> bool:
    """Pages of two languages of the site: a translation (or an untranslated copy standing in
    for one), not a re-post."""
    return a[3] is not None and b[3] is not None and a[3] != b[3]


def _pairs_with(sets, checked):
    """((a, b), shared count) for every pair of a checked set with any other set: a few
    changed files against the whole site, counted exactly (set intersections run in C)."""
    wanted = set(checked)
    for number in checked:
        mine = set(sets[number])
        for other, shingles in enumerate(sets):
            if other == number or (other in wanted and other < number):
                continue  # itself, or a pair of two checked sets met already
            shared = len(mine.intersection(shingles))
            if shared:
                yield ((number, other) if number < other else (other, number)), shared


def _similar_pairs(sets, threshold):
    """((a, b), shared count) for the pairs of shingle sets whose Jaccard similarity may reach
    `threshold`, found by prefix filtering: order each set by how rare its shingles are; two
    sets that similar must share one of the first |A| - ceil(threshold * |A|) + 1 shingles, and
    those are nearly always unique to the copies. No comparison of all pairs."""
    frequency: Counter[int] = Counter()
    for shingles in sets:
        frequency.update(shingles)
    first_seen: dict[int, list[int]] = {}
    candidates = set()
    for number, shingles in enumerate(sets):
        # Rarest first; the arrays are sorted by value and the sort is stable, so ties break by
        # value: one total order for every article, which prefix filtering needs.
        ordered = sorted(shingles, key=frequency.__getitem__)
        prefix = len(ordered) - math.ceil(threshold * len(ordered)) + 1
        for shingle in ordered[:prefix]:
            if frequency[shingle] == 1 or frequency[shingle] > _COMMON_SHINGLE:
                continue
            others = first_seen.setdefault(shingle, [])
            for other in others:
                candidates.add((other, number))
            others.append(number)
    for a, b in candidates:
        yield (a, b), len(set(sets[a]).intersection(sets[b]))
