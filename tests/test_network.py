"""The network rules against real HTTP servers on 127.0.0.1: outcomes, request counts, cache, guard.

Nothing here reaches the internet; the servers are started by the tests (tests/netserver.py).
"""

from __future__ import annotations

import json
import socket
import ssl
from collections import defaultdict
from pathlib import Path

import pytest
import trustme
from helpers import artlint, write
from netserver import BothSchemesServer, PlantedServer

from artlint.config import parse_config, tomllib
from artlint.engine import run

RULES = ["link-broken", "link-unverified", "link-redirected", "image-unreachable", "image-not-image", "doi-unresolved", "doi-title-mismatch"]


def _config(root: Path, base: str, check_private: bool = True, timeout: float = 1.5, extra: str = ""):
    text = (
        f'select = {json.dumps(RULES)}\n'
        f"[network]\ntimeout = {timeout}\nretries = 2\ncheck-private = {str(check_private).lower()}\ncache = \"cache\"\n"
        f'[doi]\nresolver = "{base}"\n{extra}'
    )
    path = root / "artlint.toml"
    path.write_text(text, encoding="utf-8")
    config = parse_config(tomllib.loads(text), path)
    config.online = True
    return config


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _by_line(result) -> dict[int, list[tuple[str, str]]]:
    lines = defaultdict(list)
    for finding in result.findings:
        lines[finding.line].append((finding.rule, finding.message))
    return dict(lines)


@pytest.fixture
def server():
    with PlantedServer(slow_seconds=5.0) as planted:
        yield planted


def test_outcomes_and_request_counts(tmp_path: Path, server: PlantedServer) -> None:
    b = server.base
    dead = f"http://127.0.0.1:{_free_port()}/nothing-listens"
    article = "\n".join(
        [
            f"[ok]({b}/ok) and again [ok]({b}/ok#section) and [ok]({b}/ok)",  # 1: fetched once
            f"[gone]({b}/404)",  # 2
            f"[gone for good]({b}/410)",  # 3
            f"[server error]({b}/500)",  # 4
            f"[recovers]({b}/flaky)",  # 5
            f"[too slow]({b}/slow)",  # 6
            f"[moved]({b}/moved)",  # 7
            f"[found then 404]({b}/found-404)",  # 8
            f"[loop]({b}/loop-a)",  # 9
            f"[HEAD refused]({b}/head-405)",  # 10
            f"[rate limited once]({b}/rate-once)",  # 11
            f"[rate limited]({b}/rate-always)",  # 12
            f"![a real image]({b}/image.png)",  # 13
            f"![a page, not an image]({b}/fake.png)",  # 14
            f"![a missing image]({b}/404)",  # 15
            f"[forbidden]({b}/403)",  # 16
            f"[nobody home]({dead})",  # 17
            f"bare {b}/404 in text",  # 18
            f"[HEAD says 404, GET works]({b}/head-404)",  # 19
            f"[HEAD redirected to an error page, GET works]({b}/head-redirect)",  # 20
            f"[sets a cookie on the first visit]({b}/cookie-check)",  # 21
            f"[redirects for ever, a new cookie each time]({b}/cookie-forever)",  # 22
            f"[the server timed out waiting]({b}/408)",  # 23
            f"[not available here]({b}/451)",  # 24
        ]
    )
    write(tmp_path, {"a.md": article + "\n"})
    result = run([str(tmp_path / "a.md")], _config(tmp_path, b))
    lines = _by_line(result)
    assert 1 not in lines
    assert lines[2] == [("link-broken", "broken link: 404 Not Found")]
    assert lines[3] == [("link-broken", "broken link: 410 Gone")]
    assert lines[4][0][0] == "link-unverified" and "500" in lines[4][0][1] and "after 3 tries" in lines[4][0][1]
    assert 5 not in lines
    assert lines[6][0][0] == "link-unverified" and "timed out" in lines[6][0][1]
    assert lines[7] == [("link-redirected", f"permanently redirected to {b}/final")]
    assert lines[8] == [("link-broken", "broken link: 404 Not Found")]
    assert lines[9][0][0] == "link-broken" and "redirect loop" in lines[9][0][1]
    assert 10 not in lines
    assert 11 not in lines
    assert lines[12][0][0] == "link-unverified" and "429" in lines[12][0][1]
    assert 13 not in lines
    assert lines[14] == [("image-not-image", "the image URL answers 200 OK, but not with an image")]
    assert lines[15] == [("image-unreachable", "broken image: 404 Not Found")]
    assert lines[16][0][0] == "link-unverified" and "403" in lines[16][0][1]
    assert lines[17] == [("link-broken", "broken link: connection refused")]
    assert lines[18] == [("link-broken", "broken link: 404 Not Found")]
    assert 19 not in lines and 20 not in lines
    assert 21 not in lines
    assert lines[22] == [("link-broken", "broken link: more than 10 redirects")]
    assert lines[23] == [("link-unverified", "could not verify: 408 Request Timeout (request timeout, after 3 tries)")]
    assert lines[24] == [("link-unverified", "could not verify: 451 Unavailable For Legal Reasons (unavailable for legal reasons where artlint ran)")]

    # each URL once per run, whatever the number of occurrences; retries only where they belong
    assert server.requests_for("/ok") == 1
    # a page is broken only if GET agrees with HEAD: the page (HEAD, then GET), the image (GET),
    # and /found-404's redirects, followed with HEAD and again with GET
    assert server.requests_for("/404") == 5
    assert server.requests_for("/found-404") == 2
    assert server.requests_for("/head-404") == 2
    assert server.requests_for("/head-redirect") == 2 and server.requests_for("/error-page") == 1
    assert server.requests_for("/500") == 3  # first try + 2 retries
    assert server.requests_for("/flaky") == 2
    assert server.requests_for("/slow") == 3
    assert server.requests_for("/head-405") == 2  # HEAD refused, then GET
    assert server.requests_for("/rate-once") == 2
    assert server.requests_for("/rate-always") == 3
    assert server.requests_for("/moved") == 1 and server.requests_for("/final") == 1
    assert server.requests_for("/loop-a") == 2 and server.requests_for("/loop-b") == 2  # HEAD, then GET
    assert server.requests_for("/cookie-check") == 2  # redirected once, then served with the cookie
    assert server.requests_for("/cookie-forever") == 22  # 11 with HEAD, 11 with GET
    assert server.requests_for("/408") == 3  # first try + 2 retries
    assert server.requests_for("/451") == 1


