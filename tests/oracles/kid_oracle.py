"""Writes crates/domain/tests/fixtures/kid-oracle.tsv: KID payloads with the check characters that
two independent implementations give, for crates/domain/tests/kid_oracle.rs to hold Velferd's
Kid::check_char and Kid::parse to.

  - kid-util (PyPI, pinned in requirements.txt): MOD10 and MOD11 check characters as Norwegian
    Wikipedia's "KID-nummer" describes them, '-' for MOD11 remainder 10;
  - python-stdnum's generic Luhn (stdnum.luhn), a second opinion on MOD10. The script stops if the
    two disagree.

    cd tests/oracles && python3 -m venv .venv && .venv/bin/pip install -r requirements.txt \
        && .venv/bin/python kid_oracle.py

Payloads come from a seeded generator (lengths 1-24, leading zeros, all-nines, repeated digits), so
the file only changes when this script or the packages do. Nothing here shares Velferd's arithmetic.
"""

import random
from pathlib import Path

import kid
from kid import util as kid_util
from stdnum import luhn

OUT = Path(__file__).resolve().parents[2] / "crates/domain/tests/fixtures/kid-oracle.tsv"


def payloads(rng):
    fixed = ["0", "1", "9", "00", "99", "0000000000", "9" * 24, "0" * 24, "1" * 24, "12345678901234567890123", "7992739871"]
    yield from fixed
    for _ in range(4000):
        n = rng.randint(1, 24)
        yield "".join(rng.choice("0123456789") for _ in range(n))
    # A digit repeated, and numbers with many leading zeros (kid-util reads the payload with int()).
    for d in "0123456789":
        for n in (2, 7, 13, 24):
            yield d * n
    for n in range(1, 24):
        yield "0" * n + str(rng.randint(1, 9))


def main():
    rng = random.Random(20260410)
    seen = set()
    rows = []
    for p in payloads(rng):
        if p in seen:
            continue
        seen.add(p)
        mod10 = str(kid_util.make_mod10_control_digit(p))
        mod11 = str(kid_util.make_mod11_control_digit(p))
        assert mod10 == luhn.calc_check_digit(p), f"kid-util and stdnum disagree on MOD10 of {p}"
        assert kid.verify(p + mod10, "MOD10") and kid.verify(p + mod11, "MOD11")
        rows.append(f"{p}\t{mod10}\t{mod11}")
    OUT.parent.mkdir(parents=True, exist_ok=True)
    header = "# payload\tMOD10 check (kid-util, = stdnum.luhn)\tMOD11 check (kid-util; '-' for remainder 10). Written by tests/oracles/kid_oracle.py.\n"
    OUT.write_text(header + "\n".join(rows) + "\n")
    print(f"{len(rows)} payloads, {sum(r.endswith('-') for r in rows)} with MOD11 '-', written to {OUT}")


if __name__ == "__main__":
    main()
