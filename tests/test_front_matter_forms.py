"""Front matter in the forms a generator reads besides fenced YAML, TOML and JSON."""

from __future__ import annotations

from artlint.frontmatter import split_front_matter
from artlint.source import decode


def test_mkdocs_meta_lines_up_to_a_blank_line() -> None:
    source = decode(b"Title: Moved\nredirect: https://example.org/a\nauthors: Ana\n    Ben\n\n# Moved\n\nText: not meta-data.\n")
    matter = split_front_matter(source, meta_lines=True)
    assert matter is not None and matter.kind == "meta" and matter.error is None
    assert matter.data == {"title": "Moved", "redirect": "https://example.org/a", "authors": "Ana\nBen"}
    assert (matter.start_line, matter.end_line) == (1, 4)
    assert source.text[matter.body_offset :].startswith("\n# Moved")
    assert matter.value_position("redirect") == (2, 11)


def test_mkdocs_meta_lines_end_at_a_line_that_is_no_key() -> None:
    matter = split_front_matter(decode(b"title: A\nSome prose right after.\n"), meta_lines=True)
    assert matter is not None and matter.data == {"title": "A"} and matter.end_line == 1


def test_only_mkdocs_reads_meta_lines_and_only_at_the_top() -> None:
    assert split_front_matter(decode(b"title: A\n\nText.\n")) is None
    assert split_front_matter(decode(b"\ntitle: A\n\nText.\n"), meta_lines=True) is None
    assert split_front_matter(decode(b"# Heading\ntitle: A\n"), meta_lines=True) is None


def test_a_url_on_the_first_line_is_meta_data_never_shown() -> None:
    matter = split_front_matter(decode(b"https://github.com/example/project/pull/12\n\nA plug.\n"), meta_lines=True)
    assert matter is not None and matter.data == {"https": "//github.com/example/project/pull/12"}
    assert matter.error is not None and matter.error.line == 1 and "key 'https'" in matter.error.message
