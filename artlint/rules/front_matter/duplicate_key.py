from artlint.findings import Related, Severity
from artlint.rules import DocumentRule


class FrontMatterDuplicateKey(DocumentRule):
    """A key written twice in YAML or JSON front matter.

    ## What it finds
    The second (and later) occurrence of a key in the same YAML mapping or JSON object, at any
    depth, with the line of the first. (TOML refuses duplicate keys itself: that is a
    `front-matter-syntax` finding.)

    ## Why it matters
    YAML and JSON parsers keep one of the two values without a word, usually the last. An edit to
    the first `title:` then has no effect, and nobody sees why.

    ## Example

        ---
        title: Draft title
        date: 2024-05-31
        title: Final title
        ---

    reports line 4: `duplicate key 'title' (first on line 2)`.
    """

    name = "front-matter-duplicate-key"
    reads_body = False
    family = "front-matter"
    severity = Severity.ERROR

    def check(self, doc, options):
        matter = doc.front_matter
        if matter is None:
            return
        for duplicate in matter.duplicates:
            related = (Related(doc.path, duplicate.first_line, 1, f"first {duplicate.key!r}"),)
            yield doc.line_diagnostic(
                f"{duplicate.message} (first on line {duplicate.first_line})", duplicate.line, duplicate.column, related
            )
