"""The per-file cache: unchanged files are not parsed again, and every change that matters
(the file, a rule option, a file that a link points at) invalidates exactly its entries."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from helpers import NO_FRONT_MATTER, write

import artlint.document as document
import artlint.engine as engine
from artlint.config import parse_config, tomllib


def _config(root: Path, extra: str = ""):
    text = 'select = ["front-matter-missing", "link-target-missing", "duplicate-title", "front-matter-required"]\n' + extra
    (root / "artlint.toml").write_text(text, encoding="utf-8")
    return parse_config(tomllib.loads(text), root / "artlint.toml")


@pytest.fixture
def parses(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    calls: list[str] = []
    real = document.parse_document

    def counting(path, *args, **kwargs):
        calls.append(Path(path).name)
        return real(path, *args, **kwargs)

    monkeypatch.setattr(document, "parse_document", counting)
    return calls


def _summary(result) -> list[tuple[str, int, str]]:
    return [(Path(f.path).name, f.line, f.rule) for f in result.findings]


def test_unchanged_files_are_not_parsed_again(tmp_path: Path, parses: list[str]) -> None:
    write(tmp_path, {"a.md": NO_FRONT_MATTER, "b.md": "+++\ntitle = \"B\"\n+++\n\n[x](missing.md)\n"})
    first = engine.run([str(tmp_path)], _config(tmp_path))
    assert sorted(parses) == ["a.md", "b.md"]
    second = engine.run([str(tmp_path)], _config(tmp_path))
    assert sorted(parses) == ["a.md", "b.md"]  # nothing parsed the second time
    assert _summary(second) == _summary(first)
    engine.run([str(tmp_path)], _config(tmp_path), use_cache=False)
    assert len(parses) == 4


def test_a_changed_file_is_checked_again(tmp_path: Path, parses: list[str]) -> None:
    dated = "+++\ntitle = \"C\"\ndate = 2024-01-01\n+++\n"  # beside a page with front matter: articles, not notes
    write(tmp_path, {"a.md": NO_FRONT_MATTER, "b.md": NO_FRONT_MATTER, "c.md": dated})
    engine.run([str(tmp_path)], _config(tmp_path))
    write(tmp_path, {"a.md": "+++\ntitle = \"A\"\ndate = 2024-01-01\n+++\n"})
    result = engine.run([str(tmp_path)], _config(tmp_path))
    assert parses[3:] == ["a.md"]
    assert _summary(result) == [("b.md", 1, "front-matter-missing")]


def test_a_changed_rule_option_invalidates_the_entries_it_applies_to(tmp_path: Path, parses: list[str]) -> None:
    write(tmp_path, {"a.md": "+++\ntitle = \"A\"\n+++\n", "drafts/b.md": "+++\ntitle = \"B\"\n+++\n"})
    engine.run([str(tmp_path)], _config(tmp_path))
    override = '[[overrides]]\npaths = ["drafts/**"]\n[overrides.rules.front-matter-required]\nkeys = ["title"]\n'
    result = engine.run([str(tmp_path)], _config(tmp_path, override))
    assert parses[2:] == ["b.md"]  # only the file the changed option applies to
    assert _summary(result) == [("a.md", 1, "front-matter-required")]


def test_a_link_target_appearing_invalidates_the_article_that_links_to_it(tmp_path: Path, parses: list[str]) -> None:
    write(tmp_path, {"a.md": "+++\ntitle = \"A\"\ndate = 2024-01-01\n+++\n\n[x](other.md)\n"})
    first = engine.run([str(tmp_path)], _config(tmp_path))
    assert _summary(first) == [("a.md", 6, "link-target-missing")]
    write(tmp_path, {"other.md": "+++\ntitle = \"Other\"\ndate = 2024-01-01\n+++\n"})
    second = engine.run([str(tmp_path)], _config(tmp_path))
    assert _summary(second) == []
    assert parses.count("a.md") == 2  # the article itself is unchanged, but what it links to is not


def test_a_link_target_appearing_in_another_case_on_a_hugo_site_invalidates_the_article(tmp_path: Path) -> None:
    """Hugo serves `CLI/intro.md` at `cli/intro/`: a link found by ignoring case depends on the
    folder's entries, so a page added under another case is seen by the next run."""
    write(tmp_path, {
        "hugo.toml": 'baseURL = "https://example.org/"\n',
        "content/docs/guide.md": "+++\ntitle = \"Guide\"\ndate = 2024-01-01\n+++\n\n[the command line](../cli/intro/)\n",
    })
    first = engine.run([str(tmp_path)], _config(tmp_path))
    assert [(Path(f.path).name, f.rule) for f in first.findings] == [("guide.md", "link-target-missing")]
    write(tmp_path, {"content/docs/CLI/intro.md": "+++\ntitle = \"CLI\"\ndate = 2024-01-01\n+++\n"})
    second = engine.run([str(tmp_path)], _config(tmp_path))
    assert [f.rule for f in second.findings] == []


