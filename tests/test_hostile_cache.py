"""A cache folder that comes with a checkout is hostile: nothing planted in it runs code, hides
a finding or crashes a run. Every run here is the real command; the network checks go to a
server on 127.0.0.1 that the test starts."""

from __future__ import annotations

import json
import os
import pickle
import sqlite3
import time
from pathlib import Path

import pytest
from helpers import artlint, write
from netserver import PlantedServer

MARKER = "code-ran"
FILES_DATABASE_NAME = "files-v5.sqlite3"


class _Payload:
    """Unpickling this creates MARKER beside the site: proof that planted code ran."""

    def __init__(self, path: Path):
        self.path = path

    def __reduce__(self):
        return (Path.touch, (self.path,))


def _site(root: Path, base: str) -> Path:
    return write(
        root,
        {
            "artlint.toml": f'[network]\ncheck-private = true\n[doi]\nresolver = "{base}"\n',
            "content/a.md": f'---\ntitle: "Same title"\ndate: 2024-01-02\n---\n\nSee [the the page]({base}/404) and [this](http://en.wikipedia.org/wiki/X).\n',
            "content/b.md": '---\ntitle: "Same title"\ndate: 2024-01-03\n---\n\nA second article with the same title.\n',
            "content/c.md": "No front matter at all, and a [missing](./nowhere.md) link.\n",
        },
    )


def _findings(root: Path, *extra: str, env: dict[str, str] | None = None) -> list[tuple]:
    code, out, err = artlint("check", "--format", "json", *extra, ".", cwd=root, env=env)
    assert code in (0, 1), err
    return sorted((f["path"], f["line"], f["column"], f["rule"], f["message"]) for f in json.loads(out)["findings"])


@pytest.fixture
def server():
    with PlantedServer() as planted:
        yield planted


