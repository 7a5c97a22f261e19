"""Whether the body of a paired Hugo or Zola shortcode is markdown.

With `{{< name >}}…{{< /name >}}` Hugo hands the body to the shortcode's template as it is
(`.Inner`); it becomes markdown only if the template renders it so (`.Inner | markdownify`,
`.Inner | .Page.RenderString`, `.InnerDeindent | markdownify`). Diagram, chart and TeX
shortcodes read it as data instead (`transform.Unmarshal`, `jsonify`, the text of a
`<div class="mermaid">`), and no reader sees it as prose. (`{{% name %}}` bodies are markdown
whatever the template does: Hugo renders the shortcode's output as markdown.)

The template is looked for where Hugo finds it: the site's `layouts/`, then each theme's under
`themes/`, then vendored modules under `_vendor/`, in `shortcodes/` or `_shortcodes/` (Hugo 0.146
and later). A template that passes the body on to a partial (`dict "Inner" .Inner | partial
"plugin/echarts.html"`) is followed into that partial. When no template is in the site (a theme
imported as a Hugo module and not vendored), the site model's list of shortcodes known to read
their body as data (rules/sites.toml `verbatim-shortcodes`, and `[site] verbatim-shortcodes`)
decides; otherwise the body is markdown, as it was taken before.

Reading a template is a small data-flow over its actions (`{{ … }}`): the body and the
variables assigned from it are followed; one passed to `markdownify` or `RenderString` makes
the body markdown; a variable assigned from `transform.Unmarshal` of it holds data, and what is
read from that data (a timeline's event texts) is the data's, not the body's.

Zola hands a body shortcode's body (`{% name() %}…{% end %}`) to its template as `body`; an
HTML template renders it as markdown only through the `markdown` filter (`{{ body | markdown
| safe }}`); one that loads it as data (`load_data(literal=body)`) or writes it out as it is
(JavaScript in a `<script>`) does not. A markdown template (`name.md`) puts it in the page's
markdown.
"""

from __future__ import annotations

import os
import re
from functools import lru_cache
from typing import TYPE_CHECKING

from artlint import dependencies
from artlint.lazyre import lazy
from artlint.sites import read_start

if TYPE_CHECKING:
    from artlint.sites import Site

_ACTION = lazy(r"\{\{-?(.*?)-?\}\}", re.S)
_COMMENT = lazy(r"\{\{-?\s*/\*.*?\*/\s*-?\}\}", re.S)
_ASSIGNMENT = lazy(r"^\s*(?:(?:range|with|if)\s+)?(?:\$(\w+)\s*,\s*)?\$(\w+)\s*:?=(?!=)")
_VARIABLE = lazy(r"\$(\w+)")
_RENDERS = lazy(r"\bmarkdownify\b|\bRenderString\b")
_DATA = lazy(r"\b(?:transform\.)?[Uu]nmarshal\b")
_PARTIAL = lazy(r"""\bpartial(?:Cached)?\s+["`]([^"`]+)["`]""")
# The body passed on in a map: `dict "Inner" .Inner`, `"content" .InnerDeindent`.
_PASSED_AS = lazy(r"""["`](\w+)["`]\s+\$?\.Inner(?:Deindent)?\b""")
_MAX_TEMPLATE_BYTES = 256 * 1024
_MAX_DEPTH = 3  # partials followed from a shortcode's template
_VENDOR_DEPTH = 6  # `_vendor/github.com/owner/theme/layouts`


def body_is_markdown(site: "Site", name: str) -> bool:
    """Whether the site renders the body of `{{< name >}}…{{< /name >}}` as markdown."""
    verdict, templates = _verdict(site.root, name.lower(), frozenset(site.verbatim_shortcodes))
    for path in templates:
        dependencies.record("stat", path, dependencies.signature_of(path))
    return verdict


@lru_cache(maxsize=1024)
def _verdict(root: str, name: str, verbatim: frozenset[str]) -> tuple[bool, tuple[str, ...]]:
    """(whether the body is markdown, the template files that tell)."""
    template = _find(root, ("_shortcodes", "shortcodes"), name)
    if template is None:
        return name not in verbatim, ()
    read: list[str] = []
    rendered = _renders_inner(root, template, ("Inner", "InnerDeindent"), read, 0)
    return (True if rendered is None else rendered), tuple(read)


