"""Chinese word segmentation, loaded only when a rule needs it.

jieba is the segmenter: pure Python, the de-facto standard dictionary for modern Chinese, and
small enough to install anywhere. Loading its dictionary takes about a second, so it is loaded
on first use, once per process, and only for text that has a doubled Chinese character that
the data lists do not settle.
"""

from __future__ import annotations

import logging
import re
from functools import lru_cache

CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
CJK_CHAR = re.compile(f"[{CJK}]")


@lru_cache(maxsize=1)
def _jieba():
    import jieba

    jieba.setLogLevel(logging.ERROR)
    jieba.initialize()
    return jieba


def words_around(text: str, start: int, end: int) -> list[tuple[str, int, int]]:
    """Segment text[start:end] into (word, start, end) with offsets into `text`."""
    result = []
    for word, begin, finish in _jieba().tokenize(text[start:end]):
        result.append((word, start + begin, start + finish))
    return result