def _plant_everywhere(folder: Path, payload: bytes) -> None:
    """Put the payload into every value of every cache file, add a trigger and a view to every
    database, and leave pickles under the names older versions used."""
    for database in folder.glob("*.sqlite3"):
        with sqlite3.connect(database) as db:
            tables = [name for (name,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
            for table in tables:
                columns = [row[1] for row in db.execute(f"PRAGMA table_info({table})") if row[1] not in ("key", "path")]
                db.execute(f"UPDATE {table} SET " + ", ".join(f"{column} = ?" for column in columns), [payload] * len(columns))
            db.execute("CREATE VIEW planted AS SELECT 1")
            db.execute(f"CREATE TRIGGER planted_trigger AFTER INSERT ON {tables[0]} BEGIN DELETE FROM {tables[0]}; END")
    for snapshot in folder.glob("facts-*.json"):
        snapshot.write_bytes(b"0" * 32 + b"\n" + payload)
        snapshot.with_suffix(".pickle").write_bytes(payload)
    for old in ("files.sqlite3", "network.sqlite3"):
        (folder / old).write_bytes(payload)


def test_payloads_planted_in_every_cache_file_run_nothing_and_change_nothing(tmp_path: Path, server: PlantedServer) -> None:
    site = _site(tmp_path / "site", server.base)
    expected = _findings(site, "--no-cache")
    assert {rule for *_, rule, _ in expected} >= {"link-broken", "duplicate-title", "front-matter-missing", "link-insecure"}
    _findings(site)  # makes every cache file
    _findings(site, "content/a.md")  # a pre-commit run: the facts snapshot is read too
    folder = site / ".artlint_cache"
    assert sorted(path.name for path in folder.glob("*.sqlite3")) == ["files-v5.sqlite3", "network-v2.sqlite3"]
    assert list(folder.glob("facts-*.json"))

    _plant_everywhere(folder, pickle.dumps(_Payload(site / MARKER)))
    assert _findings(site) == expected
    assert sorted(f for f in _findings(site, "content/a.md") if f[0] == "content/a.md") == [f for f in expected if f[0] == "content/a.md"]
    assert not (site / MARKER).exists()
    assert _findings(site) == expected  # and once more, from the cache it rebuilt


def test_garbage_and_truncated_cache_files_are_rebuilt(tmp_path: Path, server: PlantedServer) -> None:
    site = _site(tmp_path / "site", server.base)
    expected = _findings(site, "--no-cache")
    _findings(site)
    folder = site / ".artlint_cache"
    for database in folder.glob("*.sqlite3"):
        database.write_bytes(database.read_bytes()[:1000])
    assert _findings(site) == expected
    for database in folder.glob("*.sqlite3"):
        database.write_bytes(os.urandom(5000))
    assert _findings(site) == expected


def _reseal_without_findings(database: Path) -> None:
    """What an attacker with their own artlint can do: well-formed entries, sealed with their
    own key, that say the site's files have no findings."""
    from artlint.filecache import FileCache

    cache = FileCache(database)
    keys = [key for (key,) in cache._db.execute("SELECT key FROM files")]
    entries = cache.get_many(keys)
    cache.put_many([(key, head, _no_findings(key)) for key, (head, _) in entries.items()])
    cache.close()


def _no_findings(key: str) -> object:
    """No findings, as an entry of each kind holds them (artlint.cached_run)."""
    if key.startswith("run|"):
        return ([], [])  # each file's packed findings, and those added later
    if key.startswith("corpus|"):
        return []
    return b""  # a file's own, packed


def test_entries_sealed_by_someone_else_are_not_believed(tmp_path: Path, server: PlantedServer, monkeypatch) -> None:
    site = _site(tmp_path / "site", server.base)
    expected = _findings(site, "--no-cache", "--offline")
    attacker = {"XDG_CACHE_HOME": str(tmp_path / "attacker-cache")}
    _findings(site, "--offline", env=attacker)
    monkeypatch.setenv("XDG_CACHE_HOME", attacker["XDG_CACHE_HOME"])
    monkeypatch.setattr("artlint.sealing._key", _fresh_key_function())
    _reseal_without_findings(site / ".artlint_cache" / "files-v5.sqlite3")
    assert _findings(site, "--offline", env=attacker) == []  # the attack works on its author's machine
    victim = {"XDG_CACHE_HOME": str(tmp_path / "victim-cache")}
    assert _findings(site, "--offline", env=victim) == expected


def _fresh_key_function():
    from functools import lru_cache

    import artlint.sealing as sealing

    return lru_cache(maxsize=1)(sealing._key.__wrapped__)


def test_a_network_outcome_checked_in_the_future_is_not_believed(tmp_path: Path, server: PlantedServer) -> None:
    import artlint.network.cache as network_cache
    from artlint.cachefolder import NETWORK_DATABASE
    from artlint.sealing import seal

    site = _site(tmp_path / "site", server.base)
    _findings(site)
    database = site / ".artlint_cache" / NETWORK_DATABASE
    key = f"page {server.base}/404"
    outcome = json.dumps({"state": "ok", "reason": "", "status": 200})
    future = time.time() + 10 * 365 * 86400
    with sqlite3.connect(database) as db:
        mark = seal(network_cache._record(key, outcome, 1, future))
        db.execute("INSERT OR REPLACE INTO outcomes VALUES (?, ?, 1, ?, ?)", (key, outcome, future, mark))
    assert ("content/a.md", "link-broken") in {(f[0], f[3]) for f in _findings(site)}


def test_a_same_size_edit_that_keeps_the_modification_time_is_checked_again(tmp_path: Path) -> None:
    write(tmp_path, {"artlint.toml": 'select = ["link-insecure"]\n', "a.md": "[x](https://www.nature.com/a)\n"})
    article = tmp_path / "a.md"
    old = time.time() - 3600
    os.utime(article, (old, old))
    assert _findings(tmp_path, "--offline") == []
    article.write_text("[x](http://www.nature.com/ab)\n", encoding="utf-8")  # same size, as `cp -p` or `rsync -t` leave it
    os.utime(article, (old, old))
    assert [f[3] for f in _findings(tmp_path, "--offline")] == ["link-insecure"]


def test_a_file_changed_just_before_it_was_read_is_not_answered_by_its_times(tmp_path: Path) -> None:
    from artlint.dependencies import RACY_NS, trusted_signature

    info = os.stat(write(tmp_path, {"a.md": "text\n"}) / "a.md")
    changed = max(info.st_mtime_ns, info.st_ctime_ns)
    assert not trusted_signature(info, changed + RACY_NS - 1)
    assert trusted_signature(info, changed + RACY_NS)


def test_cache_clear_deletes_only_what_artlint_made(tmp_path: Path) -> None:
    write(tmp_path, {"artlint.toml": '[network]\ncache = "."\n', "files.md": "# Files\n\nMine.\n", "network.txt": "mine\n"})
    artlint("check", "--offline", ".", cwd=tmp_path)
    assert (tmp_path / "files-v5.sqlite3").is_file()
    code, out, _ = artlint("cache", "clear", cwd=tmp_path)
    assert code == 0
    assert sorted(path.name for path in tmp_path.iterdir()) == ["artlint.toml", "files.md", "network.txt"]


def test_cache_clear_removes_the_folder_artlint_made_but_not_what_else_is_in_it(tmp_path: Path) -> None:
    write(tmp_path, {"artlint.toml": "", "a.md": "# A\n\nText.\n"})
    artlint("check", "--offline", ".", cwd=tmp_path)
    folder = tmp_path / ".artlint_cache"
    assert (folder / "CACHEDIR.TAG").is_file()
    (folder / "notes.txt").write_text("someone put this here\n", encoding="utf-8")
    artlint("cache", "clear", cwd=tmp_path)
    assert sorted(path.name for path in folder.iterdir()) == [".gitignore", "CACHEDIR.TAG", "notes.txt"]
    (folder / "notes.txt").unlink()
    artlint("check", "--offline", ".", cwd=tmp_path)
    artlint("cache", "clear", cwd=tmp_path)
    assert not folder.exists()


def _run_in_process(root: Path):
    from artlint.config import load_config
    from artlint.engine import run

    return run([str(root)], load_config(str(root / "artlint.toml")))


def test_a_cache_folder_that_cannot_be_made_means_a_run_without_the_cache_and_one_warning(tmp_path: Path) -> None:
    write(tmp_path, {"artlint.toml": '[network]\ncache = "blocked"\n', "blocked": "a file where the folder should be\n", "a.md": "No front matter.\n"})
    code, out, err = artlint("check", "--offline", ".", cwd=tmp_path)
    assert code == 1 and "front-matter-missing" in out
    warnings = [line for line in err.splitlines() if "warning" in line]
    assert len(warnings) == 1 and "result cache" in warnings[0] and "running without it" in warnings[0]


def test_a_locked_cache_means_a_run_without_it(tmp_path: Path, monkeypatch) -> None:
    import artlint.sqlitedb as sqlitedb
    from artlint.cachefolder import FILES_DATABASE

    write(tmp_path, {"artlint.toml": "", "a.md": "No front matter.\n"})
    expected = _run_in_process(tmp_path).findings
    (tmp_path / "a.md").write_text("Still no front matter, and changed.\n", encoding="utf-8")
    monkeypatch.setattr(sqlitedb, "BUSY_SECONDS", 0.2)
    holder = sqlite3.connect(tmp_path / ".artlint_cache" / FILES_DATABASE, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")  # another process that never lets go
    try:
        result = _run_in_process(tmp_path)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert [f.rule for f in result.findings] == [f.rule for f in expected]
    assert len(result.warnings) == 1 and "locked" in result.warnings[0]
    assert (tmp_path / ".artlint_cache" / FILES_DATABASE).is_file()  # a locked database is never deleted


@pytest.mark.skipif(not hasattr(os, "fork") or os.geteuid() != 0, reason="needs root to check as another user")
def test_a_read_only_cache_means_a_run_without_it() -> None:
    import tempfile

    with tempfile.TemporaryDirectory() as folder:  # pytest's folders are root's only
        root = write(Path(folder), {"artlint.toml": "", "a.md": "No front matter.\n"})
        _run_in_process(root)
        for path in [root, *root.rglob("*")]:
            os.chmod(path, 0o755 if path.is_dir() else 0o644)  # readable by all, writable by root only
        rules, warnings = _as_another_user(lambda: _run_in_process(root))
    assert rules == ["front-matter-missing"]
    assert len(warnings) == 1 and "running without it" in warnings[0]


def _as_another_user(check) -> tuple[list[str], list[str]]:
    """Run `check` in a forked process as a user who may read the checkout and its cache but
    write neither: (rules found, warnings), or the exception it raised as its only warning."""
    reader, writer = os.pipe()
    child = os.fork()
    if child == 0:  # pragma: no cover - the child's coverage is not collected
        try:
            os.setgroups([])
            os.setgid(1234)
            os.setuid(1234)
            result = check()
            answer = [[f.rule for f in result.findings], result.warnings]
        except BaseException as exc:
            answer = [[], [repr(exc)]]
        os.write(writer, json.dumps(answer).encode())
        os._exit(0)
    os.close(writer)
    with os.fdopen(reader) as stream:
        output = stream.read()
    os.waitpid(child, 0)
    return tuple(json.loads(output))


def test_a_cache_folder_linked_out_of_the_project_is_not_written(tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    site = write(tmp_path / "site", {"artlint.toml": "", "a.md": "No front matter.\n"})
    (site / ".artlint_cache").symlink_to(elsewhere)  # committed with the pull request
    code, out, err = artlint("check", "--offline", ".", cwd=site)
    assert code == 1 and "front-matter-missing" in out
    assert list(elsewhere.iterdir()) == []
    warnings = [line for line in err.splitlines() if "warning" in line]
    assert len(warnings) == 1 and "leads out of the project" in warnings[0] and "ARTLINT_CACHE_DIR" in warnings[0]


def test_a_configuration_cannot_send_the_cache_out_of_the_project_but_the_user_can(tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere"
    site = write(tmp_path / "site", {"artlint.toml": f'[network]\ncache = "{elsewhere}"\n', "a.md": "No front matter.\n"})
    code, out, err = artlint("check", "--offline", ".", cwd=site)
    assert code == 1 and "leads out of the project" in err and not elsewhere.exists()
    code, out, err = artlint("cache", "clear", cwd=site)
    assert code == 2 and "leads out of the project" in err
    mine = tmp_path / "my-cache"
    code, out, err = artlint("check", "--offline", ".", cwd=site, env={"ARTLINT_CACHE_DIR": str(mine)})
    assert code == 1 and "warning" not in err and (mine / FILES_DATABASE_NAME).is_file()



def test_a_same_size_edit_of_a_linked_article_is_seen_by_its_linkers(tmp_path: Path) -> None:
    write(
        tmp_path,
        {
            "artlint.toml": 'select = ["link-anchor-missing"]\n',
            "a.md": "# A\n\nSee [the part](b.md#part-one).\n",
            "b.md": "# B\n\n## Part one\n",
        },
    )
    linked = tmp_path / "b.md"
    old = time.time() - 3600
    os.utime(linked, (old, old))
    assert _findings(tmp_path, "--offline") == []
    linked.write_text("# B\n\n## Part two\n", encoding="utf-8")  # same size, times restored
    os.utime(linked, (old, old))
    assert [f[3] for f in _findings(tmp_path, "--offline")] == ["link-anchor-missing"]


def test_a_key_that_cannot_be_kept_is_said_once(tmp_path: Path) -> None:
    write(tmp_path, {"artlint.toml": "", "a.md": "No front matter.\n", "blocked": "a file where the user's cache folder should be\n"})
    code, out, err = artlint("check", "--offline", ".", cwd=tmp_path, env={"XDG_CACHE_HOME": str(tmp_path / "blocked")})
    assert code == 1 and "front-matter-missing" in out
    warnings = [line for line in err.splitlines() if "warning" in line]
    assert len(warnings) == 1 and "not reused across runs" in warnings[0], err
