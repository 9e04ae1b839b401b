"""Convert a tab-separated timesheet into aligned plain text with expandtabs."""

TIMESHEET = "name\tmon\ttue\twed\tthu\tfri\n" \
            "Ann\t8\t7.5\t8\t8\t6\n" \
            "Bartholomew\t4\t4\t4\t4\t4\n" \
            "Cy\t9\t9\t10\t0\t8\n"

print(TIMESHEET.expandtabs())
print(TIMESHEET.expandtabs(4))
print(TIMESHEET.expandtabs(14))

for line in TIMESHEET.splitlines():
    print(repr(line.expandtabs(6)))

rows = [line.split("\t") for line in TIMESHEET.splitlines()]
header, *people = rows
for person in people:
    hours = [float(h) for h in person[1:]]
    print(f"{person[0]:<12}{sum(hours):>6.1f} h  max {max(hours):g}  days off {hours.count(0)}")

print(repr("a\tb\tc".expandtabs(0)))
print(repr("12345678\t9".expandtabs()))
print(repr("x\ty\n\tz".expandtabs(3)))
print(repr("col1\tcol2\r\n1\t2".expandtabs(5)))
