import os
import posixpath
import re

from artlint.findings import Severity
from artlint.globs import glob_set
from artlint.lazyre import lazy
from artlint.localfiles import (
    case_hint,
    exists_as_dependency,
    hexo_post_asset,
    in_unfetched_submodule,
    is_local,
    link_target,
    read_from_unknown_pages,
    resolve,
    split_target,
    written_by_build_step,
)
from artlint.network.probes import url_probes
from artlint.rules import NetworkRule
from artlint.rules.link.target_missing import IGNORE_OPTION, ROOTS_OPTION

# Hugo's built-in image shortcodes: `{{< figure src="a.png" >}}`, `{{< img src=a.png >}}`.
_IMAGE_SHORTCODE = lazy(r"""\{\{[<%]\s*(figure|img|image)\b[^\n]{0,1000}?\bsrc\s*=\s*(?:"([^"\n]*)"|'([^'\n]*)'|([^\s"'>%}]+))""")


def shortcode_images(text: str):
    """(start, end, URL) of the sources of Hugo's figure and image shortcodes."""
    for start, end, url, _ in shortcode_image_sources(text):
        yield start, end, url


def shortcode_image_sources(text: str):
    """(start, end, URL, the shortcode's name) of the sources of Hugo's figure and image shortcodes."""
    if "{{" not in text:
        return
    for match in _IMAGE_SHORTCODE.finditer(text):
        group = next(number for number in (2, 3, 4) if match.group(number) is not None)
        yield match.start(group), match.end(group), match.group(group), match.group(1)


# A page's source or the page itself as an image's source (`![diagram](arch.md)`): a link
# written with `!` by mistake, or an export that lost its image.
_PAGE_SUFFIX = lazy(r"\.(?:md|markdown|mdx|html?|php|aspx?)$", re.I)


# Hexo's `{% asset_img [class] slug [width] [height] [title [alt]] %}` (`asset_image` too).
_HEXO_ASSET_IMAGE = lazy(r"\{%-?\s*asset_im(?:g|age)[ \t]+([^\n%]{1,1000}?)\s*-?%\}")
_TAG_ARGUMENT = lazy(r"\"([^\"\n]*)\"|'([^'\n]*)'|(\S+)")
_FILE_NAME = lazy(r"[^/\s]\.[A-Za-z0-9]{2,5}$")


def _missing_post_assets(doc):
    """(start, end, name) of each `{% asset_img %}` of a Hexo post none of whose arguments
    names a file of the post's asset folder: Hexo looks every argument up there and renders
    nothing when none is found. Reported at the argument that looks like a file name."""
    for tag in _HEXO_ASSET_IMAGE.finditer(doc.text):
        if doc.in_code(tag.start()):
            continue
        arguments = [
            (argument.start(group), argument.end(group), argument.group(group))
            for argument in _TAG_ARGUMENT.finditer(tag.group(1))
            for group in (1, 2, 3)
            if argument.group(group) is not None
        ]
        names = [name for _, _, name in arguments]
        if any("{{" in name or "://" in name or name.startswith("/") for name in names):
            continue  # a template's value or a URL: not the post's asset folder's to say
        if any(hexo_post_asset(doc, name) is not None for name in names if name):
            continue
        offset = tag.start(1)
        named = next(((start, end, name) for start, end, name in arguments if _FILE_NAME.search(name)), None)
        if named is not None:
            start, end, name = named
            yield offset + start, offset + end, name


# A path on the writer's own disk, left by an editor that saved pictures locally (Typora):
# a Windows drive (`D:\Photos\a.jpg`, `C:/Users/…`), a `file:` URL.
_AUTHORS_DISK = lazy(r"(?:[A-Za-z]:[\\/]|file:/)", re.I)
# An application's own scheme (`leanote://file/…`, `evernote:///view/…`, Obsidian's `app://`):
# a note-taking app's image, pasted with the note. Browsers load images over the web's schemes
# only; `file:` is the author's disk (above), `javascript:` in an image a security demo's.
_APP_SCHEME = lazy(r"([a-z][a-z0-9+.-]{1,31}):", re.I)
_NOT_APPLICATIONS = frozenset({"http", "https", "data", "ftp", "file", "javascript", "vbscript"})


def _in_hexo_posts(doc) -> bool:
    """A Hexo post or draft, whose assets Hexo keeps in a folder beside it."""
    parts = os.path.normpath(doc.file).split(os.sep)
    return "_posts" in parts or "_drafts" in parts


