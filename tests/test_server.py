"""`artlint server` end to end: a client (tests/lsp_client.py) drives `python -m artlint server`
over its stdin and stdout, as an editor does. Never on the internet: network rules do not run
on keystrokes, and the one configuration that turns on `[editor] network-on-save` links to a
loopback server of the tests."""

from __future__ import annotations

from pathlib import Path

import pytest
from lsp_client import Client, apply_edits

from artlint.config import ConfigError, load_config
from artlint.findings import Finding, Severity
from artlint.server import ArtlintServer, OpenDocument, TextMap, _kept_at_the_end

ARTICLE = """---
title: "Sleep and memory"
date: 2024-03-01
---

中文😀 see [维基😀百科](http://en.wikipedia.org/wiki/Sleep) here.

This is is a sentence.
"""


def utf16_slice(text: str, range_: dict) -> str:
    """The text an LSP range (UTF-16 columns) covers."""
    lines = text.split("\n")

    def offset(position: dict) -> int:
        line = lines[position["line"]]
        units = 0
        for index, character in enumerate(line):
            if units == position["character"]:
                return sum(len(item) + 1 for item in lines[: position["line"]]) + index
            units += 2 if ord(character) > 0xFFFF else 1
        assert units == position["character"], "a position inside a surrogate pair or past the line"
        return sum(len(item) + 1 for item in lines[: position["line"]]) + len(line)

    return text[offset(range_["start"]) : offset(range_["end"])]


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("site")
    (root / "artlint.toml").write_text("", encoding="utf-8")
    (root / "content").mkdir()
    (root / "content" / "on-disk.md").write_text('---\ntitle: "Only on disk"\n---\n\nText.\n', encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def client(project: Path):
    client = Client(project)
    client.capabilities = client.initialize(project, {"debounce": 50})["capabilities"]
    yield client
    if client.process.poll() is None:
        client.close()


def by_rule(diagnostics: list[dict], rule: str) -> list[dict]:
    return [diagnostic for diagnostic in diagnostics if diagnostic["code"] == rule]


def opened(client: Client, path: Path, text: str) -> tuple[str, list[dict]]:
    after = client.count
    uri = client.open(path, text)
    _, diagnostics = client.diagnostics(uri, after, version=1)
    return uri, diagnostics


def actions_at(client: Client, uri: str, range_: dict, only: list[str] | None = None) -> list[dict]:
    context: dict = {"diagnostics": []}
    if only is not None:
        context["only"] = only
    return client.request("textDocument/codeAction", {"textDocument": {"uri": uri}, "range": range_, "context": context})


def test_initialize_says_what_the_server_does(client: Client) -> None:
    capabilities = client.capabilities
    assert capabilities["positionEncoding"] == "utf-16"
    assert capabilities["textDocumentSync"]["change"] == 2  # incremental
    assert capabilities["hoverProvider"] is True
    assert set(capabilities["codeActionProvider"]["codeActionKinds"]) == {"quickfix", "source.fixAll"}


def test_diagnostics_on_open_are_placed_in_utf16_columns(client: Client, project: Path) -> None:
    uri, diagnostics = opened(client, project / "content" / "ranges.md", ARTICLE)
    [insecure] = by_rule(diagnostics, "link-insecure")
    # Each 😀 is two UTF-16 units: the URL starts at unit 18, code point 16.
    assert insecure["range"]["start"] == {"line": 5, "character": 18}
    assert utf16_slice(ARTICLE, insecure["range"]) == "http://en.wikipedia.org/wiki/Sleep"
    assert insecure["severity"] == 2
    assert insecure["source"] == "artlint"
    assert insecure["codeDescription"]["href"].endswith("rules.md#link-insecure")
    [doubled] = by_rule(diagnostics, "duplicate-word")
    assert utf16_slice(ARTICLE, doubled["range"]) == "is is"
    assert doubled["range"]["start"]["line"] == 7


def test_a_change_is_checked_from_the_unsaved_text(client: Client, project: Path) -> None:
    uri, diagnostics = opened(client, project / "content" / "change.md", ARTICLE)
    assert by_rule(diagnostics, "link-insecure")
    after = client.count
    # An incremental edit: "http" -> "https" after the emoji-laden link text (UTF-16 columns).
    start = {"line": 5, "character": 18}
    client.change(uri, 2, edit=({"start": start, "end": {"line": 5, "character": 22}}, "https"))
    _, diagnostics = client.diagnostics(uri, after, version=2)
    assert not by_rule(diagnostics, "link-insecure")
    assert by_rule(diagnostics, "duplicate-word")
    assert not (project / "content" / "change.md").exists()


def test_code_actions_fix_safe_first_and_label_unsafe_ones(client: Client, project: Path) -> None:
    text = ARTICLE.replace("This is is a sentence.", "The the [wiki](http://en.wikipedia.org/wiki/Memory) text.")
    uri, diagnostics = opened(client, project / "content" / "fixes.md", text)
    line = {"start": {"line": 7, "character": 0}, "end": {"line": 7, "character": 40}}
    titles = [action["title"] for action in actions_at(client, uri, line)]
    assert titles[0] == "use https://"
    unsafe = [title for title in titles if title.endswith("(unsafe)")]
    assert unsafe and titles.index(unsafe[0]) > 0
    assert "Disable link-insecure for this line" in titles and "Disable duplicate-word for this line" in titles
    assert titles[-1] == "Fix all safe fixes in this file"

    [fix] = [action for action in actions_at(client, uri, by_rule(diagnostics, "link-insecure")[0]["range"]) if action["title"] == "use https://"]
    assert fix["kind"] == "quickfix" and fix["isPreferred"] is True
    assert fix["diagnostics"][0]["code"] == "link-insecure"
    fixed = apply_edits(text, fix["edit"]["changes"][uri])
    assert fixed == text.replace("(http://en.wikipedia.org/wiki/Sleep)", "(https://en.wikipedia.org/wiki/Sleep)")


def test_fix_all_applies_every_safe_fix_and_no_unsafe_one(client: Client, project: Path) -> None:
    text = ARTICLE.replace("This is is a sentence.", "The the [wiki](http://en.wikipedia.org/wiki/Memory) text.")
    uri, _ = opened(client, project / "content" / "fix-all.md", text)
    whole = {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 0}}
    [action] = actions_at(client, uri, whole, only=["source.fixAll"])
    assert action["kind"] == "source.fixAll"
    fixed = apply_edits(text, action["edit"]["changes"][uri])
    assert fixed == text.replace("http://", "https://")  # "The the" is an unsafe fix: left