def test_an_astro_route_added_invalidates_the_page_that_links_to_it(tmp_path: Path) -> None:
    """On an Astro site a link may lead to a page a component makes (`src/pages/notes/[slug].astro`
    answers /notes/memos/): the folders of routes are read for it, so a route added is seen next run."""
    write(tmp_path, {
        "astro.config.mjs": "export default {};\n",
        "src/pages/about.md": "---\ntitle: About\n---\n\nMy [memos](/notes/memos/).\n",
        "src/pages/notes/index.astro": "---\n---\n<h1>Notes</h1>\n",
    })
    first = engine.run([str(tmp_path)], _config(tmp_path))
    assert [(Path(f.path).name, f.rule) for f in first.findings] == [("about.md", "link-target-missing")]
    write(tmp_path, {"src/pages/notes/[slug].astro": "---\n---\n<h1>A note</h1>\n"})
    second = engine.run([str(tmp_path)], _config(tmp_path))
    assert [f.rule for f in second.findings] == []


def test_a_heading_renamed_in_an_included_block_invalidates_the_page_that_includes_it(tmp_path: Path) -> None:
    """Jekyll's `{% include_relative _steps.md %}` gives the page the block's headings: the
    page's result depends on that file, and on its absence."""
    write(tmp_path, {
        "_config.yml": "title: Site\n",
        "install.md": "---\ntitle: Install\n---\n\n{% include_relative _steps.md %}\n\nSee [the steps](#the-steps).\n",
    })
    text = 'select = ["link-anchor-missing"]\n'
    (tmp_path / "artlint.toml").write_text(text, encoding="utf-8")
    config = parse_config(tomllib.loads(text), tmp_path / "artlint.toml")
    first = engine.run([str(tmp_path)], config)
    assert [(Path(f.path).name, f.rule) for f in first.findings] == [("install.md", "link-anchor-missing")]
    write(tmp_path, {"_steps.md": "## The steps\n\nRun it.\n"})
    assert engine.run([str(tmp_path)], config).findings == []
    write(tmp_path, {"_steps.md": "## Steps\n\nRun it.\n"})
    third = engine.run([str(tmp_path)], config)
    assert [(Path(f.path).name, f.rule) for f in third.findings] == [("install.md", "link-anchor-missing")]


def test_corpus_findings_follow_changes_in_other_files(tmp_path: Path) -> None:
    write(tmp_path, {"a.md": "+++\ntitle = \"Same\"\ndate = 2024-01-01\n+++\n", "b.md": "+++\ntitle = \"Other\"\ndate = 2024-02-01\n+++\n"})
    assert [f.rule for f in engine.run([str(tmp_path)], _config(tmp_path)).findings] == []
    write(tmp_path, {"b.md": "+++\ntitle = \"Same\"\ndate = 2024-02-01\n+++\n"})
    result = engine.run([str(tmp_path)], _config(tmp_path))
    assert _summary(result) == [("b.md", 2, "duplicate-title")]


