import html
import os
from functools import lru_cache

from artlint.boundary import within
from artlint.findings import Severity
from artlint.globs import glob_set
from artlint.lazyre import lazy
from artlint.localfiles import (
    DEFAULT_ROOTS,
    case_hint,
    exists_as_dependency,
    hugo_ref_in_unfetched_content,
    hugo_ref_namesakes,
    hugo_ref_written_by_build_step,
    hugo_refs,
    in_unfetched_submodule,
    is_known_page,
    is_local,
    leads_to_another_site,
    link_target,
    names_a_written_address,
    read_from_unknown_pages,
    redirected,
    resolve,
    resolve_hugo_ref,
    shaped_like_a_document,
    shaped_like_a_post,
    site_path_from_page_url,
    written_by_build_step,
)
from artlint.options import Option
from artlint.rules import DocumentRule
from artlint.templating import rendered_by_a_tool

ROOTS_OPTION = Option(
    "list[string]",
    DEFAULT_ROOTS,
    "Folders, relative to the project's root, that site-absolute paths (/images/a.png) resolve against.",
)
IGNORE_OPTION = Option(
    "list[string]",
    [
        "/tags/**", "/categories/**", "/series/**", "/authors/**", "/author/**", "/page/**", "/search/**",
        "**/index.xml", "**/feed.xml", "**/rss.xml", "**/atom.xml", "/sitemap.xml",
        "**/index.json", "/search.xml", "/search.json",
    ],
    "Globs of site paths that the generator makes without a source file (taxonomies, feeds, search indexes); "
    "also matched under each language's folder (`/es/tags/x/`).",
)


