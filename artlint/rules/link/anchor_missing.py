from functools import lru_cache

from artlint import dependencies
from artlint.anchors import document_anchors, spelled_out_prefixes, template_ids
from artlint.findings import Severity
from artlint.localfiles import hugo_ref, is_local, resolve, resolve_hugo_ref, split_target
from artlint.rules import DocumentRule
from artlint.rules.link.target_missing import HUGO_REF as _HUGO_REF
from artlint.rules.link.target_missing import ROOTS_OPTION
from artlint.source import UnreadableFile, read_source

# Fragments browsers handle without an element of that id (the HTML standard's "top").
_ALWAYS_THERE = {"top"}
_MARKDOWN_SUFFIXES = (".md", ".markdown", ".rmd")
# Ids made by tools from other markup: bookdown / pandoc-crossref figures, tables, equations.
_GENERATED_PREFIXES = ("fig:", "tab:", "eq:", "sec:", "lst:", "thm:", "def:", "exm:")


class LinkAnchorMissing(DocumentRule):
    """A `#fragment` that names no heading or id in its target document.

    ## What it finds
    Links to `#part` in the same article, or `other.md#part` in another local markdown file
    named by its file name (site paths such as `/about/#team` are not checked: the page's
    template may add that section),
    where the target has no heading whose slug is `part`, no explicit `{#part}` id, no HTML
    element with `id="part"` or `name="part"`, and no footnote of that name. Slugs are made the
    way Hugo's goldmark and GitHub make them (Chinese, accented and emoji headings included:
    `## 安装 Rust 🚀` is `#安装-rust-`), and Hugo's older "blackfriday" and ASCII styles are
    accepted too, as is Zola's (`rustc_codegen_gcc` becomes `rustc-codegen-gcc`; emoji spelled
    out, so `#async-crab` may name `## Async 🦀`). Case is ignored. Ids that tools generate from
    other markup (`#fig:...`, `#tab:...` of bookdown) are not checked, nor fragments of a
    section's own `_index.md`, whose template usually adds sections. A missing file is
    `link-target-missing`'s finding, not this one.

    ## Why it matters
    A fragment that matches nothing scrolls nowhere: the reader lands at the top of the page
    and has to hunt. Headings get renamed, and every link into them breaks silently.

    ## Example

        ## Installing
        ...
        See [the installation steps](#installation).

    reports `no heading or id 'installation' in this document`.
    """

    name = "link-anchor-missing"
    family = "link"
    severity = Severity.ERROR
    options = {"roots": ROOTS_OPTION}

    def check(self, doc, options):
        own = None
        for link in doc.links:
            if link.kind == "reference" or link.is_image:
                continue
            url = link.url.strip()
            if "#" not in url or not (url.startswith("#") or is_local(url)):
                continue
            path, fragment = split_target(url)
            if not fragment or fragment.lower() in _ALWAYS_THERE or fragment.lower().startswith(_GENERATED_PREFIXES):
                continue
            if not path:
                if doc.file is not None and doc.file.stem.lower().startswith("_index"):
                    continue
                if own is None:
                    own = _Anchors({a.lower() for a in document_anchors(doc)}, spelled_out_prefixes(doc), template_ids(doc))
                if not own.has(fragment):
                    yield doc.diagnostic(f"no heading or id {fragment!r} in this document", link.url_start, link.url_end)
                continue
            if not path.lower().endswith(_MARKDOWN_SUFFIXES):
                continue  # a site page (/about/#team): its template may add the section
            target = resolve(doc, path, options["roots"]) if doc.file is not None else None
            if target is None:
                continue
            real = str(target.resolve())
            if not doc.boundary.contains(real):
                continue  # never read a file outside the checked folder (../../../../etc/passwd.md)
            signature = dependencies.signature_of(real)
            dependencies.record("stat", real, signature)
            anchors = _file_anchors(real, signature)
            if anchors is not None and not anchors.has(fragment):
                yield doc.diagnostic(f"no heading or id {fragment!r} in {path}", link.url_start, link.url_end)
        if doc.site is not None and doc.site.generator == "hugo" and doc.file is not None:
            yield from self._hugo_refs(doc, options)

    def _hugo_refs(self, doc, options):
        """`{{< ref "other.md#part" >}}`: Hugo appends the fragment to the page it finds."""
        for match in _HUGO_REF.finditer(doc.prose_text):
            target = hugo_ref(match.group(0)) or ""
            path, _, fragment = target.partition("#")
            if not path or not fragment:
                continue
            found = resolve_hugo_ref(doc, path, options["roots"])
            if found is None or not doc.boundary.contains(str(found.resolve())):
                continue  # a missing page is link-target-missing's
            real = str(found.resolve())
            signature = dependencies.signature_of(real)
            dependencies.record("stat", real, signature)
            anchors = _file_anchors(real, signature)
            if anchors is not None and not anchors.has(fragment):
                yield doc.diagnostic(f"no heading or id {fragment!r} in {path}", match.start(), match.end())


class _Anchors:
    def __init__(self, exact: set[str], prefixes: set[str], template_ids: frozenset[str] | set[str] = frozenset()):
        self.prefixes = tuple(prefix.lower() + "-" for prefix in prefixes)
        self.ids = {value.lower() for value in template_ids}
        self.exact = exact | self.ids

    def has(self, fragment: str) -> bool:
        fragment = fragment.lower()
        return fragment in self.exact or fragment.startswith(self.prefixes) or self._template_wrote(fragment)

    def _template_wrote(self, fragment: str) -> bool:
        """`def-LE` for a shortcode given `id="LE"`: one word of the template's, a separator, the id."""
        for separator in "-_:":
            prefix, found, rest = fragment.partition(separator)
            if found and prefix.isalnum() and rest in self.ids:
                return True
        return False


@lru_cache(maxsize=1024)
def _file_anchors(path: str, signature: str) -> "_Anchors | None":
    # Imported here: a run answered from the cache loads rule modules but never the markdown parser.
    from artlint.document import parse_document

    try:
        source = read_source(path, 4 * 1024 * 1024)
    except UnreadableFile:
        return None
    doc = parse_document(path, source)
    return _Anchors({anchor.lower() for anchor in document_anchors(doc)}, spelled_out_prefixes(doc), template_ids(doc))