class ImageUnreachable(NetworkRule):
    """An image that cannot be loaded: a missing local file, or a remote image that is broken.

    ## What it finds
    Offline: markdown and HTML images, and on Hugo sites the sources of `figure` and `img`
    shortcodes, and on a Hexo site with `post_asset_folder: true` the images that a post's
    `{% asset_img %}` tags name (none of the tag's arguments a file of the post's asset folder:
    Hexo then renders nothing), whose local source is not on disk (but not under a folder
    Jekyll's `keep_files` names, which another step of the build fills), resolved like `link-target-missing` (the
    article's folder and page bundle, then the `roots` for `/site/paths`; not in a git
    submodule the checkout has not fetched, which cannot be checked, nor where a `.gitignore`
    keeps it out of the repository as `link-target-missing` reads one: `images` at the root of a
    plain folder of pages, whose build brings the pictures; on a Hexo site whose
    hexo-renderer-marked writes a markdown image's relative path from the root, `prependRoot`,
    or on a Jekyll site laid out by Chirpy, whose templates do the same after the page's
    `media_subpath` (`img_path`), from there too; a shortcode whose template passes `src` through `relURL` or
    `absURL`, from the site's root only; a relative source found from the site's root,
    `assets/` or `static/`, is found: themes' image shortcodes fall back to `resources.Get`;
    on a Hugo site whose own, theme's or module's image render hook exists, a site path such as
    `/a.webp` on a bundle's page is found among its resources, where such hooks look first), and images whose source is a file on the writer's
    own disk (`D:\\Photos\\a.jpg`, `C:/Users/…`, `file:///…`: an editor's local copy) or in
    an application (`leanote://file/getImage?…`, `evernote:///view/…`: a note-taking app's
    image pasted with the note; any scheme but http, https, data, ftp and file), and local
    images whose source is a page (`![the diagram](arch.md)`, `.html`, `.php`): a link written
    with `!`, or an export that lost the picture; no browser shows a page in an image's place.
    Online: remote images whose URL is broken in the sense of `link-broken`
    (404, 410, a host that does not exist, a refused connection, a redirect loop...). Images
    that merely could not be verified are `link-unverified`'s; images that answer with an HTML
    page are `image-not-image`'s.

    ## Why it matters
    A missing image leaves a broken-picture icon and its alt text in the middle of the article.
    Imported articles hot-link images from hosts that died years ago, or reference images that
    were never copied.

    ## Example

        ![The detector array](images/detector.jpg)

    reports `image 'images/detector.jpg' not found` when the file is not in the article's folder
    (naming `Images/detector.jpg` when that exists: a web server tells letter case apart);
    `![chart](https://img.example.net/2015/chart.png)` reports `broken image: 404 Not Found`.
    """

    name = "image-unreachable"
    family = "image"
    severity = Severity.ERROR
    options = {"roots": ROOTS_OPTION, "ignore": IGNORE_OPTION}

    def check(self, doc, options):
        if doc.file is None:
            return
        ignored = glob_set(tuple(options["ignore"]))
        for link in doc.links:
            if link.is_image and link.kind != "reference" and _AUTHORS_DISK.match(link.url.strip()):
                where = link.url.strip()
                message = f"image '{where}' is a file on the author's disk: no reader can load it"
                yield doc.diagnostic(message, link.url_start, max(link.url_end, link.url_start + 1))
                continue
            app = _app_scheme(link.url) if link.is_image and link.kind != "reference" else ""
            if app:
                message = f"image '{link.url.strip()}' is in an application ({app}:), not on the web: no browser can load it"
                yield doc.diagnostic(message, link.url_start, max(link.url_end, link.url_start + 1))
                continue
            if not link.is_image or link.kind == "reference" or not is_local(link.url):
                continue
            path, _ = link_target(link)
            if not path or ignored.match(path.lstrip("/")) or read_from_unknown_pages(doc, path):
                continue
            if _PAGE_SUFFIX.search(path):
                message = f"image {path!r} is a page, not an image: no browser shows it in an image's place"
                yield doc.diagnostic(message, link.url_start, max(link.url_end, link.url_start + 1))
                continue
            if doc.site is not None and path.startswith("/") and doc.site.filled_by_another_step(path):
                continue  # `/image/a.png` with `keep_files: [image]`: another step of the build puts it there
            if resolve(doc, path, options["roots"]) is None and not in_unfetched_submodule(doc, path, options["roots"]):
                if _written_from_root(doc, link, path) and resolve(doc, posixpath.normpath(_media_subpath(doc) + "/" + path), options["roots"]) is not None:
                    continue  # hexo-renderer-marked's prependRoot, Chirpy's templates: `images/a.png` is /images/a.png
                if _under_image_prefix(doc, path, options["roots"]):
                    continue  # Chirpy's `img_cdn: /assets/img`: `/2024/a.png` is /assets/img/2024/a.png
                if _bundle_resource_by_hook(doc, path):
                    continue  # the theme's image render hook finds `/a.webp` among the page's resources
                if _asset_by_hook(doc, link, path, options["roots"]):
                    continue  # the theme's image render hook finds `a.png` among the site's assets (`resources.Get`)
                if written_by_build_step(doc, path, options["roots"]):
                    continue  # `/images/a.webp` where the `.gitignore` keeps `images` out: a build step brings it
                yield doc.diagnostic(f"image {path!r} not found{case_hint(doc, path)}", link.url_start, max(link.url_end, link.url_start + 1))
        # Hugo expands shortcodes in the pages it renders (in code blocks too); in a repository's
        # README, which GitHub shows, `{{< figure >}}` is text.
        if doc.site is not None and doc.site.generator == "hugo" and not (doc.page is not None and doc.page.kind == "repository"):
            for start, end, url, name in shortcode_image_sources(doc.text):
                path, _ = split_target(url)
                if name in doc.site.root_shortcodes and not path.startswith("/"):
                    path = "/" + path  # its template writes `src | relURL`: from the site's root
                if is_local(url) and path and not ignored.match(path.lstrip("/")) and resolve(doc, path, options["roots"]) is None:
                    if not path.startswith("/") and resolve(doc, "/" + path, options["roots"]) is not None:
                        continue  # a theme's shortcode that falls back to `resources.Get`: assets/images/a.jpg
                    if not in_unfetched_submodule(doc, path, options["roots"]):
                        yield doc.diagnostic(f"image {path!r} not found", start, end)

        if doc.site is not None and doc.site.generator == "hexo" and doc.site.post_asset_folder and _in_hexo_posts(doc):
            for start, end, name in _missing_post_assets(doc):
                yield doc.diagnostic(f"image {name!r} not found in the post's asset folder", start, end)

    def probes(self, doc, options):
        return [probe for probe in url_probes(doc) if probe.target.kind == "image"]

    def judge(self, probe, outcome, options):
        if outcome.state == "broken":
            return f"broken image: {outcome.reason}"
        return None