class LinkTargetMissing(DocumentRule):
    """A relative link to a local file that does not exist.

    ## What it finds
    Links (markdown, reference and HTML) without a scheme whose target cannot be found on disk,
    resolved as Hugo and Zola do: relative to the article's folder (page bundles), to the
    folder named after a non-bundle page, and for `/site/paths` against the `roots` (`.`,
    `static`, `content`, `assets`). A page target may be written as the file (`other.md`), the
    rendered name (`other.html`) or the folder (`other/`). Hugo's `{{< ref "x" >}}` and
    `relref` (`path=` and `lang=` too) are resolved as Hugo does: relative to the page (a leaf
    bundle from the folder that holds it), then from the content folders, and a bare name
    (`"blocks"`) by a site-wide lookup of the one page of the language with that name (a
    bundle's folder, a file's stem); a name two pages share is reported as ambiguous. Extension-less site paths whose last
    segment names a page of the site (its file name or its folder with or without a date
    prefix, its `slug`, `url`, `id` or `abbrlink`) are accepted, and so are relative ones read
    against the page's own URL when they climb from it (`../b/` from a page served at
    `/conduct/`) or, on a Jekyll or Hexo site, when read there they have the shape of its posts'
    permalink (`blog/starter-kit.html` from `/faq` under `permalink: blog/:slug.html`) or are
    exactly the address a page's front matter writes (`9.html` from `/writing/jona/`, the page
    with `permalink: /writing/jona/9.html`), because
    permalink patterns make them impossible to resolve exactly, and so are site paths that the
    host redirects (a `_redirects` file of Netlify or Cloudflare Pages in a static folder, the
    site's root or `public/`, and a variant a build renames to it, `_redirects_cf`, or the lines with a written source of a Hugo template that writes
    it, `layouts/index.redirects`, or `[[redirects]]` in netlify.toml; `*` and `:name` match), or
    that a page names in `aliases` (Hugo) or `redirect_from` (jekyll-redirect-from; `/help/index.html`
    names `/help/`; an alias leaves a page's URL made of its title as it is), or that
    mkdocs-redirects writes a page at (`redirect_maps: {old.md: new.md}` makes `/old/`). An `.html` file
    in Hugo's content without front matter is copied as it is: no page, and its folder no
    bundle (a redirect stub, `docs/latest/index.html`). The repository's own documents (README,
    CONTRIBUTING), read on GitHub, may link a folder, which GitHub lists (a page needs the
    folder's index), and GitHub reads their paths from `/` against the repository's root.
    Where the site's templates set `<base href>` to its root (a theme's head,
    `<base href="{{ .Site.BaseURL }}/">`), a relative link is read from the root too. A site path under the site's base path
    (`/docs/...` for `baseURL: https://x.org/docs`) is read without it. On a Hugo
    site whose links go through a render hook (its own `_markup/render-link.html`, or the
    embedded one), a relative page path is looked up from the content root too, as GetPage
    does, and from the folder the page lies in (a bundle's `index.md`: the folder holding the
    bundle), `x.md` naming a leaf bundle `x/` as well; a bare word (`[term](g)`) is left to the hook.
    A site path outside the path the site is published under (a project site of GitHub Pages
    at `/<repository>/` linking `/other-project/`) whose first segment names nothing of the
    site leads to another site of the host and is not checked. On a Jekyll site, pages under a
    folder that a generator plugin of `_plugins/` writes pages into (`PageWithoutAFile.new(site,
    site.source, "packages", ...)`) are taken as existing, as are the category and tag pages that
    jekyll-category-pages, jekyll-tagging and jekyll-archives write when `plugins:` names them
    (`/category/web/`, one per name: not what lies below it), the feeds jekyll-feed writes per tag
    or category (`feed: {tags: {path: /feeds/}}`: `/feeds/Emacs.xml`), and the posts' URLs (their
    permalink's folder, `/blog/`) where a plugin rewrites their slugs or permalinks
    (`post.data["slug"] = …`); a link to a markdown file there is still looked for, a plugin
    writing pages, not sources; posts whose permalink is made of their dates alone
    (`/blog/:year/:month/:day/`) at the day their file name or `date` gives; and pages under a Hugo section
    whose content adapter (`_content.gotmpl`) makes them from data; on an Eleventy site, the pages
    of its other template languages (`feeds/articles.njk` at its `permalink:
    /feeds/articles.xml`, `archive.liquid` at `/archive/`), and under a folder whose directory data
    file (JSON, or YAML) gives its pages a permalink that runs the site's own filter (`/blog/{{ page |
    getBlogSlug }}/`), what starts as that permalink is written. On a Docusaurus site `@site/` starts
    a path at the site's folder (`@site/docs/assets/a.png`), a folder is
    served by its doc with `slug: /` (`../` to the docs' root, `/docs` from the blog, `/docs/v4/`
    for a version whose `path` is `v4`), a link
    without a file suffix is a URL read against the page's (`./connect/redis`, `icla`), and
    pages are named without the number prefixes the docs plugin drops (`03-connect/04-redis.md`
    is `connect/redis`), and a category whose `_category_.json`, or whose entry in the
    sidebar file (`sidebars.js`, read as data), asks for a generated index has its page
    (`/docs/category/<label>`, or its `slug`). A
    target inside a git submodule
    that the checkout has not fetched (listed in `.gitmodules`, its folder empty or absent) is
    not reported: it cannot be checked; nor is a Hugo ref that may name a page of content a
    module mounts from such a submodule (a ref by name, or by a path under the mount's
    target); nor a ref to a page a content adapter may make (under a section whose folder holds a
    `_content.gotmpl`, read from the page's own section too, or by name on a site with one);
    nor a ref in a file outside the content folders, which Hugo never builds; nor a link or ref
    into a content folder that the build fills before Hugo runs (`cp -R content/v$VER
    content/latest` in the script netlify.toml's command runs, or in a shell script at the
    site's root); nor is a page that a build step writes, kept out of
    git by a `.gitignore` that names part of the content, nor a target written as a
    constant's name that a build script replaces (`ENGLISH_VERSION_URL`) or a variable
    (Writerside's `%kotlinLatestUrl%`), nor another version of an MkDocs site's docs, which
    mike deploys beside this one (`/4.1`, with `extra.version.provider: mike`), nor a relative
    target in a template a tool renders (EJS or ERB tags, `<%= name %>`: a project
    generator's README, whose links lead into the project it writes). A destination's
    character references are read first, as CommonMark reads them (`m&#97;ilto:…` is a
    mailto link). Nothing is fetched
    online.
    In a Logseq graph, a block's reference `[label](((uuid)))` and a page's `[label]([[Page]])`
    are Logseq's to resolve (it makes a page a reference names), and `assets/a.png` is read from
    the graph's top.
    On a Writerside site a link names a topic by its file name alone (`[x](basic-syntax.md)`),
    found wherever it lies under the topics folder (an image likewise under the images folder).
    Images are the job of `image-unreachable`; host names and e-mail addresses written without a
    scheme are `link-malformed`'s. The site's root is the folder above `content/`.

    ## Why it matters
    Moving or renaming a file breaks every link to it, silently: the site still builds, and
    readers get a 404. Imported articles bring links to files that were never copied.

    ## Example

        See [the setup notes](../setup/notes.md).

    reports `link target '../setup/notes.md' not found` when that file does not exist.
    """

    name = "link-target-missing"
    family = "link"
    severity = Severity.ERROR
    options = {"roots": ROOTS_OPTION, "ignore": IGNORE_OPTION}

    def check(self, doc, options):
        if doc.file is None:
            return
        roots = options["roots"]
        ignored = glob_set(tuple(options["ignore"]))
        for link in doc.links:
            if link.is_image or link.kind == "reference" or not is_local(_decoded(link.url)):
                continue
            path, _ = link_target(link)
            if path and not path.startswith("/") and rendered_by_a_tool(doc):
                continue  # a generator's template: `app-extension/` is a folder of the project it writes
            if path and read_from_unknown_pages(doc, path):
                continue
            if not path or ignored.match(path.lstrip("/")) or ignored.match(_without_language(doc, path)):
                continue
            if _PLACEHOLDER.fullmatch(path):
                continue  # `ENGLISH_VERSION_URL`: a name a build script replaces, no path
            if doc.site is not None and doc.site.generator == "logseq" and _LOGSEQ_REFERENCE.fullmatch(path):
                continue  # `[label](((uuid)))`, `[label]([[Page]])`: a block's or a page's reference, which Logseq makes
            if resolve(doc, path, roots) is None and not _is_page_path(doc, path, roots) and not redirected(doc, path):
                if doc.site is not None and doc.site.link_render_hook and _found_by_render_hook(doc, path, roots):
                    continue
                if doc.site is not None and doc.site.embedded_link_hook and _found_by_get_page(doc, path, roots):
                    continue
                written = _site_path(doc, path)
                places = (written, _without_language(doc, written))
                if doc.site is not None and not _source_file(path) and any(_written_by_plugin(doc.site.generated_folders, at) for at in places):
                    continue  # a page a plugin of the site writes there (a plugin writes pages, not markdown files)
                if doc.site is not None and _listing_page(doc, path):
                    continue  # a blog's list, tag or archive page, which its plugin writes
                if doc.site is not None and doc.site.generator == "hugo" and _made_by_content_adapter(doc, path):
                    continue  # a page a content adapter (`_content.gotmpl`) makes from data
                if doc.site is not None and written.startswith("/") and doc.site.serves_route_root(written):
                    continue  # `/docs/v4/`, a docs version's route, served by its doc with `slug: /`
                if doc.site is not None and written.startswith("/") and doc.site.made_by_eleventy_template(written):
                    continue  # an Eleventy page of another template language (`feeds/articles.njk`)
                if doc.site is not None and written.startswith("/") and doc.site.eleventy_computes_urls(written):
                    continue  # under a folder whose pages' URLs the site's own filter computes (`getBlogSlug`)
                if doc.site is not None and doc.site.versions_beside and _VERSION_PATH.match(written):
                    continue  # `/4.1`: another version of the docs, which mike deploys beside this one
                if in_unfetched_submodule(doc, path, roots):
                    continue  # in a submodule the checkout has not fetched: cannot be checked
                if doc.site is not None and written.startswith("/") and doc.site.filled_by_another_step(written):
                    continue  # under a folder Jekyll's `keep_files` names: another build step fills it
                if leads_to_another_site(doc, path, roots):
                    continue  # outside the path the site is published under: another site of the host
                if written_by_build_step(doc, path, roots):
                    continue  # a page a build step writes, kept out of git by a `.gitignore`
                yield doc.diagnostic(f"link target {path!r} not found{case_hint(doc, path)}", link.url_start, max(link.url_end, link.url_start + 1))
        for ref in hugo_refs(doc):
            if resolve_hugo_ref(doc, ref.target, roots, ref.language) is None and not hugo_ref_written_by_build_step(doc, ref.target, roots, ref.language):
                if hugo_ref_in_unfetched_content(doc, ref.target):
                    continue  # a page of content mounted from a submodule the checkout has not fetched
                if doc.site is not None and _ref_made_by_content_adapter(doc, ref.target) and not hugo_ref_namesakes(doc, ref.target, ref.language):
                    continue  # a page a content adapter (`_content.gotmpl`) makes from data
                if doc.site is not None and ref.target.startswith("/") and _written_by_plugin(doc.site.generated_folders, ref.target):
                    continue  # a taxonomy's page or a term's (`/series/夕拾花/`), which Hugo writes
                if doc.site is not None and ref.target.startswith("/") and doc.site.filled_by_another_step(ref.target):
                    continue  # `/latest/packages` in `content/latest/`, which the build script copies from a version
                namesakes = hugo_ref_namesakes(doc, ref.target, ref.language)
                if namesakes:
                    message = f"Hugo ref target {ref.target!r} is ambiguous: {len(namesakes)} pages have that name ({', '.join(namesakes[:3])})"
                else:
                    message = f"Hugo ref target {ref.target!r} not found"
                yield doc.diagnostic(message, ref.start, ref.end)