def _renders_inner(root: str, path: str, fields: tuple[str, ...], read: list[str], depth: int) -> bool | None:
    """Whether the template at `path` renders its body (`.Inner`, or the map fields `fields`
    that hold it) as markdown; None when it cannot be told (a partial that is not in the site)."""
    read.append(path)
    text = read_start(path, _MAX_TEMPLATE_BYTES)
    actions = [match.group(1) for match in _ACTION.finditer(_COMMENT.sub("", text))]
    tainted: set[str] = set()
    data: set[str] = set()
    field_pattern = re.compile(r"(?<![\w$])\$?\.(?:" + "|".join(re.escape(field) for field in fields) + r")\b")
    unknown = False

    def holds_body(action: str) -> bool:
        if field_pattern.search(action):
            return True
        return any(variable in tainted and variable not in data for variable in _VARIABLE.findall(action))

    for action in actions:
        carries = holds_body(action)
        assigned = _ASSIGNMENT.match(action)
        if assigned and carries:
            names = [group for group in assigned.groups() if group]
            (data if _DATA.search(action) else tainted).update(names)
        if carries and _RENDERS.search(action):
            return True
        for partial in _PARTIAL.findall(action):
            passed = tuple(dict.fromkeys(_PASSED_AS.findall(action)))
            whole = re.search(r"""["`]\s+(?:\$|\.)\s*(?:\)|$)""", action) is not None  # `partial "x" .`
            if not passed and not whole:
                continue
            if depth >= _MAX_DEPTH:
                unknown = True
                continue
            found = _find(root, ("_partials", "partials"), partial)
            if found is None:
                unknown = True
                continue
            verdict = _renders_inner(root, found, passed or fields, read, depth + 1)
            if verdict:
                return True
            if verdict is None:
                unknown = True
    # The body never rendered as markdown: read as data, written out as it is, or not used.
    return None if unknown else False


def zola_body_is_markdown(site: "Site", name: str) -> bool:
    """Whether the site renders the body of `{% name() %}…{% end %}` as markdown."""
    verdict, template = _zola_verdict(site.root, name)
    if template:
        dependencies.record("stat", template, dependencies.signature_of(template))
    return verdict


_ZOLA_RENDERS = lazy(r"\bbody\b[^}%]*?\|\s*markdown\b")


@lru_cache(maxsize=1024)
def _zola_verdict(root: str, name: str) -> tuple[bool, str]:
    """(whether the body is markdown, the template that tells, "" when none is found)."""
    folders = [os.path.join(root, "templates", "shortcodes")]
    themes = os.path.join(root, "themes")
    try:
        folders += [os.path.join(themes, theme, "templates", "shortcodes") for theme in sorted(os.listdir(themes))]
    except OSError:
        pass
    for folder in folders:
        for suffix in (".md", ".html"):
            path = os.path.join(folder, name + suffix)
            if os.path.isfile(path) and not os.path.islink(path):
                return suffix == ".md" or _ZOLA_RENDERS.search(read_start(path, _MAX_TEMPLATE_BYTES)) is not None, path
    return True, ""  # no template here: read as markdown, as it was taken before


def _find(root: str, kinds: tuple[str, ...], name: str) -> str | None:
    """The first `layouts/<kind>/<name>.html` (`name` as given when it has a suffix) of the
    site, its themes and its vendored modules."""
    name = name.strip("/")
    candidates = [name] if name.endswith((".html", ".htm")) else [f"{name}.html", f"{name}.html.html"]
    for layouts in _layout_folders(root):
        for kind in kinds:
            for candidate in candidates:
                path = os.path.join(layouts, kind, *candidate.split("/"))
                if os.path.isfile(path) and not os.path.islink(path):
                    return path
    return None


@lru_cache(maxsize=16)
def _layout_folders(root: str) -> tuple[str, ...]:
    """The site's `layouts/`, its themes' (`themes/*/layouts/`) and its vendored modules'
    (`_vendor/**/layouts/`), in the order Hugo looks."""
    folders = [os.path.join(root, "layouts")]
    themes = os.path.join(root, "themes")
    try:
        folders += [os.path.join(themes, theme, "layouts") for theme in sorted(os.listdir(themes))]
    except OSError:
        pass
    vendor = os.path.join(root, "_vendor")
    if os.path.isdir(vendor) and not os.path.islink(vendor):
        for current, subfolders, _ in os.walk(vendor):
            depth = os.path.relpath(current, vendor).count(os.sep)
            if "layouts" in subfolders:
                folders.append(os.path.join(current, "layouts"))
            subfolders[:] = [] if depth >= _VENDOR_DEPTH else sorted(name for name in subfolders if name not in ("layouts", "node_modules", ".git"))
    return tuple(folder for folder in folders if os.path.isdir(folder))


def clear_caches() -> None:
    _verdict.cache_clear()
    _layout_folders.cache_clear()
