from artlint import data
from artlint.dates import date_problem
from artlint.findings import Severity
from artlint.options import Option, check_type, describe
from artlint.rules import DocumentRule
from artlint.sites import jekyll_terms_read

TYPES = ("string", "list[string]", "boolean", "date", "number", "integer", "list", "table")


class FrontMatterSchema(DocumentRule):
    """A front-matter value of the wrong type.

    ## What it finds
    A key whose value does not have the type the `types` option gives it. By default `title` must
    be a string, `tags` and `categories` lists of strings, and `draft` a boolean. Types:
    `string`, `list[string]`, `boolean`, `date`, `number`, `integer`, `list`, `table`.
    Keys that are absent or empty are not reported (see `front-matter-required`), nor forms the
    site's generator reads as meant: a single term written as a string (`categories: Android`)
    on Jekyll, Hugo, Hexo and Eleventy sites, and in folders no known generator builds (those that
    take it are most of those that may build them), a number as a title on Hugo and Hexo sites, numbers among
    the terms of a list (`tags: [加班, 996]`) on Jekyll, Hugo, Hexo and Docusaurus sites and plain folders, Hexo's
    categories as lists of hierarchies (`categories: [[Diary, Games], [Life]]`), and empty items
    of a list where the build drops them (`tags:` then a lone `- `: Hexo, and VuePress with the
    vdoing theme, whose scaffold writes it), a boolean written as a string or a whole number on a Hugo site
    (`draft = "false"`: Hugo parses it, as Go's `ParseBool` does; `draft: 0` is false there), and on a Jekyll site whose own templates read
    `tags` or `categories` as no list (no loop, count or index of them, no `site.tags`, no
    theme from elsewhere, no plugin that makes pages of terms), a string of them, which shows
    as written (one with spaces, if the templates print it: Jekyll splits it there and prints
    the parts run together). On an MkDocs site, `tags` and `categories` are checked only where
    something reads them (a plugin such as Material's tags or blog, a template of the theme's
    `custom_dir`, a hook): MkDocs itself passes them to the templates unread. Documents of a Jekyll
    collection without `output: true` are not checked: no page is made of them, and layouts
    read their front matter in whatever shape they chose (`title: {ko: …, en: …}`), nor are
    files outside what a configured generator builds (a dev.to cross-posting template under
    `scripts/`, whose `tags: a, b` is that platform's form).

    ## Why it matters
    `tags: go, rust` is one tag named "go, rust"; `draft: "false"` is a non-empty string that some
    generators read as true, so the article never appears; a numeric title breaks templates that
    call string functions on it.

    ## Example

        ---
        title: Notes
        tags: go, rust
        draft: "no"
        ---

    reports `tags` (a string, expected a list of strings) and `draft` (a string, expected a boolean).

    Configure:

        [rules.front-matter-schema.types]
        author = "string"
        weight = "integer"
    """

    name = "front-matter-schema"
    reads_body = False
    family = "front-matter"
    severity = Severity.ERROR
    options = {
        "types": Option(
            "table[string]",
            dict(data.load("front-matter")["schema"]),
            "The type of each key: " + ", ".join(TYPES) + ".",
            choices=TYPES,
        ),
    }

    def check(self, doc, options):
        matter = doc.front_matter
        if matter is None or matter.data is None:
            return
        generator = doc.site.generator if doc.site is not None else None
        drops_empty = doc.site is not None and doc.site.drops_empty_terms
        if doc.site is not None and doc.file is not None and doc.site.data_only(str(doc.file)):
            return  # a document of a Jekyll collection without output: its front matter is the layouts' data
        if doc.outside_the_build:
            return  # a dev.to cross-post template's `tags: a, b`: the other platform's schema, not the generator's
        if generator == "jekyll" and doc.file is not None and isinstance(matter.data, dict):
            listed, printed = jekyll_terms_read(doc.site, str(doc.file), matter.data)  # its templates', its collection's, its layout's
        else:
            listed = doc.site.term_lists if doc.site is not None else ("tags", "categories")
            printed = doc.site.terms_printed if doc.site is not None else ()
        for key, expected in options["types"].items():
            if matter.data.get(key) is None:
                continue  # absent, or `tags:` with nothing: every generator reads it as absent
            if generator == "mkdocs" and key in ("tags", "categories") and key not in listed:
                continue  # no plugin, template or hook of the site reads the key: any shape is passed on unread
            if _generator_accepts(generator, expected, matter.data[key], key, drops_empty):
                if not (generator == "jekyll" and expected == "string" and _shown_otherwise(doc, matter, key)):
                    continue
            if _shown_as_written(key, matter.data[key], listed, printed):
                continue
            value = matter.data[key]
            if drops_empty and isinstance(value, list):
                value = [item for item in value if item is not None]  # dropped by the build: not the problem
            problem = _type_problem(expected, value, generator)
            if problem:
                line, column = matter.value_position(key)
                yield doc.line_diagnostic(f"{key}: {problem}", line, column)


# Documentation generators whose core reads no tags or categories: a theme or the site's own
# pages do, in whatever form they chose.
_READ_BY_THEMES_ONLY = ("mkdocs", "vitepress", "vuepress", "rspress", "nuxt", "astro")  # Astro: the site's own schema