# Logseq's labelled references: a block's `((uuid))`, a page's `[[name]]`; a page that does
# not exist yet is made, empty, when a reference names it.
_LOGSEQ_REFERENCE = lazy(r"\(\([^()\n]+\)\)|\[\[[^\]\n]+\]\]")
# A version's folder at the site's root, as mike names them: `/4.1`, `/v2.0.3/guide/`.
_VERSION_PATH = lazy(r"/v?\d+(?:\.\d+){0,3}(?:/|$)")
# A link target written as a constant's name (`ENGLISH_VERSION_URL`, `DOWNLOAD_LINK`), or as a
# variable the build replaces (Writerside's `%kotlinLatestUrl%`).
_PLACEHOLDER = lazy(r"[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+|%[A-Za-z_][\w.-]{2,}%")


def _site_path(doc, path: str) -> str:
    """A relative link read against the page's URL where the generator gives one
    (`../../category/x` from a Docusaurus doc); the path itself otherwise."""
    return path if path.startswith("/") else site_path_from_page_url(doc, path) or path


def _decoded(url: str) -> str:
    """A destination with its character references read, as CommonMark reads them:
    `m&#97;ilto:hi&#64;example.org` (written so against address harvesters) is a mailto link."""
    return html.unescape(url) if "&" in url else url


