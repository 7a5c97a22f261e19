"""Posts of one series from one template are not copies of each other: their titles differ in
numbers, months and pre-release tags only (near_duplicate_article._one_series)."""

from __future__ import annotations

import pytest

from artlint.rules.duplicate._pairs import different_versions
from artlint.rules.duplicate._units import normalise
from artlint.rules.duplicate.near_duplicate_article import _editions, _one_series, _release_stage


@pytest.mark.parametrize(
    "first, second, series",
    [
        ("Scala 2.11.0-RC4 is now available!", "Scala 2.11.1 is now available!", True),
        ("Scheduler 3.0.0-beta2 released", "Scheduler 3.0.0 released", True),
        ("Council selections, March 2025", "Council selections, September 2025", True),
        ("Rust 1.68.1 pre-release", "Rust 1.68.2 pre-release", True),
        ("The harbour lantern", "The harbour lantern, with a new chapter", False),
        ("Scala 2.11 is now available!", "Scala 2.11 is now in beta", False),
    ],
)
def test_titles_of_one_series(first: str, second: str, series: bool) -> None:
    assert _one_series(normalise(first), normalise(second)) is series


@pytest.mark.parametrize(
    "title, stages",
    [
        ("Rails 7.2 Beta 1: Better defaults", ("beta1",)),
        ("Rails 7.2 release candidate 1: Better defaults", ("rc1",)),
        ("Rails 7.2: Better defaults", ()),
        ("[ANN] Rails 3.1.1.rc3", ("rc3",)),
        ("Rails 5.2.0 FINAL: Active Storage", ()),  # the release itself, as a title without a stage
        ("Jenkins X 3.x beta is here!", ("beta",)),
        ("Harbour 2.0: Preview Release", ("preview",)),
        ("某框架 2.0 预览版发布", ("预览版",)),
        ("Notes from the beta of our new office", None),  # no version: not a release
    ],
)
def test_release_stages_of_titles(title: str, stages: tuple[str, ...] | None) -> None:
    assert _release_stage(title) == stages


@pytest.mark.parametrize(
    "first, second, editions",
    [
        ("world/2023/terms.md", "world/2024/terms.md", True),
        ("sessions/2024/day-1/talk.md", "sessions/2024/day-2/talk.md", True),
        ("world/2023/terms.md", "world/2024/conduct.md", False),  # two pages, not one page twice
        ("guide/alpha/terms.md", "guide/beta/terms.md", False),  # folders that differ in words
        ("posts/2023-01-02-x.md", "posts/2024-05-06-x.md", False),  # one folder: a re-post
    ],
)
def test_pages_of_two_editions(first: str, second: str, editions: bool) -> None:
    assert _editions(first, second) is editions


def test_versioned_docs_beside_docs_kept_outside_the_website_folder_are_versions() -> None:
    # react-native-website: `docs: { path: '../docs' }` in website/docusaurus.config.ts, and
    # each release's copy in website/versioned_docs/version-X/.
    assert different_versions("website/versioned_docs/version-0.80/modal.md", "docs/modal.md")
    assert different_versions("docs/guides/modal.md", "website/versioned_docs/version-0.80/guides/modal.md")
    assert not different_versions("website/versioned_docs/version-0.80/modal.md", "docs/dialog.md")
    assert not different_versions("website/versioned_docs/version-0.80/modal.md", "blog/modal.md")
    # reactnativecn: a translation's site in `cnwebsite/`, its current docs in `../cndocs`.
    assert different_versions("cnwebsite/versioned_docs/version-0.63/alert.md", "cndocs/alert.md")


def test_a_version_named_with_wildcard_parts_is_a_version() -> None:
    # sequelize/website: `versioned_docs/version-6.x.x/` beside `docs/`.
    assert different_versions("versioned_docs/version-6.x.x/other-topics/query-interface.md", "docs/other-topics/query-interface.md")
    assert different_versions("docs/v1.x.x/setup.md", "docs/v2.x/setup.md")
    # Any page of an old version beside any page of the current docs: a page moved since is
    # kept where the version had it (dragonfly's `operations/deployment/` of v2.2.0, now
    # `operations/architecture/`).
    assert different_versions("versioned_docs/version-6.x.x/other-topics/query-interface.md", "docs/other-topics/legal.md")
    assert different_versions("versioned_docs/version-v2.2.0/operations/deployment/manager.md", "docs/operations/architecture/manager.md")
    assert not different_versions("docs/operations/deployment/manager.md", "docs/operations/architecture/manager.md")
    assert not different_versions("versioned_docs/version-v2.5.0/deployment/manager.md", "versioned_docs/version-v2.5.0/architecture/manager.md")


def test_versioned_docs_beside_current_docs_in_a_folder_of_docs_are_versions() -> None:
    # gofiber/docs: the docs plugin reads `docs/core`; its versions are in versioned_docs/.
    assert different_versions("versioned_docs/version-v3.x/api/ctx.md", "docs/core/api/ctx.md")
    assert different_versions("docs/core/intro.md", "versioned_docs/version-v2.x/intro.md")
    # another page of the current docs is another version's page too, wherever it was moved
    assert different_versions("versioned_docs/version-v3.x/api/ctx.md", "docs/core/client/ctx.md")
    assert not different_versions("versioned_docs/version-v3.x/api/ctx.md", "blog/core/api/ctx.md")


def test_versioned_docs_are_versions_whatever_number_orders_their_sidebar() -> None:
    # socket.io-website: Migrations is category 06 in version 3's docs and 07 in the current ones.
    current = "docs/categories/07-Migrations/migrating-from-2-to-3.md"
    assert different_versions("versioned_docs/version-3.x/categories/06-Migrations/migrating-from-2-to-3.md", current)
    assert different_versions("versioned_docs/version-3.x/categories/06-Migrations/migrating-from-3-to-4.md", current)
    assert not different_versions("docs/categories/07-Migrations/migrating-from-3-to-4.md", current)


def test_a_page_kept_in_an_archive_folder_is_an_old_version_of_the_current_one() -> None:
    # alchitry's tutorials: the first language version's pages kept under archive/lucid_v1/.
    assert different_versions("content/tutorials/archive/lucid_v1/io-element.md", "content/tutorials/starter/io-element.md")
    assert different_versions("content/tutorials/starter/io-element.md", "content/tutorials/legacy/io-element.md")
    assert not different_versions("content/tutorials/archive/lucid_v1/io-element.md", "content/tutorials/starter/serial-interface.md")
    assert not different_versions("content/tutorials/archive/a/io-element.md", "content/tutorials/archive/b/io-element.md")
    assert not different_versions("content/posts/io-element.md", "content/tutorials/io-element.md")
