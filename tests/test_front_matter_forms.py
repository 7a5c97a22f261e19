"""Front matter in the forms a generator reads besides fenced YAML, TOML and JSON."""

from __future__ import annotations

from artlint.frontmatter import front_matter_of, split_front_matter
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


def test_gray_matter_reads_a_json_block_named_on_its_fence() -> None:
    source = decode(b'---json\n{\n  "title": "Workers",\n  "date": "2019-09-01",\n  "title": "Again"\n}\n---\n\nText.\n')
    matter = front_matter_of(source, "eleventy")
    assert matter is not None and matter.kind == "json" and matter.error is None
    assert matter.data == {"title": "Again", "date": "2019-09-01"}
    assert matter.value_position("date") == (4, 11)
    assert [(problem.key, problem.line, problem.first_line) for problem in matter.duplicates] == [("title", 5, 3)]
    assert source.text[matter.body_offset :] == "\nText.\n"


def test_gray_matter_locates_a_json_error_in_the_file() -> None:
    matter = front_matter_of(decode(b'---json\n{\n  "title": "A",\n  "date" 2019\n}\n---\nText.\n'), "docusaurus")
    assert matter is not None and matter.error is not None and matter.error.line == 4
    assert matter.error.message.startswith("JSON: expecting ':' delimiter")


def test_gray_matter_never_runs_a_js_block_and_leaves_its_keys_unknown() -> None:
    matter = front_matter_of(decode(b"---js\n{\n  title: require('fs').readFileSync('/etc/passwd'),\n}\n---\nText.\n"), "eleventy")
    assert matter is not None and matter.kind == "js" and matter.data is None and matter.error is None
    assert (matter.start_line, matter.end_line) == (1, 5)


def test_only_gray_matter_generators_read_a_named_fence() -> None:
    article = decode(b'---json\n{"title": "A"}\n---\nText.\n')
    assert front_matter_of(article, "jekyll") is None
    assert front_matter_of(article, None) is None
    matter = front_matter_of(decode(b"---yaml\ntitle: A\n---\nText.\n"), "vitepress")
    assert matter is not None and matter.kind == "yaml" and matter.data == {"title": "A"}


def test_a_named_json_fence_of_seventeen_thousand_keys_is_located_in_one_pass() -> None:
    import time

    keys = ",\n".join(f'"k{number}": 1' for number in range(17_000))
    source = decode(('---json\n{"title": "Keys",\n' + keys + ',\n"k5": 0\n}\n---\nText.\n').encode())
    started = time.process_time()
    matter = front_matter_of(source, "eleventy")
    assert time.process_time() - started < 5  # 0.07 s here; a count of line ends per key took minutes
    assert matter is not None and len(matter.keys) == 17_001
    assert [(problem.key, problem.line, problem.first_line) for problem in matter.duplicates] == [("k5", 17_003, 8)]


def test_hugo_before_0_123_reads_front_matter_wrapped_in_a_comment() -> None:
    source = decode(b'<!--[metadata]>\n+++\ntitle = "Networks"\n+++\n<![end-metadata]-->\n\n# Networks\n')
    matter = front_matter_of(source, "hugo", commented=True)
    assert matter is not None and matter.data == {"title": "Networks"}
    assert matter.keys["title"].line == 3
    assert source.text[matter.body_offset :] == "\n\n# Networks\n"


def test_a_commented_front_matter_is_none_for_later_hugo_and_other_generators() -> None:
    source = decode(b'<!--\n---\ntitle: "Install"\n---\n-->\n\nText.\n')
    assert front_matter_of(source, "hugo") is None
    assert front_matter_of(source, "jekyll", commented=True) is None


def test_a_commented_front_matter_needs_its_comment_to_end_after_it() -> None:
    unclosed = decode(b'<!--\n---\ntitle: "Install"\n---\n\nText.\n')
    closed_on_its_line = decode(b'<!-- a note -->\n---\ntitle: "Install"\n---\n\nText.\n')
    prose = decode(b"<!--\nA note for the writers.\n-->\n\nText.\n")
    for source in (unclosed, closed_on_its_line, prose):
        assert front_matter_of(source, "hugo", commented=True) is None



def test_tags_that_hold_themselves_are_flattened_once() -> None:
    # The YAML reader refuses a list that holds itself (`&a [notes, *a]`); were one to reach
    # the schema, flattening Jekyll's tags must still end.
    from artlint.rules.front_matter.schema import _flattened

    tags: list = ["notes", [], ["2017", None]]
    tags.append(tags)
    assert _flattened(tags) == ["notes", "2017", None]


def test_hugo_closes_front_matter_at_the_first_line_that_starts_with_its_fence() -> None:
    # Hugo's lexer: the closing `---` needs no line of its own; the rest of the line is the body's.
    source = decode(b'---\ntitle: "Clusters"\n---Note: not all of it is built yet.\n\n## Overview\n')
    matter = front_matter_of(source, "hugo")
    assert matter is not None and matter.error is None and matter.data == {"title": "Clusters"}
    assert source.text[matter.body_offset :].startswith("Note: not all")
    toml = decode(b'+++\ntitle = "Clusters"\n+++ \n\nText.\n')
    matter = front_matter_of(toml, "hugo")
    assert matter is not None and matter.data == {"title": "Clusters"} and toml.text[matter.body_offset :] == "\nText.\n"
    # Elsewhere the closing fence is a line of its own.
    jekyll = front_matter_of(source, "jekyll")
    assert jekyll is not None and jekyll.error is not None
