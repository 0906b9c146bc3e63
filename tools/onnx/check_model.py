#!/usr/bin/python3
"""Checks ONNX files with the onnx package's checker (full check: also infers and checks every shape).

Usage: /usr/bin/python3 tools/onnx/check_model.py MODEL.onnx...

Prints one line per file, "MODEL.onnx: ok" or "MODEL.onnx: invalid: reason", and exits with 1 if any file is
invalid, 2 if the onnx package is missing (Debian: apt-get install python3-onnx).
"""

import sys

try:
    import onnx
    import onnx.checker
except ImportError:
    print("check_model.py: the onnx package is missing (Debian: apt-get install python3-onnx)", file=sys.stderr)
    sys.exit(2)


def check(path):
    """None if the file is a valid model, else why not."""
    try:
        model = onnx.load(path)
        onnx.checker.check_model(model, full_check=True)
    except Exception as error:  # the checker's and the parser's errors alike
        return " ".join(str(error).split())
    return None


def main(paths):
    if not paths:
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    failed = False
    for path in paths:
        problem = check(path)
        print(f"{path}: ok" if problem is None else f"{path}: invalid: {problem}")
        failed = failed or problem is not None
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
