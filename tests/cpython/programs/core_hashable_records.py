"""Deduplicate customer records with custom __eq__ and __hash__ and use them as dict keys."""


class Customer:
    def __init__(self, email, name, city):
        self.email = email
        self.name = name
        self.city = city

    def _key(self):
        return self.email.strip().lower()

    def __eq__(self, other):
        if not isinstance(other, Customer):
            return NotImplemented
        return self._key() == other._key()

    def __hash__(self):
        return hash(self._key())

    def __repr__(self):
        return f"Customer({self.email!r}, {self.name!r})"


class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y

    def __eq__(self, other):
        return (self.x, self.y) == (other.x, other.y)


rows = [
    Customer("ada@example.com", "Ada", "London"),
    Customer("ADA@example.com ", "Ada L.", "London"),
    Customer("bob@example.com", "Bob", "Paris"),
    Customer("carol@example.com", "Carol", "Rome"),
    Customer("bob@EXAMPLE.com", "Robert", "Paris"),
]

unique = list(dict.fromkeys(rows))
print("unique:", unique)
print("count:", len(set(rows)), "| in set:", Customer("carol@example.com", "?", "?") in set(rows))

orders = {}
for customer, amount in zip(rows, [10, 20, 5, 7, 8]):
    orders[customer] = orders.get(customer, 0) + amount
print("orders:", {c.name: total for c, total in orders.items()})
print("equality:", rows[0] == rows[1], rows[0] != rows[2], rows[0] == "ada@example.com")

try:
    {Point(1, 2)}
except TypeError as exc:
    print("TypeError:", exc)
print("Point __hash__ is None:", Point.__hash__ is None)
print("tuples hash by value:", hash((1, 2)) == hash((1, 2)), {(1, 2): "a"}[(1, 2)])
print("frozenset keys:", {frozenset({"a", "b"}): 1}[frozenset({"b", "a"})])
try:
    {[1, 2]: "list key"}
except TypeError as exc:
    print("TypeError:", exc)
print("hash of equal numbers:", hash(1) == hash(1.0) == hash(True), {1: "int", 1.0: "float"})