def test_fixes_keep_crlf_line_ends(client: Client, project: Path) -> None:
    text = "---\r\ntitle: Windows\r\n---\r\n\r\n😀 See [w](http://en.wikipedia.org/wiki/A) and and more.\r\n"
    uri, diagnostics = opened(client, project / "content" / "crlf.md", text)
    [insecure] = by_rule(diagnostics, "link-insecure")
    assert insecure["range"]["start"] == {"line": 4, "character": 11}  # 😀 is 2 units
    actions = actions_at(client, uri, insecure["range"])
    [fix_all] = [a for a in actions if a["kind"] == "source.fixAll"]
    assert apply_edits(text, fix_all["edit"]["changes"][uri]) == text.replace("http:", "https:")
    [disable] = [a for a in actions if a["title"] == "Disable link-insecure for this line"]
    changed = apply_edits(text, disable["edit"]["changes"][uri])
    assert changed.endswith(" and and more. <!-- artlint-disable-line link-insecure -->\r\n")


def test_disable_for_line_adds_a_comment_that_suppresses_the_finding(client: Client, project: Path) -> None:
    text = ARTICLE + "Soft break at the end  \n"
    uri, diagnostics = opened(client, project / "content" / "disable.md", text)
    [doubled] = by_rule(diagnostics, "duplicate-word")
    [action] = [a for a in actions_at(client, uri, doubled["range"]) if a["title"] == "Disable duplicate-word for this line"]
    changed = apply_edits(text, action["edit"]["changes"][uri])
    assert changed.splitlines()[7] == "This is is a sentence. <!-- artlint-disable-line duplicate-word -->"
    after = client.count
    client.change(uri, 2, changed)
    _, diagnostics = client.diagnostics(uri, after, version=2)
    assert not by_rule(diagnostics, "duplicate-word") and by_rule(diagnostics, "link-insecure")
    # A second rule on the same line joins the comment already there.
    [insecure] = by_rule(diagnostics, "link-insecure")
    [action] = [a for a in actions_at(client, uri, insecure["range"]) if a["title"].startswith("Disable")]
    line = apply_edits(changed, action["edit"]["changes"][uri]).splitlines()[5]
    assert line.endswith(" here. <!-- artlint-disable-line link-insecure -->")


