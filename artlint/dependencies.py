"""What a file's findings depend on besides its own text: other files on disk.

Rules that resolve local links look at other files. While a file is checked, every such look
is recorded here; the per-file cache keeps the record and, on a later run, reuses the cached
findings only if every recorded fact still holds (the file still exists, or still does not;
the other article still has the same stat signature: size, times and inode; the site's page names are the same).
"""

from __future__ import annotations

import os
import re
from typing import Callable, Iterator

from artlint.lazyre import lazy
from artlint.vendored import vendored_dependencies

_recorded: list[tuple[str, str, object]] | None = None


def start() -> None:
    global _recorded
    _recorded = []


def stop() -> list[tuple[str, str, object]]:
    global _recorded
    recorded, _recorded = _recorded or [], None
    return sorted(set(recorded), key=repr)


def record(kind: str, subject: str, value: object) -> None:
    """Note that the findings depend on `subject` having `value` (kind: "exists", "stat",
    "pages", "folder", "notes", "notes-tree", "han-marks-tree", "titles-tree", "entries")."""
    if _recorded is not None:
        _recorded.append((kind, subject, value))


def stat_signature(info: os.stat_result) -> str:
    """What tells a file changed without reading it, as git's index does: size, modification
    and change times, inode. The change time catches what keeps the modification time
    (`cp -p`, `rsync -t`, `tar`): only the kernel sets it."""
    return f"{info.st_size}:{info.st_mtime_ns}:{info.st_ctime_ns}:{info.st_ino}"


RACY_NS = 2_000_000_000  # FAT and some network file systems keep times in 2-second steps


def trusted_signature(info: os.stat_result, read_at_ns: int) -> bool:
    """Whether a signature taken with a read that began at `read_at_ns` may stand for the file's
    content later: not when the file changed less than RACY_NS before (git's "racily clean"
    rule), since an edit in the same tick of a coarse clock leaves every time as it was."""
    return read_at_ns - max(info.st_mtime_ns, info.st_ctime_ns) >= RACY_NS


def signature_of(path: str) -> str:
    """stat_signature of a file, "" when there is none."""
    try:
        return stat_signature(os.stat(path))
    except OSError:
        return ""


_folder_signatures: dict[str, str] = {}


def folder_signature(folder: str) -> str:
    """The stat signatures of a folder's markdown files and of its sub-folders' index files
    (a section's pages and page bundles), hashed; computed once per folder in a process."""
    known = _folder_signatures.get(folder)
    if known is not None:
        return known
    import hashlib  # imported here: only a section's date convention needs it (start-up speed)

    parts = []
    for path in section_pages(folder):
        parts.append(f"{path}\0{signature_of(path)}")
    known = _folder_signatures[folder] = hashlib.blake2b("\n".join(parts).encode("utf-8", "surrogateescape"), digest_size=16).hexdigest()
    return known


_section_pages: dict[str, tuple[str, ...]] = {}


def section_pages(folder: str) -> tuple[str, ...]:
    """The markdown pages of a section: the folder's own files and its bundles' index files;
    listed once per folder in a process (the section's dating and its signature both ask)."""
    known = _section_pages.get(folder)
    if known is None:
        known = _section_pages[folder] = tuple(_listed_pages(folder))
    return known


def _listed_pages(folder: str) -> list[str]:
    pages: list[str] = []
    try:
        entries = sorted(os.scandir(folder), key=lambda entry: entry.name)
    except OSError:
        return []
    for entry in entries:
        name = entry.name
        if name.startswith((".", "_index")):
            continue
        try:
            if entry.is_dir(follow_symlinks=False):
                index = _bundle_index(entry.path)
                if index is not None:
                    pages.append(index)
            elif name.lower().endswith((".md", ".markdown")) and entry.is_file(follow_symlinks=False):
                pages.append(entry.path)
        except OSError:
            continue
    return pages


def _bundle_index(folder: str) -> str | None:
    """A page bundle's index file: `index.md`, else a translation's (`index.zh-cn.md`) in a
    bundle that has no file in the default language."""
    for index in ("index.md", "index.markdown"):
        candidate = os.path.join(folder, index)
        if os.path.isfile(candidate):
            return candidate
    try:
        translated = sorted(name for name in os.listdir(folder) if name.lower().startswith("index.") and name.lower().endswith((".md", ".markdown")))
    except OSError:
        return None
    return os.path.join(folder, translated[0]) if translated else None


