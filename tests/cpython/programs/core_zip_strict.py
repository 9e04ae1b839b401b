"""Combine parallel columns of a spreadsheet export, refusing ragged data."""

names = ["Ada", "Grace", "Linus", "Margaret"]
ages = [36, 85, 54, 87]
cities = ["London", "Arlington", "Helsinki", "Boston"]

for name, age, city in zip(names, ages, cities, strict=True):
    print(f"{name:<9}{age:>3}  {city}")

rows = list(zip(names, ages))
print(rows)
print(dict(zip(names, cities)))

unzipped_names, unzipped_ages = zip(*rows)
print(unzipped_names, unzipped_ages)


def load_columns(*columns):
    try:
        return list(zip(*columns, strict=True))
    except ValueError as exc:
        print("rejected:", exc)
        return []


print(load_columns(names, ages[:3]))
print(load_columns(names[:2], ages, cities))
print(load_columns(names, ages, cities[:-1]))
print("non-strict truncates:", list(zip(names, ages[:2])))
print("empty:", list(zip()), list(zip([], strict=True)))

totals = [sum(col) for col in zip([1, 2, 3], [10, 20, 30], [100, 200, 300], strict=True)]
print("column totals:", totals)
matrix = [[1, 2, 3], [4, 5, 6]]
print("transposed:", [list(r) for r in zip(*matrix, strict=True)])
