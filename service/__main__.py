"""`python -m service <command>`: the service's command-line entry points."""

from __future__ import annotations

import argparse
import sys

from service.accounts import cli as accounts_cli
from service.batch import cli as batch_cli
from service.checker import cli as checker_cli


def main(argv: list[str] | None = None) -> int:
    """Parse the command line and run the chosen command; its exit status."""
    parser = argparse.ArgumentParser(prog="python -m service", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True, metavar="command")
    batch_cli.add_parser(commands)
    checker_cli.add_parser(commands)
    accounts_cli.add_parsers(commands)
    args = parser.parse_args(argv)
    status: int = args.run(args)
    return status


if __name__ == "__main__":
    sys.exit(main())
