r"""`--format html`: one self-contained page about a site's health.

An overview (files, findings by severity, a bar chart of findings per rule, the worst files,
the hosts with the most broken or unverified links, clusters of near-duplicate articles, the
time the run took), then every finding grouped by file with its source line and the span
marked, and the documentation of every rule that fired. Inline CSS, inline SVG and inline
JavaScript: no CDN, no fonts, no requests; it opens from disk.

The overview, the filters and the rule docs are HTML. The findings are data, one JSON document
in a `<script type="application/json">` with every string in it once (_findings_data), and the
page's script renders them a page of files at a time (PAGE_FILES, PAGE_FINDINGS), more on
request: a site of 10,000 articles had 56,642 findings, a page of 35 MB that took Chromium
3.8 s to open (issue 21). The filters work on the data, so they find every finding, rendered or
not, and a link to a file (`#file-...`, from the overview or typed) renders the page holding it.

Everything an article wrote (paths, messages, source lines, URLs) is escaped: it is text in the
page, never markup, never an attribute that a browser follows. In the HTML that is html.escape;
in the data, JSON with `<`, `>` and `&` as `\u` escapes (nothing ends the script element), and
the script sets it as text (textContent, setAttribute), never as markup. Its control characters
are shown as escapes too (`\x1b`, `\u202e`; see artlint.safetext), so that no bidi override
reorders a line and no escape sequence reaches a terminal the page is printed on; a source line
keeps its tabs, which are only indentation in a `<pre>`.
"""

from __future__ import annotations

import html
import json
from collections import Counter, defaultdict
from datetime import datetime, timezone
from urllib.parse import urlsplit

import mistune

from artlint import __version__, ruledocs
from artlint.reporters import rule_counts, severity_counts, tally_of
from artlint.rules import all_rules
from artlint.safetext import json_escaped, visible, visible_line

SEVERITIES = ("error", "warning", "info")
BROKEN_RULES = {"link-broken", "image-unreachable", "image-not-image"}
UNVERIFIED_RULES = {"link-unverified"}
TOP = 15
SNIPPET_CONTEXT = 70  # characters shown on each side of a finding's span
WHOLE_LINE = 1000  # a source line up to this long is in the data whole, once for all its findings
# The page renders the findings of the first files only, and more on request: a page of files
# ends at PAGE_FILES files or once it holds PAGE_FINDINGS findings.
PAGE_FILES = 100
PAGE_FINDINGS = 1000


def _e(value: object) -> str:
    return html.escape(visible(str(value)), quote=True)


def _source(text: str) -> str:
    return html.escape(visible_line(text), quote=True)


def write(result, stream, settings) -> None:
    shown = _Shown()
    for finding in result.findings:  # read once: what the page shows of each is kept as it passes
        shown.add(finding)
    total = tally_of(result).total
    rules_fired = sorted(rule_counts(result).items(), key=lambda item: (-item[1], item[0]))
    parts = [
        _HEAD.replace("{title}", f"artlint report: {total:,} findings in {result.files_checked:,} files"),
        _overview(result, shown, rules_fired),
        _filters(rules_fired),
        '<h2 id="details">Findings by file</h2>\n',
        '<noscript><p class="empty">The findings are listed by the script in this page, which is off: '
        "<code>--format text</code> or <code>--format json</code> list them without one.</p></noscript>\n",
        '<p id="range" class="meta"></p><button id="earlier" type="button" hidden></button>\n'
        '<div id="files"></div>\n<button id="more" type="button" hidden></button>\n',
        _rule_docs([name for name, _ in rules_fired]),
        '<script type="application/json" id="findings-data">',
    ]
    stream.write("".join(parts))
    stream.write(shown.data())
    stream.write("</script>\n" + _SCRIPT + "</body>\n</html>\n")


