"""Format a financial summary with grouping, percentages and sign control."""

revenue = [1234567.891, 987654.3, 1500000, 2250075.55]
costs = [1100000, 1020000.75, 1200000.5, 1800000]
quarters = ["Q1", "Q2", "Q3", "Q4"]

print(f"{'Qtr':<4}{'Revenue':>16}{'Costs':>16}{'Margin':>10}{'Growth':>9}")
previous = None
for q, rev, cost in zip(quarters, revenue, costs):
    margin = (rev - cost) / rev
    growth = "" if previous is None else f"{(rev - previous) / previous:+.1%}"
    print(f"{q:<4}{rev:>16,.2f}{cost:>16,.2f}{margin:>10.2%}{growth:>9}")
    previous = rev

total = sum(revenue)
print(f"Total revenue: {total:,.0f} | {total:_.2f} | {int(total):_d}")
print(f"Underscore groups in other bases: {0xDEADBEEF:_x} {0b1111000011110000:_b} {0o777777:_o}")
print(f"Scientific: {total:.3e} {total:E} | general: {total:g} {0.00001234:g} {1e20:g}")
print(f"Percent: {0.125:%} {0.125:.0%} {1.5:.1%} {-0.0042:.3%}")
print(f"Signs: {42:+} {-42:+} {42: } {-42: } {42:-}")
print(f"Alignment with sign padding: [{-1234.5:=12,.1f}] [{1234.5:=+12,.1f}]")
print(f"Fill chars: [{'x':*<6}] [{3:#>6}] [{-3:0=6}] [{'mid':~^9}]")
print("format():", format(1234.5678, ",.1f"), format(0.5, "%"), format(255, "X"), format(-255, "#x"))
print("str.format:", "{:,}".format(10**12), "{:>10_}".format(123456789), "{:.2f}".format(2.675))
print("percent operator: %5.1f%% | %-8s| %08.2f | %x | %r" % (12.345, "left", 3.14159, 255, "q"))
print("rounding halves:", [round(x) for x in (0.5, 1.5, 2.5, -0.5)], round(2.675, 2), round(1234, -2))
print("int with ',':", f"{1234567:,}", f"{-1234567:,}", f"{1000:,d}")
