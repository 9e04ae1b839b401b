"""Debug-print intermediate values of a loan calculation with f-string = specifiers."""

principal = 250_000
annual_rate = 0.045
years = 30
name = "Zoë O'Brien"

monthly_rate = annual_rate / 12
months = years * 12
payment = principal * monthly_rate / (1 - (1 + monthly_rate) ** -months)

print(f"{principal=}")
print(f"{annual_rate=:.2%}")
print(f"{months=}, {monthly_rate=:.6f}")
print(f"{payment = :,.2f}")
print(f"{principal * annual_rate=}")
print(f"{name=}")
print(f"{name!r} {name!s} {name!a}")
print(f"{'café'!a} {'naïve ☕'!a}")
print(f"{[name, 'ok']!a}")

balance = principal
for month in range(1, 4):
    interest = balance * monthly_rate
    balance -= payment - interest
    print(f"{month=} {interest=:.2f} {balance=:,.2f}")

total_paid = payment * months
print(f"{total_paid - principal=:,.0f}")
width, precision = 12, 3
print(f"[{payment:{width}.{precision}f}]")
print(f"[{payment:>{width},.{precision - 1}f}]")
print(f"[{'centred':^{width}}] [{'left':<{width}}] [{'right':>{width}}]")
items = {"apples": 3, "pears": 12}
print(f"{items['apples']=} {len(items)=}")
print(f"{3.0 == 3=}")
value = 42
print(f"{value:#x} {value:#o} {value:#b} {value:08.3f} {value:+d} {-value: d}")
print(f"{{literal braces}} {value!r:>6}")
