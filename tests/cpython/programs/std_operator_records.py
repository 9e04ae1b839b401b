"""Sort and project records with operator.itemgetter, attrgetter and methodcaller."""
from operator import itemgetter, attrgetter, methodcaller
import operator


class City:
    def __init__(self, name, country, population, area):
        self.name = name
        self.country = country
        self.population = population
        self.area = area
        self.stats = {"density": round(population / area)}

    def __repr__(self):
        return self.name


rows = [
    {"name": "Lyon", "country": "FR", "population": 522000, "area": 47.9},
    {"name": "Porto", "country": "PT", "population": 232000, "area": 41.4},
    {"name": "Lille", "country": "FR", "population": 236000, "area": 34.5},
    {"name": "Braga", "country": "PT", "population": 193000, "area": 183.4},
    {"name": "Graz", "country": "AT", "population": 291000, "area": 127.6},
]

print("by population:", [r["name"] for r in sorted(rows, key=itemgetter("population"), reverse=True)])
print("by country then name:", [r["name"] for r in sorted(rows, key=itemgetter("country", "name"))])
get_pair = itemgetter("name", "area")
print("projection:", [get_pair(r) for r in rows])
print("tuple items:", list(map(itemgetter(1), [("a", 1), ("b", 2)])), itemgetter(slice(1, 3))("abcdef"))

cities = [City(**r) for r in rows]
print("attrgetter:", sorted(cities, key=attrgetter("country", "population")))
print("dotted attrgetter:", [attrgetter("stats")(c)["density"] for c in cities])
print("multiple attrs:", attrgetter("name", "country")(cities[0]))

shout = methodcaller("upper")
split_dash = methodcaller("split", "-")
print("methodcaller:", [shout(r["name"]) for r in rows], split_dash("2024-03-15"))
print("replace:", methodcaller("replace", "o", "0")("Porto Lyon"))

ops = {"+": operator.add, "-": operator.sub, "*": operator.mul, "/": operator.truediv, "//": operator.floordiv, "%": operator.mod, "**": operator.pow}
print({sym: fn(17, 5) for sym, fn in ops.items()})
print("comparisons:", operator.lt(1, 2), operator.eq("a", "a"), operator.ne(1, 1), operator.ge(3, 3))
print("others:", operator.neg(5), operator.not_(0), operator.truth([]), operator.contains([1, 2], 2), operator.concat("ab", "cd"))
print("index/getitem:", operator.getitem([10, 20, 30], 1), operator.index(7), operator.abs(-3))
data = [1, 2, 3]
operator.setitem(data, 0, 99)
operator.delitem(data, 1)
print("setitem/delitem:", data, "| iadd:", operator.iadd([1], [2]), "| and/or/xor:", operator.and_(12, 10), operator.or_(12, 10), operator.xor(12, 10))
