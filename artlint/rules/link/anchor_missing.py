import os
import re
import unicodedata
from functools import lru_cache
from urllib.parse import unquote

from artlint import dependencies
from artlint.anchors import anchorjs_names, document_anchors, signature_names, spelled_out_prefixes, template_ids
from artlint.exampletables import example_tables
from artlint.findings import Severity
from artlint.layoutids import template_id_files
from artlint.lazyre import lazy
from artlint.localfiles import hugo_refs, is_local, read_on_github, resolve, resolve_hugo_ref, split_target
from artlint.rules import DocumentRule
from artlint.rules.link.target_missing import ROOTS_OPTION
from artlint.sites import PARTIAL_CALL, read_small_file
from artlint.source import UnreadableFile, read_source
from artlint.templating import LIQUID_GENERATORS, shortcode_names
from artlint.urls import unescape_markdown

# Fragments browsers handle without an element of that id (the HTML standard's "top"), and
# `##` (`[CT]: ## "Component Type"`), which goes nowhere on purpose: a reference defined for
# its title, a tooltip over an abbreviation.
_ALWAYS_THERE = {"top", "#"}
_MARKDOWN_SUFFIXES = (".md", ".markdown", ".rmd")
# Ids made by tools from other markup: bookdown / pandoc-crossref figures, tables, equations;
# pymdownx.tabbed's tabs (`#__tabbed_1_2`, the second tab of the page's first tab set);
# pymdownx.highlight's code lines, with `anchor_linenums` or `line_spans: __span` (Material for
# MkDocs' recommended settings): `#__codelineno-4-14`, line 14 of the page's fifth block, which
# may be a snippet that `--8<--` includes.
_GENERATED_PREFIXES = ("fig:", "tab:", "eq:", "sec:", "lst:", "thm:", "def:", "exm:", "__tabbed_", "__codelineno-", "__span-")


# A site script that gives headings their ids at render time: a heading selector (`'h3'`,
# `querySelectorAll('h2, h3')`), then an id set within the next characters.
_HEADING_SELECTOR = lazy(r"""['"][^'"\n]{0,60}\bh[1-6]\b[^'"\n]{0,60}['"]""")
# AnchorJS, set up by the site's script: `anchors.add('.article h2, .article h3')`.
_ANCHORJS_CALL = lazy(r"\banchors\.add\(")
_SETS_ID = lazy(r"""setAttribute\(\s*['"]id['"]|\.id\s*=(?!=)""")
_SELECTOR_REACH = 1000  # characters from the selector to the assignment
# The value an id is set to, a fixed prefix before the script's own slug: `` `heading-${slug}` ``,
# `'sec-' + slug`. A prefix is specific enough to be looked for further from the selector (an
# inlined icon may stand between them).
_PREFIXED_ID = lazy(r"""\s*(?:,\s*)?(?:`([A-Za-z][\w-]{1,30})\$\{|(?:'|")([A-Za-z][\w-]{1,30})(?:'|")\s*\+)""")
_PREFIX_SELECTOR_REACH = 4000
_PREFIX_KIND = "prefix:"
_SCRIPT_LIMIT = 512 * 1024  # bytes: larger scripts are bundled libraries
_SCRIPTS_SCANNED = 2000
_NOT_THE_SITES_SCRIPTS = {"node_modules", ".git", "public", "_site", "resources", ".cache"}


