r"""`--format html`: one self-contained page about a site's health.

An overview (files, findings by severity, a bar chart of findings per rule, the worst files,
the hosts with the most broken or unverified links, clusters of near-duplicate articles, the
time the run took), then every finding grouped by file with its source line and the span
marked, and the documentation of every rule that fired. Inline CSS, inline SVG and a few lines
of inline JavaScript for the filters: no CDN, no fonts, no requests; it opens from disk.

Everything an article wrote (paths, messages, source lines, URLs) is escaped: it is text in the
page, never markup, never an attribute that a browser follows. Its control characters are shown
as escapes too (`\x1b`, `\u202e`; see artlint.safetext), so that no bidi override reorders a
line and no escape sequence reaches a terminal the page is printed on; a source line keeps its
tabs, which are only indentation in a `<pre>`.
"""

from __future__ import annotations

import html
from collections import Counter, defaultdict
from datetime import datetime, timezone
from urllib.parse import urlsplit

import mistune

from artlint import __version__, ruledocs
from artlint.reporters import severity_counts
from artlint.rules import all_rules
from artlint.safetext import visible, visible_line

SEVERITIES = ("error", "warning", "info")
BROKEN_RULES = {"link-broken", "image-unreachable", "image-not-image"}
UNVERIFIED_RULES = {"link-unverified"}
TOP = 15
SNIPPET_CONTEXT = 70  # characters shown on each side of a finding's span


def _e(value: object) -> str:
    return html.escape(visible(str(value)), quote=True)


def _source(text: str) -> str:
    return html.escape(visible_line(text), quote=True)


def write(result, stream, settings) -> None:
    findings = result.findings
    by_file: dict[str, list] = defaultdict(list)
    for finding in findings:
        by_file[finding.path].append(finding)
    rules_fired = sorted(Counter(f.rule for f in findings).items(), key=lambda item: (-item[1], item[0]))
    parts = [
        _HEAD.replace("{title}", f"artlint report: {len(findings):,} findings in {result.files_checked:,} files"),
        _overview(result, by_file, rules_fired),
        _filters(rules_fired),
        '<h2 id="details">Findings by file</h2>\n<div id="files">\n',
    ]
    stream.write("".join(parts))
    for path in sorted(by_file):
        stream.write(_file_section(path, by_file[path]))
    stream.write("</div>\n")
    stream.write(_rule_docs([name for name, _ in rules_fired]))
    stream.write(_SCRIPT + "</body>\n</html>\n")


def _overview(result, by_file, rules_fired) -> str:
    counts = severity_counts(result)
    generated = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    cards = "".join(
        f'<div class="card"><div class="number">{value}</div><div class="label">{_e(label)}</div></div>'
        for value, label in [
            (f"{result.files_checked:,}", "files checked"),
            (f"{len(by_file):,}", "files with findings"),
            (f"{counts['error']:,}", "errors"),
            (f"{counts['warning']:,}", "warnings"),
            (f"{counts['info']:,}", "info"),
            (f"{result.elapsed:.2f} s", "run time"),
        ]
    )
    return (
        f'<header><h1>artlint report</h1><p class="meta">artlint {_e(__version__)} · generated {generated}</p></header>\n'
        f'<section id="overview"><div class="cards">{cards}</div>\n'
        f'<h2>Findings per rule</h2>\n{_chart(rules_fired)}\n'
        f'<div class="columns">{_worst_files(by_file)}{_hosts(result.findings)}</div>\n'
        f"{_clusters(result.findings)}</section>\n"
    )


def _chart(rules_fired) -> str:
    """A horizontal bar per rule, as inline SVG."""
    if not rules_fired:
        return '<p class="empty">No findings.</p>'
    label_width, bar_width, row = 230, 520, 22
    largest = rules_fired[0][1]
    height = row * len(rules_fired) + 4
    bars = []
    for index, (name, count) in enumerate(rules_fired):
        y = index * row + 2
        width = max(2, round(bar_width * count / largest))
        bars.append(
            f'<a href="#rule-{_e(name)}"><text x="{label_width - 8}" y="{y + 15}" text-anchor="end">{_e(name)}</text></a>'
            f'<rect class="bar" data-rule="{_e(name)}" x="{label_width}" y="{y + 3}" width="{width}" height="{row - 6}" rx="2">'
            f"<title>{_e(name)}: {count:,}</title></rect>"
            f'<text x="{label_width + width + 6}" y="{y + 15}">{count:,}</text>'
        )
    total_width = label_width + bar_width + 80
    return (
        f'<svg id="chart" role="img" aria-label="findings per rule" viewBox="0 0 {total_width} {height}" '
        f'width="{total_width}" height="{height}" xmlns="http://www.w3.org/2000/svg">{"".join(bars)}</svg>'
    )


