"""Memory per file stays bounded whatever the file's size: a file over max-file-size is never
read whole, not even to show its first line."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from helpers import write

MB = 1024 * 1024


def _peak_rss_mb(cwd: Path, *arguments: str) -> tuple[float, str]:
    """Run artlint in a child of a small wrapper, whose children's peak RSS is artlint's alone."""
    wrapper = (
        "import resource, subprocess, sys\n"
        "done = subprocess.run(sys.argv[1:], capture_output=True, text=True)\n"
        "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024)\n"
        "print(done.stdout)\n"
    )
    completed = subprocess.run(
        [sys.executable, "-c", wrapper, sys.executable, "-m", "artlint", *arguments], cwd=cwd, capture_output=True, text=True, check=True
    )
    peak, _, output = completed.stdout.partition("\n")
    return float(peak), output


def test_a_512_mib_file_over_the_limit_is_reported_without_being_read(tmp_path: Path) -> None:
    write(tmp_path, {"artlint.toml": "", "a.md": "# A\n\nText.\n"})
    with open(tmp_path / "huge.md", "wb") as handle:  # sparse: no disk, no time
        handle.truncate(512 * MB)
    for _ in range(2):  # the second run answers from the cache and only reads lines for snippets
        peak, output = _peak_rss_mb(tmp_path, "check", "--offline", "--format", "json", ".")
        rules = {(f["path"], f["rule"]) for f in json.loads(output)["findings"]}
        assert ("huge.md", "file-too-large") in rules
        assert peak < 300, f"peak RSS {peak:.0f} MB"
    peak, _ = _peak_rss_mb(tmp_path, "check", "--offline", ".")  # the text report shows source lines
    assert peak < 300, f"peak RSS {peak:.0f} MB"
