from artlint.findings import Severity
from artlint.globs import glob_set
from artlint.localfiles import is_local, resolve, split_target
from artlint.rules import DocumentRule
from artlint.rules.link.target_missing import IGNORE_OPTION, ROOTS_OPTION


class ImageUnreachable(DocumentRule):
    """An image that cannot be loaded: a local file that does not exist.

    ## What it finds
    Markdown and HTML images whose local source is not on disk, resolved like
    `link-target-missing` (the article's folder and page bundle, then the `roots` for
    `/site/paths`). With the network rules on, remote images that are broken are reported under
    this name too.

    ## Why it matters
    A missing image leaves a broken-picture icon and its alt text in the middle of the article.
    Imported articles reference images that were never copied; renamed folders break bundles.

    ## Example

        ![The detector array](images/detector.jpg)

    reports `image 'images/detector.jpg' not found` when the file is not in the article's folder.
    """

    name = "image-unreachable"
    family = "image"
    severity = Severity.ERROR
    options = {"roots": ROOTS_OPTION, "ignore": IGNORE_OPTION}

    def check(self, doc, options):
        if doc.file is None:
            return
        ignored = glob_set(tuple(options["ignore"]))
        for link in doc.links:
            if not link.is_image or link.kind == "reference" or not is_local(link.url):
                continue
            path, _ = split_target(link.url)
            if not path or ignored.match(path.lstrip("/")):
                continue
            if resolve(doc, path, options["roots"]) is None:
                yield doc.diagnostic(f"image {path!r} not found", link.url_start, max(link.url_end, link.url_start + 1))
