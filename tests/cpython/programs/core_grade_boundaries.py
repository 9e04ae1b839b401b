"""Assign letter grades and bonuses with chained comparisons and conditional expressions."""

students = {"Ana": 93, "Ben": 89.5, "Cleo": 79, "Dev": 60, "Eve": 59.9, "Fin": 100, "Gia": 0, "Hal": 101}


def letter(score):
    if not 0 <= score <= 100:
        raise ValueError(f"score {score} out of range")
    if 90 <= score:
        return "A"
    elif 80 <= score < 90:
        return "B"
    elif 70 <= score < 80:
        return "C"
    elif 60 <= score < 70:
        return "D"
    return "F"


summary = {}
for name, score in students.items():
    try:
        grade = letter(score)
    except ValueError as exc:
        print(f"{name:<5} error: {exc}")
        continue
    bonus = "gold star" if score == 100 else "honours" if score >= 90 else "-"
    passed = "pass" if grade != "F" else "FAIL"
    summary.setdefault(grade, []).append(name)
    print(f"{name:<5} {score:>5} {grade} {passed:<4} {bonus}")

print(summary)
print("sorted grades:", dict(sorted(summary.items())))
a, b, c = 1, 5, 10
print("chains:", a < b < c, a < b > c, a == 1 < b, 1 < 2 < 3 < 4 < 3, c > b >= 5 > a)
print("mixed chain:", 0 <= 0.5 <= 1 == True)
x = 7
print("in ranges:", 0 < x < 10, x in range(5, 10), not 10 <= x <= 20)
print("conditional chain:", ["small" if n < 10 else "medium" if n < 100 else "large" for n in (3, 42, 512)])
print("boolean values:", [v or "default" for v in ("", "set", None, 0, [])])
print("short-circuit:", 0 and 1 / 0, 1 or 1 / 0, None and None.missing)
scores = list(filter(lambda s: 0 <= s <= 100, students.values()))
print(f"mean {sum(scores) / len(scores):.2f}, pass rate {sum(s >= 60 for s in scores)}/{len(scores)}")