def test_disable_for_line_in_front_matter_is_a_yaml_comment(client: Client, project: Path) -> None:
    text = "---\ntitle: Dates\ndate: soon\n---\n\nBody.\n"
    uri, diagnostics = opened(client, project / "content" / "front.md", text)
    [date] = by_rule(diagnostics, "front-matter-invalid-date")
    [action] = [a for a in actions_at(client, uri, date["range"]) if a["title"].startswith("Disable")]
    changed = apply_edits(text, action["edit"]["changes"][uri])
    assert changed.splitlines()[2] == "date: soon # <!-- artlint-disable-line front-matter-invalid-date -->"
    after = client.count
    client.change(uri, 2, changed)
    _, diagnostics = client.diagnostics(uri, after, version=2)
    assert not by_rule(diagnostics, "front-matter-invalid-date")


def test_hover_on_a_diagnostic_explains_the_rule(client: Client, project: Path) -> None:
    uri, diagnostics = opened(client, project / "content" / "hover.md", ARTICLE)
    [insecure] = by_rule(diagnostics, "link-insecure")
    hover = client.request("textDocument/hover", {"textDocument": {"uri": uri}, "position": insecure["range"]["start"]})
    assert hover["contents"]["kind"] == "markdown"
    assert hover["contents"]["value"].startswith("## link-insecure")
    assert "### What it finds" in hover["contents"]["value"]
    nothing = client.request("textDocument/hover", {"textDocument": {"uri": uri}, "position": {"line": 9, "character": 0}})
    assert nothing is None


def test_corpus_rules_compare_the_open_unsaved_articles(client: Client, project: Path) -> None:
    first = '---\ntitle: "Deep sleep helps memory"\ndate: 2024-03-01\n---\n\nFirst.\n'
    second = '---\ntitle: "Deep Sleep Helps Memory!"\ndate: 2024-05-01\n---\n\nSecond.\n'
    uri_first, _ = opened(client, project / "content" / "sleep.md", first)
    after = client.count
    uri_second = client.open(project / "content" / "sleep-again.md", second)
    _, diagnostics = client.wait_for(
        lambda m: m.get("method") == "textDocument/publishDiagnostics" and m["params"]["uri"] == uri_second and by_rule(m["params"]["diagnostics"], "duplicate-title"),
        after,
    )
    [duplicate] = by_rule(diagnostics["params"]["diagnostics"], "duplicate-title")
    assert "sleep.md" in duplicate["message"]
    assert duplicate["range"]["start"]["line"] == 1
    # A new title in the second article: the finding goes, without a save.
    after = client.count
    client.change(uri_second, 2, second.replace("Deep Sleep Helps Memory!", "Naps and learning"))
    _, diagnostics_now = client.diagnostics(uri_second, after, version=2)
    assert not by_rule(diagnostics_now, "duplicate-title")
    assert uri_first != uri_second


def test_the_project_index_is_read_from_disk_and_follows_changed_files(client: Client, project: Path) -> None:
    on_disk = project / "content" / "on-disk.md"
    uri, _ = opened(client, project / "content" / "zz-copy.md", '---\ntitle: "Only on disk"\n---\n\nA copy.\n')
    # The index is built on a thread at the first need: its findings may come in a second publication.
    _, message = client.wait_for(
        lambda m: m.get("method") == "textDocument/publishDiagnostics" and m["params"]["uri"] == uri and by_rule(m["params"]["diagnostics"], "duplicate-title")
    )
    assert "on-disk.md" in by_rule(message["params"]["diagnostics"], "duplicate-title")[0]["message"]
    on_disk.write_text('---\ntitle: "Renamed on disk"\n---\n\nText.\n', encoding="utf-8")
    after = client.count
    client.notify("workspace/didChangeWatchedFiles", {"changes": [{"uri": on_disk.as_uri(), "type": 2}]})
    _, diagnostics = client.diagnostics(uri, after)
    assert not by_rule(diagnostics, "duplicate-title")


def test_a_configuration_mistake_is_one_diagnostic(client: Client, tmp_path: Path) -> None:
    (tmp_path / "artlint.toml").write_text("[editor]\nnetwork-on-sav = true\n", encoding="utf-8")
    uri, diagnostics = opened(client, tmp_path / "a.md", "# A\n")
    [problem] = diagnostics
    assert problem["code"] == "config" and problem["severity"] == 1
    assert "network-on-sav" in problem["message"] and "did you mean 'network-on-save'" in problem["message"]
    # Corrected outside the editor: read again, and the article checked under it.
    (tmp_path / "artlint.toml").write_text("[editor]\nnetwork-on-save = false\n", encoding="utf-8")
    after = client.count
    client.notify("workspace/didChangeWatchedFiles", {"changes": [{"uri": (tmp_path / "artlint.toml").as_uri(), "type": 2}]})
    _, diagnostics = client.diagnostics(uri, after)
    assert not [diagnostic for diagnostic in diagnostics if diagnostic["code"] == "config"]