class _Shown:
    """What the page shows of the findings, gathered as they are read: each file's findings as
    the text of the page's data (_findings_data), and what the overview counts. Not the findings
    themselves: a report of a large site reads more than a million."""

    def __init__(self) -> None:
        self.strings = _Strings()
        self.files: dict[str, list[str]] = {}  # path -> its findings, as data
        self.severities: dict[str, list[int]] = {}  # path -> its errors, warnings and info
        self.broken: Counter[str] = Counter()  # host -> broken links and images
        self.unverified: Counter[str] = Counter()
        self.copies: list[tuple[str, str]] = []  # (article, its near-duplicate)

    def add(self, finding) -> None:
        path = finding.path
        items = self.files.get(path)
        if items is None:
            self._done()
            items = self.files[path] = []
            self.severities[path] = [0, 0, 0]
        items.append(_finding_data(finding, self.strings))
        self.severities[path][_SEVERITY_INDEX.get(str(finding.severity), 2)] += 1
        if finding.url is not None and finding.rule in BROKEN_RULES | UNVERIFIED_RULES:
            (self.broken if finding.rule in BROKEN_RULES else self.unverified)[_host(finding.url)] += 1
        if finding.rule == "near-duplicate-article" and finding.related:
            self.copies.append((path, finding.related[0].path))

    def _done(self) -> None:
        """The last file's findings are all in: its path is numbered after their strings."""
        if self.files:
            self.strings.text(next(reversed(self.files)))

    def data(self) -> str:
        self._done()
        return _findings_data(self.files, self.strings)


