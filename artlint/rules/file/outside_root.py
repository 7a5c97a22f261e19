from artlint.findings import Severity
from artlint.rules import FileRule


class FileOutsideRoot(FileRule):
    """A symbolic link that leads out of the checked folder, which artlint does not read.

    ## What it finds
    An article, or a folder named on the command line, that is a symbolic link (or lies under
    one) whose target is outside the checked folder: the git work tree around the current
    folder, else the configuration file's folder, else the current folder. The message names
    the target; nothing of its content is read. Links that stay inside (`content/a.md ->
    ../shared/a.md` in one repository) are followed as usual.

    ## Why it matters
    artlint runs on pull requests from strangers. A committed link to `/proc/self/environ` or
    `/etc/passwd` would otherwise put the CI job's environment, with its secrets, into the
    report. A link out of the repository is also a mistake of its own: the site built from a
    fresh clone does not have that file.

    ## Example
    `content/env.md`, committed as a link to `/proc/self/environ`:

        content/env.md:1:1  error  file-outside-root  a symbolic link leads to /proc/self/environ,
        outside the checked folder /home/runner/work/site/site: not read
    """

    name = "file-outside-root"
    family = "file"
    severity = Severity.ERROR
