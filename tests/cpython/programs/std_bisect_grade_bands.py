"""Map scores to grade bands and maintain a sorted leaderboard with bisect."""
import bisect

BREAKPOINTS = [60, 70, 80, 90]
GRADES = "FDCBA"


def grade(score):
    return GRADES[bisect.bisect(BREAKPOINTS, score)]


scores = [33, 59, 60, 61, 69.9, 70, 85, 89.99, 90, 100]
print([(s, grade(s)) for s in scores])

leaderboard = []
for name, points in [("ann", 420), ("bo", 380), ("cy", 510), ("di", 380), ("ed", 450), ("fi", 295)]:
    bisect.insort(leaderboard, (-points, name))
print("leaderboard:", [(name, -neg) for neg, name in leaderboard])

sorted_points = sorted(-p for p, _ in leaderboard)
for probe in (380, 400, 295, 600):
    left = bisect.bisect_left(sorted_points, probe)
    right = bisect.bisect_right(sorted_points, probe)
    print(f"{probe}: left={left} right={right} ties={right - left} beat {left}/{len(sorted_points)}")

timeline = [(1, "boot"), (5, "login"), (9, "upload"), (14, "logout")]
times = [t for t, _ in timeline]
for moment in (0, 5, 7, 20):
    i = bisect.bisect_right(times, moment) - 1
    print(f"at t={moment}: last event {timeline[i][1] if i >= 0 else None!r}")

events = []
for t in [15, 3, 9, 3, 12]:
    bisect.insort_left(events, t)
print("insort_left:", events)
words = ["apple", "cherry", "fig", "kiwi"]
bisect.insort(words, "banana")
print("words:", words, bisect.bisect_left(words, "fig"))
records = [("a", 1), ("b", 5), ("c", 9)]
print("key=:", bisect.bisect_left(records, 5, key=lambda r: r[1]), bisect.bisect(records, 6, key=lambda r: r[1]))
print("lo/hi:", bisect.bisect_left([1, 2, 3, 4, 5], 3, lo=3), bisect.bisect_right([1, 2, 3, 4, 5], 3, 0, 2))
