# functools, itertools, operator, bisect, heapq
import functools, itertools, operator, bisect, heapq
from functools import reduce, partial, lru_cache, wraps, total_ordering, cmp_to_key, cached_property, singledispatch, cache
print(reduce(lambda a, b: a * b, range(1, 6)), reduce(operator.add, [], 0))
p = partial(lambda a, base: int(a, base), base=2); print(p("101"), partial(max, 3)(1, 5))
@lru_cache(maxsize=None)
def fib(n): return n if n < 2 else fib(n-1) + fib(n-2)
print(fib(30), fib.cache_info())
@lru_cache(maxsize=2)
def sq(x): return x * x
for x in [1, 2, 1, 3, 1, 2]: sq(x)
print(sq.cache_info())
@cache
def f2(a, b=1): return a + b
print(f2(1), f2(1, b=2), f2.cache_info())
@total_ordering
class V:
    def __init__(self, v): self.v = v
    def __eq__(self, o): return self.v == o.v
    def __lt__(self, o): return self.v < o.v
print(V(1) <= V(2), V(3) > V(2), V(2) >= V(2), V(1) > V(2))
print(sorted([3, 1, 2], key=cmp_to_key(lambda a, b: b - a)))
class C:
    @cached_property
    def val(self):
        print("compute"); return 42
c = C(); print(c.val, c.val)
@singledispatch
def show(x): return "obj"
@show.register(int)
def _(x): return "int"
@show.register(list)
def _(x): return "list"
print(list(itertools.accumulate([1,2,3,4])), list(itertools.accumulate([1,2,3], operator.mul, initial=10)))
print(list(itertools.chain([1], (2, 3))), list(itertools.chain.from_iterable([[1], [2, 3]])))
print(list(itertools.islice(itertools.count(5, 2), 4)), list(itertools.islice("abcdefg", 1, 6, 2)), list(itertools.islice(itertools.cycle("ab"), 5)))
print(list(itertools.combinations("abcd", 2)), list(itertools.permutations([1,2,3], 2)), list(itertools.product("ab", repeat=2)))
print(list(itertools.combinations_with_replacement("ab", 2)), list(itertools.zip_longest("ab", "xyz", fillvalue="-")), list(itertools.pairwise([1,2,3])))
print([(k, list(g)) for k, g in itertools.groupby("aaabccaa")], [k for k, g in itertools.groupby(sorted([3,1,3,2,1]))])
print(list(itertools.takewhile(lambda x: x < 3, [1,2,3,1])), list(itertools.dropwhile(lambda x: x < 3, [1,2,3,1])), list(itertools.filterfalse(None, [0,1,0,2])), list(itertools.compress("abc", [1,0,1])), list(itertools.starmap(pow, [(2,3)])), list(itertools.repeat(1, 3)))
a, b = itertools.tee([1,2,3]); print(list(a), list(b))
print(operator.itemgetter(1)([1,2]), operator.itemgetter(0, 2)("abc"), operator.attrgetter("v")(V(7)), operator.methodcaller("upper")("x"), operator.add(1, 2), operator.mul(3, 4), operator.neg(3), operator.abs(-3))
a = [1, 3, 5]; print(bisect.bisect(a, 3), bisect.bisect_left(a, 3)); bisect.insort(a, 4); print(a, bisect.bisect_left([("a",1),("c",3)], "b", key=lambda t: t[0]))
h = [5, 1, 4]; heapq.heapify(h); heapq.heappush(h, 0); print(heapq.heappop(h), heapq.nlargest(2, [3,1,4,1,5]), heapq.nsmallest(2, [3,1,4,1,5], key=lambda x: -x), heapq.heappushpop(h, 3), heapq.heapreplace(h, 9), h, list(heapq.merge([1,4], [2,3])))
