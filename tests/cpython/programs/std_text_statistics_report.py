"""Readability statistics for a text: sentences, syllables, word lengths and a wrapped summary."""
import re
import statistics
import textwrap
from collections import Counter

TEXT = """Data science combines statistics, programming and domain knowledge. Analysts clean raw data,
explore it visually and build models. Good models are simple! Are complex models always better?
Rarely: interpretability matters, and so does the quality of the data you started with."""

sentences = [s for s in re.split(r"(?<=[.!?])\s+", TEXT.replace("\n", " ")) if s]
words = re.findall(r"[A-Za-z']+", TEXT)


def syllables(word):
    word = word.lower()
    groups = re.findall(r"[aeiouy]+", word)
    count = len(groups)
    if word.endswith("e") and count > 1 and not word.endswith("le"):
        count -= 1
    return max(1, count)


syl = [syllables(w) for w in words]
print(f"sentences: {len(sentences)}, words: {len(words)}, syllables: {sum(syl)}")
for s in sentences:
    print(f"  [{len(s.split()):>2} words] {s}")
wps = len(words) / len(sentences)
spw = sum(syl) / len(words)
flesch = 206.835 - 1.015 * wps - 84.6 * spw
print(f"words/sentence {wps:.2f}, syllables/word {spw:.3f}, Flesch reading ease {flesch:.1f}")
lengths = [len(w) for w in words]
print("word length mean/median/mode/stdev:", round(statistics.mean(lengths), 3), statistics.median(lengths),
      statistics.mode(lengths), round(statistics.stdev(lengths), 3))
print("length histogram:", dict(sorted(Counter(lengths).items())))
print("most common words:", Counter(w.lower() for w in words).most_common(4))
long_words = sorted({w.lower() for w in words if syllables(w) >= 4})
print("polysyllabic:", long_words)
summary = (f"The text has {len(sentences)} sentences and {len(words)} words; its most frequent word is "
           f"'{Counter(w.lower() for w in words).most_common(1)[0][0]}' and the longest is "
           f"'{max(words, key=len)}'. The Flesch score of {flesch:.0f} suggests college-level reading.")
print(textwrap.fill(summary, width=48, initial_indent="| ", subsequent_indent="| "))
