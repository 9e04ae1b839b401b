"""Split CSV-like records with starred assignment and build lists with unpacking."""

records = [
    "2024-01-05,alice,login",
    "2024-01-05,bob,upload,report.pdf,3.2MB",
    "2024-01-06,carol,logout",
    "2024-01-07,alice,share,report.pdf,bob,carol,dave",
]

for line in records:
    date, user, action, *details = line.split(",")
    print(f"{date} {user:<6} {action:<7} details={details}")

first, *middle, last = range(10)
print(first, middle, last)
*init, tail = "hello"
print(init, tail)
(a, b), *rest = [(1, 2), (3, 4), (5, 6)]
print(a, b, rest)
head, *_ = ["only"]
print(head, _)

defaults = ["-v", "--color"]
user_args = ["--out", "file.txt"]
argv = ["prog", *defaults, *user_args, "--", *"xy"]
print(argv)
print([*range(3), *"ab", *(9, 8)])
print((*defaults, *user_args))
print({*[1, 2, 3], *[3, 4], 5} == {1, 2, 3, 4, 5}, sorted({*"banana", *"apple"}))

matrix = [[1, 2, 3], [4, 5, 6]]
print(*matrix, sep=" | ")
print("flattened:", [*matrix[0], *matrix[1]])


def stats(*values, precision=2):
    low, *_, high = sorted(values)
    mean = sum(values) / len(values)
    return round(low, precision), round(mean, precision), round(high, precision)


nums = [4.1234, 9.87, 1.5, 7.25]
print(stats(*nums), stats(*nums, precision=0))
kwargs = {"sep": "-", "end": "!\n"}
print(*["a", "b", "c"], **kwargs)
pairs = [*zip("abc", range(3))]
print(pairs, dict(pairs))
merged = {**dict(pairs), "d": 3, **{"a": 100}}
print(merged)
