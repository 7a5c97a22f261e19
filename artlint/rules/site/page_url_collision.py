import posixpath
from collections import defaultdict

from artlint.findings import Diagnostic, Related, Severity
from artlint.pageurls import page_url
from artlint.rules import CorpusRule


class PageUrlCollision(CorpusRule):
    """Two pages that the site's permalinks map to the same URL (same date and slug).

    ## What it finds
    Pages of one site that its generator writes to the same file, as the site's configuration
    and each page's front matter make their URLs (`artlint.pageurls`): two Jekyll posts of one
    day and one slug in two folders, a `permalink:` equal to another post's URL, two Hugo
    pages of a section with the same `slug`, a `url:` or Zola `path` that another page has,
    `a.md` beside `a.markdown`, VuePress's `README.md` beside `index.md`. Every page of such a
    group is reported, naming the others; the place is the front-matter key that set the URL
    (`permalink`, `slug`, `url`, `path`, `date`), else the first line.
    Only URLs that are certain are compared: a page whose URL needs what artlint does not model
    (a permalink token such as `:categories` from a plugin, a Jekyll collection, a date from
    the file's creation time, a title beyond ASCII to slugify) is left out, as are pages the
    generator does not render (drafts, `published: false`, `_` folders, partials, a section's
    list page, files inside a Hugo page bundle). Translations pass: pages of two languages of
    the site live under their own language's URLs.

    ## Why it matters
    The generator does not stop: it writes one page over the other, and one of the two
    articles silently disappears from the published site, with every link to it.

    ## Example
    `_posts/2024-05-31-sleep.md` and `_posts/health/2024-05-31-sleep.md` on a Jekyll site with
    `permalink: /:year/:month/:day/:title/` both become `/2024/05/31/sleep/`: each is reported,
    `same URL as _posts/health/2024-05-31-sleep.md: /2024/05/31/sleep/`.
    """

    name = "page-url-collision"
    family = "site"
    severity = Severity.ERROR

    def collect(self, doc, options):
        site, matter = doc.site, doc.front_matter
        file = doc.absolute_file
        if site is None or file is None:
            return None
        if matter is not None and (matter.error is not None or not isinstance(matter.data, dict)):
            return None  # front-matter-syntax tells; its keys are unknown
        found = page_url(site, file, matter.data if matter is not None else None)
        if found is None:
            return None
        line, column, end = 1, 1, 2
        if matter is not None and found.decided_by in matter.keys:
            line, column = matter.value_position(found.decided_by)
            value = matter.data.get(found.decided_by)
            end = column + max(len(value) if isinstance(value, str) else len(str(value)), 1)
        language = doc.page.language if doc.page is not None else None
        return (site.root, language, found.output, found.url, line, column, end, site.relative(file), found.bundle, found.yields_to_index)

    def judge(self, facts, options, report_on):
        bundles = {(fact[0], fact[8]) for fact in facts.values() if fact is not None and fact[8]}
        groups = defaultdict(list)
        for path, fact in facts.items():
            if fact is None or _in_a_bundle(fact, bundles):
                continue
            groups[fact[:3]].append(path)
        for paths in groups.values():
            paths = _rendered(paths, facts)
            if len(paths) < 2:
                continue
            for path in sorted(paths):
                if path not in report_on:
                    continue
                others = [other for other in sorted(paths) if other != path]
                url, line, column, end = facts[path][3:7]
                related = tuple(Related(other, facts[other][4], facts[other][5], "the same URL") for other in others)
                yield path, Diagnostic(f"same URL as {', '.join(others)}: {url}", line, column, line, end, related)


def _in_a_bundle(fact: tuple, bundles: set) -> bool:
    """Whether a file lies in a Hugo leaf bundle other than its own: a resource, not a page."""
    root, relative, own = fact[0], fact[7], fact[8]
    folder = posixpath.dirname(relative)
    while folder:
        if folder != own and (root, folder) in bundles:
            return True
        folder = posixpath.dirname(folder)
    return False


def _rendered(paths: list[str], facts) -> list[str]:
    """The pages of a group the generator renders: MkDocs skips a README.md beside an index.md."""
    folders = {posixpath.dirname(facts[path][7]) for path in paths if not facts[path][9]}
    return [path for path in paths if not (facts[path][9] and posixpath.dirname(facts[path][7]) in folders)]
