import re

from artlint.cjk import CJK
from artlint.document import Fix
from artlint.findings import Severity
from artlint.lazyre import lazy
from artlint.rules import DocumentRule

# A line of a paragraph that opens with two hashes or more and no space: `##写在前面`, `##Setup`.
_UNSPACED = lazy(r"^[ ]{0,3}(#{2,6})(?=[^\s#])", re.M)
# Weibo's and Xiaohongshu's topics close with a second `#` (`#话题#`); Latin hashtags stand in
# a run (`#ai #ml`).
_TOPIC = lazy(f"#[^#\\n]{{1,40}}#|(?:^|\\s)#[^\\s#{CJK}]+\\s+#[^\\s#]")
# Hashes before markup or a symbol are no heading: `##{…}`, `###(`, `##=` (a divider, a
# template, a macro's token pasting).
_MARKUP_AFTER = lazy(r"[{\[(<$@!=|*+~^`\\/-]")
_TAG_PATH = lazy(r"[^\s/#]+/[^\s/#]")


class HeadingMissingSpace(DocumentRule):
    """A heading written without the space after its `#`, shown as a line of text.

    ## What it finds
    A line that starts with two to six `#` and then text with no space between
    (`##写在前面`, `###Setup`, `##1.安装`), where the site's renderer needs the space: CommonMark
    and its kin (Hugo, Zola, Hexo's marked and markdown-it, Docusaurus, VitePress, Eleventy,
    GitHub) show such a line as a paragraph, hashes and all. Two hashes or more are a heading
    meant; one `#` is as often a hashtag (`#Fastly supports it`), a note's tag (`#观我`) or a
    remark (`#注：…`) and is left alone, and so are hashes before markup or a symbol (`##{`),
    a topic (`##话题##`), a note's nested tag (`##格物/环境`) and a line of hashtags. Jekyll's kramdown,
    Python-Markdown (MkDocs) and Hexo's kramed make a heading without the space, so their sites
    are not checked.

    ## Why it matters
    The heading is lost: the page shows `##写在前面` as text, the table of contents and the
    heading's anchor are missing, and links to that anchor lead nowhere. It often comes from
    an editor that accepted the form, or from a converter.

    ## Example

        ##写在前面

        这是一篇笔记。

    reports `heading without a space after '##': it shows as text '##写在前面'; write
    '## 写在前面'`.
    """

    name = "heading-missing-space"
    family = "markup"
    severity = Severity.WARNING

    def check(self, doc, options):
        if doc.site is not None and (doc.site.generator in ("jekyll", "mkdocs") or doc.site.unspaced_headings):
            return  # kramdown, Python-Markdown and kramed read `#Title` as a heading
        text = doc.text
        for paragraph in doc.nodes("paragraph"):
            if text.find("#", paragraph.start, paragraph.end) < 0:
                continue
            for match in _UNSPACED.finditer(text, paragraph.start, paragraph.end):
                hashes = match.group(1)
                line_end = text.find("\n", match.start(1), paragraph.end)
                line = text[match.start(1) : line_end if line_end >= 0 else paragraph.end]
                line = line[: line.find("<!--")].rstrip() if "<!--" in line else line.rstrip()  # a comment is not shown
                if doc.in_code(match.start(1)) or not _meant_as_heading(line, hashes):
                    continue
                fix = Fix(f"add a space after '{hashes}'", (doc.edit(match.end(1), match.end(1), " "),), safe=False)
                yield doc.diagnostic(
                    f"heading without a space after '{hashes}': it shows as text '{_shown(line)}'; write '{hashes} {_shown(line[len(hashes):])}'",
                    match.start(1),
                    match.start(1) + len(line),
                    fix=fix,
                )


def _meant_as_heading(line: str, hashes: str) -> bool:
    if _TOPIC.search(line) or _TAG_PATH.match(line, len(hashes)):
        return False  # `##话题##`; `##格物/环境`, a note's nested tag (Obsidian, Bear)
    # `##1.安装` is a numbered heading. (One `#` is not looked at: `#Fastly supports it`,
    # `#观我`, `#注：…` are a hashtag, a note's tag or a remark as often as a title.)
    return not _MARKUP_AFTER.match(line, len(hashes))


def _shown(line: str) -> str:
    return line if len(line) <= 40 else line[:39] + "…"
