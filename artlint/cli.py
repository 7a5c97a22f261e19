"""The `artlint` command line.

Exit codes: 0 when no finding is at or above `--fail-on`; 1 when one is; 2 for a usage or
configuration error (one clear line on stderr, never a traceback).

A line on stderr may quote a file name or a configuration value, which a pull request chooses:
its control characters are shown as escapes (artlint.safetext), as in the reports.
"""

from __future__ import annotations

import argparse
import difflib
import os
import stat
import sys
from typing import NoReturn, Sequence

from artlint import __version__
from artlint.safetext import visible

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2
FAIL_ON = ("error", "warning", "info", "never")
COMMANDS = ("check", "rules", "explain", "cache", "site", "server", "init", "config")


class UsageError(Exception):
    pass


def _complain(line: str) -> None:
    sys.stderr.write(visible(line) + "\n")


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        _complain(f"artlint: error: {message}")
        raise SystemExit(EXIT_USAGE)


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, got {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"expected 1 or more, got {value}")
    return value


def _rule_list(text: str) -> list[str]:
    return [item.strip() for item in text.split(",") if item.strip()]


COLOR = ("auto", "always", "never")


def build_parser() -> argparse.ArgumentParser:
    # No abbreviations (`--off` for `--offline`): an unknown option is an error, as in ruff, and
    # the options that take a value are known exactly when they are moved (_with_command).
    parser = _Parser(prog="artlint", description="A content-quality linter for article markdown files.", allow_abbrev=False)
    parser.add_argument("--version", action="version", version=f"artlint {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    def command(name: str, help: str) -> argparse.ArgumentParser:
        return commands.add_parser(name, help=help, allow_abbrev=False)

    check = command("check", "check articles (the default command)")
    check.add_argument("paths", nargs="*", metavar="PATH", help="files or directories (default: .); - reads standard input")
    check.add_argument("--offline", action="store_true", help="skip the network rules")
    check.add_argument("--format", "--output-format", dest="format", choices=("text", "json", "sarif", "github", "html"), default="text")
    check.add_argument("--output", metavar="FILE", help="write the report to FILE instead of stdout")
    check.add_argument("--config", metavar="PATH", help="use this configuration file")
    check.add_argument("--select", type=_rule_list, metavar="RULES", help="comma-separated rules or families to run")
    check.add_argument("--extend-select", type=_rule_list, metavar="RULES", help="comma-separated rules or families to run as well")
    check.add_argument("--ignore", type=_rule_list, metavar="RULES", help="comma-separated rules or families to skip")
    check.add_argument("--extend-ignore", type=_rule_list, metavar="RULES", help="comma-separated rules or families to skip as well (as --ignore)")
    check.add_argument("--fail-on", choices=FAIL_ON, help="lowest severity that makes the exit code 1 (default: warning)")
    check.add_argument("--exit-zero", action="store_true", help="exit 0 even when there are findings (2 still means a usage error)")
    check.add_argument("--quiet", "-q", action="store_true", help="print findings only: no source lines, no summary")
    check.add_argument("--statistics", action="store_true", help="print the number of findings per rule")
    check.add_argument("--jobs", "-j", type=_positive, metavar="N", help="processes to check files on (default: the number of cores)")
    check.add_argument("--no-cache", action="store_true", help="neither read nor write the cache")
    check.add_argument("--fix", action="store_true", help="apply the safe fixes to the files, then report what is left")
    check.add_argument("--unsafe-fixes", action="store_true", help="with --fix or --diff, apply the unsafe fixes too")
    check.add_argument("--diff", action="store_true", help="print the fixes as a unified diff and change no file (exit 1 when there are fixes)")
    check.add_argument("--stdin-filename", metavar="PATH", help="with - as the path: the path the article on standard input is checked as")
    check.add_argument("--force-exclude", action="store_true", help="apply exclude and extend-exclude to the files named too")
    check.add_argument("--color", choices=COLOR, default="auto", help="colour the text report: auto (a terminal without NO_COLOR), always, never")

    rules = command("rules", "list every rule with its family, severity and state")
    rules.add_argument("--config", metavar="PATH", help="use this configuration file")
    rules.add_argument("--format", "--output-format", dest="format", choices=("text", "json"), default="text")
    rules.add_argument("--color", choices=COLOR, default="auto", help="a table in colour (auto: on a terminal), or plain lines")

    explain = command("explain", "show what a rule finds, why, an example, and its options")
    explain.add_argument("rule", metavar="RULE")
    explain.add_argument("--config", metavar="PATH", help="use this configuration file (for the user rules of its style packs)")
    explain.add_argument("--color", choices=COLOR, default="auto", help="rendered markdown (auto: on a terminal), or the markdown itself")

    site = command("site", "show the site model: generator, content folders, languages, kinds of pages")
    site.add_argument("paths", nargs="*", metavar="PATH", help="files or directories (default: .)")
    site.add_argument("--config", metavar="PATH", help="use this configuration file")
    site.add_argument("--format", "--output-format", dest="format", choices=("text", "json"), default="text")

    cache = command("cache", "manage the cache of network results")
    cache.add_argument("action", choices=("clear", "dir"), help="clear: delete the cache; dir: print where it is")
    cache.add_argument("--config", metavar="PATH", help="use this configuration file")

    commands.add_parser("server", help="run as a language server for editors (LSP over stdin and stdout)")

    init = command("init", "write a commented artlint.toml that fits the site in DIR")
    init.add_argument("folder", nargs="?", default=".", metavar="DIR", help="the site's folder (default: .)")

    config = command("config", "the configuration: its JSON schema, or the effective settings for a path")
    actions = config.add_subparsers(dest="config_command", metavar="ACTION", parser_class=_Parser, required=True)
    schema = actions.add_parser("schema", help="print the JSON Schema of artlint.toml and [tool.artlint]", allow_abbrev=False)
    schema.add_argument("--pyproject", action="store_true", help="the schema of a pyproject.toml that checks its [tool.artlint] only")
    show = actions.add_parser("show", help="print the settings that apply to PATH and the file each comes from", allow_abbrev=False)
    show.add_argument("path", nargs="?", default=".", metavar="PATH", help="a file or folder (default: .)")
    show.add_argument("--config", metavar="PATH", help="use this configuration file")
    show.add_argument("--select", type=_rule_list, metavar="RULES", help="as artlint check --select")
    show.add_argument("--extend-select", type=_rule_list, metavar="RULES", help="as artlint check --extend-select")
    show.add_argument("--ignore", type=_rule_list, metavar="RULES", help="as artlint check --ignore")
    show.add_argument("--extend-ignore", type=_rule_list, metavar="RULES", help="as artlint check --extend-ignore")
    return parser


def _valued_options(parser: argparse.ArgumentParser) -> frozenset[str]:
    """Every option of every command that takes a value (`--config PATH`)."""
    names: set[str] = set()
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for sub in action.choices.values():
                names |= _valued_options(sub)
        elif action.option_strings and action.nargs != 0:
            names.update(action.option_strings)
    return frozenset(names)


def _with_command(arguments: list[str], parser: argparse.ArgumentParser) -> list[str]:
    """The arguments with their command first, as argparse wants them. Options may come before
    the command as after it (`artlint --offline check x.md`), and without one the command is
    `check`: `artlint docs/` means `artlint check docs/`; so does `artlint -- -a.md`, after
    whose `--` every argument is a file name. A first word that is neither a command nor an
    existing file or folder, and does not look like a path, is a mistyped command."""
    if not arguments:
        return ["check"]
    valued = _valued_options(parser)
    index = 0
    while index < len(arguments):
        argument = arguments[index]
        if argument == "--":
            break
        if argument.startswith("-") and argument != "-":
            index += 2 if argument in valued else 1
            continue
        if argument in COMMANDS:
            return [argument, *arguments[:index], *arguments[index + 1 :]]
        if argument != "-" and not os.path.lexists(argument) and not _looks_like_a_path(argument):
            _unknown_command(parser, argument)
        break
    if index >= len(arguments) and any(argument in ("--version", "-h", "--help") for argument in arguments) and len(arguments) == 1:
        return arguments  # artlint's own --version and --help
    return ["check", *arguments]


def _looks_like_a_path(word: str) -> bool:
    return "/" in word or os.sep in word or "." in word or "*" in word


def _unknown_command(parser: argparse.ArgumentParser, word: str) -> NoReturn:
    check = _subparser(parser, "check")
    check.print_usage(sys.stderr)
    hint = difflib.get_close_matches(word, COMMANDS, n=1)
    suggestion = f"; did you mean {hint[0]!r}?" if hint else ""
    _complain(f"artlint: error: {word!r} is neither a command ({', '.join(COMMANDS)}) nor a file or folder{suggestion}")
    raise SystemExit(EXIT_USAGE)


def _subparser(parser: argparse.ArgumentParser, name: str) -> argparse.ArgumentParser:
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return action.choices[name]
    raise KeyError(name)


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args, unknown = parser.parse_known_args(_with_command(list(sys.argv[1:] if argv is None else argv), parser))
    if unknown:  # said with the usage of the command they were given to, not artlint's
        _subparser(parser, args.command or "check").error(f"unrecognized arguments: {' '.join(unknown)}")
    try:
        if args.command == "rules":
            return _rules(args)
        if args.command == "explain":
            return _explain(args)
        if args.command == "cache":
            return _cache(args)
        if args.command == "site":
            return _site(args)
        if args.command == "init":
            return _init(args)
        if args.command == "config":
            return _config(args)
        if args.command == "server":
            # Imported here: only the server loads pygls (start-up speed).
            from artlint.server import main as serve

            return serve()
        return _check(args)
    except UsageError as exc:
        _complain(f"artlint: error: {exc}")
        return EXIT_USAGE
    except KeyboardInterrupt:
        sys.stderr.write("artlint: interrupted\n")
        return 130
    except BrokenPipeError:
        # The reader went away (`artlint check | head`): stop quietly.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_FINDINGS


def entry() -> None:
    """The `artlint` command: `main()`, then exit without tearing the interpreter down. A run
    leaves many objects (parsed results, findings, the corpus index) that Python would free one
    by one at exit for nothing: 35-65 ms of the kit's link check (measured with strace)."""
    code = main()
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except BrokenPipeError:
        pass
    os._exit(code)


def _load_config(path: str | None, arguments: Sequence[str] = ()):
    """The configuration named, else the one found from the paths the run is about."""
    # Imported here: each command loads only what it needs (start-up speed).
    from artlint.config import ConfigError, load_config, start_folder

    try:
        return load_config(path, start_folder(list(arguments)))
    except ConfigError as exc:
        raise UsageError(str(exc)) from None


def _check_selectors(option: str, names: list[str]) -> None:
    # Imported here: each command loads only what it needs (start-up speed).
    from artlint.rules import all_rules, families

    known = ["ALL", *families(), *all_rules()]
    for name in names:
        if name not in known:
            hint = difflib.get_close_matches(name, known, n=1)
            raise UsageError(f"{option}: unknown rule or family {name!r}" + (f"; did you mean {hint[0]!r}?" if hint else ""))


def _stdin_request(args: argparse.Namespace) -> tuple[str, str] | None:
    """(path, display path) of the article on standard input, if the run reads it: `-` as the
    path (or no path and --stdin-filename, as ruff reads it). Without --stdin-filename it is
    `-`, in the current folder."""
    if "-" not in args.paths and not (args.stdin_filename and not args.paths):
        if args.stdin_filename:
            raise UsageError("--stdin-filename names the article read from standard input: give - as the path")
        return None
    if args.paths not in (["-"], []):
        raise UsageError("- (standard input) cannot be checked together with other paths")
    if args.stdin_filename is None:
        return "-", "-"
    # Imported here: each command loads only what it needs (start-up speed).
    from pathlib import Path

    from artlint.paths import display_path

    return args.stdin_filename, display_path(Path(args.stdin_filename))


def _colour(choice: str) -> bool | None:
    return {"always": True, "never": False}.get(choice)


def _check(args: argparse.Namespace) -> int:
    # Imported here: each command loads only what it needs (start-up speed).
    from artlint.config import ConfigError
    from artlint.engine import run
    from artlint.findings import Severity
    from artlint.reporters import ReportSettings, write_report

    stdin = _stdin_request(args)
    arguments = args.paths or ["."]
    config = _load_config(args.config, [stdin[0]] if stdin else arguments)
    for option in ("select", "ignore", "extend_select", "extend_ignore"):
        if getattr(args, option) is not None:
            _check_selectors("--" + option.replace("_", "-"), getattr(args, option))
    ignore = [*(args.ignore or []), *(args.extend_ignore or [])] or None
    config.adjust(args.select, ignore, args.extend_select, args.force_exclude)
    fail_on = args.fail_on or config.fail_on
    from artlint.parallel import default_jobs  # start-up speed, as above

    config.online = not args.offline
    data = None
    if stdin is not None:
        data = sys.stdin.buffer.read()
        if config.force_exclude and stdin[0] != "-" and config.excluded_by_name(stdin[0]):
            if args.fix:  # excluded: passed through as it is, as ruff does
                sys.stdout.buffer.write(data)
            return EXIT_OK
    # With --fix on standard input, standard output is the fixed article: the report goes to stderr.
    report_stream = sys.stderr if stdin is not None and args.fix and not args.output else sys.stdout
    progress = args.format == "text" and not args.quiet and not args.output and report_stream is sys.stdout

    def checked(text: bytes | None = data):
        try:
            return _run_checked(text)
        except ConfigError as exc:  # a nested configuration file, read as its folder was met
            raise UsageError(str(exc)) from None

    def _run_checked(text: bytes | None):
        return run(
            arguments,
            config,
            jobs=args.jobs or default_jobs(),
            use_cache=not args.no_cache,
            progress=progress,
            snippets=args.format == "html" or (args.format == "text" and not args.quiet and not args.statistics),
            stdin=(stdin[0], stdin[1], text) if stdin is not None and text is not None else None,
            streamed=True,  # the findings are made a file at a time as the report is written
        )

    result = checked()
    if stdin is not None and data is not None and (args.diff or args.fix):
        fixed_data, fixes = _fixed_stdin(result, config, stdin, data, args.unsafe_fixes)
        if args.diff:
            code = _stdin_diff(stdin[1], data, fixed_data, fixes)
            return EXIT_OK if args.exit_zero else code
        sys.stdout.buffer.write(fixed_data)
        sys.stdout.flush()
        sys.stderr.write(f"artlint: fixed {fixes} finding{'s' if fixes != 1 else ''} in {'1 file' if fixes else '0 files'}\n")
        if fixes:
            result = checked(fixed_data)
    elif args.diff:
        code = _diff(result, config, arguments, args.unsafe_fixes)
        return EXIT_OK if args.exit_zero else code
    elif args.fix:
        fixed = _fix(result, config, arguments, args.unsafe_fixes)
        if fixed:
            result = checked()  # report what is left, as the files now are
    colour = _colour(args.color)
    settings = ReportSettings(quiet=args.quiet, statistics=args.statistics, color=False if args.output and colour is None else colour)
    if args.output:
        _refuse_a_planted_link(args.output, config)
        try:
            with open(args.output, "w", encoding="utf-8") as stream:
                reported = write_report(args.format, result, stream, settings)
        except OSError as exc:
            raise UsageError(f"--output {args.output}: {exc.strerror or exc}") from None
    else:
        reported = write_report(args.format, result, report_stream, settings)
        report_stream.flush()
    for warning in result.warnings:
        _complain(f"artlint: warning: {warning}")
    if result.interrupted:
        sys.stderr.write("artlint: interrupted: the network checks were stopped; findings so far are above\n")
        return 130
    if fail_on == "never" or args.exit_zero:
        return EXIT_OK
    worst = reported.worst  # counted as the report was written: the findings are read once
    return EXIT_FINDINGS if worst is not None and worst >= Severity.parse(fail_on) else EXIT_OK


def _fixed_stdin(result, config, stdin: tuple[str, str], data: bytes, unsafe: bool) -> tuple[bytes, int]:
    """The article from standard input with its fixes applied, and how many were."""
    # Imported here: each command loads only what it needs (start-up speed).
    from artlint.fixing import WrittenText, fix_passes

    try:
        written = WrittenText(data)
    except UnicodeDecodeError:
        return data, 0
    findings = [finding for finding in result.findings if finding.path == stdin[1]]
    applied = fix_passes(written, findings, stdin[0], stdin[1], config, unsafe)
    return written.encoded(), applied


def _stdin_diff(display: str, before: bytes, after: bytes, fixes: int) -> int:
    from artlint.fixing import FixedFile  # start-up speed, as above

    fixed = FixedFile(display, display, before, after, fixes)
    if fixed.changed:
        sys.stdout.write(fixed.diff())
        sys.stdout.flush()
    changed = 1 if fixed.changed else 0
    sys.stderr.write(f"artlint: would fix {fixes} finding{'s' if fixes != 1 else ''} in {changed} file{'s' if changed != 1 else ''}\n")
    return EXIT_FINDINGS if changed else EXIT_OK


def _refuse_a_planted_link(output: str, config) -> None:
    """A report file that is a symbolic link out of the project was planted there (a pull
    request can commit `report.html -> ~/.bashrc`): not written through. A link to a terminal,
    a pipe or /dev/null (`--output /dev/stdout`) is not a file anyone could lose."""
    if not os.path.islink(output):
        return
    real = os.path.realpath(output)
    if config.boundary.contains(real) or (os.path.exists(real) and not stat.S_ISREG(os.stat(real).st_mode)):
        return
    raise UsageError(f"--output {output}: a symbolic link out of the project (to {real}); not written through it")


def _fixed_files(result, config, arguments: list[str], unsafe: bool, write: bool):
    """(fixed file, None) or (None, line for stderr) for every file that has fixes to apply;
    with `write`, the fixed files are written."""
    # Imported here: each command loads only what it needs (start-up speed).
    from artlint.fixing import FixError, checked_roots, fix_file, fix_targets

    for target in fix_targets(result.findings, result.digests, checked_roots(arguments, config), unsafe):
        try:
            fixed = fix_file(target, config, unsafe, write)
        except FixError as exc:
            yield None, f"artlint: {target.display}: {exc}"
            continue
        for note in fixed.notes:
            yield None, f"artlint: {target.display}: {note}"
        yield fixed, None


def _diff(result, config, arguments: list[str], unsafe: bool) -> int:
    changed = 0
    fixes = 0
    for fixed, error in _fixed_files(result, config, arguments, unsafe, write=False):
        if error:
            _complain(error)
        elif fixed.changed:
            sys.stdout.write(fixed.diff())
            changed += 1
            fixes += fixed.applied
    sys.stdout.flush()
    sys.stderr.write(f"artlint: would fix {fixes} finding{'s' if fixes != 1 else ''} in {changed} file{'s' if changed != 1 else ''}\n")
    return EXIT_FINDINGS if changed else EXIT_OK


def _fix(result, config, arguments: list[str], unsafe: bool) -> int:
    """Fix the files in place; returns how many were changed. Every failure is reported on
    stderr and leaves its file as it was."""
    changed = 0
    fixes = 0
    for fixed, error in _fixed_files(result, config, arguments, unsafe, write=True):
        if error:
            _complain(error)
        elif fixed.changed:
            changed += 1
            fixes += fixed.applied
    sys.stderr.write(f"artlint: fixed {fixes} finding{'s' if fixes != 1 else ''} in {changed} file{'s' if changed != 1 else ''}\n")
    return changed


def _rules(args: argparse.Namespace) -> int:
    # Imported here: each command loads only what it needs (start-up speed).
    import json

    from artlint.rules import all_rules

    config = _load_config(args.config)
    enabled = {settings.name: settings for settings in config.rules_for("")}
    rows = []
    for name, rule in all_rules().items():
        settings = enabled.get(name)
        severity = str(settings.severity if settings else rule.severity)
        rows.append((name, rule.family, severity, "on" if settings else "off", rule.summary()))
    if args.format == "json":
        keys = ("name", "family", "severity", "state", "summary")
        json.dump([dict(zip(keys, row, strict=True)) for row in rows], sys.stdout, indent=2, ensure_ascii=False)
        sys.stdout.write("\n")
        return EXIT_OK
    from artlint.reporters import wants_colour  # start-up speed, as above

    if not wants_colour(sys.stdout, _colour(args.color)):
        # Piped, or no colour: one line a rule, columns aligned, the summary whole (a table
        # the width of no terminal wrapped it into fragments).
        header = ("rule", "family", "severity", "state", "summary")
        widths = [max(len(row[column]) for row in (header, *rows)) for column in range(4)]
        for row in (header, *rows):
            sys.stdout.write("  ".join(cell.ljust(width) for cell, width in zip(row[:4], widths, strict=True)) + "  " + visible(row[4]) + "\n")
        return EXIT_OK
    # rich is loaded for the table only, not for JSON or plain lines (start-up speed).
    from rich.console import Console
    from rich.table import Table

    table = Table(box=None, header_style="bold", pad_edge=False)
    for column in ("rule", "family", "severity", "state"):
        table.add_column(column, no_wrap=True)
    table.add_column("summary", overflow="fold")
    for row in rows:
        table.add_row(*row)
    terminal = sys.stdout.isatty()
    Console(highlight=False, emoji=False, force_terminal=True, width=None if terminal else 1000).print(table)
    return EXIT_OK


def _cache(args: argparse.Namespace) -> int:
    # Imported here: each command loads only what it needs (start-up speed).
    from artlint.boundary import checked_boundary
    from artlint.cachefolder import UntrustedFolder, clear, clear_derived, trusted_cache_directory, user_directory
    from artlint.engine import project_root

    config = _load_config(args.config)
    try:
        directory = trusted_cache_directory(config, checked_boundary([], project_root(config)))
    except UntrustedFolder as exc:
        raise UsageError(str(exc)) from None
    if args.action == "dir":
        sys.stdout.write(f"{directory}\n")
        return EXIT_OK
    removed = clear(directory)
    sys.stdout.write(f"removed {_cache_files(len(removed))} from {visible(str(directory))}\n")
    shared = [path for path in clear_derived() if path not in removed]
    if shared:  # in the user's folder, not the project's: said apart
        sys.stdout.write(f"removed {_cache_files(len(shared))} shared by projects from {visible(str(user_directory()))}\n")
    return EXIT_OK


def _cache_files(count: int) -> str:
    return f"{count} cache file{'s' if count != 1 else ''}"


def _site(args: argparse.Namespace) -> int:
    # Imported here: each command loads only what it needs (start-up speed).
    import json

    from artlint.config import ConfigError
    from artlint.siteinfo import describe_sites, site_text

    arguments = args.paths or ["."]
    config = _load_config(args.config, arguments)
    try:
        described = describe_sites(arguments, config)
    except ConfigError as exc:
        raise UsageError(str(exc)) from None
    if args.format == "json":
        sys.stdout.write(json.dumps(described, indent=2, ensure_ascii=False) + "\n")
    else:
        sys.stdout.write("".join(visible(line) + "\n" for line in site_text(described).splitlines()))
    return EXIT_OK


def _init(args: argparse.Namespace) -> int:
    # Imported here: each command loads only what it needs (start-up speed).
    from artlint.config import ConfigError
    from artlint.init import ExistingConfiguration, write_configuration

    if not os.path.isdir(args.folder):
        raise UsageError(f"{args.folder}: no such folder")
    try:
        path, found = write_configuration(args.folder)
    except ExistingConfiguration as exc:
        raise UsageError(f"{exc}: a configuration exists already; not overwritten") from None
    except FileExistsError as exc:
        raise UsageError(f"{exc.filename}: a configuration exists already; not overwritten") from None
    except ConfigError as exc:  # a nested configuration file met on the walk
        raise UsageError(str(exc)) from None
    except OSError as exc:
        raise UsageError(f"{os.path.join(args.folder, 'artlint.toml')}: {exc.strerror or exc}") from None
    generators = ", ".join(sorted({site.generator for site in found.sites}))
    sys.stdout.write(visible(f"wrote {path} ({generators} site, {found.articles} articles with front matter)") + "\n")
    return EXIT_OK


def _config(args: argparse.Namespace) -> int:
    # Imported here: each command loads only what it needs (start-up speed).
    if args.config_command == "schema":
        from artlint.config import schema_text  # start-up speed, as above

        sys.stdout.write(schema_text(pyproject=args.pyproject))
        return EXIT_OK
    from artlint.config import ConfigError  # start-up speed, as above
    from artlint.configshow import show

    for option in ("select", "ignore", "extend_select", "extend_ignore"):
        if getattr(args, option) is not None:
            _check_selectors("--" + option.replace("_", "-"), getattr(args, option))
    if not os.path.exists(args.path):
        raise UsageError(f"{args.path}: no such file or folder")
    config = _load_config(args.config, [args.path])
    ignore = [*(args.ignore or []), *(args.extend_ignore or [])] or None
    config.adjust(args.select, ignore, args.extend_select)
    try:
        sys.stdout.write("".join(visible(line) + "\n" for line in show(config, args.path).splitlines()))
    except ConfigError as exc:  # a nested configuration file
        raise UsageError(str(exc)) from None
    return EXIT_OK


def _explain(args: argparse.Namespace) -> int:
    # Imported here: each command loads only what it needs (start-up speed).
    from artlint.ruledocs import markdown
    from artlint.rules import all_rules

    rule = all_rules().get(args.rule)
    if rule is None:  # a user rule: its style pack comes with the configuration
        _load_config(args.config)
        rule = all_rules().get(args.rule)
    if rule is None:
        hint = difflib.get_close_matches(args.rule, list(all_rules()), n=1)
        raise UsageError(f"unknown rule {args.rule!r}" + (f"; did you mean {hint[0]!r}?" if hint else ""))
    text = markdown(rule)
    from artlint.reporters import wants_colour  # start-up speed, as above

    if not wants_colour(sys.stdout, _colour(args.color)):
        sys.stdout.write(text)  # the markdown itself: piped, it reads as it is (and pastes into docs)
        return EXIT_OK
    # rich is loaded for rendered markdown only (start-up speed).
    from rich.console import Console
    from rich.markdown import Markdown

    terminal = sys.stdout.isatty()
    Console(highlight=False, emoji=False, force_terminal=True, width=None if terminal else 100).print(Markdown(text))
    return EXIT_OK