def test_every_occurrence_is_reported_and_the_cache_answers_the_second_run(tmp_path: Path, server: PlantedServer) -> None:
    b = server.base
    write(tmp_path, {"a.md": f"[x]({b}/404)\n\n[y]({b}/404)\n\n[z][ref]\n\n[ref]: {b}/404\n\n[ok]({b}/ok)\n", "b.md": f"[w]({b}/404)\n"})
    config = _config(tmp_path, b)
    first = run([str(tmp_path)], config)
    broken = [(Path(f.path).name, f.line) for f in first.findings if f.rule == "link-broken"]
    assert broken == [("a.md", 1), ("a.md", 3), ("a.md", 7), ("b.md", 1)]
    assert server.total() == 3  # /404 (HEAD, and GET to confirm) and /ok, once each
    second = run([str(tmp_path)], config)
    assert [(f.path, f.line, f.rule) for f in second.findings] == [(f.path, f.line, f.rule) for f in first.findings]
    assert server.total() == 3  # the cache answered everything
    run([str(tmp_path)], config, use_cache=False)
    assert server.total() == 6


def test_waiting_for_a_busy_host_does_not_count_against_the_cap(tmp_path: Path, server: PlantedServer) -> None:
    """20 URLs on one host, one at a time, 0.1 s each: the last waits 1.9 s for its turn, more
    than the cap of one target (0.8 s here), and is still checked, not given up."""
    text = 'select = ["link-broken", "link-unverified"]\n[network]\ntimeout = 0.2\nretries = 0\nper-host = 1\ncheck-private = true\n'
    (tmp_path / "artlint.toml").write_text(text, encoding="utf-8")
    config = parse_config(tomllib.loads(text), tmp_path / "artlint.toml")
    config.online = True
    write(tmp_path, {"a.md": "".join(f"[page {n}]({server.base}/wait/{n})\n" for n in range(20))})
    result = run([str(tmp_path / "a.md")], config, use_cache=False)
    assert result.findings == []
    assert sum(server.requests_for(f"/wait/{n}") for n in range(20)) == 20


