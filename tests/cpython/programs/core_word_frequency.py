"""Count word frequencies in a passage and print a ranked report with a bar chart."""

TEXT = """
It was the best of times, it was the worst of times, it was the age of wisdom,
it was the age of foolishness, it was the epoch of belief, it was the epoch of
incredulity, it was the season of Light, it was the season of Darkness, it was
the spring of hope, it was the winter of despair.
"""

STOPWORDS = {"it", "was", "the", "of"}


def words(text):
    cleaned = "".join(ch.lower() if ch.isalpha() or ch.isspace() else " " for ch in text)
    return cleaned.split()


all_words = words(TEXT)
counts = {}
for w in all_words:
    counts[w] = counts.get(w, 0) + 1

print(f"{len(all_words)} words, {len(counts)} distinct")
print("first seen order:", list(counts)[:8])
ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
print("top 5:", ranked[:5])

content = {w: c for w, c in counts.items() if w not in STOPWORDS}
widest = max(map(len, content))
for word, count in sorted(content.items(), key=lambda kv: (-kv[1], kv[0])):
    print(f"{word:>{widest}} | {'#' * count} {count}")

by_length = {}
for w in content:
    by_length.setdefault(len(w), []).append(w)
for length in sorted(by_length):
    print(length, sorted(by_length[length]))

letters = {}
for ch in TEXT.lower():
    if ch.isalpha():
        letters[ch] = letters.get(ch, 0) + 1
top_letters = sorted(letters, key=lambda c: (-letters[c], c))[:6]
print("most common letters:", [(c, letters[c]) for c in top_letters])
print("longest words:", sorted(content, key=lambda w: (-len(w), w))[:3])
print("unique to one occurrence:", sorted(w for w, c in content.items() if c == 1))
