"""Capture printed reports with contextlib.redirect_stdout, count calls with functools.wraps
decorators, and compare inventories with Counter."""
import contextlib
import functools
import io
import sys
import time
import unicodedata
from collections import Counter


def counted(func):
    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        wrapper.calls += 1
        return func(*args, **kwargs)

    wrapper.calls = 0
    return wrapper


@counted
def print_report(title, rows):
    print(f"== {title} ==")
    for name, qty in rows:
        print(f"{name:<12}{qty:>5}")
    print(f"{'total':<12}{sum(q for _, q in rows):>5}")


buffer = io.StringIO()
with contextlib.redirect_stdout(buffer):
    print_report("Morning", [("apples", 12), ("pears", 7)])
    print_report("Evening", [("apples", 3), ("plums", 9)])
captured = buffer.getvalue()
print(f"captured {len(captured.splitlines())} lines from {print_report.__name__}() "
      f"called {print_report.calls} times")
for line in captured.splitlines():
    if line.startswith("total"):
        print("  ", line.replace(" ", "."))

errors = io.StringIO()
with contextlib.redirect_stderr(errors):
    print("warning: low stock", file=sys.stderr)
print("stderr got:", repr(errors.getvalue()))

morning = Counter(apples=12, pears=7)
evening = Counter(apples=3, plums=9)
print("combined:", morning + evening)
print("sold out:", morning - evening)
print("evening within morning?", evening <= morning, "| morning >= Counter(apples=5)?",
      morning >= Counter(apples=5))
words = Counter("the cat and the hat and the bat".split())
print("top words:", words.most_common(3))

log = io.StringIO()
log.write("line one\nline two\nline three\n")
log.seek(0)
print("first:", log.readline().strip(), "| rest:", [l.strip() for l in log.readlines()])
log.truncate(0)
log.seek(0)
log.write("reset")
print("after truncate:", repr(log.getvalue()), log.tell())

stamp = time.strftime("%Y-%m-%d %H:%M", (2024, 2, 29, 18, 5, 0, 3, 60, 0))
print("report stamp:", stamp, "| ISO week:", time.strftime("%G-W%V-%u", (2024, 2, 29, 18, 5, 0, 3, 60, 0)))


def slug(text):
    plain = unicodedata.normalize("NFKD", text)
    plain = "".join(c for c in plain if not unicodedata.combining(c))
    return "-".join(w for w in "".join(c if c.isalnum() else " " for c in plain.lower()).split() if w.isascii())


for title in ["Crème Brûlée", "Café au lait", "Ångström units", "ﬁsh & chips"]:
    print(f"{title!r} -> {slug(title)}")
