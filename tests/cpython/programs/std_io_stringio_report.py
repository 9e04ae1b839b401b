"""Build a text report in memory with io.StringIO and read it back line by line."""
import io

metrics = [("cpu", 73.5, "%"), ("memory", 6.2, "GiB"), ("disk", 412.0, "GiB"), ("requests", 18234, "/min")]

report = io.StringIO()
report.write("SYSTEM REPORT\n")
report.write("=" * 30 + "\n")
for name, value, unit in metrics:
    print(f"{name:<10}{value:>12,.1f} {unit}", file=report)
print("-" * 30, file=report)
print(f"{len(metrics)} metrics", file=report, end="\n\n")
report.writelines(["note: values sampled\n", "end\n"])

text = report.getvalue()
print(text, end="")
print("chars:", len(text), "| lines:", text.count("\n"), "| tell:", report.tell())

report.seek(0)
print("first line:", repr(report.readline()))
print("next 5 chars:", repr(report.read(5)))
rest = report.readlines()
print("remaining lines:", len(rest), repr(rest[-1]))
print("at end reads empty:", repr(report.read()))

reader = io.StringIO("alpha\nbeta\n\ngamma")
for number, line in enumerate(reader, 1):
    print(number, repr(line.rstrip("\n")))

buf = io.StringIO("initial text")
buf.seek(0, io.SEEK_END)
buf.write(" + appended")
print(buf.getvalue())
buf.seek(0)
buf.write("INITIAL")
print(buf.getvalue())
buf.truncate(7)
print(repr(buf.getvalue()), buf.closed)
buf.close()
print("closed:", buf.closed)
try:
    buf.getvalue()
except ValueError as exc:
    print("ValueError:", exc)

raw = io.BytesIO()
raw.write(b"\x89PNG\r\n")
raw.write("ünï".encode())
print("BytesIO:", raw.getvalue(), len(raw.getvalue()))
with io.StringIO() as tmp:
    tmp.write("context managed")
    print("inside with:", tmp.getvalue())
print("after with closed:", tmp.closed)
