"""The example articles shipped in examples/ give exactly their known findings.

They are written to carry the defects of a real imported article: a common word linked again
and again to a course page, an `![img](http://...)` image, a bare source URL, a doubled
character, a bold never closed, a DOI followed by `。`, a heading without its space, a link
wrapped in another's brackets, and broken front matter; plus one clean
article that must stay clean. examples/artlint.toml enables the two style packs of
examples/styles (docs/style-rules.md): the English `house` finds the house-style slips of
moving-the-docs.md, the Chinese `zh` an overstatement in the reposted article.
"""

from __future__ import annotations

import json
from collections import Counter

from helpers import REPO, artlint

EXPECTED = {
    "examples/broken-front-matter.md": [
        (3, "front-matter-invalid-date"),
        (4, "front-matter-schema"),
        (5, "front-matter-schema"),
        (6, "front-matter-duplicate-key"),
    ],
    "examples/reposted-gene-therapy.md": [
        (7, "bare-url"),
        # The stuffed links are not link-insecure too: unlinking them takes their URL away.
        (9, "link-keyword-stuffing"),
        # An http:// image from a host nothing in the checkout says serves https: asked online.
        (11, "image-alt-text"),
        (15, "link-keyword-stuffing"),
        (17, "link-keyword-stuffing"),
        (19, "duplicate-word"), (19, "link-keyword-stuffing"), (19, "zh.hype"),
        (21, "link-keyword-stuffing"),
        (21, "link-keyword-stuffing"),
        (23, "unclosed-emphasis"),
        (25, "link-insecure"),  # doi.org serves https
        (27, "heading-missing-space"),
        (29, "link-nested"),
    ],
    "examples/moving-the-docs.md": [
        (1, "house.tags"),
        (6, "house.plain-words"), (6, "house.acronyms"),
        (10, "house.heading-case"),
        (12, "house.talking-down"), (12, "house.e-mail"),
        (13, "house.plain-words"),
        (14, "house.intensifiers"),
    ],
    "examples/clean-article.md": [],
}


def test_examples_give_exactly_their_known_findings() -> None:
    code, out, err = artlint("check", "--offline", "--format", "json", "examples/", cwd=REPO)
    assert code == 1, err
    findings = json.loads(out)["findings"]
    actual = {path: Counter() for path in EXPECTED}
    for finding in findings:
        actual.setdefault(finding["path"], Counter())[(finding["line"], finding["rule"])] += 1
    assert actual == {path: Counter(items) for path, items in EXPECTED.items()}


def test_stuffing_message_names_anchor_count_and_target() -> None:
    _, out, _ = artlint("check", "--offline", "--format", "json", "--select", "link-keyword-stuffing", "examples/", cwd=REPO)
    messages = {finding["message"] for finding in json.loads(out)["findings"]}
    assert messages == {'"基因治疗" linked 6 times to xy.example.com/course_video/... (keyword stuffing)'}


def test_the_house_packs_fixes(tmp_path) -> None:
    import shutil

    shutil.copytree(REPO / "examples", tmp_path / "examples")
    code, _, err = artlint("check", "--offline", "--no-cache", "--select", "house", "--fix", "examples/moving-the-docs.md", cwd=tmp_path)
    assert "fixed 3 findings in 1 file" in err
    fixed = (tmp_path / "examples" / "moving-the-docs.md").read_text("utf-8")
    assert "old wiki to serve it" in fixed and "had an email address" in fixed and "we use a Content Delivery Network" in fixed
