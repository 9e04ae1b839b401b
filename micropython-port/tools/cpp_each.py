#!/usr/bin/env python3
"""Run a C preprocessor once per source file and concatenate the output.

MicroPython's qstr scan hands the preprocessor several files in one command;
`zig cc -E` accepts only one input, so split the call. Usage:
    cpp_each.py COMPILER [ARGS...] FILE.c [FILE.c ...]
Arguments that name existing .c/.cpp files are inputs; the rest are flags.
"""
import os
import subprocess
import sys

SOURCE_EXTS = (".c", ".cc", ".cpp", ".cxx")


def main(argv):
    flags, sources = [], []
    for arg in argv[1:]:
        if arg.endswith(SOURCE_EXTS) and os.path.isfile(arg):
            sources.append(arg)
        else:
            flags.append(arg)
    if not sources:
        # Reading stdin: zig only adds libc headers when told the language.
        if "-" in flags:
            flags.insert(flags.index("-"), "-xc")
        return subprocess.call(flags)
    out = sys.stdout.buffer
    for source in sources:
        result = subprocess.run(flags + [source], stdout=subprocess.PIPE)
        if result.returncode != 0:
            return result.returncode
        out.write(result.stdout)
    out.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
