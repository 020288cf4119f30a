"""Helpers shared by the real-data examples (uci_servicenow.py, bpic2013_volvo.py,
github_outages.py): the command line, a 24x7 calendar and Markdown tables.

Each example takes the repository's data directory and an output directory:

    python3 examples/python/uci_servicenow.py DATA_DIR OUT_DIR

DATA_DIR defaults to $ITSM_DATA_DIR, then to the repository's data/; OUT_DIR (where
the example may write files) to a fresh temporary directory. Nothing is written anywhere
else.
"""
import argparse
import os
import tempfile

import itsm

HERE = os.path.dirname(os.path.abspath(__file__))
EXAMPLES_DATA = os.path.join(HERE, "..", "data")


def arguments(description):
    """(data_dir, out_dir) from the command line."""
    default = os.environ.get("ITSM_DATA_DIR", os.path.join(HERE, "..", "..", "data"))
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("data_dir", nargs="?", default=default, help="the repository's data/ directory")
    parser.add_argument("out_dir", nargs="?", default=None, help="where output files may be written")
    args = parser.parse_args()
    out = args.out_dir or tempfile.mkdtemp(prefix="itsm-example-")
    os.makedirs(out, exist_ok=True)
    return args.data_dir, out


def calendar_24x7(zone="UTC"):
    """Open every second of every day (24x7 is a calendar too)."""
    day = ["00:00-24:00"]
    return itsm.Calendar({"itsm_schema": 1, "type": "calendar", "name": "24x7", "zone": zone,
                          "week": {d: day for d in ("mon", "tue", "wed", "thu", "fri", "sat", "sun")}})


def markdown(rows, columns, align=None):
    """A Markdown table of ``rows`` (sequences) under ``columns``; ``align`` is a string of
    'l'/'r' per column (default: first left, others right)."""
    align = align or "l" + "r" * (len(columns) - 1)
    sep = ["---" if a == "l" else "---:" for a in align]
    lines = ["| " + " | ".join(columns) + " |", "| " + " | ".join(sep) + " |"]
    lines += ["| " + " | ".join(str(c) for c in row) + " |" for row in rows]
    return "\n".join(lines)


def pct(rate):
    """An itsm.Rate as a percentage with one decimal, '-' without data."""
    return "-" if rate.ratio is None else f"{100 * rate.ratio:.1f} %"


def hours(seconds):
    return f"{seconds / 3600:.1f} h"
