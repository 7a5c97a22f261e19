from artlint.findings import Severity
from artlint.network.probes import url_probes
from artlint.rules import NetworkRule


class ImageNotImage(NetworkRule):
    """An image URL that answers, but not with an image.

    ## What it finds
    Images whose URL answers 200 with something that is not a picture: an HTML page, a
    hotlink-protection placeholder page, a login form. artlint reads the first few kilobytes and
    looks at the file's signature (PNG, JPEG, GIF, WebP, AVIF/HEIF, BMP, ICO, TIFF, SVG), not
    only at the `Content-Type`, which servers often get wrong.

    ## Why it matters
    The page shows a broken-image icon, though a link checker that only looks at the status
    code says all is well. Hot-linked images of imported articles end up like this when the
    host starts refusing other sites.

    ## Example

        ![The detector](https://img.example.com/2019/detector.png)

    reports `the image URL answers 200 OK with text/html, not an image`.
    """

    name = "image-not-image"
    family = "network"
    severity = Severity.ERROR

    def probes(self, doc, options):
        return [probe for probe in url_probes(doc) if probe.target.kind == "image"]

    def judge(self, probe, outcome, options):
        if outcome.ok and outcome.is_image is False:
            return f"the image URL answers {outcome.reason}, but not with an image"
        return None
