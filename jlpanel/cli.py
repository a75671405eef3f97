"""The command line: every job the GUI does, for scripts and tests (DESIGN §8).

Exit status 0 on success, 1 when the input was refused (reasons on standard error),
2 for a usage error.
"""

from __future__ import annotations

import argparse
import datetime as dt
import logging
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from jlpanel import __version__
from jlpanel.services.errors import UserError

log = logging.getLogger(__name__)

EXIT_OK = 0
EXIT_REFUSED = 1
EXIT_USAGE = 2


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text!r}") from None


def _cmd_new(args: argparse.Namespace) -> int:
    from jlpanel.services.workspace import create_workspace

    with create_workspace(
        Path(args.workspace),
        args.cycle,
        rubric_file=Path(args.rubric) if args.rubric else None,
        period_start=args.start,
        period_end=args.end,
        language=args.lang,
    ) as ws:
        info = ws.cycle_info()
    print(
        f"{ws.path}: {info.name} — {len(info.rubric.indicators)} indicators, "
        f"rubric {info.rubric.id} {info.rubric.version}"
    )
    return EXIT_OK


def _cmd_results(args: argparse.Namespace) -> int:
    import csv

    from jlpanel.services.results import compute_and_store_results, result_rows
    from jlpanel.services.workspace import open_workspace

    with open_workspace(Path(args.workspace)) as ws:
        results = compute_and_store_results(ws)
        rows = result_rows(ws, results, args.lang)
    if args.csv:
        writer = csv.writer(sys.stdout)
        writer.writerows(rows)
    else:
        widths = [max(len(str(r[n])) for r in rows) for n in range(len(rows[0]))]
        for row in rows:
            print("  ".join(str(c).ljust(w) for c, w in zip(row, widths, strict=True)).rstrip())
    return EXIT_OK


def _cmd_gui(args: argparse.Namespace) -> int:
    from jlpanel.gui.app import run_gui

    target = Path(args.file) if getattr(args, "file", None) else None
    return run_gui(target, language=args.lang)


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of ``jlpanel``."""
    parser = argparse.ArgumentParser(
        prog="jlpanel",
        description="吉林省科技资源共享服务平台考核评价 — evaluation desk for Jilin Provincial "
        "S&T resource sharing service platforms. Without a command: the GUI.",
    )
    parser.add_argument("--version", action="version", version=f"jlpanel {__version__}")
    parser.add_argument(
        "--lang", choices=("zh", "en"), default=None, help="language of messages (default: zh)"
    )
    parser.add_argument("-v", "--verbose", action="store_true", help="log to standard error")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser("open", help="the GUI on a workspace or a review package")
    p.add_argument("file")
    p.set_defaults(func=_cmd_gui)

    p = sub.add_parser("new", help="create a cycle workspace")
    p.add_argument("workspace", help="the new .jlpanel file")
    p.add_argument("--cycle", required=True, help="the cycle's name, e.g. 2026年度考核评价")
    p.add_argument("--rubric", help="a rubric file (.toml or .json); default: the built-in rubric")
    p.add_argument("--start", type=_date, help="first day of the evaluation period (YYYY-MM-DD)")
    p.add_argument("--end", type=_date, help="last day of the evaluation period (YYYY-MM-DD)")
    p.set_defaults(func=_cmd_new)

    p = sub.add_parser("results", help="compute and print the cycle's results")
    p.add_argument("workspace")
    p.add_argument("--csv", action="store_true", help="comma-separated values")
    p.set_defaults(func=_cmd_results)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run ``jlpanel`` with ``argv``; returns the exit status."""
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse exits 2 on usage errors, 0 on --help/--version
        return int(exc.code or 0)
    from jlpanel.services.preferences import load_preferences

    if args.lang is None:
        args.lang = load_preferences().language
    if args.verbose:
        logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")
    func: Callable[[argparse.Namespace], int] = getattr(args, "func", _cmd_gui)
    try:
        return func(args)
    except UserError as exc:
        print(exc.message(args.lang), file=sys.stderr)
        return EXIT_REFUSED
    except KeyboardInterrupt:
        return 130
