# Writes the insta snapshots of tests/all/stdlib.rs from CPython's output:
#   python3 crates/mpwasm-core/tests/all/stdlib/bless.py
# (CPython 3.11, as the corpus). The snapshots are the expected guest output.
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
SNAPS = os.path.join(os.path.dirname(HERE), "snapshots")
PROGRAMS = {
    "collections": "collections_mod.py",
    "dataclasses": "dataclasses_mod.py",
    "typing": "typing_mod.py",
    "functools": "functools_mod.py",
    "enum": "enum_mod.py",
    "misc": "misc_mod.py",
    "re": "re_mod.py",
    "io": "io_mod.py",
}

for name, prog in PROGRAMS.items():
    env = {"PYTHONHASHSEED": "0", "TZ": "UTC0", "PATH": os.environ.get("PATH", "")}
    r = subprocess.run([sys.executable, "-B", "-S", os.path.join(HERE, prog)], capture_output=True,
                       text=True, env=env, cwd=HERE, check=True)
    if r.stderr:
        sys.exit(prog + " wrote to stderr:\n" + r.stderr)
    with open(os.path.join(SNAPS, "all__stdlib__" + name + ".snap"), "w") as f:
        f.write("---\nsource: crates/mpwasm-core/tests/all/stdlib.rs\nexpression: out\n---\n")
        f.write(r.stdout.rstrip("\n") + "\n")
    print("wrote", name)
