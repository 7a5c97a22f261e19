"""Host names are looked up once per run, failures included, and "no such host" is trusted only
where the resolver is seen to work (issue 21). Requests go to a real server on 127.0.0.1 under
the name `localhost`; the tests count the questions put to the system resolver by standing in
for artlint.network.dns.system_lookup, which asks it."""

from __future__ import annotations

import json
import socket
from pathlib import Path

import pytest
from helpers import write
from netserver import PlantedServer

from artlint.config import parse_config, tomllib
from artlint.engine import run
from artlint.network import dns

RULES = ["link-broken", "link-unverified", "image-unreachable"]


def _config(root: Path, network: str = ""):
    text = f'select = {json.dumps(RULES)}\n[network]\ncheck-private = true\nretries = 0\n{network}'
    path = root / "artlint.toml"
    path.write_text(text, encoding="utf-8")
    config = parse_config(tomllib.loads(text), path)
    config.online = True
    return config


@pytest.fixture
def questions(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every name asked of the system resolver; names ending in `.invalid` do not exist and
    `broken-resolver.test` fails as a resolver that times out does."""
    asked: list[str] = []
    real = dns.system_lookup

    async def counting(name: str) -> list[str]:
        asked.append(name)
        if name.endswith(".invalid"):
            raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")
        if name == "broken-resolver.test":
            raise socket.gaierror(socket.EAI_AGAIN, "Temporary failure in name resolution")
        return await real(name)

    monkeypatch.setattr(dns, "system_lookup", counting)
    return asked


def _findings(root: Path, config) -> dict[str, list[tuple[str, str]]]:
    by_url: dict[str, list[tuple[str, str]]] = {}
    for finding in run([str(root / "a.md")], config, use_cache=False).findings:
        by_url.setdefault(finding.url, []).append((finding.rule, finding.message))
    return by_url


def test_many_links_to_one_host_ask_the_resolver_once(tmp_path: Path, questions: list[str]) -> None:
    with PlantedServer() as server:
        base = server.base.replace("127.0.0.1", "localhost")
        links = [f"[page {n}]({base}/ok?n={n})" for n in range(40)] + [f"[gone]({base}/404)"]
        write(tmp_path, {"a.md": "\n\n".join(links) + "\n"})
        by_url = _findings(tmp_path, _config(tmp_path, 'dns-canary = "localhost"\n'))
        assert server.total() >= 41  # every link was checked, through the pinned address
    assert questions.count("localhost") == 1
    assert by_url == {f"{base}/404": [("link-broken", "broken link: 404 Not Found")]}


def test_a_name_that_does_not_exist_is_broken_and_asked_once(tmp_path: Path, questions: list[str]) -> None:
    links = [f"[dead {n}](https://gone.invalid/page/{n})" for n in range(10)]
    write(tmp_path, {"a.md": "\n\n".join(links) + "\n"})
    by_url = _findings(tmp_path, _config(tmp_path, 'dns-canary = "localhost"\n'))
    assert questions.count("gone.invalid") == 1
    assert questions.count("localhost") == 1  # the resolver was seen to work, once
    assert len(by_url) == 10
    assert {found for findings in by_url.values() for found in findings} == {
        ("link-broken", "broken link: DNS: the host name does not exist")
    }


def test_no_such_host_everywhere_is_the_machine_not_the_links(tmp_path: Path, questions: list[str]) -> None:
    """A resolver that denies every name, the canary too (a sandbox, a runner without DNS):
    nothing is broken, everything unverified, and each name still asked once."""
    write(tmp_path, {"a.md": "[a](https://github.invalid/x)\n\n[b](https://nature.invalid/y)\n\n[c](https://nature.invalid/z)\n"})
    by_url = _findings(tmp_path, _config(tmp_path, 'dns-canary = "example.invalid"\n'))
    rules = {rule for findings in by_url.values() for rule, _ in findings}
    assert rules == {"link-unverified"}
    assert "this machine's resolver does not look names up" in by_url["https://github.invalid/x"][0][1]
    assert sorted(questions) == ["example.invalid", "github.invalid", "nature.invalid"]


def test_a_failing_resolver_gives_unverified_links_and_is_not_asked_again(tmp_path: Path, questions: list[str]) -> None:
    links = [f"[p{n}](https://broken-resolver.test/{n})" for n in range(5)]
    write(tmp_path, {"a.md": "\n\n".join(links) + "\n"})
    by_url = _findings(tmp_path, _config(tmp_path, 'dns-canary = "localhost"\n'))
    assert questions == ["broken-resolver.test"]
    assert {found for findings in by_url.values() for found in findings} == {
        ("link-unverified", "could not verify: DNS lookup failed (Temporary failure in name resolution)")
    }


def test_addresses_are_not_looked_up(tmp_path: Path, questions: list[str]) -> None:
    with PlantedServer() as server:
        write(tmp_path, {"a.md": f"[gone]({server.base}/404)\n"})
        by_url = _findings(tmp_path, _config(tmp_path))
    assert questions == []
    assert by_url == {f"{server.base}/404": [("link-broken", "broken link: 404 Not Found")]}


def test_the_resolve_line_brackets_ipv6_addresses() -> None:
    assert dns.resolve_entry("example.org", 443, ("192.0.2.1", "2001:db8::1")) == "example.org:443:192.0.2.1,[2001:db8::1]"
