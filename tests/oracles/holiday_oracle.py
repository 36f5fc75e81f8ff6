"""Writes crates/domain/tests/fixtures/holidays-no.tsv: Norway's public holidays 2020-2040 as the
PyPI package `holidays` (pinned in requirements.txt) gives them, for
crates/domain/tests/holiday_oracle.rs to hold velferd_domain::calendar to.

    cd tests/oracles && python3 -m venv .venv && .venv/bin/pip install -r requirements.txt \
        && .venv/bin/python holiday_oracle.py

`include_sundays=False`: the package can also list every Sunday as a holiday (helligdagsfredloven
counts them); Velferd's calendar tells weekends apart from holidays itself, so only the named days
are compared. Nothing here shares Velferd's Easter arithmetic or data file.
"""

from pathlib import Path

import holidays

OUT = Path(__file__).resolve().parents[2] / "crates/domain/tests/fixtures/holidays-no.tsv"

rows = []
for year in range(2020, 2041):
    for day, name in sorted(holidays.Norway(years=year, include_sundays=False, language="en_US").items()):
        rows.append(f"{day.isoformat()}\t{name}")

OUT.write_text(
    f"# Norway's public holidays 2020-2040 from PyPI holidays {holidays.__version__} (include_sundays=False).\n"
    "# Written by tests/oracles/holiday_oracle.py; do not edit by hand.\n" + "\n".join(rows) + "\n"
)
print(f"{len(rows)} holidays -> {OUT}")
