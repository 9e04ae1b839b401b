"""Compare course rosters and tag sets using set algebra (printed in sorted order)."""

python = {"ana", "ben", "cho", "dee", "eli", "fay"}
stats = {"cho", "dee", "gus", "hal", "ana"}
ml = {"dee", "eli", "gus", "ivy"}

print("python & stats:", sorted(python & stats))
print("python | ml:", sorted(python | ml))
print("python - stats:", sorted(python - stats))
print("symmetric stats ^ ml:", sorted(stats ^ ml))
print("all three:", sorted(python & stats & ml), "| any:", len(python | stats | ml))
print("intersection method:", sorted(python.intersection(stats, ml)), sorted(set.union(python, stats, ml))[:3])
print("subset:", {"dee", "eli"} <= ml, {"dee", "eli"} < ml, ml >= {"ivy"}, python.isdisjoint({"zed"}))
print("exactly one course:", sorted(s for s in python | stats | ml if sum(s in c for c in (python, stats, ml)) == 1))

tags = set()
for post_tags in [["python", "tips"], ["rust", "python"], ["tips", "career", "python"]]:
    tags.update(post_tags)
print("tags:", sorted(tags), len(tags))
tags.discard("rust")
tags.discard("not-there")
try:
    tags.remove("not-there")
except KeyError as exc:
    print("KeyError:", exc)
tags -= {"career"}
tags |= {"news"}
tags &= {"python", "news", "tips", "extra"}
print("after updates:", sorted(tags))
frozen = frozenset(tags)
print("frozenset ops:", sorted(frozen | {"x"}), type(frozen | {"x"}).__name__)
numbers = {n % 7 for n in range(30)}
print("residues:", numbers, "| min/max/sum:", min(numbers), max(numbers), sum(numbers))
print("set of tuples:", sorted({(a, b) for a in range(3) for b in range(3) if a != b}))
print("empty set repr:", set(), "| equality:", {1, 2} == {2, 1}, "| pop from singleton:", {42}.pop())
words = "the cat sat on the mat with the hat".split()
print("unique preserving order:", list(dict.fromkeys(words)), "| unique count:", len(set(words)))
