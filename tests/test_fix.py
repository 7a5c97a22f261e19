"""`--fix`, `--unsafe-fixes` and `--diff`: what is repaired, and that nothing else is touched.

Every fix is checked byte for byte against the file as it should be: the stuffed links gone
and every other byte identical, line ends, BOM and the missing final newline kept, a second
run a no-op, and a file that cannot or must not be written left exactly as it was.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import stat
from pathlib import Path

import jsonschema
import pytest
from helpers import REPO, artlint, write

from artlint.config import Config
from artlint.engine import run
from artlint.fixing import FixError, checked_roots, fix_file, fix_targets, write_fixed

STUFFED = "[{word}](http://xy.example.com/course_video/{slug}.html)"
COURSE = re.compile(r"\[([^\]]+)\]\(http://xy\.example\.com/course_video/[^)]*\)")


def _stuffed_article(newline: str = "\n", bom: bool = False, final_newline: bool = True) -> bytes:
    lines = [
        "---",
        "title: 'Stuffed'   # spacing and comment kept",
        "date:    2023-01-02",
        "---",
        "",
        "第一段提到" + STUFFED.format(word="肿瘤", slug="a1") + "和细胞。",
        "",
        "第二段的" + STUFFED.format(word="肿瘤", slug="a1") + "研究，博士说说，“结果很好”。",
        "",
        "第三段的恶性" + STUFFED.format(word="肿瘤", slug="a1") + "。",
    ]
    text = newline.join(lines) + (newline if final_newline else "")
    return b"\xef\xbb\xbf" * int(bom) + text.encode("utf-8")


def _unstuffed(data: bytes) -> bytes:
    return COURSE.sub(r"\1", data.decode("utf-8")).encode("utf-8")


def _fix(tmp_path: Path, *extra: str) -> tuple[int, str, str]:
    return artlint("check", "--offline", "--no-cache", "--fix", *extra, ".", cwd=tmp_path)


@pytest.mark.parametrize(
    "newline, bom, final_newline",
    [("\n", False, True), ("\r\n", False, True), ("\r\n", True, False), ("\n", True, True), ("\n", False, False), ("\n", 2, True)],
    ids=["lf", "crlf", "crlf-bom-no-final-newline", "bom", "no-final-newline", "two-boms"],
)
def test_stuffed_links_become_their_text_and_every_other_byte_stays(tmp_path, newline, bom, final_newline) -> None:
    original = _stuffed_article(newline, bom, final_newline)
    write(tmp_path, {"a.md": original})
    code, out, err = _fix(tmp_path)
    fixed = (tmp_path / "a.md").read_bytes()
    assert fixed == _unstuffed(original), err
    assert "fixed 3 findings in 1 file" in err
    assert "link-keyword-stuffing" not in out  # the report shows what is left
    assert "duplicate-word" in out  # unsafe: left without --unsafe-fixes
    code, _, err = _fix(tmp_path)
    assert (tmp_path / "a.md").read_bytes() == fixed  # a second run changes nothing
    assert "fixed 0 findings in 0 files" in err


def test_unsafe_fixes_delete_the_doubled_character_too(tmp_path: Path) -> None:
    original = _stuffed_article("\r\n")
    write(tmp_path, {"a.md": original})
    _fix(tmp_path, "--unsafe-fixes")
    expected = _unstuffed(original).replace("博士说说，".encode(), "博士说，".encode())
    assert (tmp_path / "a.md").read_bytes() == expected


def test_front_matter_bytes_are_never_touched(tmp_path: Path) -> None:
    original = _stuffed_article()
    write(tmp_path, {"a.md": original})
    _fix(tmp_path, "--unsafe-fixes")
    fixed = (tmp_path / "a.md").read_bytes()
    front = original.split(b"---\n")[1]
    assert fixed.split(b"---\n")[1] == front


def test_seed_like_example_articles_are_fixed_exactly_and_stay_fixed(tmp_path: Path) -> None:
    shutil.copytree(REPO / "examples", tmp_path / "examples")
    before = {path.name: path.read_bytes() for path in (tmp_path / "examples").glob("*.md")}
    code, out, err = artlint("check", "--offline", "--no-cache", "--fix", "--unsafe-fixes", "examples", cwd=tmp_path)
    after = {path.name: path.read_bytes() for path in (tmp_path / "examples").glob("*.md")}
    reposted = before["reposted-gene-therapy.md"]
    expected = _unstuffed(reposted).replace("作者说说，".encode(), "作者说，".encode()).replace("##延伸阅读".encode(), "## 延伸阅读".encode())
    expected = expected.replace(b"(http://dx.doi.org/", b"(https://dx.doi.org/")
    assert COURSE.search(reposted.decode()) and after["reposted-gene-therapy.md"] == expected
    assert after["clean-article.md"] == before["clean-article.md"]
    assert after["broken-front-matter.md"] == before["broken-front-matter.md"]
    # The house style pack's fixes (examples/styles/house): safe, and with --unsafe-fixes the heading's case and the doubled 'very'.
    docs = before["moving-the-docs.md"].decode()
    for wrong, right in (("in order to", "to"), ("How We Moved The Docs", "How we moved the docs"), ("e-mail", "email"), ("we utilize", "we use"), ("very very", "very")):
        docs = docs.replace(wrong, right, 1)
    assert after["moving-the-docs.md"].decode() == docs
    assert "fixed 14 findings in 2 files" in err
    artlint("check", "--offline", "--no-cache", "--fix", "--unsafe-fixes", "examples", cwd=tmp_path)
    assert {path.name: path.read_bytes() for path in (tmp_path / "examples").glob("*.md")} == after


def test_reference_links_lose_their_uses_and_then_their_definition(tmp_path: Path) -> None:
    text = (
        "+++\ntitle = \"r\"\n+++\n\n"
        "一[肿瘤][promo]二[肿瘤][promo]三[肿瘤][promo]。\n\n"
        "[promo]: http://xy.example.com/course_video/zl.html\n"
        "[kept]: https://example.org/\n\n"
        "See [the source][kept].\n"
    )
    write(tmp_path, {"r.md": text})
    _fix(tmp_path)
    assert (tmp_path / "r.md").read_text("utf-8") == (
        "+++\ntitle = \"r\"\n+++\n\n"
        "一肿瘤二肿瘤三肿瘤。\n\n"
        "[kept]: https://example.org/\n\n"
        "See [the source][kept].\n"
    )


def test_a_definition_still_used_elsewhere_stays(tmp_path: Path) -> None:
    text = (
        "+++\ntitle = \"r\"\n+++\n\n"
        "一[肿瘤][promo]二[肿瘤][promo]三[肿瘤][promo]。\n\n"
        "The [course catalogue][promo] itself.\n\n"
        "[promo]: http://xy.example.com/course_video/zl.html\n"
    )
    write(tmp_path, {"r.md": text})
    _fix(tmp_path)
    fixed = (tmp_path / "r.md").read_text("utf-8")
    assert "一肿瘤二肿瘤三肿瘤。" in fixed
    assert "[course catalogue][promo]" in fixed and "[promo]: http://xy.example.com/course_video/zl.html\n" in fixed


def test_html_anchors_and_emphasis_inside_links(tmp_path: Path) -> None:
    link = '<a href="http://xy.example.com/course_video/zl.html">肿瘤</a>'
    text = f"+++\ntitle = \"h\"\n+++\n\n一{link}二{link}三[**肿瘤**](http://xy.example.com/course_video/zl.html)。\n"
    write(tmp_path, {"h.md": text})
    _fix(tmp_path)
    assert (tmp_path / "h.md").read_text("utf-8") == "+++\ntitle = \"h\"\n+++\n\n一肿瘤二肿瘤三**肿瘤**。\n"


def test_insecure_links_move_to_https_only_for_known_hosts(tmp_path: Path) -> None:
    text = (
        "+++\ntitle = \"i\"\n+++\n\n"
        "[paper](http://www.nature.com/articles/s41586-020-2649-2) and "
        "[blog](http://blog.unknown-host.cn/post/1) and ![fig](http://upload.wikimedia.org/a.png \"fig\").\n\n"
        "The blog's home page: <https://blog.unknown-host.cn/>.\n"
    )
    write(tmp_path, {"i.md": text})
    code, out, _ = _fix(tmp_path)
    fixed = (tmp_path / "i.md").read_text("utf-8")
    assert fixed == text.replace("http://www.nature", "https://www.nature").replace("http://upload", "https://upload")
    assert "blog.unknown-host.cn" in out  # reported, not guessed at


def test_only_certain_doi_repairs(tmp_path: Path) -> None:
    text = (
        "+++\ntitle = \"d\"\n+++\n\n"
        "A doi:10.1038 /s41467-020-17175-8 here.\n\n"
        "B doi:10,1038/s41467-020-17175-8 here.\n\n"
        "C <https://doi.org/10.1038/s41467-020-17175-8。>\n\n"
        "D [paper](https://doi.org/10.1038/s41467-020-17175-8.) here.\n\n"
        "E doi:10.abc/s41467 is left alone.\n"
    )
    write(tmp_path, {"d.md": text})
    code, out, _ = _fix(tmp_path)
    assert (tmp_path / "d.md").read_text("utf-8") == (
        "+++\ntitle = \"d\"\n+++\n\n"
        "A doi:10.1038/s41467-020-17175-8 here.\n\n"
        "B doi:10.1038/s41467-020-17175-8 here.\n\n"
        "C <https://doi.org/10.1038/s41467-020-17175-8>。\n\n"
        "D [paper](https://doi.org/10.1038/s41467-020-17175-8). here.\n\n"
        "E doi:10.abc/s41467 is left alone.\n"
    )
    assert "registrant code 'abc' is not numeric" in out


def test_diff_prints_a_unified_diff_and_writes_nothing(tmp_path: Path) -> None:
    original = _stuffed_article("\r\n")
    write(tmp_path, {"a.md": original, "clean.md": "+++\ntitle = \"c\"\n+++\n\nFine.\n"})
    code, out, err = artlint("check", "--offline", "--no-cache", "--diff", ".", cwd=tmp_path)
    assert code == 1
    assert (tmp_path / "a.md").read_bytes() == original
    assert out.startswith("--- a/a.md\n+++ b/a.md\n")
    # (the test reads the output as text, which turns the file's CR LF into LF)
    assert "-第一段提到[肿瘤](http://xy.example.com/course_video/a1.html)和细胞。\n" in out
    assert "+第一段提到肿瘤和细胞。\n" in out
    assert "clean.md" not in out
    assert "would fix 3 findings in 1 file" in err
    code, out, _ = artlint("check", "--offline", "--no-cache", "--diff", "clean.md", cwd=tmp_path)
    assert (code, out) == (0, "")


def test_a_read_only_file_is_left_alone_with_a_clear_message(tmp_path: Path) -> None:
    original = _stuffed_article()
    write(tmp_path, {"a.md": original})
    (tmp_path / "a.md").chmod(0o444)
    code, out, err = _fix(tmp_path)
    assert (tmp_path / "a.md").read_bytes() == original
    assert "a.md: not fixed: the file is read-only (nothing was changed)" in err
    assert code == 1 and "link-keyword-stuffing" in out


def test_read_only_check_does_not_depend_on_the_user(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The same refusal, in-process, for a user (such as root) whom the system lets write."""
    original = _stuffed_article()
    path = write(tmp_path, {"a.md": original}) / "a.md"
    fixed = _planned(path)
    monkeypatch.setattr(os, "access", lambda *_args, **_kwargs: False)
    with pytest.raises(FixError, match="read-only"):
        write_fixed(fixed)
    assert path.read_bytes() == original
    assert [p.name for p in tmp_path.iterdir()] == ["a.md"]  # no temporary file left behind


