"""Sort employee records by several keys, stably, with key functions and reverse."""

employees = [
    {"name": "Dana", "dept": "eng", "salary": 125000, "start": (2019, 4, 1)},
    {"name": "Ari", "dept": "sales", "salary": 72000, "start": (2021, 1, 15)},
    {"name": "Chen", "dept": "eng", "salary": 125000, "start": (2017, 9, 30)},
    {"name": "Bea", "dept": "ops", "salary": 64000, "start": (2020, 6, 1)},
    {"name": "Eli", "dept": "sales", "salary": 91000, "start": (2016, 2, 29)},
    {"name": "Fay", "dept": "eng", "salary": 98000, "start": (2022, 11, 7)},
    {"name": "gus", "dept": "ops", "salary": 64000, "start": (2018, 3, 12)},
]


def show(title, rows):
    print(title)
    for e in rows:
        y, m, d = e["start"]
        print(f"  {e['name']:<5}{e['dept']:<6}{e['salary']:>8,}  {y}-{m:02d}-{d:02d}")


show("by name (case-sensitive):", sorted(employees, key=lambda e: e["name"]))
show("by name (case-insensitive):", sorted(employees, key=lambda e: e["name"].lower()))
show("by salary desc, then name:", sorted(employees, key=lambda e: (-e["salary"], e["name"])))
show("by dept, then seniority:", sorted(employees, key=lambda e: (e["dept"], e["start"])))

stable = sorted(employees, key=lambda e: e["name"])
stable.sort(key=lambda e: e["dept"], reverse=True)
show("stable two-pass (dept desc, name asc):", stable)

print("top earners:", [e["name"] for e in sorted(employees, key=lambda e: e["salary"], reverse=True)[:3]])
print("min/max by start:", min(employees, key=lambda e: e["start"])["name"], max(employees, key=lambda e: e["start"])["name"])
words = ["banana", "Apple", "cherry", "apple", "Banana", "date"]
print(sorted(words), sorted(words, key=str.lower), sorted(words, key=len))
print(sorted(words, key=lambda w: (len(w), w.lower()), reverse=True))
nums = [3, -1, 4, -1, 5, -9, 2, 6]
print(sorted(nums, key=abs), sorted(nums, reverse=True), list(reversed(nums)))
print("sorted string:", "".join(sorted("hello world")), "| tuples:", sorted([(2, "b"), (1, "z"), (2, "a")]))