class LinkAnchorMissing(DocumentRule):
    """A `#fragment` that names no heading or id in its target document.

    ## What it finds
    Links to `#part` in the same article, or `other.md#part` in another local markdown file
    named by its file name (site paths such as `/about/#team` are not checked: the page's
    template may add that section),
    where the target has no heading whose slug is `part`, no explicit `{#part}` id, no HTML
    element with `id="part"` (the first `id` of an element; not `data-id`, nor an `id=` in a
    URL) and no `<a name="part">` (`<meta name>` is no target), and no footnote of that name
    (`#fn:1`, `#fnref:1`, and remark-gfm's and GitHub's `#user-content-fn-1`). A page read on
    GitHub (a repository's own documents, a folder no generator builds) may link another file's
    `#readme`: GitHub shows a markdown file inside `<div id="readme">`.
    A fragment's backslash escapes are markdown's (`#foo\\_bar` is `#foo_bar`), and a text
    fragment (`#:~:text=…`, after `:~:`) is the browser's search of the page's words, not an id,
    one that starts with `/` (`#/zh-CN/quickstart`) a hash router's route (docsify, a component
    library's single-page docs), not an id either,
    and one holding a template tag (`#{{ distro.first }}`, in a Liquid loop) the build's to write,
    as is an id that one writes (`id="day-{{i}}"` on a Jekyll, Hexo or Eleventy page: `#day-2`);
    on a page whose own CSS uses `:target`, HTML links to fragments open and close things.
    On VitePress and VuePress sites, and in folders no known generator builds (a docs repository
    that a VitePress site kept elsewhere builds), a heading's id is also their `slugify`'s (`## 1. Create a key` is
    `#_1-create-a-key`, a repeated heading's `-1`; `## Done :tada:` is `#done`; VuePress 1's
    keeps full-width marks, `## 修改：更新` is `#修改：更新`). On MkDocs
    sites the ids pymdownx.highlight gives code lines (`#__codelineno-4-14`) are there, and on those
    whose pymdownx.tabbed has a `slugify`, each tab is named by its title (`=== "3rd
    party"` is `#3rd-party`; with `combine_header_slug`, after the heading above it at the tab's
    own depth, not one inside an earlier tab). Another file's anchors are read as the site's
    generator reads that file (a heading indented inside an MkDocs tab is a heading); a page
    that calls a Hugo shortcode whose template writes headings or ids from data (`## {{ .name }}`,
    `{{% program-options name="arangod" %}}`) has anchors no reading finds, and a fragment into
    it is not reported; so has an MkDocs page with a block that documents code, which a plugin
    expands from the code (mkdocstrings' `::: package.Client`, one id per object and member,
    `#package.Client.close`; mkdocs-click's `::: mkdocs-click`, one heading per command). A heading's
    slug is made from its text as rendered: HTML comments and tags left out, its images with
    their alt text and without it (GitHub's `## Build ![status](b.svg)` is `#build-`). On a
    site whose own scripts set the ids of headings (a documentation theme), a heading written
    as a call, `### Vue.set( target, key, value )`, may also be named by its name, `#Vue-set`;
    on a site whose script calls AnchorJS (`anchors.add(...)`), every heading, raw HTML
    `<h2>` included, is also named as AnchorJS names it (`#node_boot-js-removal`); where a
    script (an Eleventy transform) gives headings ids of its own slug behind a fixed prefix
    (`heading.setAttribute('id', `heading-${slugify(text)}`)`), any fragment after the prefix
    may be one (`#heading-step02:-metamask`), which artlint cannot compute.
    Slugs are made the way Hugo's goldmark and GitHub make them (Chinese, accented and emoji headings included:
    `## 安装 Rust 🚀` is `#安装-rust-`), and Hugo's older "blackfriday" and ASCII styles are
    accepted too, as is Zola's (`rustc_codegen_gcc` becomes `rustc-codegen-gcc`; emoji spelled
    out, so `#async-crab` may name `## Async 🦀`; with `[slugify] anchors = "safe"` or "off",
    the heading's text with its spaces `_`: `#Parameters:_options.layers`). Case is ignored. Ids that tools generate from
    other markup (`#fig:...`, `#tab:...` of bookdown) are not checked, nor fragments of a
    section's own `_index.md`, whose template usually adds sections. The headings of the blocks
    a page puts into itself count as the page's: Jekyll's `{% include_relative _steps.md %}` and
    `{% include note.md %}`, Eleventy's `{% include "../api/types.html" %}` (from its includes
    folder), and MDX's `import Steps from './_steps.md'`; so do the ids a Jekyll include writes
    from its parameters around a fixed part (`id="nav-{{ include.number | replace: '.', '-' }}"`:
    any `#nav-…` on a page that calls it). In such a block itself
    (a file Jekyll, Hexo or Docusaurus skip for its leading `_`), a fragment that names none of
    its own headings is not reported: it may name one of the including page's. An id that the
    site's own templates write as it is (`<h2 id="comment-form">` in Zola's `templates/`, Hugo's
    `layouts/`, Jekyll's `_layouts/` and `_includes/`, a Hexo theme's `layout/`) is on the page
    too, whichever page links to it; a fragment of a Hugo page whose section's layouts (or the
    partials they call) compute ids from data (`<li id="{{ $sourceTag }}">`, one per item of a
    list fetched or read) is not checked. On a Jekyll site whose own plugin adds ids as it renders (a hook in `_plugins/` that
    writes `{:#slug}` or `id="..."`), or on a VuePress or VitePress site whose configuration
    gives markdown a slug function of its own (`markdown: { slugify (str) {…} }`), a fragment
    no heading gives is not reported: the site's code may make it (`artlint site` shows `plugin ids`); nor on a page that prints its references
    with jekyll-scholar's `{% bibliography %}`, which gives each cited entry its key as id
    (`[Ruder, 2017](#ruder2017mtl)`). The emoji links of the table that the
    all-contributors bot writes (`<a href="#code-login" title="Code">💻</a>`, between its
    `ALL-CONTRIBUTORS-LIST` comments, or such a badge copied without them: `<a href="#design-x"
    title="Design">`) only carry a tooltip and are not read, nor are the examples in a style
    guide's table of what to write and what not to (its header "Do" and "Don't", "正确" and "错误":
    `[example-tables]` in `rules/links.toml`). A missing file is `link-target-missing`'s finding, not this one.

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
        included = None
        scripted_added = False
        plugin_ids = doc.site is not None and doc.site.plugin_ids  # a fragment no heading gives may be the plugin's
        examples = example_tables(doc)
        for link in doc.links:
            if link.kind == "reference" or link.is_image:
                continue
            if examples is not None and link.start in examples:
                continue  # a style guide's "Do and Don't" table: `See [check ports](#check-ports)`, an example
            url = link.url.strip()
            if "#" not in url or not (url.startswith("#") or is_local(url)):
                continue
            path, fragment = split_target(url)
            if link.kind != "html":
                fragment = unescape_markdown(fragment)  # `#foo\_bar` is `#foo_bar`
            fragment = fragment.split(":~:", 1)[0]  # `#:~:text=…`: a text fragment, which the browser finds in the page's words
            if not fragment or fragment.lower() in _ALWAYS_THERE or fragment.lower().startswith(_GENERATED_PREFIXES):
                continue
            if "{{" in fragment or "{%" in fragment:
                continue  # `#{{ distro.first }}` in a Liquid loop: the build writes the fragment
            if fragment.startswith("/"):
                continue  # `#/zh-CN/quickstart`: a route of a single-page site's hash router (docsify, vant's), no element's id
            if not path:
                if doc.file is not None and doc.file.stem.lower().startswith("_index"):
                    continue
                if link.kind == "html" and _styles_targets(doc):
                    continue  # `<a href="#close">` beside `.box:target {…}`: a CSS toggle, no place
                if link.kind == "html" and (_in_contributors_table(doc, link.start) or _contribution_badge(doc, link)):
                    continue  # all-contributors' `<a href="#code-login" title="Code">💻</a>`: a tooltip's carrier
                if own is None:
                    own = _Anchors({a.lower() for a in document_anchors(doc)}, spelled_out_prefixes(doc), template_ids(doc), _headings_from_data(doc))
                    if _rendered_as_a_template(doc) and ("{{" in doc.text or "{%" in doc.text):
                        own.templated = _templated_ids(doc.text)
                if not own.has(fragment) and not scripted_added and _scripted_heading_ids(doc):
                    own.exact |= {name.lower() for name in scripted_names(doc, _scripted_heading_ids(doc))}
                    own.templated += scripted_prefixes(_scripted_heading_ids(doc))
                    scripted_added = True
                if not own.has(fragment) and included is None:
                    included = _included_anchors(doc)
                if not own.has(fragment) and not any(anchors.has(fragment) for anchors in included or ()):
                    if doc.site is not None and doc.site.custom_heading_ids and own.loosely_has(fragment):
                        continue  # the site's own slugify spells the heading's id its way
                    if doc.page is not None and doc.page.kind in ("partial", "resource"):
                        continue  # a block that pages include, a Hugo bundle's resource a template renders: the heading may be the page's
                    if _written_by_a_template(doc, fragment) or plugin_ids:
                        continue
                    if doc.memo("link-anchor-missing bibliography", lambda: _BIBLIOGRAPHY.search(doc.text) is not None):
                        continue  # jekyll-scholar's `{% bibliography %}` gives each cited entry its key as id: `#ruder2017mtl`
                    yield doc.diagnostic(f"no heading or id {fragment!r} in this document", link.url_start, link.url_end)
                continue
            if not path.lower().endswith(_MARKDOWN_SUFFIXES):
                continue  # a site page (/about/#team): its template may add the section
            if fragment.lower() == "readme" and read_on_github(doc):
                continue  # `tr.md#readme`: GitHub's view of a markdown file holds it in `<div id="readme">`
            target = resolve(doc, path, options["roots"]) if doc.file is not None else None
            if target is None:
                continue
            real = str(target.resolve())
            if not doc.boundary.contains(real):
                continue  # never read a file outside the checked folder (../../../../etc/passwd.md)
            generator = doc.site.generator if doc.site is not None else None
            anchors = _recorded_anchors(real, generator, site=doc.site)
            if anchors is not None and not anchors.has(fragment) and _scripted_heading_ids(doc):
                anchors = _recorded_anchors(real, generator, scripted=_scripted_heading_ids(doc), site=doc.site)
            if anchors is not None and not anchors.has(fragment) and not plugin_ids and not _written_by_a_template(doc, fragment):
                if doc.site is not None and doc.site.custom_heading_ids and anchors.loosely_has(fragment):
                    continue  # the site's own slugify spells the heading's id its way
                yield doc.diagnostic(f"no heading or id {fragment!r} in {path}", link.url_start, link.url_end)
        if doc.site is not None and doc.site.generator == "hugo" and doc.file is not None:
            yield from self._hugo_refs(doc, options)

    def _hugo_refs(self, doc, options):
        """`{{< ref "other.md#part" >}}`: Hugo appends the fragment to the page it finds."""
        for ref in hugo_refs(doc):
            path, _, fragment = ref.target.partition("#")
            fragment = unquote(fragment)  # `#%E5%88%9D%E5%A7%8B%E5%8C%96`: the browser finds the id decoded
            if not path or not fragment:
                continue
            found = resolve_hugo_ref(doc, path, options["roots"], ref.language)
            if found is None or not doc.boundary.contains(str(found.resolve())):
                continue  # a missing page is link-target-missing's
            anchors = _recorded_anchors(str(found.resolve()), "hugo", site=doc.site)
            if anchors is not None and not anchors.has(fragment) and not _written_by_a_template(doc, fragment):
                if _section_layout_computes_ids(doc.site, found):
                    continue  # `<li id="{{ $sourceTag }}">` in the section's layout: ids made from data
                yield doc.diagnostic(f"no heading or id {fragment!r} in {path}{_translation_named(path, found.name)}", ref.start, ref.end)


# Blocks a page puts into itself, whose headings are the page's: Jekyll's `{% include_relative
# _forums.md %}` (beside the page) and `{% include note.md %}` (in `_includes/`), a Hugo
# shortcode given a markdown file (`{{% include "/_common/steps.md" %}}`, from the page's folder
# or a content root), and MDX's `import Intro from './_intro.mdx'` (Docusaurus partials).
_JEKYLL_INCLUDE = lazy(r"\{%-?[ \t]*include(_relative)?[ \t]+([\w./-]+\.(?:md|markdown|html))\b")
# A shortcode given a markdown file, by position or by name, among other arguments:
# `{{% include "/_common/steps.md" %}}`, `{{< markdown_inline contentPath="/docs/x.md" >}}`.
_HUGO_FILE_SHORTCODE = lazy(
    r"""\{\{[%<]-?\s*[\w/-]+(?:\s+[\w-]+=["'`][^"'`\n]*["'`]){0,8}\s+(?:[\w-]+=)?["'`]([^"'`\n]+\.md)["'`]"""
)
# Nunjucks' and Liquid's include of a file from the includes folder (Eleventy):
# `{% include "../../api/diagnostic.html" %}`.
_TEMPLATE_INCLUDE = lazy(r"""\{%-?[ \t]*include[ \t]+["']([^"'\n]+\.(?:md|markdown|html|njk|liquid))["']""")
_MDX_IMPORT = lazy(r"""^import[ \t]+\w+[ \t]+from[ \t]+['"](\.{1,2}/[^'"\n]+\.mdx?)['"]""", re.M)


# The table the all-contributors bot writes and rewrites between these comments: each emoji is a
# link to `#<contribution>-<login>` that only carries its `title` tooltip.
_CONTRIBUTORS_START = "<!-- ALL-CONTRIBUTORS-LIST:START"
_CONTRIBUTORS_END = "<!-- ALL-CONTRIBUTORS-LIST:END"


# One of the all-contributors bot's badges, copied without the comments around its table:
# `<a href="#design-gcdd1993" title="Design">🎨</a>`, the fragment a contribution's type and a login.
_CONTRIBUTION_BADGE = lazy(
    r"""<a\s+href=["']#(?:code|doc|design|ideas|bug|review|test|infra|maintenance|translation|question|tool|example|"""
    r"""content|blog|talk|tutorial|video|platform|plugin|projectManagement|mentoring|security|financial|fundingFinding|"""
    r"""eventOrganizing|userTesting|business|a11y|audio|data|research|promotion)-[\w.-]+["']\s+title=["'][^"'<>]{1,40}["']\s*>""",
    re.I,
)


def _contribution_badge(doc, link) -> bool:
    return _CONTRIBUTION_BADGE.match(doc.text, link.start) is not None


def _in_contributors_table(doc, offset: int) -> bool:
    def spans() -> list[tuple[int, int]]:  # found once per document
        found = []
        start = doc.text.find(_CONTRIBUTORS_START)
        while start >= 0:
            end = doc.text.find(_CONTRIBUTORS_END, start)
            found.append((start, len(doc.text) if end < 0 else end))
            start = doc.text.find(_CONTRIBUTORS_START, len(doc.text) if end < 0 else end)
        return found

    return any(start <= offset < end for start, end in doc.memo("all-contributors tables", spans))


def _styles_targets(doc) -> bool:
    """Whether the page's own CSS uses `:target` (a pure-CSS lightbox or fold): its HTML links
    to fragments open and close things, whether or not an id is there."""
    return doc.memo("styles-targets", lambda: ":target" in doc.text and "<style" in doc.text.lower())


def _included_anchors(doc) -> list["_Anchors"]:
    if doc.file is None or doc.site is None:
        return []
    folder = str(doc.file.parent)
    paths = []
    if doc.site.generator == "jekyll" and "include" in doc.text:
        for match in _JEKYLL_INCLUDE.finditer(doc.text):
            base = folder if match.group(1) else os.path.join(doc.site.root, "_includes")
            paths.append(os.path.join(base, match.group(2)))
    if doc.site.generator == "hugo" and "{{" in doc.text:  # `{{% include "/_common/steps.md" %}}`
        for match in _HUGO_FILE_SHORTCODE.finditer(doc.text):
            named = match.group(1)
            bases = [os.path.join(doc.site.root, content) for content in doc.site.content if content != "."] + [doc.site.root]
            if not named.startswith("/"):
                bases.insert(0, folder)
            paths += [os.path.join(base, named.lstrip("/")) for base in bases]
    if doc.site.generator == "eleventy" and "include" in doc.text:  # `{% include "../../api/x.html" %}`
        includes = [os.path.join(doc.site.root, part) for part in doc.site.not_content if os.path.basename(part) in ("_includes", "includes")]
        for match in _TEMPLATE_INCLUDE.finditer(doc.text):
            paths += [os.path.join(base, match.group(1)) for base in includes]
    if "import" in doc.text:
        paths += [os.path.join(folder, match.group(1)) for match in _MDX_IMPORT.finditer(doc.text)]
    found = []
    for path in paths:
        real = os.path.realpath(path)
        if doc.boundary.contains(real):
            anchors = _recorded_anchors(real, doc.site.generator, site=doc.site)  # a missing one is recorded too
            if anchors is not None:
                found.append(anchors)
            if real.endswith(".html") and doc.site.generator == "jekyll":
                written = _include_templated_ids(real, dependencies.signature_of(real))  # recorded above
                if written:
                    found.append(written)
    return found


@lru_cache(maxsize=256)
def _include_templated_ids(real: str, signature: str) -> "_Anchors | None":
    """The ids a Jekyll include writes from its parameters, `<h3 id="nav-{{ include.number |
    replace: '.', '-' }}">` (`#nav-2-2` for `number="2.2"`), as the start and end around the
    template's output: any fragment between them may be one. An id all of the template's
    (`id="{{ include.id }}"`) is the call's `id=` argument, read with the page's own ids. Read
    once while the file stays the same (`signature`), however many pages include it."""
    templated = tuple((head, tail) for head, tail in _templated_ids(read_small_file(real)) if head or tail)
    if not templated:
        return None
    anchors = _Anchors(set(), set())
    anchors.templated = templated
    return anchors


def _recorded_anchors(real: str, generator: str | None, scripted: frozenset[str] = frozenset(), site=None) -> "_Anchors | None":
    """The anchors of another file, its state recorded so that a cached result is redone
    when it changes; with `site`, the file read as that site's generator reads it (an MkDocs
    tab's indented `## macOS` is a heading there, not code)."""
    signature = dependencies.signature_of(real)
    dependencies.record("stat", real, signature)
    if site is not None and not os.path.abspath(real).startswith(os.path.abspath(site.root) + os.sep):
        site = None  # another site's file: read plainly
    return _file_anchors(real, signature, scripted=scripted, generator=generator, site=site)


# An id a template computes (`id="{{ $sourceTag }}"`), not a heading's (`.Anchor`, `anchorize`).
_COMPUTED_ID = lazy(r"""\bid=["']\{\{(?![^}]*(?:\.Anchor|anchorize|urlize|\.ID\b))""")


def _section_layout_computes_ids(site, found) -> bool:
    """Whether the layouts of the Hugo section a page belongs to (`layouts/kilder/`), or the
    partials they call, write ids computed from data (a list fetched with GetRemote, a data
    file): any fragment may be one of them."""
    if site is None or site.generator != "hugo":
        return False
    path = os.path.abspath(str(found))
    for content in site.content:
        root = os.path.abspath(os.path.join(site.root, content))
        if path.startswith(root + os.sep):
            section = os.path.relpath(path, root).split(os.sep)[0]
            folder = os.path.join(site.root, "layouts", section)
            if os.path.isdir(folder):
                signature = dependencies.folder_signature(folder)
                dependencies.record("folder", folder, signature)
                return _computes_ids(folder, signature)
    return False


@lru_cache(maxsize=256)
def _computes_ids(folder: str, signature: str) -> bool:
    layouts = os.path.dirname(folder)
    for name in sorted(os.listdir(folder))[:100]:
        text = read_small_file(os.path.join(folder, name))
        if _COMPUTED_ID.search(text):
            return True
        for call in PARTIAL_CALL.findall(text):
            partial = os.path.join(layouts, "partials", call if call.endswith(".html") else call + ".html")
            if os.path.realpath(partial).startswith(os.path.realpath(layouts) + os.sep) and _COMPUTED_ID.search(read_small_file(partial)):
                return True
    return False


_BIBLIOGRAPHY = lazy(r"\{%-?\s*bibliography\b")


def _letters(text: str) -> str:
    """The letters and digits of `text`, lower case, accents folded."""
    folded = unicodedata.normalize("NFKD", text.lower())
    return "".join(char for char in folded if char.isalnum())


def _rendered_as_a_template(doc) -> bool:
    """Whether the page goes through a template engine before markdown (Liquid on Jekyll, Hexo
    and Eleventy; Jinja2 with mkdocs-macros): an id written with its output is computed."""
    site = doc.site
    return site is not None and (site.generator in LIQUID_GENERATORS or (site.generator == "mkdocs" and site.jinja_pages))


def _templated_ids(text: str) -> tuple[tuple[str, str], ...]:
    """(what comes before the first template tag, what comes after the last) of each `id` that
    a loop or a variable writes: `id="day-{{i}}"` in `{% for i in (1..3) %}` is `#day-1`,
    `#day-2`... Read in the whole text: the template engine runs before markdown, and kramdown
    reads an HTML block to its closing tag, blank lines and indented lines too."""
    found = []
    for match in _TEMPLATED_ID.finditer(text):
        value = match.group(1).lower()
        start = min(at for at in (value.find("{{"), value.find("{%")) if at >= 0)
        end = max(value.rfind("}}"), value.rfind("%}"))
        found.append((value[:start], value[end + 2 :] if end > start else ""))
    return tuple(found)


# An HTML id with a template's output in it: `id="day-{{i}}"`, `id='q{% increment n %}'`.
_TEMPLATED_ID = lazy(r"""(?<![-\w:.])id\s*=\s*["']([^"'<>\n]{0,200}?\{[{%][^"'<>\n]{0,200})["']""")


def _written_by_a_template(doc, fragment: str) -> bool:
    """Whether one of the site's templates writes the id itself (`<h2 id="comment-form">`);
    the finding then depends on that template."""
    template = template_id_files(doc.site).get(fragment.lower())
    if template is None:
        return False
    dependencies.record("stat", template, dependencies.signature_of(template))
    return True


class _Anchors:
    def __init__(self, exact: set[str], prefixes: set[str], template_ids: frozenset[str] | set[str] = frozenset(), open_ended: bool = False):
        self.prefixes = tuple(prefix.lower() + "-" for prefix in prefixes)
        self.ids = {value.lower() for value in template_ids}
        self.exact = exact | self.ids
        self.open_ended = open_ended  # the build writes headings from data or code: any fragment may be one
        self.templated: tuple[tuple[str, str], ...] = ()  # (before, after) a template's output in an id: `day-{{ i }}`
        self._folded: frozenset[str] | None = None

    def loosely_has(self, fragment: str) -> bool:
        """Whether the fragment is one of the ids spelt another way: its letters and digits,
        accents folded, are those of an id, or most of them in a row (a slugify of the site's
        own that drops `É` gives `#tablissez-un-ordre-du-jour` for `## Établissez un ordre du jour`)."""
        if self._folded is None:
            self._folded = frozenset(_letters(value) for value in self.exact)
        letters = _letters(fragment)
        return bool(letters) and any(letters == known or (len(letters) * 5 >= len(known) * 4 and letters in known) for known in self._folded)

    def has(self, fragment: str) -> bool:
        fragment = fragment.lower()
        return (
            self.open_ended
            or fragment in self.exact
            or fragment.startswith(self.prefixes)
            or self._template_wrote(fragment)
            or any(len(fragment) > len(head) + len(tail) and fragment.startswith(head) and fragment.endswith(tail) for head, tail in self.templated)
        )

    def _template_wrote(self, fragment: str) -> bool:
        """`def-LE` for a shortcode given `id="LE"`: one word of the template's, a separator, the id."""
        for separator in "-_:":
            prefix, found, rest = fragment.partition(separator)
            if found and prefix.isalnum() and rest in self.ids:
                return True
        return False


def _scripted_heading_ids(doc) -> frozenset[str]:
    """How the site's own scripts set the ids of headings once the page loads, if they do:
    "signature" (a documentation theme that names `### Vue.set( target, key, value )`
    `#Vue-set`), "anchorjs" (AnchorJS's `anchors.add(...)`, which gives each heading without an
    id the slug of its text)."""
    if doc.site is None or doc.site.generator == "plain":
        return frozenset()
    return _scripts_set_heading_ids(doc.site.root, doc.boundary)


def scripted_prefixes(kinds: frozenset[str]) -> tuple[tuple[str, str], ...]:
    """(prefix, "") of the ids a site's script gives headings from a slug of its own behind a
    fixed prefix (`heading.setAttribute('id', `heading-${slug}`)`): any fragment after it."""
    return tuple((kind[len(_PREFIX_KIND) :].lower(), "") for kind in sorted(kinds) if kind.startswith(_PREFIX_KIND))


def scripted_names(doc, kinds: frozenset[str]) -> set[str]:
    """The heading ids that scripts of these kinds give the document."""
    names = signature_names(doc) if "signature" in kinds else set()
    if "anchorjs" in kinds:
        names |= anchorjs_names(doc)
    return names


@lru_cache(maxsize=16)
def _scripts_set_heading_ids(root: str, boundary) -> frozenset[str]:
    kinds: set[str] = set()
    scanned = 0
    for folder, subfolders, files in os.walk(root):
        subfolders[:] = sorted(name for name in subfolders if name not in _NOT_THE_SITES_SCRIPTS)
        for name in sorted(files):
            if not name.endswith(".js") or name.endswith(".min.js"):
                continue
            path = os.path.join(folder, name)
            scanned += 1
            if scanned > _SCRIPTS_SCANNED:
                return frozenset(kinds)
            found = _sets_heading_ids(path, boundary)
            if found:
                dependencies.record("stat", path, dependencies.signature_of(path))
                kinds |= found
                if len(kinds) == 2:
                    return frozenset(kinds)
    return frozenset(kinds)


def _sets_heading_ids(path: str, boundary) -> frozenset[str]:
    real = os.path.realpath(path)
    if not boundary.contains(real):
        return frozenset()
    try:
        if os.path.getsize(real) > _SCRIPT_LIMIT:
            return frozenset()
        with open(real, encoding="utf-8", errors="replace") as script:
            text = script.read()
    except OSError:
        return frozenset()
    kinds = {"anchorjs"} if _ANCHORJS_CALL.search(text) else set()
    if "id" in text:
        for assignment in _SETS_ID.finditer(text):
            if "signature" not in kinds and _HEADING_SELECTOR.search(text, max(0, assignment.start() - _SELECTOR_REACH), assignment.start()):
                kinds.add("signature")
            prefix = _PREFIXED_ID.match(text, assignment.end())
            if prefix and _HEADING_SELECTOR.search(text, max(0, assignment.start() - _PREFIX_SELECTOR_REACH), assignment.start()):
                kinds.add(_PREFIX_KIND + (prefix.group(1) or prefix.group(2)))
    return frozenset(kinds)


@lru_cache(maxsize=1024)
def _file_anchors(path: str, signature: str, scripted: frozenset[str] = frozenset(), generator: str | None = None, site=None) -> "_Anchors | None":
    # Imported here: a run answered from the cache loads rule modules but never the markdown parser.
    from artlint.document import parse_document

    try:
        source = read_source(path, 4 * 1024 * 1024)
    except UnreadableFile:
        return None
    # Read with the site's masking where it shows structure plain markdown hides (an MkDocs
    # tab's indented heading); a Hugo page plainly, as before: its masking blanks the body of a
    # `{{< tabs >}}` whose `{{% codetab %}}` parts are markdown, headings and all.
    doc = parse_document(path, source, site=site if site is not None and site.generator != "hugo" else None)
    exact = {anchor.lower() for anchor in document_anchors(doc, generator)}
    if scripted:
        exact |= {name.lower() for name in scripted_names(doc, scripted)}
    if generator == "docusaurus" and "import" in doc.text:
        exact |= _imported_partial_anchors(path, doc.text)
    if site is not None and site.generator == "mkdocs" and "--8<--" in doc.text:
        exact |= _snippet_anchors(doc.text, site)
    # an include of a Liquid or Nunjucks site whose heading is a template's output (`### {{
    # getcode[locale].heading }}`): its id is made from data when the page is built
    computed_heading = generator in _TEMPLATE_INCLUDERS and _TEMPLATED_HEADING.search(doc.text) is not None
    found = _Anchors(exact, spelled_out_prefixes(doc), template_ids(doc), _headings_from_data(doc, site) or computed_heading)
    found.templated = scripted_prefixes(scripted)
    return found


_TEMPLATE_INCLUDERS = ("eleventy", "jekyll")
_TEMPLATED_HEADING = lazy(r"^[ \t]{0,3}#{1,6}[ \t]+[^\n]*\{\{", re.M)


def _headings_from_data(doc, site=None) -> bool:
    """Whether the build writes headings into the page from something other than its text:
    a Hugo shortcode fed by data, or an MkDocs block that documents code."""
    return _calls_heading_shortcode(doc, site) or _documents_code(doc, site)


# An MkDocs block that a plugin expands into headings with ids: mkdocstrings' `::: package.Class`
# (one per object and member, `#package.Class.method`), mkdocs-click's `::: mkdocs-click`
# (one per command), mkdocs-typer's.
_CODE_DOCUMENTATION_BLOCK = lazy(r"^:::[ \t]+[\w.-]+[ \t]*$", re.M)


def _documents_code(doc, site=None) -> bool:
    """Whether the page holds an MkDocs block that documents code (`::: package.module`), whose
    headings and ids the plugin writes from the code when the site is built."""
    site = site or doc.site
    if site is None or site.generator != "mkdocs" or ":::" not in doc.text:
        return False
    return any(not doc.in_code(match.start()) for match in _CODE_DOCUMENTATION_BLOCK.finditer(doc.text, doc.body_offset))


def _calls_heading_shortcode(doc, site=None) -> bool:
    """Whether the page calls a Hugo shortcode whose template writes headings from data
    (`{{% program-options name="arangod" %}}`, one `### --option` per entry of a data file)."""
    site = site or doc.site
    if site is None or not site.heading_shortcodes or "{{" not in doc.text:
        return False
    return any(name in site.heading_shortcodes for name in shortcode_names(doc.text, doc.body_offset))


def _imported_partial_anchors(path: str, text: str) -> set[str]:
    """The headings of the MDX partials a Docusaurus page imports from its own folder or below
    (`import Scripts from './_scripts.mdx'`, then `<Scripts />`): they are the page's headings."""
    folder = os.path.dirname(path)
    found: set[str] = set()
    for match in _MDX_IMPORT.finditer(text):
        named = os.path.normpath(os.path.join(folder, match.group(1)))
        if not named.startswith(folder + os.sep):
            continue  # only the page's own folder: what lies elsewhere is another page's
        partial = _recorded_anchors(os.path.realpath(named), None)
        if partial is not None:
            found |= partial.exact
    return found


# pymdownx.snippets' inclusion of a file: `--8<-- "CONTRIBUTING.md"` on a line of its own.
_SNIPPET_LINE = lazy(r"""^[ \t]*-{1,}8<-{1,}[ \t]+(["'])([^"'\n]+?)(?::[-\d:]*)?\1[ \t]*$""", re.M)


def _snippet_anchors(text: str, site) -> set[str]:
    """The headings of the files a page includes with pymdownx.snippets (`--8<-- "CONTRIBUTING.md"`,
    looked up from the project's root, then its docs and snippet folders): they are the page's."""
    found: set[str] = set()
    root = os.path.realpath(site.root)
    bases = [".", *site.content, *site.not_content]
    for match in _SNIPPET_LINE.finditer(text):
        for base in bases:
            named = os.path.realpath(os.path.join(root, base, match.group(2)))
            if named.startswith(root + os.sep) and os.path.isfile(named):
                included = _recorded_anchors(named, "mkdocs")
                if included is not None:
                    found |= included.exact
                break
    return found


def _translation_named(path: str, found: str) -> str:
    """` (its translation in this page's language, x.fa.md)` when Hugo found the page's
    translation for `x.md`: the anchor is missing there, though the file written may have it."""
    written = path.rstrip("/").rsplit("/", 1)[-1]
    stem, dot, suffix = written.rpartition(".")
    if not dot or found == written or not (found.startswith(stem + ".") and found.endswith("." + suffix)):
        return ""
    return f" (its translation in this page's language, {found})"
