import os
import re
import zlib
from array import array
from bisect import bisect_left
from collections import Counter
from functools import lru_cache

from artlint import data, dependencies
from artlint.boundary import relative_path
from artlint.findings import Diagnostic, Related, Severity
from artlint.globs import glob_set
from artlint.options import Option, derived
from artlint.rules import CorpusRule
from artlint.rules.duplicate._pairs import (
    MirroredTrees,
    assign,
    date_of,
    declared_copy,
    different_versions,
    event_date_of,
    intentional,
    platform_variants,
    section_of,
    title_of,
)
from artlint.rules.duplicate._units import normalise, read_text

_DATA = data.load("duplicates")["near-duplicate-article"]
_TITLE_DATA = data.load("duplicates")["duplicate-title"]
_FEW_CHECKED = 16  # checked files up to which pairs are counted directly
# A shingle in more articles than this is the site's template when two articles are compared;
# an article copied that many times over is rare, a template used that often is not.
_TEMPLATE_ARTICLES = 8
_HASH_RANGES = 16  # the shingles of a whole site are counted one range of hash values at a time


@lru_cache(maxsize=1)
def _anchor() -> re.Pattern[str]:
    """Shingle start points chosen by the character itself, so that they survive edits
    elsewhere: four less common Latin letters, and one CJK character in twenty-four."""
    cjk = "".join(chr(c) for c in range(0x4E00, 0xA000) if (c * 2654435761) % 24 == 0)
    return re.compile("[kvwy" + cjk + "]")


def _relative(doc) -> str:
    """The article's path relative to the configuration's folder, which `ignore` globs name."""
    if doc.file is not None and doc.root is not None:
        relative = relative_path(doc.absolute_file, os.path.abspath(doc.root))
        if not relative.startswith(".."):
            return relative
    return doc.path


