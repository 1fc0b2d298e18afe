# The kernel's own KTAP parser (tools/testing/kunit/kunit_parser.py) on one log, its whole tree as JSON.
# Usage: python3 kunit_tree.py KUNIT_DIR LOG. kunit.py's messages go to stderr; stdout is one JSON object.
import json
import sys

out = sys.stdout
sys.stdout = sys.stderr  # kunit_printer keeps the sys.stdout it sees on import
sys.path.insert(0, sys.argv[1])
import kunit_parser  # noqa: E402


def tree(test):
    c = test.counts
    return {"name": test.name, "status": test.status.name,
            "counts": {"passed": c.passed, "failed": c.failed, "crashed": c.crashed, "skipped": c.skipped, "errors": c.errors},
            "tests": [tree(t) for t in test.subtests]}


# read as kunit.py's parse command reads it (kunit.py, main: open(..., errors='backslashreplace').read().splitlines())
with open(sys.argv[2], 'r', errors='backslashreplace') as f:
    lines = f.read().splitlines()
result = kunit_parser.parse_run_tests(lines)
print(json.dumps(tree(result)), file=out)