def _planned(path: Path):
    config = Config(root=path.parent)
    result = run([str(path)], config, use_cache=False)
    [target] = fix_targets(result.findings, result.digests, checked_roots([str(path)], config), unsafe=False)
    return fix_file(target, config, unsafe=False, write=False)


def test_a_file_changed_since_it_was_read_is_not_overwritten(tmp_path: Path) -> None:
    path = write(tmp_path, {"a.md": _stuffed_article()}) / "a.md"
    fixed = _planned(path)
    assert fixed.changed
    edited_meanwhile = _stuffed_article() + "A paragraph the author added meanwhile.\n".encode()
    path.write_bytes(edited_meanwhile)
    with pytest.raises(FixError, match="changed on disk since it was checked"):
        write_fixed(fixed)
    assert path.read_bytes() == edited_meanwhile
    assert [p.name for p in tmp_path.iterdir()] == ["a.md"]


def test_the_file_mode_is_kept(tmp_path: Path) -> None:
    path = write(tmp_path, {"a.md": _stuffed_article()}) / "a.md"
    path.chmod(0o640)
    _fix(tmp_path)
    assert stat.S_IMODE(path.stat().st_mode) == 0o640
    assert path.read_bytes() == _unstuffed(_stuffed_article())


def test_a_symbolic_link_stays_a_link_and_its_target_is_fixed(tmp_path: Path) -> None:
    write(tmp_path, {"real/a.md": _stuffed_article()})
    (tmp_path / "site").mkdir()
    (tmp_path / "site" / "a.md").symlink_to(tmp_path / "real" / "a.md")
    artlint("check", "--offline", "--no-cache", "--fix", "site/a.md", cwd=tmp_path)
    assert (tmp_path / "site" / "a.md").is_symlink()
    assert (tmp_path / "real" / "a.md").read_bytes() == _unstuffed(_stuffed_article())


