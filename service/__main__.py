"""`python -m service <command>`: the service's command-line entry points.

Only the chosen command's module is imported: `check` answers in a fraction of a second
because it never loads the database, accounts or batch layers (tests/checker/test_cli.py
proves it on the import graph).
"""

from __future__ import annotations

import argparse
import importlib
import sys

# command -> (module that defines it, its function that adds the parsers, one-line help)
COMMANDS: dict[str, tuple[str, str, str]] = {
    "batch": ("service.batch.cli", "add_parser", "one plan per commune from a plan and a table"),
    "check": ("service.checker.cli", "add_parser", "check Word files against Decree 30"),
    "users": ("service.accounts.cli", "add_parsers", "local accounts"),
    "keys": ("service.accounts.cli", "add_parsers", "API keys"),
}


def main(argv: list[str] | None = None) -> int:
    """Parse the command line and run the chosen command; its exit status."""
    argv = sys.argv[1:] if argv is None else argv
    chosen = next((arg for arg in argv if not arg.startswith("-")), None)
    parser = argparse.ArgumentParser(prog="python -m service", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True, metavar="command")
    loaded: set[str] = set()
    for name, (module, adder, help_text) in COMMANDS.items():
        if name == chosen and module not in loaded:
            getattr(importlib.import_module(module), adder)(commands)
            loaded.add(module)
        elif name != chosen and not (chosen in COMMANDS and COMMANDS[chosen][0] == module):
            commands.add_parser(name, help=help_text)  # listed in --help, loaded when chosen
    args = parser.parse_args(argv)
    status: int = args.run(args)
    return status


if __name__ == "__main__":
    sys.exit(main())
