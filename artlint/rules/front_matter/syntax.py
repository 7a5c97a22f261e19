from artlint.findings import Severity
from artlint.rules import DocumentRule


class FrontMatterSyntax(DocumentRule):
    """Front matter that does not parse, or an opening delimiter that is never closed.

    ## What it finds
    TOML, YAML or JSON front matter that its parser rejects, reported on the line of the error
    inside the front matter with the parser's reason. Also: `+++` or `---` on the first line with
    no closing line, YAML tags that would construct objects (`!!python/object`), alias bombs,
    and YAML that is not a mapping of keys to values. On MkDocs, whose `key: value` lines at the
    top of a page are its meta-data even without fences, a first line that is a URL
    (`https://…`, read as the key `https`), which the page never shows.

    ## Why it matters
    Site generators stop the build on such a page, or, worse, render the front matter as text at
    the top of the article. YAML tags that construct objects are a code-execution risk in tools
    that load them unsafely; artlint never does.

    ## Example

        ---
        title: "Fast Fourier transforms
        date: 2024-05-31
        ---

    reports: `front-matter-syntax  YAML: while scanning a quoted scalar found unexpected end of stream`.
    """

    name = "front-matter-syntax"
    reads_body = False
    family = "front-matter"
    severity = Severity.ERROR

    def check(self, doc, options):
        matter = doc.front_matter
        if matter is not None and matter.error is not None:
            line = min(max(matter.error.line, 1), doc.source.line_count)
            yield doc.line_diagnostic(matter.error.message, line, matter.error.column)