def test_json_and_sarif_carry_the_fixes(tmp_path: Path) -> None:
    write(tmp_path, {"a.md": _stuffed_article()})
    _, out, _ = artlint("check", "--offline", "--no-cache", "--format", "json", "a.md", cwd=tmp_path)
    findings = json.loads(out)["findings"]
    stuffing = [f for f in findings if f["rule"] == "link-keyword-stuffing"]
    assert stuffing[0]["fix"] == {
        "description": "replace the link by its text",
        "applicability": "safe",
        "edits": [
            {"line": 6, "column": 6, "end_line": 6, "end_column": 7, "replacement": ""},
            {"line": 6, "column": 9, "end_line": 6, "end_column": 54, "replacement": ""},
        ],
    }
    doubled = next(f for f in findings if f["rule"] == "duplicate-word")
    assert doubled["fix"]["applicability"] == "unsafe"
    _, out, _ = artlint("check", "--offline", "--no-cache", "--format", "sarif", "a.md", cwd=tmp_path)
    sarif = json.loads(out)
    schema = json.loads((Path(__file__).parent / "data" / "sarif-schema-2.1.0.json").read_text("utf-8"))
    jsonschema.validate(sarif, schema)
    results = sarif["runs"][0]["results"]
    fix = next(r for r in results if r["ruleId"] == "link-keyword-stuffing")["fixes"][0]
    change = fix["artifactChanges"][0]
    assert change["artifactLocation"]["uri"] == "a.md"
    assert change["replacements"][0] == {"deletedRegion": {"startLine": 6, "startColumn": 6, "endLine": 6, "endColumn": 7}}