def test_network_rules_run_on_save_only_when_the_configuration_asks_and_exit(tmp_path: Path) -> None:
    """On a loopback server of the tests (tests/netserver.py), never the internet. Ends the
    session as an editor does: shutdown, exit."""
    from netserver import PlantedServer

    with PlantedServer() as server:
        settings = '[network]\ntimeout = 2\nretries = 0\ncheck-private = true\ncache = "cache"\n'
        (tmp_path / "on").mkdir()
        (tmp_path / "off").mkdir()
        (tmp_path / "on" / "artlint.toml").write_text(settings + "[editor]\nnetwork-on-save = true\n", encoding="utf-8")
        (tmp_path / "off" / "artlint.toml").write_text(settings, encoding="utf-8")
        text = f"# Links\n\nSee [the page]({server.base}/404).\n"
        client = Client(tmp_path)
        try:
            client.initialize(tmp_path)
            uris = {}
            for name in ("off", "on"):
                uris[name], diagnostics = opened(client, tmp_path / name / "a.md", text)
                assert not by_rule(diagnostics, "link-broken")
            assert server.total() == 0  # not on open, nor as the text is typed
            after = client.count
            for name in ("off", "on"):
                client.notify("textDocument/didSave", {"textDocument": {"uri": uris[name]}})
            _, diagnostics = client.diagnostics(uris["on"], after)
            [broken] = by_rule(diagnostics, "link-broken")
            assert broken["range"]["start"] == {"line": 2, "character": 15}
            assert server.requests_for("/404") >= 1
            assert client.count == after + 1  # nothing for the file whose configuration says no
            # shutdown, then exit: the server ends with 0, as LSP asks.
            assert client.close() == 0
        finally:
            if client.process.poll() is None:
                client.process.kill()


# --------------------------------------------------------------------------- in process


def test_editor_settings_are_validated(tmp_path: Path) -> None:
    config = tmp_path / "artlint.toml"
    config.write_text("[editor]\nnetwork-on-save = true\n", encoding="utf-8")
    assert load_config(str(config)).editor.network_on_save is True
    assert load_config(None, tmp_path.parent).editor.network_on_save is False  # the default
    config.write_text('[editor]\nnetwork-on-save = "yes"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match="network-on-save"):
        load_config(str(config))


def test_text_map_counts_utf16_units_bom_and_crlf() -> None:
    text = "\ufeffa😀b\r\nc中d\re"
    positions = TextMap(text)
    assert positions.position(1, 3) == positions.at_offset(3)  # after the emoji: BOM 1 + a 1 + 😀 2 units
    assert (positions.position(1, 3).line, positions.position(1, 3).character) == (0, 4)
    assert (positions.position(2, 3).line, positions.position(2, 3).character) == (1, 2)
    assert (positions.position(3, 1).line, positions.position(3, 1).character) == (2, 0)
    assert (positions.position(9, 1).line, positions.position(9, 1).character) == (2, 1)  # past the end: its end
    assert positions.newline == "\r\n"


def test_a_comment_keeps_a_hard_line_break_at_the_end() -> None:
    assert _kept_at_the_end("text  ", markdown=True) == "  "
    assert _kept_at_the_end("text\\", markdown=True) == "\\"
    assert _kept_at_the_end("a: b", markdown=False) == ""


def test_in_a_code_block_the_rule_is_disabled_for_the_file(tmp_path: Path) -> None:
    (tmp_path / "artlint.toml").write_text("", encoding="utf-8")
    text = "---\ntitle: Code\n---\nBody.\n\n```\nsee http://example.com\n```\n"
    server = ArtlintServer()
    path = str(tmp_path / "code.md")
    doc = OpenDocument("file://" + path, path, "code.md", server.project_for(path), text, 1, TextMap(text))
    for line, expected in ((6, "file"), (7, "file"), (8, "file"), (5, "line")):
        finding = Finding("code.md", line, 1, line, 4, "bare-url", Severity.WARNING, "m")
        action = server.disable_action(doc, finding, server.diagnostic(doc, finding))
        assert action is not None and action.title == f"Disable bare-url for this {expected}"
        if expected == "file":
            [edit] = action.edit.changes[doc.uri]
            assert (edit.range.start.line, edit.range.start.character) == (3, 0)
            assert edit.new_text == "<!-- artlint-disable-file bare-url -->\n"
