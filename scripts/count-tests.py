#!/usr/bin/env python3
"""Counts test cases in a meson test log: each cmocka case counts once (from
the program's summary lines), any other test counts as one. Prints
"N passed, N failed"."""
import json
import re
import sys

passed = failed = 0
for line in open(sys.argv[1], encoding="utf-8"):
    t = json.loads(line)
    out = (t.get("stdout") or "") + (t.get("stderr") or "")
    ok_cases = re.search(r"\[  PASSED  \] (\d+) test", out)
    bad_cases = re.search(r"\[  FAILED  \] (\d+) test", out)
    if t["result"] in ("OK", "FAIL", "EXPECTEDFAIL", "UNEXPECTEDPASS") and (ok_cases or bad_cases):
        passed += int(ok_cases.group(1)) if ok_cases else 0
        failed += int(bad_cases.group(1)) if bad_cases else 0
        if t["result"] != "OK" and not bad_cases:
            failed += 1  # crashed after its cases ran
    elif t["result"] == "OK":
        passed += 1
    elif t["result"] != "SKIP":
        failed += 1
print(f"{passed} passed, {failed} failed")
