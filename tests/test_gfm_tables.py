"""Pipe tables read as GitHub Flavored Markdown reads them (artlint.gfmtable): outer pipes
optional, cells beyond the header's ignored, missing ones empty, the table ended by a blank
line, another block or a line without a pipe."""

from __future__ import annotations

from artlint.markdown import parse_markdown


def _tables(text: str) -> list[list[list[str]]]:
    parsed = parse_markdown(text, 0)
    tables = []
    for block in parsed.blocks:
        if block.type == "table":
            tables.append([[text[cell.start : cell.end] for cell in row.children] for row in block.children])
    return tables


def test_rows_without_their_last_pipe_or_with_other_counts_of_cells_stay_in_the_table() -> None:
    text = (
        "| Field | Description | Version |\n"
        "|-------|-------------| --------|\n"
        "| usage | the threshold | >= v1.1 |\n"
        "| score | the percentile type | >= v1.1\n"
        "| extra | has | four | cells |\n"
        "| short |\n"
    )
    [table] = _tables(text)
    assert table == [
        ["Field", "Description", "Version"],
        ["usage", "the threshold", ">= v1.1"],
        ["score", "the percentile type", ">= v1.1"],
        ["extra", "has", "four"],
        ["short", "", ""],
    ]


def test_a_table_ends_at_a_blank_line_a_line_without_a_pipe_or_another_block() -> None:
    for after in ("\nA paragraph.\n", "A paragraph without a pipe.\n", "> a quote | with a pipe\n", "- an item | with a pipe\n"):
        text = "a | b\n--|--\n1 | 2\n" + after
        [table] = _tables(text)
        assert table == [["a", "b"], ["1", "2"]], after
        assert [block.type for block in parse_markdown(text, 0).blocks][-1] != "table"


def test_no_table_without_a_delimiter_row_of_the_header_s_width() -> None:
    assert _tables("| a | b |\n|---|\n| 1 | 2 |\n") == []
    assert _tables("| a | b |\n| x | y |\n") == []
    assert _tables("| a | b |\n|---|-x-|\n") == []


def test_an_escaped_pipe_stays_in_its_cell() -> None:
    [table] = _tables("| a | b |\n|---|---|\n| x \\| y | z |\n")
    assert table[1] == ["x \\| y", "z"]
