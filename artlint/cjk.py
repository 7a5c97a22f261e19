"""Chinese word segmentation, loaded only when a rule needs it.

jieba is the segmenter: pure Python, the de-facto standard dictionary for modern Chinese, and
small enough to install anywhere. Loading its whole dictionary takes one to two seconds, far
more than checking an article, and the rules only ever segment a few characters around a
doubled one. So the dictionary (its words and word prefixes, with their frequencies: exactly
what jieba's own loader builds) is copied once into an SQLite table in the user's cache folder,
and each segmentation looks up only the substrings of the text it segments. jieba's algorithm
reads the frequencies of nothing else, so the words are the same as with the whole dictionary
loaded. Where the table cannot be written, jieba loads its dictionary as usual.
"""

from __future__ import annotations

import logging
import sqlite3
import sys
from functools import lru_cache
from pathlib import Path

from artlint.atomicfile import replacing
from artlint.cachefolder import user_directory
from artlint.lazyre import lazy
from artlint.sqlitedb import batches, make_directory

CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
CJK_CHAR = lazy(f"[{CJK}]")

TABLE_FORMAT = 3  # 2: with the words' parts of speech; 3: words only, no prefixes, one table


@lru_cache(maxsize=1)
def _jieba():
    # jieba looks for pkg_resources first, whose import alone costs a fifth of a second;
    # without it jieba reads its files from its own folder, which is all it needs.
    blocked = "pkg_resources" not in sys.modules
    if blocked:
        sys.modules["pkg_resources"] = None  # type: ignore[assignment]  # None makes its import fail at once
    try:
        import jieba  # here, not above: only CJK text needs it, and its import is slow (start-up speed)
    finally:
        if blocked:
            del sys.modules["pkg_resources"]
    jieba.setLogLevel(logging.ERROR)
    return jieba


@lru_cache(maxsize=1)
def _whole_dictionary():
    """jieba's whole dictionary, built from its text file. Not through jieba.initialize(),
    which loads a marshal cache from the shared temporary folder, where anyone can plant one."""
    tokenizer = _jieba().Tokenizer()
    tokenizer.FREQ, tokenizer.total = tokenizer.gen_pfdict(tokenizer.get_dict_file())
    tokenizer.initialized = True
    return tokenizer


def _table_path(jieba) -> Path:
    dictionary = Path(jieba.__file__).with_name("dict.txt")
    size = dictionary.stat().st_size if dictionary.exists() else 0
    return user_directory() / f"jieba-{jieba.__version__}-{size}-{TABLE_FORMAT}.sqlite3"


_writes_table = True  # False in a run with --no-cache: set before the workers are forked


def write_table(allowed: bool) -> bool:
    """Whether this process may build the dictionary table (`--no-cache` writes no cache);
    returns the setting it replaces, for the caller to put back."""
    global _writes_table
    before, _writes_table = _writes_table, allowed
    return before


@lru_cache(maxsize=1)
def _word_table() -> tuple[sqlite3.Connection, int] | None:
    """(connection, total frequency) of the dictionary table, built on first use when writing
    it is allowed; None where it cannot be built or read."""
    jieba = _jieba()
    try:
        path = _table_path(jieba)
        if not path.exists():
            if not _writes_table:
                return None
            _build_table(jieba, path)
        connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
        connection.execute("PRAGMA trusted_schema=OFF")
        (total,) = connection.execute("SELECT value FROM meta WHERE name = 'total'").fetchone()
        return connection, int(total)
    except (OSError, sqlite3.Error, AttributeError, TypeError, ValueError):  # AttributeError: another jieba
        return None


def _build_table(jieba, path: Path) -> None:
    entries, total = _dictionary(jieba.Tokenizer())
    make_directory(path.parent)
    with replacing(path, ".jieba-") as temporary:  # a process that finds the table finds it whole
        connection = sqlite3.connect(temporary)
        with connection:
            connection.execute("CREATE TABLE words (word TEXT PRIMARY KEY, frequency INTEGER NOT NULL, tag TEXT NOT NULL) WITHOUT ROWID")
            connection.execute("CREATE TABLE meta (name TEXT PRIMARY KEY, value INTEGER NOT NULL)")
            connection.executemany("INSERT INTO words VALUES (?, ?, ?)", sorted((word, *entry) for word, entry in entries.items()))
            connection.execute("INSERT INTO meta VALUES ('total', ?)", (total,))
        connection.close()