def test_unverified_outcomes_are_not_cached(tmp_path: Path, server: PlantedServer) -> None:
    write(tmp_path, {"a.md": f"[x]({server.base}/403)\n"})
    config = _config(tmp_path, server.base)
    run([str(tmp_path)], config)
    run([str(tmp_path)], config)
    assert server.requests_for("/403") == 4  # HEAD 403, then GET 403; and again on the second run


def test_doi_resolution_and_registered_titles(tmp_path: Path, server: PlantedServer) -> None:
    article = "\n".join(
        [
            "1. Known. [Deep sleep consolidates memory in adults](https://doi.org/10.1234/known).",
            "2. Unknown: doi:10.1234/unknown.",
            '3. "A completely different title of a paper" doi:10.1234/other',
            "4. No title stated, doi:10.1234/other",
            "5. Title with other case and punctuation: “deep sleep — consolidates memory in adults!” doi:10.1234/known",
        ]
    )
    write(tmp_path, {"a.md": article + "\n"})
    result = run([str(tmp_path / "a.md")], _config(tmp_path, server.base))
    lines = _by_line(result)
    assert lines[2] == [("doi-unresolved", "DOI 10.1234/unknown is not registered")]
    assert lines[3] == [("doi-title-mismatch", 'the DOI\'s registered title is "A study of something else entirely", not the one cited')]
    assert set(lines) == {2, 3}
    assert server.requests_for("/api/handles/10.1234/known") == 1
    assert server.requests_for("/10.1234/known") == 1  # metadata once, for two citations


def test_short_dois_are_resolved_and_not_compared_by_title(tmp_path: Path, server: PlantedServer) -> None:
    article = "\n".join(
        [
            "1. [A title that is not the full DOI's title](https://doi.org/10/gf4gqc).",
            '2. "Another title, never compared with anything" doi:10/zzzz9',
        ]
    )
    write(tmp_path, {"a.md": article + "\n"})
    result = run([str(tmp_path / "a.md")], _config(tmp_path, server.base))
    assert _by_line(result) == {2: [("doi-unresolved", "DOI 10/zzzz9 is not registered")]}
    assert server.requests_for("/api/handles/10/gf4gqc") == 1
    assert server.requests_for("/10/gf4gqc") == 0  # no metadata asked for a ShortDOI


def test_private_addresses_are_refused_by_default(tmp_path: Path, server: PlantedServer) -> None:
    write(tmp_path, {"a.md": f"[local]({server.base}/ok)\n"})
    result = run([str(tmp_path / "a.md")], _config(tmp_path, server.base, check_private=False))
    assert [(f.rule, f.message) for f in result.findings] == [
        ("link-unverified", "could not verify: refused to fetch 127.0.0.1: it resolves to 127.0.0.1, a private or local address")
    ]
    assert server.total() == 0


