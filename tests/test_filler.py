"""Placeholder text is no prose for the repeated-text rules (`filler-words`)."""

from __future__ import annotations

from pathlib import Path

from helpers import artlint, write

from artlint.rules.duplicate._units import FILLER_WORDS, is_filler


def test_lorem_ipsum_and_generated_variants_are_filler() -> None:
    options = {"filler-words": list(FILLER_WORDS)}
    assert is_filler("Lorem ipsum dolor sit amet, consectetur adipiscing elit. Mauris sed mollis augue, vel efficitur lacus.", options)
    assert is_filler("Quia rerum aut eos eos nus voluptate, quo qui aut unt expliquam qui dolut labo; cum voluptate est rerum.", options)
    assert not is_filler("In this post, et al. show that the ad hoc method in the paper is not enough for a non trivial case.", options)


def test_a_site_adds_the_words_of_its_own_placeholder(tmp_path: Path) -> None:
    body = "Blah blah bla blah, filler filler words and more filler blah for the demo, blah bla filler."
    write(tmp_path, {"demo.md": f"# Demo\n\n{body}\n"})
    code, out, _ = artlint("check", "--offline", "--no-cache", "--select", "duplicate-word", "--format", "json", ".", cwd=tmp_path)
    assert '"filler filler"' in out.replace("'", '"')
    write(tmp_path, {"artlint.toml": '[rules.duplicate-word]\nfiller-words = ["blah", "bla", "filler"]\n'})
    code, out, err = artlint("check", "--offline", "--no-cache", "--select", "duplicate-word", "--format", "json", ".", cwd=tmp_path)
    assert code == 0, err
    assert "filler filler" not in out