def test_a_pre_commit_run_reads_the_sites_facts_from_the_snapshot_and_notices_changes(
    tmp_path: Path, parses: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from artlint import cached_run

    titles = {"a.md": "Same", "b.md": "Other", "c.md": "Third", "d.md": "Fourth"}
    write(tmp_path, {name: f'+++\ntitle = "{title}"\ndate = 2024-01-0{n + 1}\n+++\n' for n, (name, title) in enumerate(titles.items())})
    engine.run([str(tmp_path)], _config(tmp_path))  # the whole site: leaves the snapshot
    from_snapshot: list[int] = []
    real = cached_run.CachedChecker._from_snapshot
    monkeypatch.setattr(
        cached_run.CachedChecker, "_from_snapshot", lambda self, keys: from_snapshot.append(len(found := real(self, keys))) or found
    )
    parses.clear()
    write(tmp_path, {"b.md": '+++\ntitle = "Same"\ndate = 2024-01-09\n+++\n'})  # changed, not named
    result = engine.run([str(tmp_path / "b.md")], _config(tmp_path))
    assert _summary(result) == [("b.md", 2, "duplicate-title")]
    assert parses == ["b.md"] and from_snapshot == [3]  # a, c and d from the snapshot
    write(tmp_path, {"a.md": '+++\ntitle = "Renamed"\ndate = 2024-01-01\n+++\n'})  # stale in the snapshot
    assert _summary(engine.run([str(tmp_path / "b.md")], _config(tmp_path))) == []
    assert from_snapshot[-1] == 2  # c and d; a read again


def _ages(database: Path) -> dict[str, float]:
    import sqlite3

    with sqlite3.connect(database) as connection:
        return dict(connection.execute("SELECT key, used FROM files"))


def test_the_cache_forgets_what_is_no_longer_used(tmp_path: Path) -> None:
    import sqlite3
    import time

    from artlint import filecache

    database = tmp_path / "files-v5.sqlite3"
    now = time.time()
    rows = [("old", now - 20 * filecache.DAY), ("read-lately", now - 20 * filecache.DAY), ("fresh", now - filecache.DAY / 2)]
    runs = [(f"run|{n}", now - 60 * n) for n in range(20)]  # run|0 the newest
    cache = filecache.FileCache(database)
    cache.put_many([(key, key, [key]) for key, _ in rows])
    cache.close()
    with sqlite3.connect(database) as connection:
        connection.executemany("UPDATE files SET used = ? WHERE key = ?", [(used, key) for key, used in rows])
        connection.executemany("INSERT INTO files VALUES (?, x'', '', x'', '', ?)", runs)
        connection.execute("DELETE FROM meta")  # as if the last pruning were long ago

    cache = filecache.FileCache(database)
    assert cache.get_many(["read-lately"]) == {"read-lately": ("read-lately", ("read-lately",))}  # a read marks it used again
    cache.put_many([("new", "new", [])])
    cache.close()

    ages = _ages(database)
    assert "old" not in ages  # unused for 20 days: gone
    assert ages["read-lately"] >= now and {"fresh", "new"} <= set(ages)
    kept = sorted(int(key[4:]) for key in ages if key.startswith("run|"))
    assert kept == list(range(filecache.KEPT_RUNS))  # the most recent runs


def test_a_first_run_reads_each_file_once_and_a_second_run_hashes_none(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """An empty cache answers nothing: the files are not read and hashed before they are
    checked, and the stat signatures the checking took let the next run skip hashing them."""
    import artlint.cached_run as cached_run
    import artlint.dependencies as dependencies

    monkeypatch.setattr(dependencies, "RACY_NS", 0)  # files written a moment ago may be trusted here
    hashed: list[int] = []
    real = cached_run.content_digest
    monkeypatch.setattr(cached_run, "content_digest", lambda data: hashed.append(len(data)) or real(data))
    # Beside a page with front matter: six articles missing theirs, not a folder of notes.
    write(tmp_path, {**{f"{name}.md": NO_FRONT_MATTER for name in "abcdef"}, "g.md": "+++\ntitle = \"G\"\ndate = 2024-01-01\n+++\n"})
    first = engine.run([str(tmp_path)], _config(tmp_path))
    assert hashed == []
    second = engine.run([str(tmp_path)], _config(tmp_path))
    assert hashed == []
    assert _summary(second) == _summary(first) and len(first.findings) == 6
    write(tmp_path, {"a.md": "+++\ntitle = \"A\"\ndate = 2024-01-01\n+++\n"})
    third = engine.run([str(tmp_path)], _config(tmp_path))
    assert len(hashed) == 1  # the changed file, whose signature changed
    assert len(third.findings) == 5


def test_a_warm_run_writes_nothing_to_the_cache(tmp_path: Path) -> None:
    write(tmp_path, {"a.md": NO_FRONT_MATTER, "b.md": "+++\ntitle = \"B\"\n+++\n\nText.\n"})
    engine.run([str(tmp_path)], _config(tmp_path))
    database = tmp_path / ".artlint_cache" / "files-v5.sqlite3"
    before = _ages(database)
    engine.run([str(tmp_path)], _config(tmp_path))
    assert _ages(database) == before


def test_the_cache_folder_artlint_makes_is_ignored_by_git_and_tagged_for_backups(tmp_path: Path) -> None:
    write(tmp_path, {"a.md": NO_FRONT_MATTER})
    engine.run([str(tmp_path)], _config(tmp_path))
    folder = tmp_path / ".artlint_cache"
    assert (folder / ".gitignore").read_text(encoding="utf-8").splitlines()[-1] == "*"
    assert (folder / "CACHEDIR.TAG").read_text(encoding="utf-8").startswith("Signature: 8a477f597d28d172789f06886806bc55")
    if shutil.which("git"):
        subprocess.run(["git", "init", "-q"], cwd=tmp_path, check=True)
        untracked = subprocess.run(["git", "status", "--porcelain"], cwd=tmp_path, check=True, capture_output=True, text=True)
        assert sorted(untracked.stdout.split()) == ["??", "??", "a.md", "artlint.toml"]


def test_a_cache_folder_that_already_exists_is_left_unmarked(tmp_path: Path) -> None:
    write(tmp_path, {"a.md": NO_FRONT_MATTER, "mine/notes.txt": "the user's own folder\n"})
    engine.run([str(tmp_path)], _config(tmp_path, '[network]\ncache = "mine"\n'))
    assert (tmp_path / "mine" / "files-v5.sqlite3").is_file()
    assert not (tmp_path / "mine" / ".gitignore").exists()
    assert not (tmp_path / "mine" / "CACHEDIR.TAG").exists()


def test_a_cascade_added_to_a_hugo_section_reaches_every_page_below_it(tmp_path: Path) -> None:
    """A section's `cascade: {build: {render: never}}` makes its pages snippets: all of them,
    not only the first one checked, depend on the section's `_index.md`."""
    page = "---\ndate: 2024-01-01\n---\n\nA snippet that pages include.\n"
    write(tmp_path, {
        "hugo.toml": 'baseURL = "https://example.org/"\n',
        "content/snippets/_index.md": "---\ntitle: Snippets\n---\n",
        "content/snippets/a.md": page,
        "content/snippets/b.md": page,
    })
    text = 'select = ["front-matter-required"]\n'
    (tmp_path / "artlint.toml").write_text(text, encoding="utf-8")
    config = parse_config(tomllib.loads(text), tmp_path / "artlint.toml")
    first = engine.run([str(tmp_path)], config)
    assert sorted(Path(f.path).name for f in first.findings) == ["a.md", "b.md"]
    write(tmp_path, {"content/snippets/_index.md": "---\ntitle: Snippets\ncascade:\n  build:\n    render: never\n---\n"})
    assert engine.run([str(tmp_path)], config).findings == []


def test_a_jekyll_page_whose_sibling_gains_front_matter_is_a_page_again(tmp_path: Path) -> None:
    """A folder of markdown files none of which has front matter holds documents for readers of
    the repository; once one of them gains front matter, the others are pages missing theirs,
    whatever the cache kept."""
    write(tmp_path, {
        "_config.yml": "title: Fixture\n",
        "docs/a.md": "# A\n\nRead on GitHub.\n",
        "docs/b.md": "# B\n\nRead on GitHub too.\n",
    })
    text = 'select = ["front-matter-missing"]\n'
    (tmp_path / "artlint.toml").write_text(text, encoding="utf-8")
    config = parse_config(tomllib.loads(text), tmp_path / "artlint.toml")
    assert engine.run([str(tmp_path)], config).findings == []
    write(tmp_path, {"docs/b.md": "---\ntitle: B\n---\n\nA page now.\n"})
    assert [Path(f.path).name for f in engine.run([str(tmp_path)], config).findings] == ["a.md"]


def test_a_note_is_checked_again_only_when_its_folder_stops_being_notes(tmp_path: Path, parses: list[str]) -> None:
    """Three notes without front matter: none reported. Editing one keeps the folder a folder
    of notes, so only it is checked again; giving one front matter makes the others articles
    missing theirs."""
    write(tmp_path, {name: NO_FRONT_MATTER for name in ("a.md", "b.md", "c.md")})
    assert _summary(engine.run([str(tmp_path)], _config(tmp_path))) == []
    write(tmp_path, {"a.md": NO_FRONT_MATTER + "\nMore.\n"})
    assert _summary(engine.run([str(tmp_path)], _config(tmp_path))) == []
    assert parses[3:] == ["a.md"]
    write(tmp_path, {"a.md": "+++\ntitle = \"A\"\ndate = 2024-01-01\n+++\n"})
    result = engine.run([str(tmp_path)], _config(tmp_path))
    assert sorted(parses[4:]) == ["a.md", "b.md", "c.md"]
    assert _summary(result) == [("b.md", 1, "front-matter-missing"), ("c.md", 1, "front-matter-missing")]
