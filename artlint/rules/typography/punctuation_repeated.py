import re

from artlint import data
from artlint.chatlog import chat_lines
from artlint.findings import Fix, Severity
from artlint.lazyre import lazy
from artlint.options import Option, derived
from artlint.rules import DocumentRule
from artlint.rules.typography._text import at_most, japanese, prose

_DATA = data.load("typography")["punctuation-repeated"]
# "、、、java" alone on a line: three backticks typed in Chinese mode.
_FENCE = lazy(r"(?<![^\n\x00])、、、[A-Za-z0-9+#-]*[ \t\x00]*(?:\n|$)")


class PunctuationRepeated(DocumentRule):
    """A full-width punctuation mark written twice or more: `。。`, `，，`, `、、`.

    ## What it finds
    A run of the same full-width mark (`marks`: `。，、；：`) in prose: code, URLs, HTML and
    front matter are not read. `……` and `——` are marks of two characters and are never
    reported, nor are two different marks (`？！`); runs listed in `allow` pass too.
    - Three periods or more (`。。。`) are an ellipsis typed with the wrong key.
    - `！！` and `？？` are not in `marks` by default: GB/T 15834-2011 lets a writer double or
      triple them for a strong tone (4.2.3.3, 4.4.3.4), and on the Chinese sites measured every
      run of them, even of four or five, was written so on purpose. Add `！` and `？` to `marks`
      to report them; their fix is then unsafe (`emphatic`).
    - A line of a pasted chat log (`20:36:18 From name : 好的。。`, `<nick> 。。`) quotes its
      participants as they typed and is not read.
    - A line of `、、、` (with a language name after it) is a code fence typed with a Chinese
      input method: it was meant as three backticks.
    - In Japanese text (a tenth of its Han and kana characters kana), `。。`, `。。。` and `、、`
      are the trailing off, the ellipsis and the pause of informal writing (`かわいいですね。。`,
      `えっ。。。`, `9月といえば、、そう`) and pass. (Judged on two Japanese blogs: 20 of 22 were
      written so on purpose; the two slips, `できます。。` in a technical sentence, go with them.)

    ## Why it matters
    A doubled comma or period is a typo that input methods make easy (a key pressed twice, a
    mark typed after an automatic one); in Chinese text it stands out as clearly as `,,`. A
    fence typed as `、、、` leaves the code as a paragraph of text.

    ## Example

        这个功能很好用，，推荐大家试试。。

    reports `'，，': repeated punctuation (one '，' is enough)` and the same for `。。`;
    `等等。。。` reports `'。。。': an ellipsis is written '……'`.

    ## Fix
    Safe: the repeated marks are reduced to one, and `。。。` becomes `……`. For runs of
    `emphatic` marks (when `marks` lists them) the fix is unsafe (`--fix --unsafe-fixes`), as taking them out changes the
    tone; so is turning `、、、` into a code fence, which changes what the page shows.
    """

    name = "punctuation-repeated"
    family = "typography"
    severity = Severity.WARNING
    site_pages_only = True
    fixable = "safe"
    options = {
        "marks": Option("list[string]", _DATA["marks"], "Full-width marks that are never written twice in a row."),
        "emphatic": Option(
            "list[string]", _DATA["emphatic"], "Marks repeated for emphasis, if listed in `marks`: their fix is unsafe."
        ),
        "allow": Option("list[string]", _DATA["allow"], "Runs of marks that are never reported."),
    }

    def check(self, doc, options):
        return at_most(self._findings(doc, options), "repeated marks")

    def _findings(self, doc, options):
        marks = "".join(mark for mark in options["marks"] if len(mark) == 1)
        if not marks:
            return
        text = prose(doc)
        allowed = derived(options, "punctuation-repeated allow", lambda: set(options["allow"]))
        emphatic = derived(options, "punctuation-repeated emphatic", lambda: set(options["emphatic"]))
        for match in re.finditer(f"([{re.escape(marks)}])\\1+", text):
            run = match.group()
            mark = run[0]
            if run in allowed or chat_lines(doc).holds(match.start()):
                continue  # a pasted chat log quotes its participants as they typed
            start, end = match.span()
            if mark == "、" and len(run) == 3 and _FENCE.match(text, start):
                fix = Fix("write '```'", (doc.edit(start, end, "```"),), safe=False)
                yield doc.diagnostic("'、、、' begins a line: a code fence typed with a Chinese input method (write '```')", start, end, fix=fix)
                continue
            if mark in "、。" and doc.memo("punctuation-repeated japanese", lambda: japanese(text)):
                continue  # Japanese informal writing's trailing off, ellipsis and pause: 「ですね。。」, 「えっ。。。」, 「9月といえば、、そう」
            if mark == "。" and len(run) >= 3:
                fix = Fix("write '……'", (doc.edit(start, end, "……"),))
                yield doc.diagnostic(f"'{run}': an ellipsis is written '……'", start, end, fix=fix)
                continue
            fix = Fix(f"keep one '{mark}'", (doc.edit(start + 1, end),), safe=mark not in emphatic)
            yield doc.diagnostic(f"'{run}': repeated punctuation (one '{mark}' is enough)", start, end, fix=fix)