_index_files: dict[str, tuple[str, ...]] = {}


def index_files(folder: str) -> tuple[str, ...]:
    """The names of a folder's files named `index.*` (`index.md`, `index.org`, `index.en.md`),
    listed once per folder in a process: the kind of every page below the folder asks."""
    known = _index_files.get(folder)
    if known is None:
        try:
            entries = list(os.scandir(folder))
        except OSError:
            entries = []
        names = []
        for entry in entries:
            try:
                if entry.name.lower().startswith("index.") and entry.is_file():
                    names.append(entry.name)
            except OSError:
                continue
        known = _index_files[folder] = tuple(sorted(names))
    return known


_notes_folders: dict[str, str] = {}
_notes_trees: dict[str, str] = {}
_NOTES_FOLDER_FILES = 3
_MOST_NOTES_READ = 200
_FRONT_MATTER_OPENINGS = (b"---", b"+++", b"{")
_NOT_WALKED = ("node_modules", "public")  # as discovery leaves them by default (a build's output)


def notes_folder(folder: str) -> str:
    """Whether a folder's markdown files (the first 200 by name) start with front matter:
    "front matter" when one does, "notes" when three or more do not, "few" when one or two do
    not. Found once per folder in a process. The answer, not the folder's signature, is what a
    file's findings depend on: an edit to a sibling that keeps it does not make them stale."""
    known = _notes_folders.get(folder)
    if known is None:
        try:
            names = sorted(entry.name for entry in os.scandir(folder) if entry.is_file(follow_symlinks=False) and _is_markdown(entry.name))
        except OSError:
            names = []
        known = _notes_folders[folder] = _notes_state([os.path.join(folder, name) for name in names[:_MOST_NOTES_READ]])
    return known


def notes_tree(root: str) -> str:
    """notes_folder's answer for a folder and the folders under it (not hidden ones, not
    node_modules or public), the first 200 markdown files found: a repository of notes, whose
    folders may hold one note each. "notes" too when twenty files or more are found and fewer
    than one in ten has front matter: a docs repository whose few files with a `description`
    are the exception, not its convention."""
    known = _notes_trees.get(root)
    if known is None:
        paths = _markdown_files_under(root)
        with_matter = sum(_opens_with_front_matter(path) for path in paths)  # each file's head read once
        if not with_matter:
            known = "notes" if len(paths) >= _NOTES_FOLDER_FILES else "few"
        elif len(paths) >= _FEWEST_MOSTLY_NOTES and with_matter * 10 < len(paths):
            known = "notes"
        else:
            known = "front matter"
        _notes_trees[root] = known
    return known


_FEWEST_MOSTLY_NOTES = 20


def han_marks_tree(root: str) -> str:
    """How the Chinese of the markdown files under `root` (the first 200, as notes_tree finds
    them) is punctuated: "half" when half-width marks right after Chinese characters
    (`请注意, 是声明宏`) number at least 50 and outnumber the full-width ones (，。；：！？) ten
    to one: the site's house style; "full" otherwise. Found once per root in a process."""
    known = _han_marks_trees.get(root)
    if known is None:
        half = full = 0
        for text in _markdown_texts_under(root, _MOST_BYTES_READ):
            half += len(_HALF_AFTER_HAN.findall(text))
            full += sum(text.count(mark) for mark in _FULL_WIDTH_MARKS)
        known = _han_marks_trees[root] = "half" if half >= _FEWEST_HALF_MARKS and full * 10 < half else "full"
    return known


_han_marks_trees: dict[str, str] = {}


def titles_tree(root: str) -> str:
    """Whether the pages under `root` carry titles (the first 200 markdown files, as notes_tree
    finds them, those with front matter): "untitled" when at least ten have front matter and
    three in four of them give no `title`, the site's convention (a plugin that titles each page
    by its folder, a template that shows none); "titled" otherwise. Found once per root in a process."""
    known = _titles_trees.get(root)
    if known is None:
        with_matter = titled = 0
        for text in _markdown_texts_under(root, _TITLE_HEAD_BYTES):
            head = text.lstrip("\ufeff")
            fence = head[:3]
            if fence not in ("---", "+++"):
                continue
            end = head.find("\n" + fence, 3)
            with_matter += 1
            titled += _TITLE_KEY.search(head, 3, end if end > 0 else len(head)) is not None
        untitled = with_matter >= _FEWEST_UNTITLED_PAGES and titled * 4 <= with_matter
        known = _titles_trees[root] = "untitled" if untitled else "titled"
    return known


