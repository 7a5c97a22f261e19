from artlint.findings import Severity
from artlint.rules import FileRule


class FileUnreadable(FileRule):
    """A file that cannot be read or is not UTF-8 text.

    ## What it finds
    A file that artlint was asked to check but could not turn into text: permission denied,
    bytes that are not UTF-8 (the message gives the byte offset), a directory named like an
    article, a dangling symbolic link, a file that vanished during the run; also a file that
    artlint's parsers fail on ("could not be parsed: ...; please report it"). The finding sits
    on the line of the first bad byte when there is one, else on line 1.

    ## Why it matters
    The site generator will fail on the same file, or publish mojibake. A linter that skips such
    files silently leaves them unchecked; artlint reports them and goes on with the others.

    ## Example
    `legacy.md` saved in GBK by an old editor:

        legacy.md:3:7  error  file-unreadable  not UTF-8: invalid byte 0xd6 at byte 41
    """

    name = "file-unreadable"
    family = "file"
    severity = Severity.ERROR