def _dictionary(tokenizer) -> tuple[dict[str, tuple[int, str]], int]:
    """Each word of jieba's dictionary file with its frequency and part of speech, and the
    sum of the frequencies, read as jieba's own loader reads them (a later line of a word
    wins, every line counts in the total) in one pass. Its loader also lists each word's
    prefixes; the table leaves them out (`_tokenizer_for` adds those it needs)."""
    entries: dict[str, tuple[int, str]] = {}
    total = 0
    with tokenizer.get_dict_file() as lines:
        for line in lines:
            fields = line.strip().decode("utf-8").split(" ")
            if len(fields) < 2:
                continue
            frequency = int(fields[1])
            entries[fields[0]] = (frequency, fields[2] if len(fields) > 2 else "")
            total += frequency
    return entries, total


def _tokenizer_for(sentence: str):
    """A jieba tokenizer that knows the dictionary entries of `sentence`'s substrings."""
    table = _word_table()
    if table is None:
        return _whole_dictionary()
    connection, total = table
    if len(_KNOWN) + len(_ABSENT) > _MOST_REMEMBERED:
        _KNOWN.clear()
        _ABSENT.clear()
    substrings = {sentence[i:j] for i in range(len(sentence)) for j in range(i + 1, len(sentence) + 1)}
    unseen = [word for word in substrings if word not in _KNOWN and word not in _ABSENT]
    for batch, marks in batches(unseen):
        for word, frequency in connection.execute(f"SELECT word, frequency FROM words WHERE word IN ({marks})", batch):
            _KNOWN[word] = frequency
            for end in range(1, len(word)):
                # jieba reads a word's prefixes as entries of frequency 0: its segmentation
                # goes on past a prefix only while the longer substring is listed
                _KNOWN.setdefault(word[:end], 0)
    _ABSENT.update(word for word in unseen if word not in _KNOWN)
    tokenizer = _jieba().Tokenizer()
    # jieba reads the frequencies of the sentence's substrings only, so entries for other
    # sentences' substrings change nothing; a word that is not in the dictionary must be absent.
    tokenizer.FREQ, tokenizer.total, tokenizer.initialized = _KNOWN, total, True
    return tokenizer


# Substrings looked up in this process: those in the dictionary with their frequencies, and
# those not in it. Articles repeat their words, so most lookups are answered from here.
_KNOWN: dict[str, int] = {}
_ABSENT: set[str] = set()
_MOST_REMEMBERED = 500_000


def words_around(text: str, start: int, end: int) -> list[tuple[str, int, int]]:
    """Segment text[start:end] into (word, start, end) with offsets into `text`."""
    sentence = text[start:end]
    return [(word, start + begin, start + finish) for word, begin, finish in _tokenizer_for(sentence).tokenize(sentence)]


def _dictionary_tags(tokenizer) -> dict[str, str]:
    """Each dictionary word's part of speech (`n` noun, `v` verb, `r` pronoun, `c` conjunction...)."""
    tags: dict[str, str] = {}
    with tokenizer.get_dict_file() as lines:
        for line in lines:
            fields = line.decode("utf-8", "replace").split()
            if len(fields) == 3:
                tags[fields[0]] = fields[2]
    return tags


@lru_cache(maxsize=1)
def _whole_dictionary_tags() -> dict[str, str]:
    return _dictionary_tags(_jieba().Tokenizer())


def dictionary_entries(words: list[str]) -> dict[str, tuple[int, str]]:
    """(frequency, part of speech) of those of `words` that are words of the segmenter's
    dictionary (which lists every prefix of its words too, with frequency 0 and no tag)."""
    table = _word_table()
    if table is None:
        known, tags = _whole_dictionary().FREQ, _whole_dictionary_tags()
        return {word: (known[word], tags.get(word, "")) for word in words if known.get(word)}
    connection, _ = table
    found: dict[str, tuple[int, str]] = {}
    for batch, marks in batches(list(set(words))):
        query = f"SELECT word, frequency, tag FROM words WHERE word IN ({marks}) AND frequency > 0"
        found.update((word, (frequency, tag)) for word, frequency, tag in connection.execute(query, batch))
    return found
