from collections import defaultdict

from artlint import data
from artlint.findings import Diagnostic, Severity
from artlint.options import Option
from artlint.rules import CorpusRule
from artlint.sites import template_words

_DATA = data.load("front-matter")


class FrontMatterKeyTypo(CorpusRule):
    """A front-matter key that looks like a misspelling of a key the site uses.

    ## What it finds
    A top-level key that appears in few files of the project (at most `max-rare-files`, or 1 %
    of them) and is within a small edit distance (1 for short keys, 2 from 7 letters) of a key
    that is in `known-keys` or used in many files (at least `min-common-files` and five times
    as often): `descritpion` for `description`, `pacakge_version`, `topicic` for `topic`,
    `tag` for `tags`. Keys that are themselves known, differences of case only (Hugo reads
    keys without case), a key in camel case beside the same words with `_` or `-`
    (`featuredImage` and `featured_image`: each a theme's convention), `tag` and `category`
    on a Jekyll site (which reads them as it reads `tags` and `categories`), and keys that the site's own templates name (a layout that shows
    `page.publisher`, a theme that reads `levels`) are not reported, nor are keys marked private
    with a leading underscore (`_comment`, which no template reads, is not `comments`), nor a
    known key renamed whole with two characters or more before it or after a separator
    (`xxlayout`, `title_old`: switched off on purpose), nor a
    key that holds a table where the key it resembles never does (`urls: {demo: …, source: …}`
    beside `url`: a misspelt key keeps its value's form), nor a key whose only near key is
    itself a misspelling of a known one (`udpate` beside the site's common `udpated`, which
    is `updated` misspelt: pointing to it would fix nothing). Files outside what the site's
    generator builds (a README, a translation for a locale the configuration does not list) are
    left out: no generator reads their keys.

    On a Zola site, a top-level key named like one of the taxonomies its configuration names
    (`tag = ["posts"]` where `taxonomies = [{ name = "tag" }]`) is reported as such, whatever
    its spelling: Zola reads taxonomies under `[taxonomies]` only and ignores the key. On a
    Hugo site, a key named like a taxonomy its configuration declares (`2021 = "2021"`) is no
    misspelling of another (`2020`).

    ## Why it matters
    The generator ignores a misspelt key without a word: the description never reaches the
    meta tags, the tags never reach the tag pages. Only a comparison across the whole site
    shows that the key is odd.

    ## Example
    In a site where 300 articles have `description`, the one with `descritpion:` reports
    `'descritpion' looks like a typo of 'description' (used in 300 files)`.
    """

    name = "front-matter-key-typo"
    family = "front-matter"
    severity = Severity.WARNING
    options = {
        "known-keys": Option("list[string]", _DATA["known-keys"], "Keys that are never typos, and that typos are compared with."),
        "max-rare-files": Option("integer", 2, "A key in at most this many files (or 1 % of them) may be a typo."),
        "min-common-files": Option("integer", 5, "A key in at least this many files is one the site uses."),
    }

    def collect(self, doc, options):
        matter = doc.front_matter
        if matter is None or not matter.data or doc.outside_the_build:
            return None  # outside the build (a translation for a locale the site does not build), no generator reads the keys
        site = (doc.site.root, doc.site.generator, doc.site.config_file) if doc.site is not None and doc.site.config_file else None
        keys = [(str(key), *matter.key_position(str(key)), _shape(value)) for key, value in matter.data.items()]
        return (site, keys, _zola_taxonomies(doc), _hugo_taxonomies(doc))

    def judge(self, facts, options, report_on):
        files = defaultdict(set)
        shapes = defaultdict(set)  # the forms each key's values take: "table", "boolean", "value"
        for path, fact in facts.items():
            for key, _, _, shape in fact[1] if fact else ():
                files[key].add(path)
                shapes[key].add(shape)
        known = {key for key in options["known-keys"]}
        known_lower = {key.lower() for key in known}
        rare_limit = max(options["max-rare-files"], len(facts) // 100)
        targets = {key: len(files.get(key, ())) for key in known}
        targets.update({key: len(paths) for key, paths in files.items() if len(paths) >= options["min-common-files"]})
        by_length = _by_length(targets, known)
        known_by_length = _by_length({key: 0 for key in known}, known)
        misplaced = set()
        for path, fact in facts.items():
            if fact and len(fact) > 2 and fact[2] and path in report_on:
                for name, line, column, _ in fact[1]:
                    if name in fact[2]:
                        misplaced.add((path, name))
                        yield path, Diagnostic(
                            f"{name!r} is a taxonomy of the site: Zola reads it only under [taxonomies], and ignores it here",
                            line, column, line, column + len(name),
                        )
        for key, paths in files.items():
            if key in known or key.lower() in known_lower or len(paths) > rare_limit:
                continue
            match = _closest(key, by_length, len(paths))
            if match is None:
                continue
            target, count = match
            if key.startswith("_") and not target.startswith("_"):
                continue  # `_comment`: a leading underscore marks a key kept from the generator on purpose
            if _affixed(key, target):
                continue  # `xxlayout`, `title_old`: a key switched off or kept aside on purpose, renamed whole
            if _camel_case_of(key, target):
                continue  # `featuredImage` beside `featured_image`: a theme's own key, in its own convention
            if _another_form(shapes[key], shapes.get(target, set()), target):
                continue  # `urls: {demo: …}` beside `url: /x/`, `translator: 张三` beside `translate: false`
            if target not in known and _closest(target, known_by_length, 0) is not None:
                continue  # `udpate` beside `udpated`, itself a misspelling of `updated`: no key to point to
            used = f"used in {count} file{'s' if count != 1 else ''}" if count else "a known key"
            for path in sorted(paths & report_on):
                site = facts[path][0]
                if site is not None and key in template_words(*site):
                    continue  # a key of the site's own: its layouts read `page.publisher`
                if len(facts[path]) > 3 and key.lower() in facts[path][3]:
                    continue  # `2021: [books]` where `[taxonomies]` says `2021 = "2021"`: a taxonomy the site declares
                if site is not None and site[1] == "jekyll" and key in _JEKYLL_SINGULARS:
                    continue  # Jekyll reads `tag` and `category` as it reads `tags` and `categories`
                for name, line, column, _ in facts[path][1]:
                    if name == key and (path, name) not in misplaced:
                        yield path, Diagnostic(
                            f"{key!r} looks like a typo of {target!r} ({used})",
                            line, column, line, column + len(key),
                        )


_JEKYLL_SINGULARS = frozenset(("tag", "category"))


def _zola_taxonomies(doc) -> tuple[str, ...]:
    """The taxonomies a Zola site's configuration names (`taxonomies = [{ name = "tag" }]`),
    which a page sets under `[taxonomies]` only; not those named as a page's own fields, which
    Zola reads at the top (`authors`, since Zola 0.19, for the feeds and the templates)."""
    site = doc.site
    if site is None or site.generator != "zola" or doc.front_matter is None or doc.front_matter.kind != "toml":
        return ()
    return tuple(name for name in _taxonomy_pages(site) if name not in _ZOLA_PAGE_FIELDS)


def _hugo_taxonomies(doc) -> tuple[str, ...]:
    """The taxonomies a Hugo site's configuration declares (`[taxonomies]` `2021 = "2021"`,
    `tag = "tags"`), whose plural names a page sets at the top of its front matter, in any case."""
    site = doc.site
    if site is None or site.generator != "hugo":
        return ()
    return _taxonomy_pages(site)


def _taxonomy_pages(site) -> tuple[str, ...]:
    """The names of the folders of pages the generator writes for each term (`tags/*`): the
    taxonomies of a Hugo or Zola site."""
    return tuple(folder[:-2] for folder in site.generated_folders if folder.endswith("/*"))


# The fields of a Zola page's front matter (its documentation's "Front matter" of a page).
_ZOLA_PAGE_FIELDS = frozenset(
    ("title", "description", "date", "updated", "weight", "draft", "slug", "path", "aliases", "authors", "in_search_index", "template")
)
# Known keys whose value is a table: a misspelling of one holds a table too (`parms: {…}`).
_TABLE_KEYS = frozenset(("params", "cascade", "menu", "menus", "build", "sitemap", "extra", "taxonomies", "_build", "outputs"))


def _shape(value) -> str:
    """The form of a value that a misspelling keeps: a table, a boolean, or any other value
    (a term written as a string or as a list is the same key's)."""
    if isinstance(value, dict):
        return "table"
    return "boolean" if isinstance(value, bool) else "value"


def _another_form(key_shapes: set, target_shapes: set, target: str) -> bool:
    """Whether a key's values never take a form the key it resembles takes: a misspelt key keeps
    its value's form. Against a known key that no file uses, only a table tells: one of
    `_TABLE_KEYS` holds one, the others do not."""
    if not target_shapes:  # a known key no file uses: only a table tells (`published` may be a boolean)
        return key_shapes == {"table"} and target not in _TABLE_KEYS
    return bool(key_shapes) and key_shapes.isdisjoint(target_shapes)


def _affixed(key: str, target: str) -> bool:
    """The known key whole with two characters or more before it (`xxpermalink`), or after it
    and a separator (`layout_old`): a key renamed on purpose to switch it off, which no slip of
    the fingers makes; one character (`tag` and `tags`, `ttitle`) or a syllable typed twice
    (`topicic`) may be a typo."""
    key, target = key.lower(), target.lower()
    if len(key) < len(target) + 2:
        return False
    return key.endswith(target) or (key.startswith(target) and key[len(target)] in "_-.")


def _camel_case_of(key: str, target: str) -> bool:
    """`featuredImage` for `featured_image` (or `featured-image`): the same words, written in
    camel case on purpose (a capital inside), not misspelt."""
    return any(char.isupper() for char in key[1:]) and key.lower() == target.replace("_", "").replace("-", "").lower()


def _by_length(targets, known):
    """{length: [(target, lowered, its letters, count, is known)]}: a key is compared only with the targets
    of about its length (a file of 17,000 keys compared each with every target took seconds)."""
    by_length = defaultdict(list)
    for target, count in targets.items():
        by_length[len(target)].append((target, target.lower(), frozenset(target.lower()), count, target in known))
    return by_length


def _closest(key, by_length, rare_count):
    limit = 1 if len(key) < 7 else 2
    lowered = key.lower()
    letters = frozenset(lowered)
    best = None
    nearby = (entry for length in range(len(key) - limit, len(key) + limit + 1) for entry in by_length.get(length, ()))
    for target, target_lowered, target_letters, count, is_known in nearby:
        if target_lowered == lowered or (not is_known and count < 5 * rare_count):
            continue
        if len(letters - target_letters) > limit:  # each edit brings in one letter at most: too far
            continue
        distance = _distance(lowered, target_lowered, limit)
        if distance <= limit and (best is None or (distance, -count) < best[0]):
            best = ((distance, -count), target, count)
    return (best[1], best[2]) if best else None


def _distance(a: str, b: str, limit: int) -> int:
    """Damerau-Levenshtein (optimal string alignment) distance, stopping early past `limit`."""
    previous_previous = None
    previous = list(range(len(b) + 1))
    for i, char_a in enumerate(a, 1):
        current = [i] + [0] * len(b)
        for j, char_b in enumerate(b, 1):
            cost = char_a != char_b
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if previous_previous is not None and i > 1 and j > 1 and char_a == b[j - 2] and a[i - 2] == char_b:
                current[j] = min(current[j], previous_previous[j - 2] + 1)
        if min(current) > limit:
            return limit + 1
        previous_previous, previous = previous, current
    return previous[-1]
