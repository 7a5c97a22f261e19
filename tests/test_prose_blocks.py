"""What the repeated-text rules compare: prose blocks, not display math."""

from __future__ import annotations

from artlint.document import parse_document
from artlint.rules.duplicate._units import prose_blocks
from artlint.source import decode

MATRIX = "    $$\n    \\begin{pmatrix}\n     0 & \\infty & 3 \\\\\n    \\infty & 0 & \\infty\n    \\end{pmatrix}\n    $$\n"


def test_a_paragraph_of_display_math_alone_is_no_prose() -> None:
    # A solution that reaches one matrix by two methods shows it under each (walkccc/CLRS):
    # the matrices are paragraphs of a list item, and only the lines naming them are prose.
    text = f"- Slow:\n\n    $m = 4$:\n\n{MATRIX}\n- Fast:\n\n    $m = 8$:\n\n{MATRIX}"
    doc = parse_document("solution.md", decode(text.encode()))
    blocks = [doc.text[block.start : block.end].strip() for block, _ in prose_blocks(doc)]
    assert not any("pmatrix" in block for block in blocks)
    assert any("$m = 4$" in block for block in blocks) and any("$m = 8$" in block for block in blocks)
