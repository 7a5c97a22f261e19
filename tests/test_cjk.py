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