def _source_file(path: str) -> bool:
    return path.split("#")[0].split("?")[0].lower().endswith((".md", ".markdown"))


def _written_by_plugin(folders, path: str) -> bool:
    """Whether a plugin writes the page: anything under a folder it fills, or, for `folder/*`,
    a page right under the folder (`/category/web/`, one per category). Case is ignored: the
    generated pages' paths are kept lower-case."""
    path = path.split("#")[0].split("?")[0].strip("/").lower()
    for folder in map(str.lower, folders):
        if folder.endswith("/*"):
            base = folder[:-2]
            if within(path, base) and "/" not in path[len(base) :].strip("/"):
                return True
        elif within(path, folder):
            return True
    return False


def _made_by_content_adapter(doc, path: str) -> bool:
    """A site path under a section whose pages Hugo's content adapter writes: a
    `_content.gotmpl` in that section's folder, in any content root (a language's too). Asked
    once per path and document, like `resolve`: a page may link one target 50,000 times."""
    answers = doc.memo("content-adapter-paths", dict)
    if path not in answers:
        site = doc.site
        parts = [part for part in path.split("#")[0].split("?")[0].strip("/").split("/") if part]
        if parts and parts[0].lower() in site.languages:
            parts = parts[1:]
        answers[path] = any(
            exists_as_dependency(os.path.join(site.root, content, *parts[:depth], "_content.gotmpl"))
            for content in site.content
            for depth in range(len(parts) + 1)
        )
    return answers[path]


