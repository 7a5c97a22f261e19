import re
import zlib
from array import array
from collections import defaultdict
from functools import lru_cache
from itertools import combinations

from artlint import data
from artlint.findings import Diagnostic, Related, Severity
from artlint.globs import glob_set
from artlint.options import Option
from artlint.rules import CorpusRule
from artlint.rules.duplicate._pairs import assign, date_of, intentional

_DATA = data.load("duplicates")["near-duplicate-article"]
_COMMON_SHINGLE = 20


@lru_cache(maxsize=1)
def _anchor() -> re.Pattern[str]:
    """Shingle start points chosen by the character itself, so that they survive edits
    elsewhere: four less common Latin letters, and one CJK character in twenty-four."""
    cjk = "".join(chr(c) for c in range(0x4E00, 0xA000) if (c * 2654435761) % 24 == 0)
    return re.compile("[kvwy" + cjk + "]")


_NOT_ALPHANUMERIC = re.compile(r"[\W_]+")


def _relative(doc) -> str:
    """The article's path relative to the configuration's folder, which `ignore` globs name."""
    if doc.file is not None and doc.root is not None:
        try:
            return doc.file.resolve().relative_to(doc.root.resolve()).as_posix()
        except ValueError:
            pass
    return doc.path


def _letters(text: str) -> str:
    return _NOT_ALPHANUMERIC.sub("", text.casefold())


class NearDuplicateArticle(CorpusRule):
    """Two articles whose texts are nearly the same: a re-post with small edits.

    ## What it finds
    Pairs of articles of the project whose bodies (prose only: code, front matter and markup
    left out; Chinese and other scripts alike) share at least `threshold` (0.6) of their
    character shingles. Shingles start at points chosen by the text itself and are hashed, so
    each article is summarised in a few hundred numbers and the comparison goes through an
    index, never through all pairs: it grows with the number of articles, not its square.
    Each pair is reported once, on the later file (by front-matter date, else by path), naming
    the other and the similarity.
    Copies on purpose pass: an R Markdown file and its knitted `.md` (same folder, same stem),
    translations (`index.es.md` and `index.pt.md`, `about.md` and `about.fr.md`), and files that
    match `ignore`. Articles shorter than `min-length` letters (200) are not compared.

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
        "ignore": Option("list[string]", [], "Globs of files never reported as copies."),
    }

    def collect(self, doc, options):
        text = _letters(doc.prose_text[doc.body_offset :])
        if len(text) < options["min-length"]:
            return None
        size = options["shingle-size"]
        hashes = {zlib.crc32(text[m.start() : m.start() + size].encode("utf-8")) for m in _anchor().finditer(text)}
        return (_relative(doc), date_of(doc), array("I", sorted(hashes)))

    def judge(self, facts, options, report_on):
        ignored = glob_set(tuple(options["ignore"]))
        paths = [path for path, fact in facts.items() if fact and not ignored.match(fact[0])]
        dates = {path: facts[path][1] for path in paths}
        facts = {path: facts[path][2] for path in paths}
        first_file: dict[int, int] = {}
        files_of: dict[int, list[int]] = {}  # only shingles seen in more than one file
        for number, path in enumerate(paths):
            for shingle in facts[path]:
                earlier = first_file.setdefault(shingle, number)
                if earlier != number:
                    files_of.setdefault(shingle, [earlier]).append(number)
        shared: dict[tuple[int, int], int] = defaultdict(int)
        for numbers in files_of.values():
            if len(numbers) <= _COMMON_SHINGLE:  # more files than this: boilerplate, not evidence
                for pair in combinations(numbers, 2):
                    shared[pair] += 1
        for (a, b), count in shared.items():
            size_a, size_b = len(facts[paths[a]]), len(facts[paths[b]])
            if count < options["threshold"] * min(size_a, size_b):
                continue
            similarity = count / (size_a + size_b - count)
            if similarity < options["threshold"] or intentional(paths[a], paths[b]):
                continue
            target = assign(paths[a], paths[b], report_on, dates)
            if target is None:
                continue
            here, other = target
            yield here, Diagnostic(
                f"near-duplicate of {other} (similarity {similarity:.2f})",
                1, 1, 1, 2,
                (Related(other, 1, 1, "the other copy"),),
            )
