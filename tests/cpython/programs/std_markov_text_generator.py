"""Generate pseudo-random sentences from a word-level Markov chain with a fixed seed."""
import random
from collections import defaultdict, Counter

CORPUS = """the cat sat on the mat . the dog sat on the log . the cat chased the dog .
the dog chased the ball . a cat likes the sun . the sun warms the mat . a dog likes the ball ."""

words = CORPUS.split()
chain = defaultdict(list)
for current, following in zip(words, words[1:]):
    chain[current].append(following)

print("states:", len(chain))
print("after 'the':", Counter(chain["the"]).most_common())
print("after 'sat':", chain["sat"], "| after 'likes':", sorted(set(chain["likes"])))

rng = random.Random(1234)


def sentence(start="the", max_words=12):
    out = [start]
    while out[-1] != "." and len(out) < max_words:
        out.append(rng.choice(chain[out[-1]]))
    return " ".join(out)


for _ in range(5):
    print(" ", sentence())
print(" ", sentence("a"))

transitions = {w: {n: round(c / len(nexts), 3) for n, c in Counter(nexts).items()} for w, nexts in chain.items()}
print("P(next | 'dog'):", transitions["dog"])
weights_rng = random.Random(99)
choices = weights_rng.choices(list(transitions["the"]), weights=list(transitions["the"].values()), k=10)
print("weighted draws:", choices)
print("sample of states:", sorted(weights_rng.sample(sorted(chain), 4)))