class NearDuplicateArticle(CorpusRule):
    """Two articles whose texts are nearly the same: a re-post with small edits.

    ## What it finds
    Pairs of articles of the project whose bodies share at least `threshold` (0.6) of their
    character shingles, or where `containment` (0.9) of the shorter one is in the longer and
    the longer is less than twice its length (a copy that grew by a chapter). Only what a
    reader reads is compared: code, front matter, HTML tags, link targets and images are left
    out; Chinese and other scripts alike. Text shared by more than eight articles is the site's
    template (an event announcement, a release-note skeleton, a footer) and counts against a
    pair only as much as it counts for it: two posts of one template are alike through it,
    copies are alike without it. Shingles start at points chosen by the text itself and are
    hashed, so each article is summarised in a hundred or so numbers; candidate pairs come
    from an index of the shingles few articles share, never from all pairs.
    A copy is reported once, on the later file of the pair (by front-matter date, else by path),
    naming the most similar earlier article and the similarity. Two posts whose texts differ
    in their numbers only (a monthly report, a point release from one template) are reported
    as `info`.
    Copies on purpose pass: an R Markdown file and its knitted `.md` (same folder, same stem),
    translations (`index.es.md` and `index.pt.md`, `about.md` and `about.fr.md`, and pages of
    two languages of the site: `content/en/` and `content/zh/`, `lang:` in front matter, a
    permalink under `/ja/`), posts of a series whose titles differ in their numbers and
    month names only ("Selections, March 2025") and whose texts differ in more, the notes of two
    releases (both titles name a version, not the same one: `meta/standard v0.2.12` and
    `meta/recommended v0.2.10`, released together, list the same updates) or two stages of
    one release ("Rails 7.2 Beta 1" and "Rails 7.2", "3.x beta" and "3.x GA": the final
    release's notes repeat the candidate's), one page kept
    for two versions of what it documents (`collections/sets.md` and `collections-2.13/sets.md`,
    `docs/v1/` and `docs/v2/`, `docs/next/` and `docs/latest/` (two release channels),
    `docs/archive/17.0/` and `docs/22.0/`, Docusaurus' `versioned_docs/version-2.0/`,
    `content/v1.14-docs/` beside `content/docs/`, `dev-1.3/` beside `V1.3.x/`; any page of an old version so kept beside any page of the
    current docs, which may have moved it), one documentation kept twice file for file in two
    sibling folders, whatever their names (one edition for each tool or product,
    `quasar-cli-webpack/` and `quasar-cli-vite/`: five files or more, and two fifths of the
    smaller folder's, at the same paths in both), the
    releases of a text kept by version (`spec/v1.0.0.md` and `spec/v2.0.0.md`, and the home
    page above them that publishes the current one again), an article
    republished in another section of the site (a blog post in the docs, a project's
    collection of the posts on it), two undated pages less alike than 0.9 (each project's
    contribution guide from one template: a page copied by mistake is copied whole) or kept
    for two editions (undated, one file name, in folders whose names differ in numbers only:
    an event's `world/2023/terms.md` and `world/2024/terms.md`), a Hugo
    page bundle's spare markdown file (a resource, not a page), a draft (`draft: true`,
    `published: false`: an unpublished version is no copy readers meet), a page that says it
    copies or forwards another (a `canonical` URL other than its own, a `redirect_to`), two pages of one
    template each filled in for its own subject (`scalers/memory.md` titled "Memory" and
    `scalers/cpu.md` titled "CPU", each naming its subject at least twice: the same text once
    the names of the folder's files are taken out), one guide for each platform (names that
    differ in one word of `variant-words`: `quick-start-linux.md` and `quick-start-mac.md`),
    the pages of one event held on two days (`event-date-keys`: a workshop's sessions, each
    with its own `start`), and files that match `ignore`. Articles shorter than
    `min-length` letters (200) or with fewer than `min-shingles` distinct shingles (40, about a
    hundred words of distinct text) are not compared: a line or two under a template is no
    article to copy.

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
        "containment": Option("number", _DATA["containment"], "Share (0 to 1) of the shorter article found in the longer from which it is a copy."),
        "min-shingles": Option("integer", _DATA["min-shingles"], "Fewest distinct shingles an article needs to be compared (one per 15 letters or so)."),
        "shingle-size": Option("integer", _DATA["shingle-size"], "Characters per shingle."),
        "ignore": Option("list[string]", [], "Globs of files never reported as copies.", form="glob"),
        "variant-words": Option(
            "list[string]",
            _TITLE_DATA["variant-words"],
            "Words by which the names of two alike pages may differ: one guide for each platform (`quick-start-linux.md`, `quick-start-mac.md`).",
        ),
        "event-date-keys": Option(
            "list[string]",
            _TITLE_DATA["event-date-keys"],
            "Front-matter keys that give the day of the event a page announces: alike pages of two days announce one event held twice.",
        ),
    }

    def collect(self, doc, options):
        if doc.page is not None and (doc.page.kind in ("resource", "repository", "partial") or doc.page.draft):
            return None  # a Hugo bundle's spare copy of its page, the repository's files, a draft: no page readers meet
        if declared_copy(doc):
            return None  # a canonical URL elsewhere, a `redirect_to`: the page says what it copies
        text = normalise(read_text(doc.prose_text[doc.body_offset :]))
        if len(text) < options["min-length"]:
            return None
        size = options["shingle-size"]
        # Digits are read as one digit, so that a post differing from another in its numbers
        # only is the same text; the numbers themselves are kept apart as one checksum.
        masked = _DIGITS.sub("0", text)
        hashes = {zlib.crc32(masked[m.start() : m.start() + size].encode("utf-8")) for m in _anchor().finditer(masked)}
        if len(hashes) < options["min-shingles"]:
            return None
        numbers = zlib.crc32(" ".join(_DIGITS.findall(text)).encode("ascii", "replace"))
        language = doc.page.language if doc.page else None
        written_title = title_of(doc)
        title = normalise(written_title)
        return (
            _relative(doc), date_of(doc), array("I", sorted(hashes)), language, title, numbers, section_of(doc),
            doc.declares_generated, _without_subjects(doc, text, title), tuple(_VERSION_IN_TITLE.findall(written_title)),
            _release_stage(written_title), doc.site.root if doc.site is not None else "",
            event_date_of(doc, derived(options, "near-duplicate event keys", lambda: frozenset(key.casefold() for key in options["event-date-keys"]))),
        )

    def judge(self, facts, options, report_on):
        ignored = glob_set(tuple(options["ignore"]))
        variants = derived(options, "near-duplicate variants", lambda: frozenset(word.casefold() for word in options["variant-words"]))
        paths = [path for path, fact in facts.items() if fact and not ignored.match(fact[0])]
        mirrors = MirroredTrees(facts)
        dates = {path: facts[path][1] for path in paths}
        sets = [facts[path][2] for path in paths]
        best: dict[str, tuple[float, str, float, bool]] = {}  # file reported -> (similarity, closest copy, containment, numbers only)
        checked = [number for number, path in enumerate(paths) if path in report_on]
        if len(checked) <= _FEW_CHECKED and len(checked) * 2 < len(sets):
            # pre-commit: a few changed files against the site, counting only the shingles met
            frequency, pairs = _pairs_with(sets, checked)
        else:
            frequency, pairs = _pairs_sharing_own_text(sets)
        for a, b in pairs:
            first, second = facts[paths[a]], facts[paths[b]]
            verdict = _verdict(sets[a], sets[b], frequency, options)
            if verdict is None or intentional(paths[a], paths[b]) or _languages_differ(first, second):
                continue
            if different_versions(paths[a], paths[b]) or _sections_differ(first, second) or _sites_differ(first, second):
                continue
            if mirrors.mirrored(paths[a], paths[b]):
                continue  # one documentation kept twice, file for file: two versions, two editions
            if len(first) > 12 and first[12] and second[12] and first[12] != second[12]:
                continue  # the pages of one event held on two days (a workshop's sessions)
            if platform_variants(first[0], second[0], variants):
                continue  # one guide for each platform: `quick-start-linux.md`, `quick-start-mac.md`
            if len(first) > 7 and first[7] and second[7]:
                continue  # two pages a generator made, of sibling types: alike by its template
            if len(first) > 8 and first[8] and first[8] == second[8] and first[4] != second[4]:
                continue  # one template filled in for two subjects: the "Memory" and "CPU" scalers
            similarity, containment = verdict
            if not (first[1] or second[1]) and (similarity < _PAGE_COPY or _editions(first[0], second[0])):
                continue  # two undated pages of one template (each project's "How to contribute"), or of two editions
            numbers_only = similarity == 1.0 and first[5] != second[5]
            if not numbers_only and (_one_series(first[4], second[4]) or _two_releases(first, second)):
                continue
            target = assign(paths[a], paths[b], report_on, dates)
            if target is None:
                continue
            here, other = target
            if here not in best or (similarity, other) > best[here][:2]:
                best[here] = (similarity, other, containment, numbers_only)
        for here, (similarity, other, containment, numbers_only) in sorted(best.items()):
            related = (Related(other, 1, 1, "the other copy"),)
            message = _message(other, similarity, containment, options["threshold"], numbers_only)
            # A templated series (a monthly event, a point release): worth a look, rarely a mistake.
            yield here, Diagnostic(message, 1, 1, 1, 2, related, at_most=Severity.INFO if numbers_only else None)


def _message(other: str, similarity: float, containment: float, threshold: float, numbers_only: bool) -> str:
    if numbers_only:
        return f"the same text as {other} but for its numbers and dates (a templated series?)"
    if similarity < threshold:
        return f"near-duplicate of {other} ({containment:.0%} of the shorter one is in the other)"
    return f"near-duplicate of {other} (similarity {similarity:.2f})"


def _frequency(sets, only: set[int] | None = None) -> Counter[int]:
    """In how many articles each shingle occurs (each of `only`, when given: a counter of every
    shingle of a large site takes a hundred megabytes)."""
    frequency: Counter[int] = Counter()
    for shingles in sets:
        frequency.update(shingles if only is None else only.intersection(shingles))
    return frequency


def _verdict(a, b, frequency: Counter[int], options) -> tuple[float, float] | None:
    """(similarity, containment) of two shingle sets when they are copies, else None.

    Both are counted twice, over all shingles and over those in at most `_TEMPLATE_ARTICLES`
    articles, and the lower counts. Text that many articles share is the site's template (an
    event announcement, a release-note skeleton, a footer): two posts of one template are
    alike through it, copies are alike without it. Containment is the share of the shorter
    text found in the longer: an article pasted whole into a longer one."""
    mine = set(a)
    shared = mine.intersection(b)
    if not shared:
        return None
    similarity = len(shared) / (len(mine) + len(b) - len(shared))
    containment = len(shared) / min(len(mine), len(b))
    if similarity < options["threshold"] and containment < options["containment"]:
        return None  # the counts without the template are lower still
    if any(frequency[shingle] > _TEMPLATE_ARTICLES for shingle in mine.union(b)):
        own_a = sum(1 for shingle in mine if frequency[shingle] <= _TEMPLATE_ARTICLES)
        own_b = sum(1 for shingle in b if frequency[shingle] <= _TEMPLATE_ARTICLES)
        own_shared = sum(1 for shingle in shared if frequency[shingle] <= _TEMPLATE_ARTICLES)
        if not own_shared:
            return None
        similarity = min(similarity, own_shared / (own_a + own_b - own_shared))
        containment = min(containment, own_shared / min(own_a, own_b))
    if similarity >= options["threshold"]:
        return similarity, containment
    # A short text inside a much longer one is quoted on purpose: an announcement in the release
    # notes, an event in the newsletter. A copy that grew by less than its own length is not.
    if containment >= options["containment"] and min(len(mine), len(b)) * 2 >= max(len(mine), len(b)):
        return similarity, containment
    return None


_DIGITS = re.compile(r"\d+")
# Titles are normalised (lower case, no spaces): a month's name runs into the words around it.
# A version's pre-release tag after its numbers ("2.11.0-RC4" is `2110rc4`) belongs to them.
_SERIAL = re.compile(
    r"(?:\d+|(?<=\d)(?:rc|beta|alpha|preview|pre|milestone)|january|february|march|april|may|june|july|august|september|october|november|december"
    r"|janvier|février|mars|avril|juin|juillet|août|septembre|octobre|novembre|décembre)+"
)


# How often a page's title must recur in its text for the page to be about it.
_SUBJECT_MENTIONS = 2


def _without_subjects(doc, text: str, title: str) -> int:
    """A checksum of the normalised text with the subjects of its folder taken out, when the
    page is about one (its title names it again and again, and is the name of its file; 0
    otherwise): two pages of one template, each filled in for its own subject (`memory.md`,
    "Memory"; `cpu.md`, "CPU"), have the same one, whichever of the others each mentions. A
    re-post under a new title does not: its text does not keep naming the title."""
    if len(title) < 2 or doc.file is None or normalise(doc.file.stem) != title or text.count(title) < _SUBJECT_MENTIONS:
        return 0
    folder = str(doc.file.parent)
    signature = dependencies.signature_of(folder)
    dependencies.record("stat", folder, signature)  # its entries: a subject added or taken away
    for subject in _folder_subjects(folder, signature):
        if subject in text:
            text = text.replace(subject, "")
    return zlib.crc32(text.encode("utf-8"))


# A folder of this many pages at most is one of subjects (scalers, resources, commands), and a
# subject is a name of this many letters at most.
_MOST_SUBJECTS = 500
_LONGEST_SUBJECT = 30


@lru_cache(maxsize=256)
def _folder_subjects(folder: str, signature: str) -> tuple[str, ...]:
    """The normalised names of the markdown files of a folder, longest first (so that
    `cpumemory` goes before `cpu`)."""
    try:
        names = [name for name in os.listdir(folder) if name.lower().endswith((".md", ".markdown", ".mdx"))]
    except OSError:
        return ()
    if len(names) > _MOST_SUBJECTS:
        return ()
    subjects = {normalise(name.rsplit(".", 1)[0]) for name in names}
    return tuple(sorted((subject for subject in subjects if 2 <= len(subject) <= _LONGEST_SUBJECT), key=len, reverse=True))


def _one_series(a: str, b: str) -> bool:
    """Two posts of a series from one template ("Rust 1.68.1 pre-release" and "Rust 1.68.2
    pre-release", "Council selections, March 2025" and "..., September 2025", "Scala 2.11.0-RC4
    is now available!" and "Scala 2.11.1 is now available!"): titles that differ in their
    numbers, pre-release tags and month names only."""
    return a != b and bool(_SERIAL.search(a)) and _SERIAL.sub("#", a) == _SERIAL.sub("#", b)


# A release's version in a title: `v0.2.12`, `1.68`, `2.11.0-RC4` (a year or an issue number is no version).
_VERSION_IN_TITLE = re.compile(r"(?<![\w.])v?\d+(?:\.\d+)+(?:-[A-Za-z0-9.]+)?(?![\w.])")


def _two_releases(a: tuple, b: tuple) -> bool:
    """The notes of two releases: both titles name a version, not the same one
    ("github.com/x/meta/standard/v0.2.12" and ".../recommended/v0.2.10", modules released
    together, list the same dependency updates), or two stages of one ("Rails 7.2 Beta 1" and
    "Rails 7.2", "3.x beta" and "3.x GA": the final release's notes repeat the candidate's)."""
    if len(a) <= 10 or len(b) <= 10:
        return False
    return (bool(a[9]) and bool(b[9]) and a[9] != b[9]) or (a[10] is not None and b[10] is not None and a[10] != b[10])


# A version as titles write it: `7.2`, `3.1.1.rc3`, `3.x`, `v3`.
_VERSION_MENTION = re.compile(r"(?<![\w.])(?:v\d+\b|\d+(?:\.(?:\d+|x)\b)+)", re.I)
# A pre-release stage and its number: `Beta 1`, `rc3`, `.rc3`, `release candidate 1`, `Preview`,
# 预览版; `final`, `GA` and 正式版 name the release itself, as a title without a stage does.
_STAGE = re.compile(
    r"(?<![a-z])(alpha|beta|rc|release candidate|preview|pre-?release|milestone|final|ga)(?:[\s.-]?(\d+))?(?![a-z])"
    r"|(预览版|测试版|公测版|内测版|候选版|正式版)",
    re.I,
)
_FINAL_STAGES = frozenset({"final", "ga", "正式版"})
_STAGE_NAMES = {"release candidate": "rc", "prerelease": "pre-release"}


def _release_stage(title: str) -> tuple[str, ...] | None:
    """The pre-release stages a title names, for a title that names a version (None for the
    others): ("beta1",) for "Rails 7.2 Beta 1", () for "Rails 7.2" and "Rails 5.2.0 FINAL"."""
    if not _VERSION_MENTION.search(title):
        return None
    stages = []
    for match in _STAGE.finditer(title):
        name = (match.group(1) or match.group(3)).lower()
        if name not in _FINAL_STAGES:
            stages.append(_STAGE_NAMES.get(name, name) + (match.group(2) or ""))
    return tuple(stages)


def _editions(a: str, b: str) -> bool:
    """The same file in the folders of two editions, whose names differ in their numbers only:
    an event's `world/2023/terms.md` and `world/2024/terms.md`, a session held on `day-1/` and
    again on `day-2/`."""
    folder_a, _, name_a = a.rpartition("/")
    folder_b, _, name_b = b.rpartition("/")
    return name_a == name_b and folder_a != folder_b and _DIGITS.sub("0", folder_a) == _DIGITS.sub("0", folder_b)


def _sections_differ(a: tuple, b: tuple) -> bool:
    """Articles of two sections of the site (the blog and the docs, a project's collection of
    the posts on it): an article republished where it also belongs, not a re-post."""
    return len(a) > 6 and len(b) > 6 and bool(a[6]) and bool(b[6]) and a[6] != b[6]


def _sites_differ(a: tuple, b: tuple) -> bool:
    """Articles of two sites kept in one repository (each folder with its own generator
    configuration: a project's home and its blog), each published where its readers are."""
    return len(a) > 11 and len(b) > 11 and a[11] != b[11]


_PAGE_COPY = 0.9  # two undated pages less alike than this were written from one template


def _languages_differ(a: tuple, b: tuple) -> bool:
    """Pages of two languages of the site: a translation (or an untranslated copy standing in
    for one), not a re-post."""
    return a[3] is not None and b[3] is not None and a[3] != b[3]


def _pairs_with(sets, checked) -> tuple[Counter[int], list[tuple[int, int]]]:
    """(the frequency of every shingle the pairs hold, (a, b) for every pair of a checked set
    with another set that shares a shingle found in at most `_TEMPLATE_ARTICLES` articles)."""
    wanted = set(checked)
    mine = set().union(*(sets[number] for number in checked))
    frequency = _frequency(sets, mine)
    pairs = []
    for number in checked:
        own = {shingle for shingle in sets[number] if 1 < frequency[shingle] <= _TEMPLATE_ARTICLES}
        for other, shingles in enumerate(sets):
            if other == number or (other in wanted and other < number):
                continue  # itself, or a pair of two checked sets met already
            if not own.isdisjoint(shingles):
                pairs.append((number, other) if number < other else (other, number))
    partners = set().union(*(sets[b if a in wanted else a] for a, b in pairs)) - mine if pairs else set()
    if partners:
        frequency.update(_frequency(sets, partners))
    return frequency, pairs


def _pairs_sharing_own_text(sets) -> tuple[Counter[int], list[tuple[int, int]]]:
    """(the frequency of the shingles found in more than `_TEMPLATE_ARTICLES` articles, which
    is all `_verdict` asks of it; (a, b) for the pairs of shingle sets that share a shingle found
    in at most that many): copies share many, and every measure `_verdict` takes is nil without
    one. An inverted index of those shingles, never a comparison of all pairs.

    Counted a range of hash values at a time (each set is sorted, so its shingles in a range are
    a slice of it): a counter of every shingle at once took 88 MB at 10,000 articles, and the
    shingles grow with the site."""
    template: Counter[int] = Counter()
    candidates = set()
    step = (1 << 32) // _HASH_RANGES
    for low in range(0, 1 << 32, step):
        parts = [shingles[bisect_left(shingles, low) : bisect_left(shingles, low + step)] for shingles in sets]
        frequency = _frequency(parts)
        shared = set()
        for shingle, count in frequency.items():
            if count > _TEMPLATE_ARTICLES:
                template[shingle] = count
            elif count > 1:
                shared.add(shingle)
        del frequency
        articles: dict[int, list[int]] = {}
        for number, shingles in enumerate(parts):
            for shingle in shared.intersection(shingles):
                articles.setdefault(shingle, []).append(number)
        for members in articles.values():
            for index, first in enumerate(members):
                for second in members[index + 1 :]:
                    candidates.add((first, second))
    return template, sorted(candidates)