def _worst_files(by_file) -> str:
    def weight(item):
        counts = Counter(str(f.severity) for f in item[1])
        return (-counts["error"], -counts["warning"], -len(item[1]), item[0])

    rows = []
    for path, items in sorted(by_file.items(), key=weight)[:TOP]:
        counts = Counter(str(f.severity) for f in items)
        rows.append(
            f'<tr><td><a href="#{_file_id(path)}">{_e(path)}</a></td>'
            f"<td>{counts['error']}</td><td>{counts['warning']}</td><td>{counts['info']}</td></tr>"
        )
    body = "".join(rows) or '<tr><td colspan="4" class="empty">none</td></tr>'
    return (
        '<div><h2>Worst files</h2><table class="list"><thead><tr><th>file</th><th>errors</th><th>warnings</th>'
        f"<th>info</th></tr></thead><tbody>{body}</tbody></table></div>"
    )


def _hosts(findings) -> str:
    broken: Counter = Counter()
    unverified: Counter = Counter()
    for finding in findings:
        if finding.url is None or finding.rule not in BROKEN_RULES | UNVERIFIED_RULES:
            continue
        try:
            host = (urlsplit(finding.url).hostname or "").lower() or finding.url
        except ValueError:
            host = finding.url
        (broken if finding.rule in BROKEN_RULES else unverified)[host] += 1
    if not broken and not unverified:
        return (
            '<div><h2>Hosts</h2><p class="empty">No broken or unverified links (or the network checks did not run: '
            "<code>--offline</code>).</p></div>"
        )
    hosts = sorted(set(broken) | set(unverified), key=lambda h: (-(broken[h] + unverified[h]), h))[:TOP]
    rows = "".join(f"<tr><td>{_e(host)}</td><td>{broken[host]}</td><td>{unverified[host]}</td></tr>" for host in hosts)
    return (
        '<div><h2>Hosts with broken or unverified links</h2><table class="list"><thead><tr><th>host</th>'
        f"<th>broken</th><th>unverified</th></tr></thead><tbody>{rows}</tbody></table></div>"
    )


def _clusters(findings) -> str:
    """Articles that near-duplicate-article tied together, as groups (one per original)."""
    parent: dict[str, str] = {}

    def root(path: str) -> str:
        while parent.setdefault(path, path) != path:
            parent[path] = parent[parent[path]]
            path = parent[path]
        return path

    for finding in findings:
        if finding.rule == "near-duplicate-article" and finding.related:
            a, b = root(finding.path), root(finding.related[0].path)
            if a != b:
                parent[max(a, b)] = min(a, b)
    groups: dict[str, list[str]] = defaultdict(list)
    for path in parent:
        groups[root(path)].append(path)
    if not groups:
        return ""
    ordered = sorted(groups.values(), key=lambda members: (-len(members), sorted(members)))
    items = "".join(
        "<li>" + ", ".join(f'<a href="#{_file_id(p)}">{_e(p)}</a>' for p in sorted(members)) + "</li>"
        for members in ordered[:50]
    )
    more = f'<p class="meta">and {len(ordered) - 50:,} more groups</p>' if len(ordered) > 50 else ""
    return f'<h2>Near-duplicate articles ({len(ordered):,} groups)</h2><ol class="clusters">{items}</ol>{more}'


def _filters(rules_fired) -> str:
    options = "".join(f'<option value="{_e(name)}">{_e(name)} ({count:,})</option>' for name, count in rules_fired)
    severities = "".join(f'<option value="{name}">{name}</option>' for name in SEVERITIES)
    return (
        '<div id="filters" role="search"><label>rule <select id="f-rule"><option value="">all</option>'
        f'{options}</select></label> <label>severity <select id="f-severity"><option value="">all</option>{severities}'
        '</select></label> <label>path <input id="f-path" type="search" placeholder="part of a path"></label> '
        '<span id="shown" class="meta"></span></div>\n'
    )


def _file_id(path: str) -> str:
    return "file-" + "".join(char if char.isalnum() else f"_{ord(char):x}_" for char in path)


def _file_section(path: str, findings) -> str:
    items = "".join(_finding_item(finding) for finding in findings)
    return (
        f'<section class="file" id="{_file_id(path)}" data-path="{_e(path)}"><h3>{_e(path)} '
        f'<span class="count">{len(findings)}</span></h3><ul>{items}</ul></section>\n'
    )


def _finding_item(finding) -> str:
    severity = str(finding.severity)
    related = "".join(
        f'<div class="related">{_e(r.message)}: {_e(r.path)}:{r.line}:{r.column}</div>' for r in finding.related
    )
    return (
        f'<li class="finding {severity}" data-rule="{_e(finding.rule)}" data-severity="{severity}">'
        f'<span class="where">{finding.line}:{finding.column}</span> <span class="sev">{severity}</span> '
        f'<a class="rule" href="#rule-{_e(finding.rule)}">{_e(finding.rule)}</a> '
        f'<span class="message">{_e(finding.message)}</span>{_snippet(finding)}{related}</li>'
    )