def _ref_made_by_content_adapter(doc, target: str) -> bool:
    """`_made_by_content_adapter` for a Hugo ref: a path from the content root, or one read from
    the page's own section (`{{< relref "mastery/" >}}` in `bibliotek/art-fear/index.md`)."""
    path = target.split("#")[0]
    if path.startswith("/"):
        return _made_by_content_adapter(doc, path)
    if doc.file is None or doc.site is None:
        return False
    adapter = _content_adapter(doc.site.root, doc.site.content) if "/" not in path.rstrip("/") else None
    if adapter is not None:
        exists_as_dependency(adapter)  # recorded: the answer holds while that adapter is there
        return True  # looked up by its name across the site: a page an adapter makes may have it
    file = os.path.abspath(str(doc.file))
    folder = os.path.dirname(os.path.dirname(file) if os.path.basename(file).lower().split(".")[0] == "index" else file)
    for content in doc.site.content:
        root = os.path.abspath(os.path.join(doc.site.root, content))
        if within(folder, root):
            section = os.path.relpath(folder, root).replace(os.sep, "/")
            return _made_by_content_adapter(doc, "/" + ("" if section == "." else section + "/") + path)
    return False


@lru_cache(maxsize=16)
def _content_adapter(root: str, contents: tuple[str, ...]) -> str | None:
    """The first content adapter (`_content.gotmpl`) in a content folder of the site, if any."""
    for content in contents:
        for directory, subfolders, names in os.walk(os.path.join(root, content)):
            subfolders[:] = sorted(name for name in subfolders if not name.startswith("."))
            if "_content.gotmpl" in names:
                return os.path.join(directory, "_content.gotmpl")
    return None


# The pages a Docusaurus blog writes under its route besides its posts.
_LISTING_PARTS = frozenset({"tags", "archive", "page", "authors"})


def _listing_page(doc, path: str) -> bool:
    """A site path to a page a plugin lists others at (`/blog`), or to its tag, archive, author
    and numbered pages (`/blog/tags/x`, `/blog/page/2`)."""
    wanted = _without_language(doc, path.split("?")[0]).strip("/")
    for listing in doc.site.listing_pages:
        rest = wanted[len(listing) :].lstrip("/") if not listing or within(wanted, listing) else None
        if rest is not None and (rest == "" or rest.split("/", 1)[0] in _LISTING_PARTS):
            return True
    return False


def _found_by_render_hook(doc, path, roots) -> bool:
    """What a Hugo link render hook may find: a word with no path in it is the hook's own
    keyword (`[term](g)` for a glossary entry), and a relative page path is looked up from the
    content root too (GetPage), not only beside the page. GetPage joins the path (Go's
    path.Join), which drops a trailing slash: `customize-installation.md/` is that page."""
    if "/" not in path and "." not in path:
        return True
    page = path.rstrip("/")
    if page != path and page.lower().endswith((".md", ".markdown")):
        return resolve(doc, page, roots) is not None or _found_by_get_page(doc, page, roots)
    return _found_by_get_page(doc, path, roots)


def _found_by_get_page(doc, path, roots) -> bool:
    """A relative page path that GetPage finds from the content root, not only beside the page,
    or from the page's place in Hugo's tree (`_get_page_beside`)."""
    return (not path.startswith(("/", ".")) and _is_page_path(doc, "/" + path, roots)) or _get_page_beside(doc, path)


_PAGE_FILES = ("{}.md", "{}.markdown", "{}/index.md", "{}/_index.md", "{}/index.markdown", "{}/_index.markdown")


def _get_page_beside(doc, path: str) -> bool:
    """Whether GetPage finds a relative path (`./other.md`, `../cloud/x.md`) from the folder the
    page's path lies in: a bundle's (`homelab/index.md`) is the folder that holds the bundle.
    With `.md` or without it names a page file, a leaf bundle or a section."""
    if doc.file is None or not path or path.startswith("/"):
        return False
    folder = doc.file.parent.parent if doc.file.stem.lower() in ("index", "_index") else doc.file.parent
    target = os.path.normpath(os.path.join(folder, path.rstrip("/")))
    stem, suffix = os.path.splitext(target)
    stem = stem if suffix.lower() in (".md", ".markdown") else target
    return any(exists_as_dependency(pattern.format(stem)) for pattern in _PAGE_FILES)