def _generator_accepts(generator, expected, value, key="", drops_empty_terms=False) -> bool:
    """Forms the site's generator reads as meant: one term as a string (`categories: Android`;
    Jekyll, Hugo and Hexo), any form of the top-level `tags` and `categories` of a Zola page (Zola
    reads terms under `[taxonomies]` only and ignores these keys; Eleventy reads `tags: blog` as one
    tag), any form of `categories` on a
    Docusaurus site (its plugins read `tags` only), any string where only the theme reads
    the key (MkDocs, VitePress, VuePress), a number as a title (Hugo, Hexo; Jekyll where
    Liquid prints it as written, `2017` but not `0502`, which Ruby's YAML reads as octal) or as a term of a
    list (`tags: [加班, 996]`: Jekyll, Hugo, Hexo; Docusaurus' validation turns numbers into
    strings; so a folder no known generator builds, as most of those that may build it do), and Hexo's
    categories given as hierarchies (`- [Diary, Games]`, one list per path of categories) and
    empty terms where the build drops them (Hexo, VuePress' vdoing theme), and Jekyll's tags given
    as nested lists (`tags: - []`), which Jekyll flattens."""
    if generator == "zola" and key in ("tags", "categories"):
        return True  # a page's unknown keys are ignored (its sections' fail the build, but have no terms)
    if generator == "hugo" and expected == "boolean" and isinstance(value, str) and value.strip() in _GO_BOOLEANS:
        return True  # `draft = "false"`: Hugo reads the key with cast.ToBool, which parses the string
    if generator == "hugo" and expected == "boolean" and isinstance(value, int) and not isinstance(value, bool):
        return True  # `draft: 0`: cast.ToBool reads a number as whether it is not zero
    if generator == "jekyll" and key == "tags" and isinstance(value, list):
        return all(isinstance(item, str) or _is_number(item) for item in _flattened(value))  # `tags: - []`: Jekyll flattens the list
    if generator == "docusaurus" and key == "categories":
        return True  # the blog and docs plugins read `tags` only; unknown keys pass their validation
    if generator == "hexo" and key == "categories" and isinstance(value, list):
        return all(item is None or isinstance(item, str) or (isinstance(item, list) and all(isinstance(part, str) for part in item)) for item in value)
    if drops_empty_terms and expected == "list[string]" and isinstance(value, list) and None in value:
        return all(item is None or isinstance(item, str) or _is_number(item) for item in value)  # the build drops them
    if expected == "list[string]" and isinstance(value, str):
        if generator in _READ_BY_THEMES_ONLY:
            return True
        # A folder no known generator builds: the generators that take one term as a string
        # (Jekyll, Hugo, Hexo, Eleventy) are most of those that may build it.
        return "," not in value and "，" not in value and generator in ("jekyll", "hugo", "hexo", "eleventy", "plain")
    if expected == "string" and _is_number(value):
        return generator in ("hugo", "hexo", "jekyll")  # Liquid prints `title: 2017` as 2017
    if expected == "list[string]" and isinstance(value, list) and all(isinstance(item, str) or _is_number(item) for item in value):
        # `tags: [加班, 996]`: each term is read as text (and by most of those that may build a plain folder)
        return generator in ("jekyll", "hugo", "hexo", "docusaurus", "plain", "astro")
    return False


def _shown_otherwise(doc, matter, key: str) -> bool:
    """Whether a number's value is not what the front matter writes: Ruby's YAML reads
    `title: 0502` as the octal 322 (YAML 1.1), and Liquid prints 322."""
    value = matter.data[key]
    if not _is_number(value):
        return False
    line, column = matter.value_position(key)
    written = doc.source.line_text(line)[column - 1 :].split(" #", 1)[0].strip()
    return written != str(value)


def _flattened(value: list) -> list:
    """The items of nested lists, as Ruby's Array#flatten gives them (an empty item kept: an
    editor's slip, whatever Jekyll drops); a list that holds itself (a YAML alias, `&a [*a]`) is
    read once."""
    items: list = []
    stack, seen = [value], {id(value)}
    while stack:
        for item in stack.pop():
            if isinstance(item, list):
                if id(item) not in seen:
                    seen.add(id(item))
                    stack.append(item)
            else:
                items.append(item)
    return items


# What Go's strconv.ParseBool reads, which Hugo's cast.ToBool calls on a string.
_GO_BOOLEANS = frozenset({"1", "t", "T", "TRUE", "true", "True", "0", "f", "F", "FALSE", "false", "False"})


def _shown_as_written(key, value, listed, printed) -> bool:
    """A string of terms on a Jekyll site whose own templates read the key as no list: not at
    all, or printed whole, where a string without spaces (`typescript,handbook`) shows as
    written (Jekyll splits one at its spaces, and prints the parts run together)."""
    if key not in ("tags", "categories") or key in listed or not isinstance(value, str):
        return False
    return key not in printed or not any(char.isspace() for char in value.strip())


def _is_number(value) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _type_problem(expected, value, generator=None):
    if expected == "date":
        return date_problem(value, generator)
    if expected == "list":
        return None if isinstance(value, list) else f"expected a list, got {describe(value)}"
    if expected == "table":
        return None if isinstance(value, dict) else f"expected a table, got {describe(value)}"
    if expected == "boolean" and isinstance(value, str) and value.lower() in ("true", "false", "yes", "no"):
        return f"expected true or false, got the string {value!r} (remove the quotes)"
    if expected == "list[string]" and isinstance(value, str):
        return f"expected a list of strings, got the string {value!r} (write [{', '.join(repr(v.strip()) for v in value.split(','))}])"
    return check_type(expected, value)
