from artlint.findings import Severity
from artlint.rules import FileRule


class FileTooLarge(FileRule):
    """A file over the size limit, which artlint does not parse.

    ## What it finds
    An article larger than `max-file-size` (2 MiB by default, set at the top level of the
    configuration). artlint does not parse it, so no other rule sees it.

    ## Why it matters
    Articles are rarely more than a few hundred kilobytes. A multi-megabyte markdown file is
    usually a data dump, a pasted log or an embedded image in base64, and parsing it would slow
    every run. Raise the limit if the file is genuine.

    ## Example

        dump.md:1:1  error  file-too-large  file is 5,242,880 bytes, over the limit of 2,097,152 (max-file-size)
    """

    name = "file-too-large"
    family = "file"
    severity = Severity.ERROR