def _overview(result, shown: _Shown, rules_fired) -> str:
    counts = severity_counts(result)
    generated = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    cards = "".join(
        f'<div class="card"><div class="number">{value}</div><div class="label">{_e(label)}</div></div>'
        for value, label in [
            (f"{result.files_checked:,}", "files checked"),
            (f"{len(shown.files):,}", "files with findings"),
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
        f'<div class="columns">{_worst_files(shown.severities)}{_hosts(shown.broken, shown.unverified)}</div>\n'
        f"{_clusters(shown.copies)}</section>\n"
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


def _worst_files(severities: dict[str, list[int]]) -> str:
    """The files with the most errors, then warnings, then findings; `severities`: each file's
    errors, warnings and info."""

    def weight(item):
        path, (errors, warnings, infos) = item
        return (-errors, -warnings, -(errors + warnings + infos), path)

    rows = []
    for path, (errors, warnings, infos) in sorted(severities.items(), key=weight)[:TOP]:
        rows.append(
            f'<tr><td><a href="#{_file_id(path)}">{_e(path)}</a></td>'
            f"<td>{errors}</td><td>{warnings}</td><td>{infos}</td></tr>"
        )
    body = "".join(rows) or '<tr><td colspan="4" class="empty">none</td></tr>'
    return (
        '<div><h2>Worst files</h2><table class="list"><thead><tr><th>file</th><th>errors</th><th>warnings</th>'
        f"<th>info</th></tr></thead><tbody>{body}</tbody></table></div>"
    )


def _host(url: str) -> str:
    try:
        return (urlsplit(url).hostname or "").lower() or url
    except ValueError:
        return url


def _hosts(broken: Counter[str], unverified: Counter[str]) -> str:
    """The hosts with the most broken (`broken`) or unverified links and images."""
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


def _clusters(copies: list[tuple[str, str]]) -> str:
    """Articles that near-duplicate-article tied together (`copies`: each finding's file and the
    copy it names), as groups (one per original)."""
    parent: dict[str, str] = {}

    def root(path: str) -> str:
        while parent.setdefault(path, path) != path:
            parent[path] = parent[parent[path]]
            path = parent[path]
        return path

    for path, other in copies:
        a, b = root(path), root(other)
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


class _Strings:
    """A table of strings, each once: a finding names its rule, message, path and source line
    by number. Rules and paths repeat in every finding, and so do many messages and lines (three
    stuffed links on one line, a paragraph copied into ten files)."""

    def __init__(self) -> None:
        self.index: dict[str, int] = {}
        self.table: list[str] = []
        self._texts: dict[str, int] = {}
        self._lines: dict[str, tuple[int, bool]] = {}

    def __call__(self, shown: str) -> int:
        """The number of a string as the page shows it."""
        number = self.index.get(shown)
        if number is None:
            number = self.index[shown] = len(self.table)
            self.table.append(shown)
        return number

    def text(self, text: str) -> int:
        """The number of a path, message or rule name, shown escaped (safetext.visible)."""
        number = self._texts.get(text)
        if number is None:
            number = self._texts[text] = self(visible(text))
        return number

    def line(self, line: str) -> tuple[int, bool]:
        """The number of a whole source line, shown escaped (safetext.visible_line), and whether
        its offsets are the same in the page as in the line: nothing escaped, nothing outside the
        Basic Multilingual Plane (which JavaScript counts as two)."""
        known = self._lines.get(line)
        if known is None:
            shown = visible_line(line)
            known = self._lines[line] = (self(shown), len(shown) == len(line) and _utf16(line) == len(line))
        return known


def _findings_data(files: dict[str, list[str]], strings: _Strings) -> str:
    """Every finding, as the JSON the page's script renders from (see _SCRIPT), from each
    file's findings as _finding_data wrote them with `strings`:

        {"strings": [...], "severities": [...], "page_files": N, "page_findings": M,
         "files": [[path, [finding, ...]] or [path, [finding, ...], id], ...]}

    with a finding as [line, column, rule, severity, message, snippet, related...], each related
    location as [message, path, line, column], and the snippet 0 or [source, a, b, c, d]: the
    page shows source[a:b], marks source[b:c] and shows source[c:d], with an ellipsis before when
    a > 0 and after when d < len(source). Strings are numbers into "strings"; offsets are in
    UTF-16 code units, as JavaScript counts. A file's id is given only when its path is not
    printable ASCII (the script makes the others the way _file_id does).

    Text is escaped as in the rest of the page (safetext: control characters shown as escapes),
    and the JSON then has every `<`, `>` and `&` as a `\\u` escape, so that nothing in it can end
    the script element it is in or start a comment: the browser hands the script's text to
    JSON.parse untouched, and the script puts strings in the page as text, never as markup."""
    text = strings.text
    file_entries = []
    for path in sorted(files):
        file_id = "" if path.isascii() and path.isprintable() else "," + json.dumps(_file_id(path), ensure_ascii=False)
        file_entries.append(f"[{text(path)},[{','.join(files[path])}]{file_id}]")
    data = (
        '{"strings":' + json.dumps(strings.table, ensure_ascii=False, separators=(",", ":"))
        + ',"severities":' + json.dumps(SEVERITIES)
        + f',"page_files":{PAGE_FILES},"page_findings":{PAGE_FINDINGS},"files":[' + ",".join(file_entries) + "]}"
    )
    return json_escaped(data).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _finding_data(finding, strings: _Strings) -> str:
    """A finding as the page's data has it (see _findings_data)."""
    text = strings.text
    # Written as JSON text here, not as a list for json.dumps: 57,000 small lists set off the
    # cyclic garbage collector again and again, which doubled the time.
    related = "".join(f",[{text(r.message)},{text(r.path)},{int(r.line)},{int(r.column)}]" for r in finding.related)
    return (
        f"[{int(finding.line)},{int(finding.column)},{text(finding.rule)},"
        f"{_SEVERITY_INDEX.get(str(finding.severity), 2)},{text(finding.message)},{_snippet(finding, strings)}{related}]"
    )


_SEVERITY_INDEX = {name: index for index, name in enumerate(SEVERITIES)}


def _utf16(text: str) -> int:
    """How many UTF-16 code units, as JavaScript counts: two for each character past U+FFFF."""
    return len(text) if text.isascii() else len(text.encode("utf-16-le", "surrogatepass")) // 2


def _snippet(finding, strings: _Strings) -> str:
    """The finding's source line and where its span is, as _findings_data describes: the whole
    line when it is short (the findings on one line, or on copies of it, share it), else the
    part shown with one character more on each side where the line goes on (for the ellipsis)."""
    line = finding.snippet
    if not line:
        return "0"
    start = min(max(finding.column - 1, 0), len(line))
    end = finding.end_column - 1 if finding.end_line == finding.line else len(line)
    end = min(max(end, start), len(line))
    left = max(0, start - SNIPPET_CONTEXT)
    right = min(len(line), end + SNIPPET_CONTEXT)
    if len(line) <= WHOLE_LINE:
        number, same = strings.line(line)
        if same:
            return f"[{number},{left},{start},{end},{right}]"
        first, last = 0, len(line)
    else:
        first, last = max(0, left - 1), min(len(line), right + 1)
        number = strings(visible_line(line[first:last]))
    a = _utf16(visible_line(line[first:left]))
    b = a + _utf16(visible_line(line[left:start]))
    c = b + _utf16(visible_line(line[start:end]))
    d = c + _utf16(visible_line(line[end:right]))
    return f"[{number},{a},{b},{c},{d}]"


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
#more, #earlier { margin: 8px 0; padding: 6px 14px; font: inherit; cursor: pointer; }
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
  "use strict";
  // The findings are data (see _findings_data); only the files on the pages shown are in the
  // document. Every string goes in as text (textContent, append, setAttribute), never as markup.
  var data = JSON.parse(document.getElementById("findings-data").textContent);
  var S = data.strings, FILES = data.files, SEVERITY = data.severities;
  function $(id) { return document.getElementById(id); }
  var rule = $("f-rule"), severity = $("f-severity"), path = $("f-path"), shown = $("shown"),
      list = $("files"), more = $("more"), earlier = $("earlier"), range = $("range");
  // view: the files the filters let through, as [file number, its findings that match];
  // pages: the index in view where each page starts, and view.length; first, last: the pages shown.
  var view = [], pages = [0, 0], first = 0, last = 0, ids = null, lowerPaths = null;

  function element(tag, className, content) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (content !== undefined) node.textContent = content;
    return node;
  }
  function fileId(number) {  // as _file_id in html_report.py, which gives the id of a path that is not ASCII
    var file = FILES[number];
    if (file.length > 2) return file[2];
    var path = S[file[0]], id = "file-";
    for (var i = 0; i < path.length; i++) {
      var code = path.charCodeAt(i);
      id += (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122)
        ? path.charAt(i) : "_" + code.toString(16) + "_";
    }
    return id;
  }
  function finding(item) {
    var severityName = SEVERITY[item[3]], ruleName = S[item[2]], snippet = item[5];
    var node = element("li", "finding " + severityName), link = element("a", "rule", ruleName);
    node.setAttribute("data-rule", ruleName);
    node.setAttribute("data-severity", severityName);
    link.setAttribute("href", "#rule-" + ruleName);
    node.append(element("span", "where", item[0] + ":" + item[1]), " ", element("span", "sev", severityName), " ",
                link, " ", element("span", "message", S[item[4]]));
    if (snippet) {
      var source = S[snippet[0]], pre = element("pre", "source");
      pre.append(element("span", "ln", String(item[0])),
                 (snippet[1] > 0 ? "\u2026" : "") + source.slice(snippet[1], snippet[2]),
                 element("mark", null, source.slice(snippet[2], snippet[3]) || " "),
                 source.slice(snippet[3], snippet[4]) + (snippet[4] < source.length ? "\u2026" : ""));
      node.appendChild(pre);
    }
    for (var i = 6; i < item.length; i++) {
      var related = item[i];
      node.appendChild(element("div", "related", S[related[0]] + ": " + S[related[1]] + ":" + related[2] + ":" + related[3]));
    }
    return node;
  }
  function section(entry) {
    var file = FILES[entry[0]], node = element("section", "file"), heading = element("h3", null, S[file[0]] + " "),
        items = element("ul");
    node.id = fileId(entry[0]);
    node.setAttribute("data-path", S[file[0]]);
    heading.appendChild(element("span", "count", String(file[1].length)));
    for (var i = 0; i < entry[1].length; i++) items.appendChild(finding(entry[1][i]));
    node.append(heading, items);
    return node;
  }
  function sections(page) {
    var fragment = document.createDocumentFragment();
    for (var i = pages[page]; i < pages[page + 1]; i++) fragment.appendChild(section(view[i]));
    return fragment;
  }
  function controls() {
    var start = pages[first], end = pages[last + 1], count = pages.length - 1;
    range.textContent = view.length ? "files " + (start + 1).toLocaleString() + "\u2013" + end.toLocaleString() +
      " of " + view.length.toLocaleString() : "";
    more.hidden = last + 1 >= count;
    more.textContent = more.hidden ? "" : "show the next " + (pages[last + 2] - end).toLocaleString() + " files (" +
      (view.length - end).toLocaleString() + " more)";
    earlier.hidden = first === 0;
    earlier.textContent = earlier.hidden ? "" : "show the " + (start - pages[first - 1]).toLocaleString() + " files before";
  }
  function show(page) {  // that page alone
    first = last = page;
    list.textContent = "";
    list.appendChild(sections(page));
    controls();
  }
  function filter() {  // over the data: every finding, shown or not
    var r = rule.value, s = severity.value, p = path.value.toLowerCase(), total = 0;
    var ruleNumber = r ? S.indexOf(r) : -1, severityNumber = SEVERITY.indexOf(s);
    view = [];
    if (p && !lowerPaths) lowerPaths = FILES.map(function (file) { return S[file[0]].toLowerCase(); });
    for (var f = 0; f < FILES.length; f++) {
      if (p && lowerPaths[f].indexOf(p) < 0) continue;
      var items = FILES[f][1], kept = items;
      if (r || s) {
        kept = [];
        for (var i = 0; i < items.length; i++) {
          if ((!r || items[i][2] === ruleNumber) && (!s || items[i][3] === severityNumber)) kept.push(items[i]);
        }
      }
      if (kept.length) {
        view.push([f, kept]);
        total += kept.length;
      }
    }
    pages = [0];
    for (var at = 0, files = 0, findings = 0; at < view.length; at++) {
      if (files && (files >= data.page_files || findings >= data.page_findings)) {
        pages.push(at);
        files = findings = 0;
      }
      files++;
      findings += view[at][1].length;
    }
    pages.push(view.length);
    shown.textContent = total.toLocaleString() + " findings shown";
  }
  function apply() {
    filter();
    show(0);
  }
  function reveal(id) {  // the page of the file with that id, unless it is shown already
    if (id.slice(0, 5) !== "file-" || document.getElementById(id)) return;
    if (!ids) {
      ids = new Map();
      for (var f = 0; f < FILES.length; f++) ids.set(fileId(f), f);
    }
    var number = ids.get(id), at = -1;
    if (number === undefined) return;
    function find() {
      for (var low = 0, high = view.length - 1; low <= high;) {
        var middle = (low + high) >> 1;
        if (view[middle][0] === number) return middle;
        if (view[middle][0] < number) low = middle + 1; else high = middle - 1;
      }
      return -1;
    }
    at = find();
    if (at < 0) {  // the filters hide it: show everything again
      rule.value = severity.value = path.value = "";
      filter();
      at = find();
    }
    var page = 0;
    while (pages[page + 1] <= at) page++;
    show(page);
  }
  function hashId() {
    try { return decodeURIComponent(location.hash.slice(1)); } catch (error) { return location.hash.slice(1); }
  }
  function revealHash() {
    var id = hashId(), target;
    reveal(id);
    if (id.slice(0, 5) === "file-" && (target = document.getElementById(id))) target.scrollIntoView();
  }

  var timer = null;
  rule.addEventListener("change", apply);
  severity.addEventListener("change", apply);
  path.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(apply, 150); });
  more.addEventListener("click", function () {
    list.appendChild(sections(++last));
    controls();
  });
  earlier.addEventListener("click", function () {
    list.insertBefore(sections(--first), list.firstChild);
    controls();
  });
  // A link to a file (worst files, clusters): its page first, then the browser follows the link.
  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("a[href]"), href = link && link.getAttribute("href");
    if (href && href.charAt(0) === "#") reveal(href.slice(1));
  }, true);
  window.addEventListener("hashchange", revealHash);
  apply();
  if (location.hash) revealHash();
})();
</script>
"""
