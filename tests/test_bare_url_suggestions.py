"""Every link bare-url suggests is itself a link to the URL it found, not markup that breaks."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from fixture_runner import fixture_config

from artlint.document import parse_document
from artlint.engine import run
from artlint.rules.link.bare_url import suggested_markup
from artlint.source import decode

FIXTURES = Path(__file__).parent / "fixtures" / "link"
_SUGGESTED = re.compile(r"write it as a link, (.+)$")


def _parses_as_a_link_to(markup: str, url: str) -> bool:
    links = parse_document("a.md", decode(f"See {markup} here.\n".encode())).links
    return len(links) == 1 and links[0].url == url and links[0].kind in ("inline", "autolink")


@pytest.mark.parametrize("target", [FIXTURES / "bare-url.md", FIXTURES / "bare-url"], ids=["file", "jekyll"])
def test_fixture_suggestions_are_links(target: Path) -> None:
    result = run([str(target)], fixture_config(target, "bare-url"), use_cache=False)
    suggestions = [m.group(1) for f in result.findings if (m := _SUGGESTED.search(f.message))]
    assert suggestions
    for markup in suggestions:
        url = markup[1:-1] if markup.startswith("<") else markup[len("[text](") : -1]
        assert _parses_as_a_link_to(markup, url), markup


@pytest.mark.parametrize(
    "url",
    [
        "https://example.org/a",
        "www.example.org/page",
        "https://en.wikipedia.org/wiki/Pipe_(Unix)",
        "https://en.wikipedia.org/wiki/Foo_(bar",
        "https://example.org/a)b",
        "https://example.org/dir\\",
        "https://example.org/a_b*c*",
        "https://example.org/q?a=[1]",
    ],
)
def test_suggestions_are_links(url: str) -> None:
    markup = suggested_markup(url)
    full = url if "://" in url else "https://" + url
    assert _parses_as_a_link_to(markup, full), markup