_titles_trees: dict[str, str] = {}
_TITLE_KEY = lazy(r"^[ \t]*[\"']?title[\"']?[ \t]*[:=]", re.M | re.I)
_TITLE_HEAD_BYTES = 4096
_FEWEST_UNTITLED_PAGES = 10
_HALF_AFTER_HAN = lazy("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff][,.;:!?]")
_FULL_WIDTH_MARKS = "，。；：！？"
_FEWEST_HALF_MARKS = 50
_MOST_BYTES_READ = 256 * 1024  # of each file: a house style shows in its first pages


def _markdown_texts_under(root: str, most: int) -> Iterator[str]:
    """The first `most` characters of each markdown file `_markdown_files_under` finds; a file
    that cannot be read is passed over."""
    for path in _markdown_files_under(root):
        try:
            with open(path, encoding="utf-8", errors="replace") as handle:
                yield handle.read(most)
        except OSError:
            continue


def _markdown_files_under(root: str) -> list[str]:
    """The first 200 markdown files under `root`, in name order, hidden folders and
    node_modules left out; walked once per root in a run (the notes, titles and punctuation of
    a tree all ask)."""
    found = _tree_files.get(root)
    if found is None:
        found = _tree_files[root] = _walk_markdown(root)
    return found


_tree_files: dict[str, list[str]] = {}


def _walk_markdown(root: str) -> list[str]:
    found: list[str] = []
    for base, folders, names in os.walk(root):
        if base != root and vendored_dependencies(base, set(names)):
            folders[:] = []
            continue
        folders[:] = sorted(name for name in folders if not name.startswith(".") and name not in _NOT_WALKED)
        found += [os.path.join(base, name) for name in sorted(names) if _is_markdown(name) and not os.path.islink(os.path.join(base, name))]
        if len(found) >= _MOST_NOTES_READ:
            return found[:_MOST_NOTES_READ]
    return found


def _is_markdown(name: str) -> bool:
    return name.lower().endswith((".md", ".markdown"))


def _notes_state(paths: list[str]) -> str:
    if any(_opens_with_front_matter(path) for path in paths):
        return "front matter"
    return "notes" if len(paths) >= _NOTES_FOLDER_FILES else "few"


def _opens_with_front_matter(path: str) -> bool:
    try:
        with open(path, "rb") as handle:
            start = handle.read(64).lstrip(b"\xef\xbb\xbf").lstrip()
    except OSError:
        return True  # unknown: as if it had, so that nothing is taken for notes
    return start.startswith(_FRONT_MATTER_OPENINGS)


def file_exists(path: str) -> bool:
    """Whether a file is there, looked at once per run and recorded for the cache."""
    found = _files_seen.get(path)
    if found is None:
        found = _files_seen[path] = os.path.isfile(path)
    record("exists", path, found)
    return found


_files_seen: dict[str, bool] = {}


def forget_folders() -> None:
    _files_seen.clear()
    _tree_files.clear()
    _notes_folders.clear()
    _notes_trees.clear()
    _han_marks_trees.clear()
    _titles_trees.clear()
    _folder_signatures.clear()
    _section_pages.clear()
    _index_files.clear()


def still_hold(recorded: list[tuple[str, str, object]], pages: Callable[[str], object]) -> bool:
    """Whether every recorded fact is still true; `pages(root)` gives the current page-name fingerprint."""
    for kind, subject, value in recorded:
        if kind == "exists":
            now: object = os.path.exists(subject)
        elif kind == "pages":
            now = pages(subject)
        elif kind in _STATES:
            now = _STATES[kind](subject)
        else:  # a kind this version does not know: nothing says it still holds
            return False
        if now != value:
            return False
    return True


# What each recorded kind of fact is, read again from the disk.
_STATES: dict[str, Callable[[str], object]] = {
    "stat": signature_of,
    "folder": folder_signature,
    "notes": notes_folder,
    "notes-tree": notes_tree,
    "han-marks-tree": han_marks_tree,
    "titles-tree": titles_tree,
    "entries": lambda folder: folder_entries(folder),
}


def folder_entries(folder: str) -> tuple[str, ...]:
    """The names in a folder, sorted; () when it cannot be listed."""
    try:
        return tuple(sorted(os.listdir(folder)))
    except OSError:
        return ()