def _without_language(doc, path: str) -> str:
    """A site path without its leading language folder (`/es/tags/x/` is `tags/x/` in Spanish):
    the generator makes the same pages for each language of the site."""
    head, _, rest = path.lstrip("/").partition("/")
    languages = doc.site.languages if doc.site is not None else ()
    return rest if rest and head.lower() in languages else path.lstrip("/")


def _is_page_path(doc, path, roots) -> bool:
    """A site path to a page (not a file with a media or document suffix) that names a known
    page; a relative one read against the page's own URL where the generator gives it."""
    # `../b/` from a page served at /conduct/, and `./b.html`, a post beside it under the same
    # permalink folder; not `docs/b/` nor `./docs/b`, read under the page's file
    # (a Docusaurus doc's link without `.md` is always a URL, however deep: `./connect/redis`, `icla`)
    beside = path.startswith("./") and "/" not in path[2:].rstrip("/")
    # `friend-links/` on a Zola or Hugo page: a page beside it, by its address, read against
    # the page's URL (not `blog/2012/02/15/x/`, a site path without its first `/`)
    folder_url = path.endswith("/") and "/" not in path.rstrip("/") and doc.site is not None and doc.site.generator in ("zola", "hugo")
    if path.startswith("../") or beside or folder_url or (_links_by_url(doc) and not path.startswith("/")) or _bare_name_by_url(doc, path):
        path = _site_path(doc, path)
    elif doc.site is not None and doc.site.root_base and not path.startswith(("/", "./")):
        path = "/" + path  # `<base href="{{ .Site.BaseURL }}">`: `postgres/functionsandoperators/` is read from the root
    last = path.rstrip("/").rsplit("/", 1)[-1]
    # `/2019/09/02/coverage.py/` is a folder's page (a permalink made of a title), not a file
    suffix = last.rsplit(".", 1)[-1].lower() if "." in last and not path.endswith("/") else ""
    if suffix in ("html", "htm"):  # a page at its rendered name (Hugo's uglyURLs, Jekyll's default)
        path, suffix = path[: -len(suffix) - 1], ""
        folder, _, name = path.rpartition("/")
        if name.lower() == "index" and path.startswith("/") and folder.strip("/").lower() in ("", *(doc.site.languages if doc.site else ())):
            return True  # `/index.html`, `/de/index.html`: the home page, which every generator writes
    if path.startswith("/"):
        return suffix not in _FILE_SUFFIXES and is_known_page(doc, path, roots)
    # `blog/starter-kit.html` from /faq, `cockpit-277` from /blog/login-issues.html: a post's
    # address (Jekyll's `blog/:slug.html`) read against the page's URL, naming a known page
    by_url = _site_path(doc, path)
    if not by_url.startswith("/") or doc.site is None or doc.site.generator not in ("jekyll", "hexo"):
        return False
    if (shaped_like_a_post(doc, by_url) or shaped_like_a_document(doc, by_url)) and is_known_page(doc, by_url, roots):
        return True  # ... or `Anti-Features` from /docs/: a document of the collection served at /docs/:title/
    # `9.html` from /writing/jona/: the page whose `permalink` is /writing/jona/9.html
    return names_a_written_address(doc, by_url, roots)


def _bare_name_by_url(doc, path: str) -> bool:
    """`passive-mode` from a page of a Hugo site whose permalinks gather nested sections under
    some of them (`/:sections[:2]/:slugorfilename`): pages of different folders are siblings
    by URL. (Elsewhere a bare name is read under the page's file only: page names are matched
    by their last segment, and any page called `test` would answer `test.html`.)"""
    site = doc.site
    if site is None or site.generator != "hugo" or "/" in path.rstrip("/") or path.startswith((".", "/")):
        return False
    return any(":sections[" in pattern for _, pattern in site.permalinks)


def _links_by_url(doc) -> bool:
    return doc.site is not None and doc.site.generator == "docusaurus"


_FILE_SUFFIXES = {
    "png", "jpg", "jpeg", "gif", "svg", "webp", "avif", "bmp", "ico", "pdf", "zip", "gz", "tgz", "csv",
    "tsv", "json", "xml", "txt", "md", "rmd", "html", "htm", "js", "css", "mp4", "webm", "mp3", "ogg",
    "wav", "ipynb", "r", "py", "docx", "xlsx", "pptx", "ics", "bib", "tex", "yaml", "yml", "toml",
}
