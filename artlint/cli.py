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
COMMANDS = ("check", "rules", "explain", "cache", "site", "server")


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


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="artlint", description="A content-quality linter for article markdown files.")
    parser.add_argument("--version", action="version", version=f"artlint {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    check = commands.add_parser("check", help="check articles (the default command)")
    check.add_argument("paths", nargs="*", metavar="PATH", help="files or directories (default: .)")
    check.add_argument("--offline", action="store_true", help="skip the network rules")
    check.add_argument("--format", choices=("text", "json", "sarif", "github", "html"), default="text")
    check.add_argument("--output", metavar="FILE", help="write the report to FILE instead of stdout")
    check.add_argument("--config", metavar="PATH", help="use this configuration file")
    check.add_argument("--select", type=_rule_list, metavar="RULES", help="comma-separated rules or families to run")
    check.add_argument("--ignore", type=_rule_list, metavar="RULES", help="comma-separated rules or families to skip")
    check.add_argument("--fail-on", choices=FAIL_ON, help="lowest severity that makes the exit code 1 (default: warning)")
    check.add_argument("--quiet", action="store_true", help="print findings only: no source lines, no summary")
    check.add_argument("--statistics", action="store_true", help="print the number of findings per rule")
    check.add_argument("--jobs", "-j", type=_positive, metavar="N", help="processes to check files on (default: the number of cores)")
    check.add_argument("--no-cache", action="store_true", help="neither read nor write the cache")
    check.add_argument("--fix", action="store_true", help="apply the safe fixes to the files, then report what is left")
    check.add_argument("--unsafe-fixes", action="store_true", help="with --fix or --diff, apply the unsafe fixes too")
    check.add_argument("--diff", action="store_true", help="print the fixes as a unified diff and change no file (exit 1 when there are fixes)")

    rules = commands.add_parser("rules", help="list every rule with its family, severity and state")
    rules.add_argument("--config", metavar="PATH", help="use this configuration file")
    rules.add_argument("--format", choices=("text", "json"), default="text")

    explain = commands.add_parser("explain", help="show what a rule finds, why, an example, and its options")
    explain.add_argument("rule", metavar="RULE")

    site = commands.add_parser("site", help="show the site model: generator, content folders, languages, kinds of pages")
    site.add_argument("paths", nargs="*", metavar="PATH", help="files or directories (default: .)")
    site.add_argument("--config", metavar="PATH", help="use this configuration file")
    site.add_argument("--format", choices=("text", "json"), default="text")

    cache = commands.add_parser("cache", help="manage the cache of network results")
    cache.add_argument("action", choices=("clear", "dir"), help="clear: delete the cache; dir: print where it is")
    cache.add_argument("--config", metavar="PATH", help="use this configuration file")

    commands.add_parser("server", help="run as a language server for editors (LSP over stdin and stdout)")
    return parser


def _with_command(arguments: list[str]) -> list[str]:
    """`artlint docs/` means `artlint check docs/`; so does `artlint -- -a.md`, after whose `--`
    every argument is a file name."""
    if arguments and (arguments[0] in COMMANDS or (arguments[0].startswith("-") and arguments[0] != "--")):
        return arguments
    return ["check", *arguments]


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(_with_command(list(sys.argv[1:] if argv is None else argv)))
    try:
        if args.command == "rules":
            return _rules(args)
        if args.command == "explain":
            return _explain(args)
        if args.command == "cache":
            return _cache(args)
        if args.command == "site":
            return _site(args)
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


def _check(args: argparse.Namespace) -> int:
    # Imported here: each command loads only what it needs (start-up speed).
    from artlint.config import ConfigError
    from artlint.engine import run
    from artlint.findings import Severity
    from artlint.reporters import ReportSettings, write_report

    config = _load_config(args.config, args.paths or ["."])
    if args.select is not None:
        _check_selectors("--select", args.select)
    if args.ignore is not None:
        _check_selectors("--ignore", args.ignore)
    config.adjust(args.select, args.ignore)
    fail_on = args.fail_on or config.fail_on
    from artlint.parallel import default_jobs  # start-up speed, as above

    config.online = not args.offline
    progress = args.format == "text" and not args.quiet and not args.output

    arguments = args.paths or ["."]

    def checked():
        try:
            return _run_checked()
        except ConfigError as exc:  # a nested configuration file, read as its folder was met
            raise UsageError(str(exc)) from None

    def _run_checked():
        return run(
            arguments,
            config,
            jobs=args.jobs or default_jobs(),
            use_cache=not args.no_cache,
            progress=progress,
            snippets=args.format == "html" or (args.format == "text" and not args.quiet and not args.statistics),
        )

    result = checked()
    if args.diff:
        return _diff(result, config, arguments, args.unsafe_fixes)
    if args.fix:
        fixed = _fix(result, config, arguments, args.unsafe_fixes)
        if fixed:
            result = checked()  # report what is left, as the files now are
    settings = ReportSettings(quiet=args.quiet, statistics=args.statistics, color=False if args.output else None)
    if args.output:
        _refuse_a_planted_link(args.output, config)
        try:
            with open(args.output, "w", encoding="utf-8") as stream:
                write_report(args.format, result, stream, settings)
        except OSError as exc:
            raise UsageError(f"--output {args.output}: {exc.strerror or exc}") from None
    else:
        write_report(args.format, result, sys.stdout, settings)
        sys.stdout.flush()
    for warning in result.warnings:
        _complain(f"artlint: warning: {warning}")
    if result.interrupted:
        sys.stderr.write("artlint: interrupted: the network checks were stopped; findings so far are above\n")
        return 130
    if fail_on == "never":
        return EXIT_OK
    threshold = Severity.parse(fail_on)
    return EXIT_FINDINGS if any(finding.severity >= threshold for finding in result.findings) else EXIT_OK


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
    # rich is loaded for the table only, not for JSON (start-up speed).
    from rich.console import Console
    from rich.table import Table

    table = Table(box=None, header_style="bold", pad_edge=False)
    for column in ("rule", "family", "severity", "state"):
        table.add_column(column, no_wrap=True)
    table.add_column("summary", overflow="fold")
    for row in rows:
        table.add_row(*row)
    Console(highlight=False, emoji=False).print(table)
    return EXIT_OK


def _cache(args: argparse.Namespace) -> int:
    # Imported here: each command loads only what it needs (start-up speed).
    from artlint.boundary import checked_boundary
    from artlint.cachefolder import UntrustedFolder, clear, clear_derived, trusted_cache_directory
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
    removed += [path for path in clear_derived() if path not in removed]
    sys.stdout.write(f"removed {len(removed)} cache file{'s' if len(removed) != 1 else ''} from {visible(str(directory))}\n")
    return EXIT_OK


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


def _explain(args: argparse.Namespace) -> int:
    # Imported here: each command loads only what it needs (start-up speed).
    from artlint.ruledocs import markdown
    from artlint.rules import all_rules

    rule = all_rules().get(args.rule)
    if rule is None:
        hint = difflib.get_close_matches(args.rule, list(all_rules()), n=1)
        raise UsageError(f"unknown rule {args.rule!r}" + (f"; did you mean {hint[0]!r}?" if hint else ""))
    sys.stdout.write(markdown(rule))
    return EXIT_OK
