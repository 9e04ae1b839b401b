"""Group words into anagram families and find the largest families."""

WORDS = """listen silent enlist inlets tinsel google elgoog banana
stone tones notes onset seton night thing evil vile live veil
apple papel dusty study rat tar art star rats arts tsar stressed desserts""".split()


def signature(word):
    return "".join(sorted(word.lower()))


groups = {}
for word in WORDS:
    groups.setdefault(signature(word), []).append(word)

families = {sig: words for sig, words in groups.items() if len(words) > 1}
print(f"{len(WORDS)} words, {len(groups)} signatures, {len(families)} anagram families")
for sig, words in sorted(families.items(), key=lambda kv: (-len(kv[1]), kv[0])):
    print(f"{sig:>10}: {', '.join(words)}")

singles = [words[0] for words in groups.values() if len(words) == 1]
print("no anagram:", singles)


def is_anagram(a, b):
    clean = lambda s: sorted(c for c in s.lower() if c.isalpha())
    return clean(a) == clean(b)


pairs = [("Dormitory", "dirty room"), ("The eyes", "They see"), ("Astronomer", "Moon starer"), ("Hello", "World")]
for a, b in pairs:
    print(f"{a!r} ~ {b!r}: {is_anagram(a, b)}")


def letter_counts(word):
    counts = {}
    for ch in word:
        counts[ch] = counts.get(ch, 0) + 1
    return counts


def can_build(word, rack):
    need, have = letter_counts(word), letter_counts(rack)
    return all(have.get(ch, 0) >= n for ch, n in need.items())


rack = "aerstt"
print(f"words buildable from {rack!r}:", sorted({w for w in WORDS if can_build(w, rack)}))
print("largest family:", max(families.values(), key=len))