def _snippet(finding) -> str:
    line = finding.snippet
    if not line:
        return ""
    start = min(max(finding.column - 1, 0), len(line))
    end = finding.end_column - 1 if finding.end_line == finding.line else len(line)
    end = min(max(end, start), len(line))
    left = max(0, start - SNIPPET_CONTEXT)
    right = min(len(line), end + SNIPPET_CONTEXT)
    return (
        f'<pre class="source"><span class="ln">{finding.line}</span>{"…" if left else ""}{_source(line[left:start])}'
        f"<mark>{_source(line[start:end]) or ' '}</mark>{_source(line[end:right])}{'…' if right < len(line) else ''}</pre>"
    )


def _rule_docs(names: list[str]) -> str:
    markdown_to_html = mistune.create_markdown(escape=True, plugins=["table"])
    sections = []
    for name in sorted(names):
        rule = all_rules().get(name)
        if rule is None:
            continue
        sections.append(f'<section class="rule-doc" id="rule-{_e(name)}">{markdown_to_html(ruledocs.markdown(rule))}</section>')
    if not sections:
        return ""
    return '<h2 id="rules">Rules that fired</h2>\n' + "\n".join(sections) + "\n"


_HEAD = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">
<title>{title}</title>
<style>
body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; margin: 0 auto; max-width: 1100px; padding: 0 20px 60px; color: #1d2433; }
h1 { margin: 24px 0 4px; } h2 { margin-top: 28px; border-bottom: 1px solid #dde2ea; padding-bottom: 4px; }
.meta, .empty { color: #6b7385; }
.cards { display: flex; flex-wrap: wrap; gap: 12px; margin: 16px 0; }
.card { border: 1px solid #dde2ea; border-radius: 6px; padding: 10px 16px; min-width: 120px; }
.card .number { font-size: 22px; font-weight: 600; } .card .label { color: #6b7385; }
svg text { font-size: 12px; fill: #1d2433; } .bar { fill: #4c78c8; } a:hover .bar, .bar:hover { fill: #2b56a3; }
.columns { display: grid; grid-template-columns: 1fr 1fr; gap: 24px; } @media (max-width: 800px) { .columns { grid-template-columns: 1fr; } }
table.list { border-collapse: collapse; width: 100%; }
table.list td, table.list th { text-align: left; padding: 3px 6px; border-bottom: 1px solid #eef1f5; word-break: break-all; }
#filters { position: sticky; top: 0; background: #f6f8fb; border: 1px solid #dde2ea; border-radius: 6px; padding: 8px 12px; margin-top: 24px; z-index: 1; }
#filters label { margin-right: 14px; }
section.file { content-visibility: auto; contain-intrinsic-size: auto 120px; margin: 14px 0; }
section.file h3 { font-size: 15px; margin: 0 0 4px; word-break: break-all; } .count { color: #6b7385; font-weight: normal; }
section.file ul { list-style: none; padding: 0; margin: 0; }
li.finding { padding: 4px 8px; border-left: 3px solid #c9ced8; margin: 4px 0; }
li.error { border-color: #d64541; } li.warning { border-color: #e0a526; } li.info { border-color: #4c78c8; }
.sev { font-weight: 600; } li.error .sev { color: #b3302c; } li.warning .sev { color: #9a6c00; } li.info .sev { color: #2b56a3; }
.where { color: #6b7385; font-family: ui-monospace, monospace; } a.rule { color: #7a3e9d; }
pre.source { margin: 4px 0 0; padding: 4px 8px; background: #f6f8fb; white-space: pre-wrap; word-break: break-all; font: 12px/1.4 ui-monospace, monospace; }
pre.source .ln { color: #9aa1b0; margin-right: 10px; } mark { background: #ffe08a; }
.related { color: #6b7385; font-size: 12px; }
.rule-doc { border: 1px solid #dde2ea; border-radius: 6px; padding: 4px 16px; margin: 12px 0; }
.rule-doc pre { background: #f6f8fb; padding: 8px; overflow-x: auto; }
[hidden] { display: none !important; }
</style>
</head>
<body>
"""

_SCRIPT = """<script>
(function () {
  var rule = document.getElementById("f-rule"), severity = document.getElementById("f-severity"),
      path = document.getElementById("f-path"), shown = document.getElementById("shown");
  var files = Array.prototype.slice.call(document.querySelectorAll("section.file"));
  function apply() {
    var r = rule.value, s = severity.value, p = path.value.toLowerCase(), total = 0;
    files.forEach(function (file) {
      var visible = 0, pathMatches = !p || file.getAttribute("data-path").toLowerCase().indexOf(p) >= 0;
      var items = file.getElementsByClassName("finding");
      for (var i = 0; i < items.length; i++) {
        var item = items[i];
        var ok = pathMatches && (!r || item.getAttribute("data-rule") === r) && (!s || item.getAttribute("data-severity") === s);
        item.hidden = !ok;
        if (ok) visible++;
      }
      file.hidden = visible === 0;
      total += visible;
    });
    shown.textContent = total.toLocaleString() + " findings shown";
  }
  var timer = null;
  rule.addEventListener("change", apply);
  severity.addEventListener("change", apply);
  path.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(apply, 150); });
  // Nothing is filtered yet: count instead of visiting every finding of a big report.
  shown.textContent = document.getElementsByClassName("finding").length.toLocaleString() + " findings shown";
})();
</script>
"""