def test_private_address_refused_on_a_redirect_hop(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """127.0.0.1 stands in for a public host; its redirect to 127.0.0.2 must be refused."""
    import artlint.network.guard as guard

    real = guard.is_public_address
    monkeypatch.setattr(guard, "is_public_address", lambda address: address == "127.0.0.1" or real(address))
    with PlantedServer("127.0.0.1") as public, PlantedServer("127.0.0.2") as private:
        public.other_base = private.base
        write(tmp_path, {"a.md": f"[hop]({public.base}/to-other-host)\n"})
        result = run([str(tmp_path / "a.md")], _config(tmp_path, public.base, check_private=False))
        assert [(f.rule, f.message) for f in result.findings] == [
            ("link-unverified", "could not verify: refused to fetch 127.0.0.2: it resolves to 127.0.0.2, a private or local address")
        ]
        assert public.requests_for("/to-other-host") == 1
        assert private.total() == 0


def _tls_server(ca, name: str) -> PlantedServer:
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    ca.issue_cert(name).configure_cert(context)
    return PlantedServer(tls=context)


def test_tls_certificates(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A certificate for another host is a broken link; one nobody vouches for is unverified."""
    trusted, stranger = trustme.CA(), trustme.CA()
    trusted.cert_pem.write_to_path(str(tmp_path / "ca.pem"))
    monkeypatch.setenv("SSL_CERT_FILE", str(tmp_path / "ca.pem"))
    with _tls_server(trusted, "127.0.0.1") as good, _tls_server(trusted, "other.example") as wrong, _tls_server(stranger, "127.0.0.1") as unknown:
        write(tmp_path, {"a.md": f"[good]({good.base}/ok) ![image]({good.base}/image.png)\n[wrong host]({wrong.base}/ok)\n[unknown CA]({unknown.base}/ok)\n"})
        result = run([str(tmp_path / "a.md")], _config(tmp_path, good.base))
        lines = _by_line(result)
        assert 1 not in lines and good.requests_for("/ok") == 1 and good.requests_for("/image.png") == 1
        assert lines[2] == [("link-broken", "broken link: TLS certificate is for another host")]
        assert lines[3][0][0] == "link-unverified" and "TLS error" in lines[3][0][1]
        assert wrong.total() == 0 and unknown.total() == 0


def test_offline_skips_the_network(tmp_path: Path, server: PlantedServer) -> None:
    write(tmp_path, {"a.md": f"[x]({server.base}/404)\n", "artlint.toml": "[network]\ncheck-private = true\n"})
    code, out, err = artlint("check", "--offline", "--quiet", "--select", "network", ".", cwd=tmp_path)
    assert code == 0 and out == "" and server.total() == 0


def test_cli_json_carries_the_url_and_cache_clear(tmp_path: Path, server: PlantedServer) -> None:
    write(
        tmp_path,
        {
            "a.md": f"[x]({server.base}/404)\n",
            "artlint.toml": f'select = ["link-broken"]\n[network]\ncheck-private = true\n[doi]\nresolver = "{server.base}"\n',
        },
    )
    code, out, _ = artlint("check", "--format", "json", ".", cwd=tmp_path)
    assert code == 1
    finding = json.loads(out)["findings"][0]
    assert finding["rule"] == "link-broken" and finding["url"] == f"{server.base}/404"
    assert (tmp_path / ".artlint_cache" / "network-v2.sqlite3").is_file()
    code, out, _ = artlint("cache", "clear", cwd=tmp_path)
    assert code == 0 and out.startswith(f"removed 2 cache files from {tmp_path / '.artlint_cache'}\n")  # network results and file results
    assert not (tmp_path / ".artlint_cache" / "network-v2.sqlite3").exists()


def test_redirected_links_take_their_final_url_only_with_unsafe_fixes(tmp_path: Path, server: PlantedServer) -> None:
    b = server.base
    _config(tmp_path, b)
    text = f"+++\ntitle = \"r\"\n+++\n\nSee [the guide]({b}/moved#part-2) and [a page]({b}/ok).\n"
    write(tmp_path, {"a.md": text})
    code, _, err = artlint("check", "--fix", "a.md", cwd=tmp_path)
    assert (tmp_path / "a.md").read_text("utf-8") == text, err  # unsafe: not applied by --fix alone
    code, out, err = artlint("check", "--fix", "--unsafe-fixes", "a.md", cwd=tmp_path)
    assert (tmp_path / "a.md").read_text("utf-8") == text.replace(f"{b}/moved#part-2", f"{b}/final#part-2"), err
    assert "fixed 1 finding in 1 file" in err
    assert "link-redirected" not in out


def test_html_report_lists_the_hosts_with_broken_links(tmp_path: Path, server: PlantedServer) -> None:
    b = server.base
    _config(tmp_path, b)
    write(tmp_path, {"a.md": f"[gone]({b}/404) [gone again]({b}/410) [forbidden]({b}/403) [fine]({b}/ok)\n"})
    code, _, err = artlint("check", "--format", "html", "--output", "report.html", "a.md", cwd=tmp_path)
    assert code == 1, err
    page = (tmp_path / "report.html").read_text("utf-8")
    hosts = page[page.index("Hosts with broken or unverified links") :]
    assert "<tr><td>127.0.0.1</td><td>2</td><td>1</td></tr>" in hosts


def test_suppressions_of_network_rules_are_judged_online_only(tmp_path: Path, server: PlantedServer) -> None:
    b = server.base
    write(
        tmp_path,
        {
            "a.md": f"<!-- artlint-disable-next-line link-broken -->\n[x]({b}/404)\n\n<!-- artlint-disable-next-line link-broken -->\n[ok]({b}/ok)\n",
            "artlint.toml": f'select = ["link-broken", "unused-suppression"]\n[network]\ncheck-private = true\n[doi]\nresolver = "{b}"\n',
        },
    )
    for _ in range(2):  # the second run from the caches
        code, out, _ = artlint("check", "--quiet", ".", cwd=tmp_path)
        assert code == 0
        assert out == "a.md:4:1  info  unused-suppression  [*] unused suppression: link-broken reported nothing where it applies\n"
    code, out, _ = artlint("check", "--quiet", "--offline", ".", cwd=tmp_path)  # link-broken did not run
    assert code == 0 and out == ""


def test_insecure_links_are_asked_over_https_online(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Online, an http:// image whose host nothing in the checkout says serves https is asked
    for the same address over https: reported (with its safe fix) when it answers, not when
    the https address is missing or the host speaks no TLS. A host known to serve https is
    reported without asking."""
    import artlint.network.dns as dns

    ca = trustme.CA()
    ca.cert_pem.write_to_path(str(tmp_path / "ca.pem"))
    monkeypatch.setenv("SSL_CERT_FILE", str(tmp_path / "ca.pem"))
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    ca.issue_cert("img.example-art.org").configure_cert(context)
    names = {"img.example-art.org": "127.0.0.1", "old.example-art.org": "127.0.0.1"}

    async def lookup(name: str) -> list[str]:
        if name in names:
            return [names[name]]
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")

    monkeypatch.setattr(dns, "system_lookup", lookup)
    with BothSchemesServer(context) as both, PlantedServer() as plain:
        both_port, plain_port = both.server_address[1], plain.server_address[1]
        article = (
            f"![chart](http://img.example-art.org:{both_port}/image.png)\n\n"
            f"![gone](http://img.example-art.org:{both_port}/missing.png)\n\n"
            f"![old](http://old.example-art.org:{plain_port}/image.png)\n\n"
            "[the page](http://en.wikipedia.org/wiki/Mixed_content)\n"
        )
        write(tmp_path, {"a.md": article})
        text = 'select = ["link-insecure"]\n[network]\ntimeout = 2\nretries = 0\ncheck-private = true\ncache = "cache"\n'
        (tmp_path / "artlint.toml").write_text(text, encoding="utf-8")
        config = parse_config(tomllib.loads(text), tmp_path / "artlint.toml")
        config.online = True
        result = run([str(tmp_path / "a.md")], config, use_cache=False)
        found = sorted((f.line, f.message, f.fix is not None and f.fix.safe) for f in result.findings)
        assert found == [
            (1, "insecure http:// image: img.example-art.org serves it over https://", True),
            (7, "insecure http:// link: en.wikipedia.org is under wikipedia.org, which serves https://", True),
        ]
        assert both.requests_for("/image.png") == 1 and both.requests_for("/missing.png") == 1
        assert plain.total() == 0  # asked over TLS, which a plain server never answers as HTTP
        [fix] = [f.fix for f in result.findings if f.line == 1]
        assert [(e.line, e.column, e.end_column, e.replacement) for e in fix.edits] == [(1, 10, 14, "https")]

        config.online = False  # offline: only what the checkout says
        offline = run([str(tmp_path / "a.md")], config, use_cache=False)
        assert [(f.line, f.rule) for f in offline.findings] == [(7, "link-insecure")]
