"""Chinese segmentation through the dictionary table gives jieba's own words."""

from __future__ import annotations

from pathlib import Path

import pytest

from artlint import cjk

SENTENCES = [
    "我的目的的确是这样",  # 目的 + 的确
    "这件事最后不了了之了",
    "这是是非问题，不是是不是的问题",
    "他在在线会议上发言",
    "学会会士和有有钱人",
    "博士说说，“这很重要”",
    "研究人员发现该该药物有效",
]


def _whole(sentence: str) -> list[tuple[str, int, int]]:
    return list(cjk._whole_dictionary().tokenize(sentence))


@pytest.fixture
def fresh_tables():
    cjk._word_table.cache_clear()
    yield
    cjk._word_table.cache_clear()


def test_the_table_segments_like_the_whole_dictionary(fresh_tables) -> None:
    for sentence in SENTENCES:
        assert cjk.words_around(sentence, 0, len(sentence)) == _whole(sentence), sentence
    assert cjk._word_table() is not None  # the table was used, not the fallback
    text = "前文。" + SENTENCES[0]
    assert cjk.words_around(text, 3, len(text))[2] == ("目的", 5, 7)  # offsets into the text


def test_without_a_writable_cache_folder_jieba_loads_its_dictionary(
    fresh_tables, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))
    assert cjk._word_table() is None
    for sentence in SENTENCES:
        assert cjk.words_around(sentence, 0, len(sentence)) == _whole(sentence)


def test_no_cache_writes_no_table_and_cache_clear_removes_it(tmp_path: Path) -> None:
    from helpers import artlint, write

    user_cache = tmp_path / "user-cache"
    environment = {"XDG_CACHE_HOME": str(user_cache)}
    write(tmp_path / "site", {"a.md": "---\ntitle: 标题\n---\n\n研究人员发现该该药物有效。\n"})

    def tables() -> list[str]:
        folder = user_cache / "artlint"
        return sorted(path.name for path in folder.glob("jieba-*")) if folder.is_dir() else []

    code, out, _ = artlint("check", "--offline", "--no-cache", "--quiet", ".", cwd=tmp_path / "site", env=environment)
    assert "duplicate-word" in out and tables() == []  # segmented from jieba's own dictionary
    artlint("check", "--offline", "--quiet", ".", cwd=tmp_path / "site", env=environment)
    assert len(tables()) == 1
    code, out, _ = artlint("cache", "clear", cwd=tmp_path / "site", env=environment)
    assert code == 0 and tables() == [], out
    assert (user_cache / "artlint" / "seal.key").exists()  # the key is not a cache: kept

    # A project with its own cache folder: the table in the user's folder is cleared too, and said apart.
    write(tmp_path / "site", {"artlint.toml": ""})
    artlint("check", "--offline", "--quiet", ".", cwd=tmp_path / "site", env=environment)
    assert len(tables()) == 1
    code, out, _ = artlint("cache", "clear", cwd=tmp_path / "site", env=environment)
    assert code == 0 and tables() == []
    project, shared = out.splitlines()
    assert project.startswith("removed ") and project.endswith(f" cache files from {tmp_path / 'site' / '.artlint_cache'}")
    assert shared == f"removed 1 cache file shared by projects from {user_cache / 'artlint'}"
