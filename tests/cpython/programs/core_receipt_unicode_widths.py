"""Print a café receipt whose item names contain accented and non-Latin characters."""

items = [
    ("Café au lait", 2, 3.40),
    ("Crème brûlée", 1, 6.95),
    ("Smørrebrød", 3, 8.10),
    ("Pâté", 1, 4.25),
    ("Ελληνικός καφές", 2, 2.80),
    ("Пирожок", 4, 1.75),
    ("Tea", 1, 2.00),
]

NAME_WIDTH = 18


def row(name, qty, price):
    total = qty * price
    return f"{name:<{NAME_WIDTH}}|{qty:^5}|{price:>7.2f}|{total:>8.2f}"


print(f"{'Item':<{NAME_WIDTH}}|{'Qty':^5}|{'Price':>7}|{'Total':>8}")
print("-" * (NAME_WIDTH + 22))
grand = 0
for name, qty, price in items:
    print(row(name, qty, price))
    grand += qty * price
print("-" * (NAME_WIDTH + 22))
print(f"{'Grand total':>{NAME_WIDTH + 14}}{grand:>8.2f}")
print()

for name, _, _ in items:
    print(f"[{name.center(20, '·')}] [{name.ljust(16, '.')}] [{name.rjust(16)}] len={len(name)}")

print()
print(f"{'ünïcödé':*^21}")
print(f"{'日本語':>8}|{'中文':<6}|")
print("{:_<12}{:>6}".format("Überweisung", "€5"))
print("%-12s|%6s|" % ("naïve", "ça"))
