"""The ids a site's own templates write into its pages (`<h2 id="comment-form">` in Zola's
`templates/page.html`): a link to `#comment-form` from a page that template renders is no
broken fragment, though the markdown has no such heading.

Only literal ids count (`id="x"`, not `id="{{ slug }}"`), read from the template folders of
the site's generator and its themes (Eleventy's includes and layouts folders, Astro's
components), a few hundred
files at most.
"""

from __future__ import annotations

import os
import re
from functools import lru_cache

from artlint.lazyre import lazy
from artlint.sites import Site, read_small_file

# Template folders by generator, relative to the site's root; `*` is each theme's folder.
_TEMPLATE_FOLDERS = {
    "zola": ("templates", "themes/*/templates"),
    "hugo": ("layouts", "themes/*/layouts"),
    "jekyll": ("_layouts", "_includes"),
    "hexo": ("themes/*/layout",),
    "astro": ("src/layouts", "src/components", "src/pages"),  # `<section id="comments">` in a route or layout component
}
_TEMPLATE_SUFFIXES = (".html", ".htm", ".ejs", ".njk", ".liquid", ".swig", ".pug", ".astro")
_MOST_FILES = 400
_LITERAL_ID = lazy(r"""\bid\s*=\s*["']([A-Za-z][\w:.-]*)["']""")


def template_id_files(site: Site | None) -> dict[str, str]:
    """Each literal id of the site's templates, lower case, with the file that writes it."""
    if site is None:
        return {}
    if site.generator == "eleventy":  # its includes and layouts folders, where its configuration puts them
        return _ids(site.root, site.template_folders)
    if site.generator not in _TEMPLATE_FOLDERS:
        return {}
    return _ids(site.root, _TEMPLATE_FOLDERS[site.generator])


@lru_cache(maxsize=16)
def _ids(root: str, patterns: tuple[str, ...]) -> dict[str, str]:
    found: dict[str, str] = {}
    for path in _template_files(root, patterns):
        for match in _LITERAL_ID.finditer(read_small_file(path)):
            found.setdefault(match.group(1).lower(), path)
    return found


def _template_files(root: str, patterns: tuple[str, ...]) -> list[str]:
    files: list[str] = []
    for pattern in patterns:
        for folder in _expand(root, pattern):
            for directory, subfolders, names in os.walk(folder):
                subfolders[:] = sorted(name for name in subfolders if not name.startswith("."))
                files += [os.path.join(directory, name) for name in sorted(names) if name.endswith(_TEMPLATE_SUFFIXES)]
                if len(files) >= _MOST_FILES:
                    return files[:_MOST_FILES]
    return files


def _expand(root: str, pattern: str) -> list[str]:
    """The folders `pattern` names under `root`, `*` standing for each theme (no links out)."""
    head, star, tail = pattern.partition("/*/")
    base = os.path.join(root, head)
    if not star:
        return [base] if os.path.isdir(base) and not os.path.islink(base) else []
    try:
        themes = sorted(name for name in os.listdir(base) if re.fullmatch(r"[\w.-]+", name) and not name.startswith("."))
    except OSError:
        return []
    return [path for name in themes if os.path.isdir(path := os.path.join(base, name, tail)) and not os.path.islink(path)]
