from artlint.cli import entry

entry()
