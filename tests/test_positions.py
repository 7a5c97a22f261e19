"""Golden tests of source positions: every positioned node, with its line:column span and the
exact source text of that span, for CJK text, CRLF and BOM, nesting, references and tabs.

Run with ARTLINT_UPDATE_GOLDEN=1 to rewrite the .golden files after a deliberate change;
then read the diff.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from artlint.document import Document, parse_document
from artlint.source import decode

GOLDEN = Path(__file__).parent / "golden"
SHOWN = {
    "heading", "paragraph", "block_text", "block_quote", "list", "list_item", "block_code",
    "table_cell", "link", "image", "codespan", "inline_html", "strong", "emphasis", "ref_definition",
}


def parse(path: Path) -> Document:
    return parse_document(path.name, decode(path.read_bytes()))


def dump(doc: Document) -> str:
    lines = []
    nodes = [*doc.nodes(), *doc.definitions]
    for node in nodes:
        if node.type not in SHOWN:
            continue
        (line, column), (end_line, end_column) = doc.source.position(node.start), doc.source.position(node.end)
        text = doc.text[node.start : node.end].replace("\n", "⏎")
        if len(text) > 60:
            text = text[:57] + "..."
        url = f" -> {node.attrs['url']}" if "url" in node.attrs else ""
        lines.append(f"{node.type} {line}:{column}-{end_line}:{end_column} {text!r}{url}")
    return "\n".join(lines) + "\n"


CASES = sorted(path for path in GOLDEN.glob("*.md"))


@pytest.mark.parametrize("path", CASES, ids=[path.stem for path in CASES])
def test_golden_positions(path: Path) -> None:
    actual = dump(parse(path))
    golden = path.with_suffix(".golden")
    if os.environ.get("ARTLINT_UPDATE_GOLDEN"):
        golden.write_text(actual, encoding="utf-8")
    assert actual == golden.read_text(encoding="utf-8")


@pytest.mark.parametrize("path", CASES, ids=[path.stem for path in CASES])
def test_links_span_their_markup(path: Path) -> None:
    doc = parse(path)
    for node in doc.nodes("link", "image"):
        markup = doc.text[node.start : node.end]
        assert markup[:1] in "[!<", markup
        assert markup[-1:] in ")]>", markup
        if not node.attrs.get("autolink"):
            assert node.text in markup.replace("\n", " "), (node.text, markup)
    for node in doc.nodes("codespan"):
        assert doc.text[node.start] == "`" and doc.text[node.end - 1] == "`"


def test_positions_are_code_points_not_bytes_or_cells() -> None:
    doc = parse_document("x.md", decode("中文[链接](http://a.example)\n".encode()))
    link = next(doc.nodes("link"))
    assert doc.source.position(link.start) == (1, 3)
    assert doc.source.position(link.end) == (1, 25)  # 2 + 22 characters, 1-based, end exclusive


def test_crlf_lone_cr_and_bom_count_as_one_line_end() -> None:
    doc = parse(GOLDEN / "crlf-bom.md")
    assert doc.source.had_bom
    lines = {doc.text[n.start : n.end]: doc.source.position(n.start) for n in doc.nodes("link")}
    assert lines["[a link](http://a.example)"] == (5, 13)
    assert lines["[link](http://b.example)"] == (6, 14)
    assert lines["[c](http://c.example)"] == (7, 21)


def test_two_byte_order_marks_are_both_dropped_before_the_front_matter() -> None:
    """An editor that adds a BOM to a file that has one leaves two; Hugo skips both."""
    doc = parse_document("x.md", decode("\ufeff\ufeff---\ntitle: Two marks\n---\n\nSee [a](http://a.example).\n".encode()))
    assert doc.source.boms == 2
    assert doc.front_matter is not None and doc.front_matter.data == {"title": "Two marks"}
    link = next(doc.nodes("link"))
    assert doc.source.position(link.start) == (5, 5)


def test_unicode_line_separators_do_not_break_lines() -> None:
    doc = parse(GOLDEN / "tabs.md")
    t4 = next(n for n in doc.nodes("link") if n.attrs["url"] == "http://t4.example")
    assert doc.source.position(t4.start)[0] == doc.source.line_count - 1


def test_code_is_blanked_in_prose_text() -> None:
    doc = parse(GOLDEN / "cjk.md")
    assert "不是链接" not in doc.prose_text
    assert "中文标题" not in doc.prose_text  # front matter
    assert len(doc.prose_text) == len(doc.text)
    assert doc.prose_text.count("\n") == doc.text.count("\n")


@pytest.mark.parametrize("gap", ["\n\n", "\n\n\n", "\n  \n\t\n"])
def test_list_items_after_several_blank_lines_keep_their_places(gap: str) -> None:
    text = f"- one [a](https://example.org/a){gap}- two [b](https://example.org/b)\n- three [c](https://example.org/c)\n\nEnd.\n"
    doc = parse_document("x.md", decode(text.encode("utf-8")))
    assert [text[link.start : link.end] for link in doc.links] == [
        "[a](https://example.org/a)",
        "[b](https://example.org/b)",
        "[c](https://example.org/c)",
    ]
    items = [text[node.start : node.end] for node in doc.nodes("list_item")]
    assert items[1:] == ["- two [b](https://example.org/b)", "- three [c](https://example.org/c)"]


def test_a_label_line_inside_a_paragraph_is_no_definition() -> None:
    # `[label]:` cannot interrupt a paragraph: the line goes on with it, a shortcut link and a
    # colon (the list after it begins on the next line), not a definition whose URL is `1.`.
    article = "Two kinds are made\n[Resources]:\n1. A cluster-scoped type.\n\n[Resources]: https://example.org/crd\n"
    doc = parse_document("a.md", decode(article.encode()))
    assert [(node.attrs["url"], doc.source.position(node.start)[0]) for node in doc.definitions] == [("https://example.org/crd", 5)]
    assert [link.url for link in doc.links if link.kind == "reference"] == ["https://example.org/crd"]


@pytest.mark.parametrize(
    "text, math",
    [("a $x+y$ b", ["$x+y$"]), ("$a$", ["$a$"]), ("prices: $5 and $10", []), ("a **$** sign, and $Y", []), ("$ a$ and $b $", [])],
)
def test_inline_math_needs_no_space_inside_its_dollars(text: str, math: list[str]) -> None:
    """As pandoc, KaTeX's auto-render and pymdownx.arithmatex read `$…$`: no space after the
    opening `$`, none before the closing one, no digit right after it."""
    doc = parse_document("x.md", decode((text + "\n").encode()))
    assert [doc.text[node.start : node.end] for node in doc.nodes("inline_math")] == math
