"""Paired Hugo shortcodes whose body is data (a chart's options, a diagram), not markdown:
decided from the shortcode's template where the site holds it, else from the lists of
rules/sites.toml (every theme's, the site's theme's) and `[site] verbatim-shortcodes`."""

from __future__ import annotations

from pathlib import Path

from helpers import artlint

PAGE = """---
title: A page
---

{{< NAME >}}
rows: the total total sum
{{< /NAME >}}
"""


def _site(tmp_path: Path, name: str, config: str = 'baseURL = "https://example.org/"\n') -> Path:
    site = tmp_path / "site"
    (site / "content" / "docs").mkdir(parents=True)
    (site / "hugo.toml").write_text(config, encoding="utf-8")
    (site / "content" / "docs" / "page.md").write_text(PAGE.replace("NAME", name), encoding="utf-8")
    return site


def _doubled(site: Path) -> str:
    code, out, err = artlint("check", "--offline", "--no-cache", "--quiet", "--select", "duplicate-word", ".", cwd=site)
    assert code in (0, 1), err
    return out


def test_a_theme_module_s_own_data_shortcodes(tmp_path: Path) -> None:
    site = _site(tmp_path, "timeline")
    assert "doubled word 'total total'" in _doubled(site)  # timeline is prose in many themes
    (site / "hugo.toml").write_text('baseURL = "https://example.org/"\n[module]\n[[module.imports]]\npath = "github.com/hugo-fixit/FixIt"\n', encoding="utf-8")
    assert _doubled(site) == ""  # FixIt's timeline reads YAML, TOML or JSON events


def test_every_theme_s_diagram_shortcodes_and_the_project_s_own(tmp_path: Path) -> None:
    assert _doubled(_site(tmp_path / "a", "mermaid")) == ""
    site = _site(tmp_path / "b", "plot")
    assert "total total" in _doubled(site)
    (site / "artlint.toml").write_text('[site]\nverbatim-shortcodes = ["plot"]\n', encoding="utf-8")
    assert _doubled(site) == ""
    code, out, _ = artlint("site", "--format", "json", ".", cwd=site)
    assert '"plot"' in out


def test_a_code_shortcode_with_its_language_holds_code(tmp_path: Path) -> None:
    site = _site(tmp_path, "code")
    page = site / "content" / "docs" / "page.md"
    page.write_text('---\ntitle: A page\n---\n\n{{<code html>}}\n<body>\n  <img\n  src="logo.png">\n</body>\n{{</code>}}\n', encoding="utf-8")
    code, out, err = artlint("check", "--offline", "--no-cache", "--quiet", "--select", "image-alt-text", ".", cwd=site)
    assert code == 0 and out == "", out + err  # a theme's `code` shortcode shows its body as code, like `highlight`


def test_a_template_in_the_site_decides(tmp_path: Path) -> None:
    site = _site(tmp_path, "mermaid")
    folder = site / "_vendor" / "github.com" / "someone" / "theme" / "layouts" / "_shortcodes"
    folder.mkdir(parents=True)
    (folder / "mermaid.html").write_text('<div class="mermaid">{{ .Inner | markdownify }}</div>\n', encoding="utf-8")
    assert "total total" in _doubled(site)  # this site's mermaid renders its body as markdown
    (site / "layouts" / "shortcodes").mkdir(parents=True)
    (site / "layouts" / "shortcodes" / "mermaid.html").write_text(
        '{{ $rows := .Inner | transform.Unmarshal }}{{ $rows.rows | markdownify }}\n', encoding="utf-8"
    )
    assert _doubled(site) == ""  # the site's own layouts win; the rows are data once unmarshalled