def test_overlapping_fixes_are_settled_in_order_and_checked_again(tmp_path: Path) -> None:
    """An http:// link with tracking parameters to an https-capable host: the https fix and the
    removal of the parameters touch one range. The earlier finding's fix wins; the check after
    the pass finds the other again, and the next pass applies it."""
    text = "+++\ntitle = \"o\"\n+++\n\nSee [the map](http://www.baidu.com/map?utm_source=feed) now.\n"
    write(tmp_path, {"o.md": text})
    _, out, err = artlint("check", "--offline", "--no-cache", "--format", "json", "o.md", cwd=tmp_path)
    rules = sorted(f["rule"] for f in json.loads(out)["findings"] if f["fix"])
    assert rules == ["link-insecure", "link-tracking-params"]
    _, out, err = _fix(tmp_path)
    assert (tmp_path / "o.md").read_text("utf-8") == "+++\ntitle = \"o\"\n+++\n\nSee [the map](https://www.baidu.com/map) now.\n"
    assert "fixed 2 findings in 1 file" in err and "link-insecure" not in out


def test_a_link_the_stuffing_fix_removes_is_not_also_insecure(tmp_path: Path) -> None:
    """One stuffed http:// link repeated is one finding per link, not two: the unlinking takes
    the URL away, so link-insecure says nothing about it (inline, reference with the definition
    that goes too, raw HTML). It does when stuffing is not checked or is suppressed there."""
    link = "[肿瘤](http://xy.bioexample.cn/course_video/t.html)"
    html = '<a href="http://xy.bioexample.cn/course_video/t.html">肿瘤</a>'
    text = (
        f"+++\ntitle = \"o\"\n+++\n\n一{link}二{html}三[肿瘤][c]。\n\n"
        "[c]: http://xy.bioexample.cn/course_video/t.html\n\n"
        "A [report](http://news.bioexample.cn/a.html) that is not stuffed.\n"
    )
    write(tmp_path, {"o.md": text, "artlint.toml": "[rules.link-insecure]\nassume-https = true\n"})

    def findings(*extra: str) -> list[tuple[int, str]]:
        _, out, _ = artlint("check", "--offline", "--no-cache", "--format", "json", *extra, "o.md", cwd=tmp_path)
        return sorted((f["line"], f["rule"]) for f in json.loads(out)["findings"])

    assert findings("--select", "link") == [
        (5, "link-keyword-stuffing"), (5, "link-keyword-stuffing"), (5, "link-keyword-stuffing"),
        (7, "link-keyword-stuffing"), (9, "link-insecure"),
    ]
    assert findings("--select", "link-insecure") == [(5, "link-insecure"), (5, "link-insecure"), (7, "link-insecure"), (9, "link-insecure")]
    write(tmp_path, {"o.md": text.replace("\n\n一", "\n\n<!-- artlint-disable-next-line link-keyword-stuffing -->\n一")})
    assert findings("--select", "link") == [(6, "link-insecure"), (6, "link-insecure"), (8, "link-keyword-stuffing"), (10, "link-insecure")]