def _app_scheme(url: str) -> str:
    """The scheme of an image URL that only an application reads (`leanote`), "" for others."""
    match = _APP_SCHEME.match(url.strip())
    return match.group(1).lower() if match and match.group(1).lower() not in _NOT_APPLICATIONS else ""


def _written_from_root(doc, link, path: str) -> bool:
    """A markdown image's relative path that the site's renderer writes from the site's root."""
    return doc.site is not None and doc.site.images_from_root and link.kind != "html" and not path.startswith("/")


def _under_image_prefix(doc, path: str, roots) -> bool:
    """Whether the image is found where Chirpy's templates send every source without `//`:
    after the site's image folder (`img_cdn`) and the page's `media_subpath`."""
    prefix = doc.site.image_prefix if doc.site is not None else ""
    return bool(prefix) and resolve(doc, posixpath.normpath(f"{prefix}/{_media_subpath(doc)}/{path}"), roots) is not None


def _media_subpath(doc) -> str:
    """The folder a Jekyll page's front matter puts its relative images in (Chirpy's
    `media_subpath`, `img_path` before Chirpy 7), from the site's root; "" for none."""
    if doc.site is None or doc.site.generator != "jekyll" or doc.front_matter is None or not isinstance(doc.front_matter.data, dict):
        return ""
    for key in ("media_subpath", "img_path"):
        value = doc.front_matter.data.get(key)
        if isinstance(value, str) and value.strip() and "://" not in value:
            return "/" + value.strip().strip("/")
    return ""


def _asset_by_hook(doc, link, path: str, roots) -> bool:
    """Whether a Hugo image render hook that falls back to `resources.Get` finds a markdown
    image among the site's assets (`a.png` is `assets/a.png`, from any page)."""
    return doc.site is not None and doc.site.images_from_assets and link.kind != "html" and resolve(doc, "/" + path.lstrip("/"), roots) is not None


def _bundle_resource_by_hook(doc, path: str) -> bool:
    """Whether a Hugo image render hook of the site or its theme finds the image among the
    page's resources: hooks look `/a.webp` up there first (`.Resources.GetMatch` with the
    leading `/` trimmed), before the site's static files. Only a bundle's page has resources."""
    site, file = doc.site, doc.file
    if site is None or file is None or not site.image_render_hook or not path.startswith("/"):
        return False
    if not file.name.lower().startswith(("index.", "_index.")):
        return False
    return exists_as_dependency(os.path.join(os.path.dirname(str(file)), *path.strip("/").split("/")))
