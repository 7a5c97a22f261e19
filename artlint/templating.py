"""Template markup that a site's generator expands before (or instead of) markdown.

Jekyll runs Liquid over every page with front matter, and Hexo runs Nunjucks tags: a
`{% highlight ruby %}`…`{% endhighlight %}` block is code, `{% raw %}` only marks text as
literal, `{% comment %}` hides its text, and a tag such as `{% include note.html %}` or
`{% post_url 2024-01-02-x %}` becomes markup or a URL, never prose. The markdown parser knows
none of this, so the text it is given has these written the way it understands them:

* a block tag of code (`highlight`, `codeblock`, `code`, NexT's `mermaid`) alone on its line
  becomes a fence of `~`, and its end tag the closing fence (Hexo's `{% include_code path %}`
  has no end tag: it is a whole code block, read from a file, as any tag alone on its line);
* `{% raw %}`, `{% endraw %}` (inside a code block, what they enclose stays code: a
  `{% endhighlight %}` there ends nothing), a `{% comment %}`…`{% endcomment %}` block, a block that
  captures a value (`{% capture x %}`…`{% endcapture %}`, Nunjucks' `{% set x %}`…`{% endset %}`)
  and any tag alone on
  its line (`{% include figure.html %}`, `{% assign x = "…" %}`) become spaces;
* any other tag, and `{{ output }}`, keeps its place with its spaces made `_`, so that a link
  whose URL is a tag (`[x]({% post_url y %})`) stays one link, to a template target.

Hugo's shortcodes (`{{< figure … >}}`, `{{% note %}}…{{% /note %}}`) likewise become spaces
(`_` for their spaces where a link's URL is one, inline or in a reference definition
`[x]: {{< relref "y" >}}`: Hugo replaces a shortcode by a placeholder before the markdown is
parsed). `ref` and `relref` elsewhere stay as written; the link rules find and resolve them
wherever they are.

MkDocs' indented containers (`!!! note`, `??? tip`, `=== "Python"`) hold markdown indented four
spaces: their bodies become block quotes, so that a fenced code block inside one is code.

Docusaurus compiles pages as MDX: a comment, `{/* note */}`, becomes spaces.

EJS and ERB tags (`<%= name %>`, `<% if (x) { %>`), in a template a tool renders into a
project of its own, keep their place as Liquid's do: `_` for their spaces, spaces alone on a line.

VitePress and VuePress import code files whole (`<<< @/snippets/x.rs`, `@[code](./x.rs)`):
those lines become spaces.

Every replacement has the length of what it replaces and keeps line ends, so offsets into the
text the parser saw are offsets into the file.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from typing import TYPE_CHECKING

from artlint.lazyre import lazy

# `{% include references.md %}` (Jekyll), `{{< readfile >}}`, `{{ partial }}`: another file may
# hold a page's link definitions, and the renderer sees them.
_INCLUDES_ANOTHER_FILE = lazy(r"\{[{%][-<%]?\s*(?:include|include_relative|readfile|partial|insert|import)\b", re.I)


def includes_another_file(doc) -> bool:
    """Whether the page includes another file, which may hold its link definitions: searched
    once per document, for the link extraction and link-reference-undefined alike."""
    return doc.memo("includes-another-file", lambda: _INCLUDES_ANOTHER_FILE.search(doc.text) is not None)

if TYPE_CHECKING:
    from artlint.sites import Site

LIQUID_GENERATORS = ("jekyll", "hexo", "eleventy")  # Eleventy's markdown goes through Liquid (or Nunjucks) first
# Blocks that capture their text into a variable (Liquid's `{% capture x %}`, Nunjucks' `{% set x
# %}`, not `{% set x = 1 %}`): a value a template prints elsewhere, most often as code
# (`{{ codeBlock | highlight("js") }}`), hidden as a comment is.
_CAPTURES = {"capture": "endcapture", "set": "endset"}
# `mermaid`: NexT's (Hexo's most used theme) diagram tag, whose body is the diagram's source.
_CODE_BLOCKS = {"highlight": "endhighlight", "codeblock": "endcodeblock", "code": "endcode", "mermaid": "endmermaid"}
CODE_BLOCK_TAGS = tuple(_CODE_BLOCKS)  # Liquid and Hexo tags whose block is code
_LONGEST_TAG = 2000  # characters: an unclosed `{%` is text after this
_TAG_NAME = lazy(r"\{%-?\s*(\w+)")
_SPACE = lazy(r"\s")
_NOT_LINE_END = lazy(r"[^\n]")
_SHORTCODE = lazy(r"\{\{([<%])\s*/?\s*([\w.-]*)")
# A code file imported whole into the page: VuePress's `@[code lang](./x.rs)` and VitePress's
# `<<< @/snippets/x.rs`, each alone on its line (in a quote or a list item too: `> @[code](…)`).
# Its path is the build's, not a link.
_CODE_IMPORT = lazy(
    r"^[ \t]*(?:>[ \t]?)*(?:(?:[-*+]|\d{1,9}[.)])[ \t]+)?(?:@\[code[^\]\n]{0,200}\]\([^)\n]{1,2000}\)|<<<[ \t]+[^\n]{1,2000})[ \t]*$", re.M
)


# An EJS or ERB tag on one line: `<%= name %>`, `<% if (x) { %>`, `<%- include('a') -%>`; the
# spaces inside tell it from text such as `<%5`.
_EMBEDDED_TAG = lazy(r"<%[=\-_#]?[ \t][^\n]{0,500}?[ \t][-_]?%>")


def masked_for_parser(text: str, generator: str | None, body_offset: int = 0, site: "Site | None" = None) -> str:
    """`text` with the generator's template markup written as markdown understands it (`site`:
    the article's site, whose templates tell which Hugo shortcodes read their body as data).
    A markdown file with EJS or ERB tags is a template a tool renders (a project generator's
    README): a tag alone on its line becomes spaces, any other keeps its place with its spaces
    made `_`, so that `[x](https://npmjs.com/package/<%= name %>)` stays one link."""
    masked = _generator_masked(text, generator, body_offset, site)
    if "<%" not in masked or "%>" not in masked:
        return masked
    return masked[:body_offset] + _EMBEDDED_TAG.sub(_embedded_tag_masked, masked[body_offset:])


def rendered_by_a_tool(doc) -> bool:
    """Whether the file is a template a tool renders into a project of its own (EJS or ERB tags
    in its text, outside code: a project generator's README): its relative links lead into
    that project, whose files are not here."""
    def outside_code() -> bool:
        return any(not doc.in_code(tag.start()) for tag in _EMBEDDED_TAG.finditer(doc.text, doc.body_offset))

    return doc.memo("embedded-template", lambda: "<%" in doc.text and outside_code())


def _embedded_tag_masked(match: re.Match[str]) -> str:
    tag = match.group()
    line_start = match.string.rfind("\n", 0, match.start()) + 1
    line_end = match.string.find("\n", match.end())
    line = match.string[line_start : len(match.string) if line_end < 0 else line_end]
    if line.strip() == tag.strip():
        return blanked(tag)
    return _SPACE.sub("_", tag).replace("|", "_")


def _generator_masked(text: str, generator: str | None, body_offset: int, site: "Site | None") -> str:
    if generator == "hugo":
        return _hugo_masked(text, body_offset, site)
    if generator == "zola" and site is not None and ("{%" in text or "{{" in text):
        return _zola_masked(text, body_offset, site)
    if generator == "mkdocs" and site is not None and (site.containers or site.jinja_pages or site.include_tags):
        included = _include_directives_blanked(text, body_offset, site.include_tags) if site.include_tags else text
        quoted = _containers_quoted(included, body_offset, site.containers) if site.containers else included
        return _liquid_masked(quoted, body_offset) if site.jinja_pages and ("{%" in quoted or "{{" in quoted) else quoted
    if generator == "docusaurus" and "{/*" in text:
        return _mdx_comments_blanked(text, body_offset)
    if generator == "logseq" and "#+BEGIN_" in text.upper():
        return _org_blocks_fenced(text, body_offset)
    if generator in ("vitepress", "vuepress"):
        return _CODE_IMPORT.sub(lambda match: blanked(match.group()), text) if ("@[code" in text or "<<<" in text) else text
    if generator == "jekyll" and "</" in text:
        text = _kramdown_html_lines_closed(text, body_offset)
    if generator not in LIQUID_GENERATORS or ("{%" not in text and "{{" not in text):
        return text
    return _liquid_masked(text, body_offset)


# The tags that start an HTML block of CommonMark's sixth kind: it interrupts a paragraph and
# runs on to the next blank line, whatever closes before.
_BLOCK_TAGS = (
    "address|article|aside|base|basefont|blockquote|body|caption|center|col|colgroup|dd|details|dialog|dir|div|dl|dt|"
    "fieldset|figcaption|figure|footer|form|frame|frameset|h[1-6]|head|header|html|iframe|legend|li|link|main|menu|"
    "menuitem|nav|noframes|ol|optgroup|option|p|param|search|section|summary|table|tbody|td|tfoot|th|thead|title|tr|track|ul"
)
# A line that opens such an element and closes it, followed by a line that is not blank.
_CLOSED_BLOCK_LINE = lazy(rf"^ {{0,3}}<(?:{_BLOCK_TAGS})(?=[\s/>])(?=[^\n]*</(?:{_BLOCK_TAGS})\s*>)[^\n]*\n(?=[ \t]*\S)", re.M | re.I)
_FENCE_LINE = lazy(r"^ {0,3}(`{3,}|~{3,})", re.M)
_FENCE_AT = lazy(r"`{3,}|~{3,}")


def _kramdown_html_lines_closed(text: str, body_offset: int) -> str:
    """kramdown ends an HTML block at the element's end tag: `<div id="code_1">Code 1</div>`
    on the line before a code fence is an element, then the fence. CommonMark runs the HTML
    block on to the next blank line, so that the fence and what follows would be HTML and every
    later fence read the other way round. Such a line's tag name gets another first letter
    (`<xiv id="code_1">`), which CommonMark reads as HTML inside a paragraph that the fence ends;
    its attributes (the id) stay as written. Lines inside code blocks are left alone."""
    lines = list(_CLOSED_BLOCK_LINE.finditer(text, body_offset))
    if not lines:
        return text
    fenced = _fenced_spans(text, body_offset)
    fence_starts = [start for start, _ in fenced]
    pieces, position = [], 0
    for line in lines:
        name_start = text.index("<", line.start()) + 1
        inside = bisect_right(fence_starts, line.start()) - 1
        if inside >= 0 and line.start() < fenced[inside][1]:
            continue
        pieces += [text[position:name_start], "x"]
        position = name_start + 1
    return "".join(pieces) + text[position:]


def _fenced_spans(text: str, body_offset: int) -> list[tuple[int, int]]:
    """The spans of fenced code blocks, each from its opening fence to the end of its closing
    one (or of the text), fences matched as kramdown and CommonMark both match them."""
    spans, opening = [], None
    for fence in _FENCE_LINE.finditer(text, body_offset):
        marker = fence.group(1)
        if opening is None:
            opening = fence
        elif marker[0] == opening.group(1)[0] and len(marker) >= len(opening.group(1)) and not _rest_of_line(text, fence.end()).strip():
            spans.append((opening.start(), fence.end()))
            opening = None
    if opening is not None:
        spans.append((opening.start(), len(text)))
    return spans


def _rest_of_line(text: str, position: int) -> str:
    end = text.find("\n", position)
    return text[position : end if end >= 0 else len(text)]


def _liquid_masked(text: str, body_offset: int) -> str:
    """Liquid's (and Jinja2's) tags written as markdown reads what they render to."""
    pieces = [text[:body_offset]]
    position = body_offset
    open_code: str | None = None  # the end tag awaited, inside a code block tag
    open_indent = 0  # the spaces before the tag that opened it
    comment = ""  # the end tag awaited of a block whose text is no prose: a comment, a captured value
    raw_in_code = False  # `{% raw %}` inside a code block: its tags, an end tag too, are text
    for start, end, name in _tags(text, body_offset):
        if open_code is not None and (raw_in_code or name != open_code):
            raw_in_code = name != "endraw" if raw_in_code else name == "raw"
            continue  # inside a code block: tags are code too
        if comment and name != comment:
            continue
        between = text[position:start]
        pieces.append(blanked(between) if comment else between)
        tag = text[start:end]
        alone = _alone_on_line(text, start, end)
        if name in _CODE_BLOCKS and alone and open_code is None:
            open_code = _CODE_BLOCKS[name]
            open_indent = _indent_before(between)
            pieces.append(_fence(tag))
        elif open_code is not None:  # its end tag
            open_code = None
            if alone and "\n" not in tag and _indent_before(between) > open_indent:
                # Liquid pairs the tags whatever their indentation; a fence indented four spaces
                # more than its opening would be code: written at the opening's indentation.
                shift = _indent_before(between) - open_indent
                pieces[-1] = between[:-shift]
                pieces.append(_fence(tag) + " " * shift)
            else:
                pieces.append(_fence(tag) if alone else blanked(tag))
        elif name == "comment" or name in _CAPTURES and "=" not in tag:
            comment = "endcomment" if name == "comment" else _CAPTURES[name]
            pieces.append(blanked(tag))
        elif comment and name == comment:
            comment = ""
            pieces.append(blanked(tag))
        elif name in ("raw", "endraw") and _starts_line(text, start) and (fence := _FENCE_AT.match(text, end)):
            # `{%raw%}```: Liquid leaves the fence at the line's start, an opening or a closing one
            pieces.append(fence.group() + blanked(tag))
            position = fence.end()
            continue
        elif name in ("raw", "endraw") and _starts_line(text, start) and not alone:
            pieces.append("_" + blanked(tag[1:]))  # spaces there would indent the line into code
        elif name in ("raw", "endraw") or (alone and name != "{{"):
            pieces.append(blanked(tag))
        else:  # an output or an inline tag: text, in which a filter's `|` divides no table cell
            pieces.append(_SPACE.sub("_", tag).replace("|", "_"))
        position = end
    if comment:  # an unclosed comment hides nothing: Liquid would fail to build the page
        return text
    pieces.append(text[position:])
    masked = "".join(pieces)
    return masked if len(masked) == len(text) else text


def _mdx_comments_blanked(text: str, body_offset: int) -> str:
    """MDX's comments, `{/* a note */}`, as spaces: Docusaurus compiles its `.md` pages as MDX
    too, and never renders them. Each opening is looked for once, and its close after it."""
    pieces = [text[:body_offset]]
    position = body_offset
    while True:
        start = text.find("{/*", position)
        end = text.find("*/}", start + 3) if start >= 0 else -1
        if end < 0:
            break  # no close after this opening: none after any later one either
        pieces += [text[position:start], blanked(text[start : end + 3])]
        position = end + 3
    pieces.append(text[position:])
    return "".join(pieces)


# A container of Python-Markdown's extensions: `!!! note "Title"` (admonition), `???+ tip`
# (pymdownx.details), `=== "Python"` (pymdownx.tabbed); its body follows, indented four spaces.
_CONTAINER = lazy(r"""(!!!|\?\?\?\+?|===[+!]?)[ \t]+(?:"[^"\n]*"|[\w-]+(?:[ \t]+[\w-]+)*(?:[ \t]+"[^"\n]*")?)[ \t]*$""")
_FENCE_OPENING = lazy(r"(`{3,}|~{3,})")


def _include_directives_blanked(text: str, body_offset: int, tags: tuple[tuple[str, str], ...]) -> str:
    """mkdocs-include-markdown-plugin's directives (`{% include-markdown "x.md" %}`, `{% include
    "x.md" %}`, their arguments over several lines too) blanked: the plugin puts another file's
    text in their place, which that file's own check covers."""
    for opening, closing in tags:
        if opening not in text:
            continue
        pattern = re.compile(re.escape(opening) + r"\s*include(?:-markdown)?\s+[\s\S]{0,2000}?" + re.escape(closing))
        text = text[:body_offset] + pattern.sub(lambda match: blanked(match.group()), text[body_offset:])
    return text


def _containers_quoted(text: str, body_offset: int, markers: tuple[str, ...]) -> str:
    """The bodies of MkDocs' indented containers (admonitions, details, tabs) as block quotes:
    the first of the four spaces that indent each body line becomes `>`. Python-Markdown reads
    the body as markdown of its own, a fenced code block in it included; CommonMark would read
    a body after a blank line as an indented code block, and a body right after the marker line
    (a fence too) as the marker's paragraph going on. A quote's content is the body de-indented,
    offsets unchanged. (A line left empty inside a body ends the quote there; a space-only one
    keeps it going, every container's, however short. In a fenced block the lines after an
    empty one are left unquoted: indented code.)"""
    if not any(marker in text for marker in markers):
        return text
    chars = list(text)
    stack: list[int] = []  # the indentation of each open container's marker
    fence = ""  # the fence of an open fenced code block, as written (de-indented)
    # An empty line inside a fenced block of a body ends the quote, and the fence with it: the
    # block's lines after it are left unquoted, indented code to CommonMark, code all the same.
    unquoted = False
    position = body_offset
    while position < len(text):
        end = text.find("\n", position)
        end = len(text) if end < 0 else end
        line = text[position:end]
        stripped = line.lstrip(" ")
        indent = len(line) - len(stripped)
        if not stripped.strip():
            if fence and stack and not line:
                unquoted = True
            if not unquoted and stack and len(line) <= stack[-1] and len(line) >= len(stack):
                # `    ` inside a container nested in another: too short for each `>` in its column,
                # so they stand side by side (`>>  `), and every container's quote goes on.
                for index in range(len(stack)):
                    chars[position + index] = ">"
            else:
                for level in stack if not unquoted else ():
                    if len(line) > level:
                        chars[position + level] = ">"
            position = end + 1
            continue
        while stack and indent < stack[-1] + 4:
            stack.pop()
        for level in stack if not unquoted else ():
            chars[position + level] = ">"
        if fence:
            if stripped.startswith(fence[0] * len(fence)) and not stripped.strip(fence[0] + " \t"):
                fence = ""
                unquoted = False
        elif (opened := _FENCE_OPENING.match(stripped)) is not None and indent - (stack[-1] + 4 if stack else 0) < 4:
            fence = opened.group(1)
        else:
            found = _CONTAINER.match(stripped)
            if found is not None and found.group(1)[:3] in markers and indent - (stack[-1] + 4 if stack else 0) < 4:
                stack.append(indent)
        position = end + 1
    return "".join(chars)


def _hugo_masked(text: str, body_offset: int, site: "Site | None" = None) -> str:
    """Hugo shortcodes (`{{< figure … >}}`, `{{% def id="x" %}}`, their closing tags) render
    to markup, not prose: spaces in the prose, or `_` for their spaces where a link's URL is
    one (inline, or a reference definition's). `ref` and `relref` elsewhere stay as written."""
    if "{{<" not in text and "{{%" not in text:
        return text
    pieces = [text[:body_offset]]
    position = body_offset
    tags = list(_shortcodes(text, body_offset))
    data_bodies = _data_bodies(text, tags, site) if site is not None else {}
    html_lines: dict[int, bool] = {}  # line start -> whether it continues an HTML block
    skip_to = -1
    for start, end, name in tags:
        if start < skip_to:
            continue  # inside a body that is data: blanked whole
        tag = text[start:end]
        in_url = text[max(body_offset, start - 2) : start].rstrip(" ").endswith("(") or _in_destination(text, start, end)
        if name in ("ref", "relref") and not (in_url and "\n" not in tag):
            continue
        pieces.append(text[position:start])
        if in_url:
            pieces.append(_SPACE.sub("_", tag))
        elif _starts_line(text, start) and not _alone_on_line(text, start, end):
            pieces.append("_" + blanked(tag[1:]))  # spaces there would indent the line into code
        elif _starts_line(text, start) and _in_html_block(text, start, body_offset, html_lines):
            # Hugo leaves a line there (its placeholder): a blank one would end the HTML block,
            # and the indented `<div id="beta">` after it would read as code
            pieces.append("_" + blanked(tag[1:]))
        else:
            pieces.append(blanked(tag))
        position = end
        if start in data_bodies:
            skip_to = data_bodies[start]
            pieces.append(blanked(text[end:skip_to]))
            position = skip_to
    pieces.append(text[position:])
    masked = "".join(pieces)
    return masked if len(masked) == len(text) else text


# Zola's body shortcodes: `{% name(args) %}` opens one, `{% end %}` closes it.
_ZOLA_TAG = lazy(r"\{%-?\s*(?:(end)|([A-Za-z_]\w*)\s*\([^%\n]{0,2000}?\))\s*-?%\}")


# Zola's inline shortcode calls, `{{ name(key="value", n=1) }}`: a string argument may hold
# any text over many lines (a score in ABC notation, a caption); each is bounded, and the scan
# of one call stops at a parenthesis outside its strings, so hostile text is read in linear time.
_ZOLA_CALL = lazy(r"""\{\{-?[ \t]*[A-Za-z_]\w*[ \t]*\((?:"[^"]{0,5000}"|'[^']{0,5000}'|`[^`]{0,5000}`|[^"'`()]){0,500}\)[ \t]*-?\}\}""")


def _zola_masked(text: str, body_offset: int, site: "Site") -> str:
    """`text` with Zola's inline shortcode calls blanked (what they render is the template's;
    their arguments are no markdown), and the bodies of the body shortcodes that read them as
    data (a JSON list of questions, a script): not prose (artlint.shortcodes)."""
    if "{{" in text:
        text = text[:body_offset] + _ZOLA_CALL.sub(lambda call: blanked(call.group()), text[body_offset:])
    if "{%" not in text:
        return text
    from artlint.shortcodes import zola_body_is_markdown  # imported here: only Zola pages with shortcodes need it

    pieces = [text[:body_offset]]
    position = body_offset
    opened: tuple[int, str] | None = None  # Zola's body shortcodes do not nest
    for tag in _ZOLA_TAG.finditer(text, body_offset):
        if tag.group(2):
            opened = (tag.end(), tag.group(2))
        elif opened is not None:
            body_start, name = opened
            opened = None
            if not zola_body_is_markdown(site, name):
                pieces.append(text[position:body_start])
                pieces.append(blanked(text[body_start : tag.start()]))
                position = tag.start()
    pieces.append(text[position:])
    return "".join(pieces)


_CLOSING = lazy(r"\{\{[<%]\s*/")


def _data_bodies(text: str, tags: list[tuple[int, int, str]], site: "Site") -> dict[int, int]:
    """{start of an opening `{{< name >}}` tag: start of its closing tag} for the paired
    shortcodes whose body the site reads as data, not markdown (artlint.shortcodes): a chart's
    options, a diagram's source, TeX. `{{% %}}` bodies are markdown whatever the template."""
    from artlint.shortcodes import body_is_markdown  # imported here: only Hugo pages with shortcodes need it

    found: dict[int, int] = {}
    open_tags: dict[str, list[int]] = {}
    for start, end, name in tags:
        key = name.lower()
        if _CLOSING.match(text, start):
            starts = open_tags.get(key)
            if starts:
                opening = starts.pop()
                if not starts and text.startswith("{{<", opening) and not body_is_markdown(site, key):
                    found[opening] = start
            continue
        if text.startswith("/>}}", end - 4) or not key:
            continue  # `{{< name />}}` closes itself
        open_tags.setdefault(key, []).append(start)
    outermost: dict[int, int] = {}
    reach = -1  # the furthest end of the bodies kept so far: one inside it is nested
    for opening, closing in sorted(found.items()):
        if opening >= reach:
            outermost[opening] = closing
            reach = closing
    return outermost


# Where a link's destination has begun on the line: after `](` (inline), or after `[label]:`
# at the start of the line (a reference definition), with what of the URL came before the tag
# (`https://x/blob/{{< param v >}}/a`), earlier shortcodes included.
_TAG_IN_URL = r"(?:[^\s()<>{}]|\{\{[<%][^\n]{0,500}?[>%]\}\})"
_INLINE_DESTINATION = lazy(r"\]\(" + _TAG_IN_URL + r"*$")
_DEFINITION_START = lazy(r"[ ]{0,3}\[(?:[^\[\]\\\n]|\\.){1,999}\]:[ \t]*" + _TAG_IN_URL + r"*$")
_DEFINITION_END = lazy(_TAG_IN_URL + r"""*[ \t]*(?:"[^"\n]*"|'[^'\n]*'|\([^()\n]*\))?[ \t]*$""")
_LOOK_BACK = 1000  # characters of the line before a tag searched for the destination it is in


def _in_destination(text: str, start: int, end: int) -> bool:
    """Whether the shortcode at text[start:end] is (part of) a link's destination: an inline
    link's (`[x](https://x/{{< param v >}}/a)`) or a reference definition's (`[label]: {{<
    relref "x" >}}`, a title after it or not). Hugo puts a placeholder without spaces in its
    place before the markdown is parsed, so the link or the definition stands."""
    line_start = text.rfind("\n", 0, start) + 1
    before = text[max(line_start, start - _LOOK_BACK) : start]
    if "](" in before and _INLINE_DESTINATION.search(before) is not None:
        return True
    if "]:" not in before or _DEFINITION_START.match(text, line_start, start) is None:
        return False
    line_end = text.find("\n", end)
    return _DEFINITION_END.match(text, end, len(text) if line_end < 0 else line_end) is not None


def shortcode_names(text: str, start: int = 0):
    """The name of each Hugo shortcode tag of `text` from `start`, in order (a closing tag's too)."""
    return (name for _, _, name in _shortcodes(text, start))


def _shortcodes(text: str, start: int):
    """(start, end, name) of each Hugo shortcode tag, in order."""
    position = start
    while True:
        opening = _SHORTCODE.search(text, position)
        if opening is None:
            return
        closer = ">}}" if opening.group(1) == "<" else "%}}"
        end = text.find(closer, opening.end(), opening.start() + _LONGEST_TAG)
        if end < 0 or "\n\n" in text[opening.start() : end]:
            position = opening.end()
            continue
        yield opening.start(), end + 3, opening.group(2)
        position = end + 3


def multiline_outputs(doc) -> list[tuple[int, int]]:
    """Spans of the output tags over several lines (`{{ components.note({` … `}) }}`) on a page
    that Liquid or Nunjucks renders first: their text is a call's arguments, no prose."""
    site = doc.site
    if site is None or site.generator not in LIQUID_GENERATORS or "{{" not in doc.text:
        return []
    return [(start, end) for start, end, name in _tags(doc.text, doc.body_offset) if name == "{{" and "\n" in doc.text[start:end]]


def _tags(text: str, start: int):
    """(start, end, name) of each `{% name … %}` (name "{{" for `{{ … }}`) in order."""
    position = start
    while True:
        tag = text.find("{%", position)
        output = text.find("{{", position)
        if tag < 0 and output < 0:
            return
        if output >= 0 and (tag < 0 or output < tag):
            end = text.find("}}", output + 2, output + _LONGEST_TAG)
            if end < 0 or "\n\n" in text[output:end]:
                position = output + 2
                continue
            yield output, end + 2, "{{"
            position = end + 2
            continue
        end = text.find("%}", tag + 2, tag + _LONGEST_TAG)
        name = _TAG_NAME.match(text, tag)
        if end < 0 or name is None or "\n\n" in text[tag:end]:
            position = tag + 2
            continue
        yield tag, end + 2, name.group(1)
        position = end + 2
        if name.group(1) == "raw":
            # Liquid reads nothing up to `{% endraw %}`: `\{% include "x\.html" %\}` in a regex is text
            closing = _ENDRAW.search(text, position)
            if closing is not None:
                position = closing.start()


_ENDRAW = lazy(r"\{%-?\s*endraw\s*-?%\}")


def _starts_line(text: str, start: int) -> bool:
    return not text[text.rfind("\n", 0, start) + 1 : start].strip()


# An HTML block's first line: a tag (or its end) at most three spaces in.
_HTML_BLOCK_START = lazy(r" {0,3}</?[A-Za-z]")
_HTML_BLOCK_REACH = 200  # lines looked back for the block's first line: a longer block is not looked into


def _in_html_block(text: str, start: int, body_offset: int, known: dict[int, bool]) -> bool:
    """Whether the line at `start` continues an HTML block: the first of the lines above it,
    up to a blank line, begins with an HTML tag. `known` remembers the answer for each line
    walked through, so that a block of 10,000 tags is walked once."""
    line_start = text.rfind("\n", 0, start) + 1
    walked = []
    answer = False
    for _ in range(_HTML_BLOCK_REACH):
        if line_start in known:
            answer = known[line_start]
            break
        walked.append(line_start)
        if line_start <= body_offset:
            break
        previous = text.rfind("\n", 0, line_start - 1) + 1
        if not text[previous : line_start - 1].strip():
            break  # the line above is blank: the tag's line begins a block of its own
        above = text.rfind("\n", 0, previous - 1) + 1
        if _HTML_BLOCK_START.match(text, previous) and (previous <= body_offset or not text[above : previous - 1].strip()):
            answer = True
            break
        line_start = previous
    known.update(dict.fromkeys(walked, answer))
    return answer


def _alone_on_line(text: str, start: int, end: int) -> bool:
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    return not text[line_start:start].strip() and not text[end:line_end].strip()


def _indent_before(text: str) -> int:
    """The spaces that end `text` after its last line end: a tag's indentation on its line."""
    return len(text) - len(text.rstrip(" "))


def _org_blocks_fenced(text: str, body_offset: int) -> str:
    """Logseq's Org-style blocks written as markdown reads what they show: `#+BEGIN_QUERY` …
    `#+END_QUERY` (and `SRC`, `EXAMPLE`, `EXPORT`, `COMMENT`) as the fenced code they are, a
    query's words (`(todo todo later)`) no prose; the lines of the others (`#+BEGIN_TIP`,
    `#+BEGIN_NOTE`, `#+BEGIN_QUOTE`), whose text is prose, left out."""
    pieces = [text[:body_offset]]
    position = body_offset
    for line in _ORG_BLOCK_LINE.finditer(text, body_offset):
        marker = line.group(1)
        code = line.group(2).upper() in _ORG_CODE_BLOCKS
        pieces += [text[position : line.start(1)], "~~~" + " " * (len(marker) - 3) if code else blanked(marker)]
        position = line.end(1)
    pieces.append(text[position:])
    return "".join(pieces)


# A line's `#+BEGIN_X` or `#+END_X`, after its indentation and maybe a list item's marker (`- `).
_ORG_BLOCK_LINE = lazy(r"^[ \t]*(?:[-*+][ \t]+)?(#\+(?:BEGIN|END)_(\w+)[^\n]*)$", re.I | re.M)
_ORG_CODE_BLOCKS = frozenset({"QUERY", "SRC", "EXAMPLE", "EXPORT", "COMMENT"})


def _fence(tag: str) -> str:
    """A fence of `~` as long as the tag allows (at least 3: a tag is never shorter), spaces
    after it; the same for the opening and the closing tag whatever their lengths."""
    lines = tag.split("\n")
    width = min(len(lines[0]), 11)  # 11: the shortest end tag, `{%endcode%}`, closes any opening
    first = "~" * width + " " * (len(lines[0]) - width)
    return "\n".join([first, *(" " * len(line) for line in lines[1:])])


def blanked(text: str) -> str:
    """`text` with every character but line ends a space: offsets and lines stay."""
    return _NOT_LINE_END.sub(" ", text)


# The end tags of template blocks: Liquid and Nunjucks (`{% endtabs %}`, `{% endif %}`, a
# theme's `{% endgrouppicture %}`) and Hugo's paired shortcodes (`{{< /gallery >}}`).
_LIQUID_END = lazy(r"\{%-?\s*end([a-z_][\w-]*)")
_SHORTCODE_END = lazy(r"\{\{[<%]-?\s*/\s*([a-z_][\w-]*)", re.I)


def template_block_spans(text: str, code) -> list[tuple[int, int]]:
    """The outermost spans of the template blocks the text opens and closes, outside `code`
    (a SpanSet): a block tag lays out or selects what it holds (tabs, a gallery, a note,
    `{% if %}`), so what repeats inside such blocks repeats on purpose."""
    spans: list[tuple[int, int]] = []
    if "{%" in text:
        for name in sorted(set(_LIQUID_END.findall(text))):
            opening = re.compile(r"\{%-?\s*" + re.escape(name) + r"\b")
            spans += paired_spans(text, opening, re.compile(r"\{%-?\s*end" + re.escape(name) + r"\b"), code)
    if "{{<" in text or "{{%" in text:
        for name in sorted(set(_SHORTCODE_END.findall(text))):
            opening = re.compile(r"\{\{[<%]-?\s*" + re.escape(name) + r"\b")
            spans += paired_spans(text, opening, re.compile(r"\{\{[<%]-?\s*/\s*" + re.escape(name) + r"\b"), code)
    return spans


def paired_spans(text: str, opening, closing, code) -> list[tuple[int, int]]:
    """The outermost spans from an `opening` match to its `closing` one (nested pairs inside),
    matches inside `code` left out; one never closed runs to the end of the text."""
    if opening.search(text) is None:
        return []
    events = [(m.start(), 1) for m in opening.finditer(text) if m.start() not in code]
    events += [(m.end(), -1) for m in closing.finditer(text) if m.start() not in code]
    events.sort()
    spans = []
    depth, start = 0, 0
    for offset, change in events:
        if change > 0:
            if depth == 0:
                start = offset
            depth += 1
        elif depth > 0:
            depth -= 1
            if depth == 0:
                spans.append((start, offset))
    if depth > 0:
        spans.append((start, len(text)))
    return spans
