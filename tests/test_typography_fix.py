"""`--fix` on the typography rules: each repair byte for byte, and nothing else touched.

Like tests/test_fix.py: the file as it should be after the fix, line ends and BOM kept, a
second run a no-op; unsafe repairs (emphatic marks, a fence typed as 、、、) only with
`--unsafe-fixes`.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from helpers import artlint, write

FRONT = "---\ntitle: 排版\n---\n\n"

ARTICLE = (
    FRONT
    + "# 示例:标题\n"
    + "\n"
    + "配置完成后,重启服务即可. 然后运行(需要管理员权限)命令。\n"
    + "\n"
    + "这个功能很好用，，推荐大家试试。。等等。。。\n"
    + "\n"
    + "As the docs say, when you use the default settings，the server starts at once.\n"
    + "\n"
    + "本文有（注释）和（附录），数字 3.14、12:30 与 `a,b` 不动，https://example.com/a,b 也不动。\n"
)

FIXED = (
    FRONT
    + "# 示例：标题\n"
    + "\n"
    + "配置完成后，重启服务即可。然后运行（需要管理员权限）命令。\n"
    + "\n"
    + "这个功能很好用，推荐大家试试。等等……\n"
    + "\n"
    + "As the docs say, when you use the default settings, the server starts at once.\n"
    + "\n"
    + "本文有（注释）和（附录），数字 3.14、12:30 与 `a,b` 不动，https://example.com/a,b 也不动。\n"
)


def _fix(tmp_path: Path, *extra: str) -> tuple[int, str, str]:
    return artlint("check", "--offline", "--no-cache", "--fix", *extra, ".", cwd=tmp_path)


@pytest.mark.parametrize("newline, bom", [("\n", False), ("\r\n", True)], ids=["lf", "crlf-bom"])
def test_punctuation_is_repaired_and_every_other_byte_stays(tmp_path: Path, newline: str, bom: bool) -> None:
    def encoded(text: str) -> bytes:
        return (b"\xef\xbb\xbf" if bom else b"") + text.replace("\n", newline).encode("utf-8")

    write(tmp_path, {"a.md": encoded(ARTICLE)})
    code, out, err = _fix(tmp_path)
    assert (tmp_path / "a.md").read_bytes() == encoded(FIXED), err
    assert "punctuation-width" not in out and "punctuation-repeated" not in out
    _fix(tmp_path)
    assert (tmp_path / "a.md").read_bytes() == encoded(FIXED)  # a second run changes nothing


def test_a_mark_beside_bold_text_is_repaired_and_the_markers_stay(tmp_path: Path) -> None:
    write(tmp_path, {"a.md": FRONT + "**如果属于第二范式**, 并且没有传递依赖,**那么**属于第三范式。\n"})
    _fix(tmp_path)
    assert (tmp_path / "a.md").read_text("utf-8") == FRONT + "**如果属于第二范式**，并且没有传递依赖，**那么**属于第三范式。\n"


def test_spacing_is_fixed_only_when_selected(tmp_path: Path) -> None:
    original = FRONT + "在Linux上用Docker部署，共3个节点，买了T恤。\n"
    write(tmp_path, {"a.md": original})
    _fix(tmp_path)
    assert (tmp_path / "a.md").read_text("utf-8") == original  # off by default
    artlint("check", "--offline", "--no-cache", "--fix", "--select", "cjk-latin-spacing", ".", cwd=tmp_path)
    assert (tmp_path / "a.md").read_text("utf-8") == FRONT + "在 Linux 上用 Docker 部署，共 3 个节点，买了T恤。\n"


def test_spacing_mode_none_removes_the_spaces(tmp_path: Path) -> None:
    write(
        tmp_path,
        {
            "artlint.toml": '[rules.cjk-latin-spacing]\nmode = "none"\n',
            "a.md": FRONT + "在 Linux 上用 Docker 部署，共 3 个节点。\n",
        },
    )
    artlint("check", "--offline", "--no-cache", "--fix", "--select", "typography", ".", cwd=tmp_path)
    assert (tmp_path / "a.md").read_text("utf-8") == FRONT + "在Linux上用Docker部署，共3个节点。\n"


def test_emphatic_marks_and_chinese_fences_need_unsafe_fixes(tmp_path: Path) -> None:
    original = FRONT + "太好了！！\n\n说明如下：\n\n、、、python\nprint(1)\n、、、\n"
    write(
        tmp_path,
        {"artlint.toml": '[rules.punctuation-repeated]\nmarks = ["。", "，", "、", "！"]\n', "a.md": original},
    )
    _fix(tmp_path)
    assert (tmp_path / "a.md").read_text("utf-8") == original
    _fix(tmp_path, "--unsafe-fixes")
    assert (tmp_path / "a.md").read_text("utf-8") == FRONT + "太好了！\n\n说明如下：\n\n```python\nprint(1)\n```\n"


def test_brackets_are_balanced_only_in_articles_with_chinese_text(tmp_path: Path) -> None:
    """English articles are left alone: there, apostrophes after markup (`[team](url)’s`) and
    quotations running past a line made half of bracket-unbalanced's findings false."""
    english = "The call (with two arguments returns early, and the [team](https://example.org)’s notes say so.\n"
    chinese = "调用（带两个参数时会提前返回。\n"
    write(tmp_path, {"en.md": english, "zh.md": chinese})
    code, out, err = artlint("check", "--offline", "--no-cache", "--format", "json", "--select", "bracket-unbalanced", ".", cwd=tmp_path)
    assert [finding["path"] for finding in json.loads(out)["findings"]] == ["zh.md"], err
