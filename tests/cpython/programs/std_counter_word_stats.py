"""Analyse product reviews with collections.Counter."""
from collections import Counter

reviews = [
    "Great battery life, great screen, terrible speakers",
    "Terrible support. Battery died after a week",
    "Screen is great and the battery is fine",
    "Fine phone, great price, battery okay",
    "Speakers are terrible but the price is great",
]

words = Counter()
for review in reviews:
    words.update(w.strip(",.").lower() for w in review.split())

print("most common:", words.most_common(5))
print("great:", words["great"], "| missing:", words["wonderful"])
print("total words:", words.total(), "distinct:", len(words))

sentiment = Counter({"great": 0, "fine": 0, "okay": 0, "terrible": 0})
for w in ("great", "fine", "okay", "terrible"):
    sentiment[w] = words[w]
print("sentiment:", sentiment)
positive = Counter(great=words["great"], fine=words["fine"])
negative = Counter(terrible=words["terrible"])
print("positive - negative:", (positive + Counter(terrible=0)) - negative)

letters = Counter("".join(reviews).lower().replace(" ", ""))
print("top letters:", letters.most_common(3))
print("elements sample:", sorted(Counter(a=2, b=1, c=0).elements()))

a = Counter(apples=3, pears=1, kiwis=4)
b = Counter(apples=1, pears=2, plums=5)
print("a + b:", a + b)
print("a - b:", a - b)
print("a & b:", a & b)
print("a | b:", a | b)
c = a.copy()
c.subtract(b)
print("subtract keeps negatives:", c)
print("unary plus drops them:", +c, "| minus:", -c)
print("from list:", Counter(["x", "y", "x", "z", "x", "y"]))
print("least common:", Counter("mississippi").most_common()[:-3:-1])
print("equality ignores zero counts:", Counter(a=1) == Counter(a=1, b=0))
