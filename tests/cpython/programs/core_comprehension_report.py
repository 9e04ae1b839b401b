"""Build a course enrolment report with list, dict and set comprehensions."""

enrolments = [
    ("alice", "math", 91), ("alice", "physics", 78), ("bob", "math", 65),
    ("bob", "history", 88), ("carol", "physics", 95), ("carol", "math", 72),
    ("dave", "history", 59), ("dave", "art", 99), ("erin", "art", 84), ("erin", "math", 90),
]

students = sorted({name for name, _, _ in enrolments})
courses = sorted({course for _, course, _ in enrolments})
print("students:", students)
print("courses:", courses)

by_course = {c: [s for s, course, _ in enrolments if course == c] for c in courses}
print("by course:", by_course)

averages = {
    c: round(sum(g for _, course, g in enrolments if course == c) / len(by_course[c]), 1)
    for c in courses
}
print("averages:", averages)

grid = [[next((g for s, c, g in enrolments if s == st and c == co), None) for co in courses] for st in students]
print(f"{'':7}" + "".join(f"{c:>9}" for c in courses))
for st, row in zip(students, grid):
    print(f"{st:7}" + "".join(f"{'-' if g is None else g:>9}" for g in row))

honours = {s for s, _, g in enrolments if g >= 90}
failing = {s for s, _, g in enrolments if g < 60}
print("honours:", sorted(honours), "| failing:", sorted(failing), "| both:", sorted(honours & failing))

letter = lambda g: "A" if g >= 90 else "B" if g >= 80 else "C" if g >= 70 else "D" if g >= 60 else "F"
letters = {(s, c): letter(g) for s, c, g in enrolments}
print("letters for alice:", {c: l for (s, c), l in letters.items() if s == "alice"})
counts = {l: sum(1 for v in letters.values() if v == l) for l in "ABCDF"}
print("distribution:", counts)
pairs = [(a, b) for a in students for b in students if a < b and set(by_course) and
         {c for s, c, _ in enrolments if s == a} & {c for s, c, _ in enrolments if s == b}]
print("classmates:", pairs)
flat = [g for row in grid for g in row if g is not None]
print("all grades sorted:", sorted(flat, reverse=True))
