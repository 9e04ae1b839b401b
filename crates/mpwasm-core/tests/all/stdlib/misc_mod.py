# string, abc, contextlib, copy
import string, copy
from abc import ABC, abstractmethod
from contextlib import contextmanager, suppress, ExitStack, closing, nullcontext
print(string.ascii_letters, string.digits, string.punctuation, string.capwords("hello  wORLD foo"))
t = string.Template("Hi $name, you owe $$${amt} ${x}y"); print(t.substitute(name="Al", amt=5, x="X"), t.safe_substitute(name="B"))
try: string.Template("$a").substitute({})
except KeyError as e: print("KE")
class Shape(ABC):
    @abstractmethod
    def area(self): ...
    @abstractmethod
    def perimeter(self): ...
    def describe(self): return f"{type(self).__name__} area={self.area()}"
class Sq(Shape):
    def __init__(self, s): self.s = s
    def area(self): return self.s ** 2
    def perimeter(self): return 4 * self.s
class Half(Shape):
    def area(self): return 1
try: Shape()
except TypeError as e: print(e)
try: Half()
except TypeError as e: print(e)
print(Sq(3).describe(), isinstance(Sq(2), Shape))
@contextmanager
def tag(n):
    print("<" + n + ">"); yield n.upper(); print("</" + n + ">")
with tag("b") as v: print("in", v)
with suppress(KeyError): {}["x"]
print("after")
@contextmanager
def catch():
    try: yield
    except ValueError as e: print("caught", e)
with catch(): raise ValueError("boom")
with ExitStack() as st:
    a = st.enter_context(tag("x")); st.callback(print, "cb")
    print("body", a)
class R:
    def close(self): print("closed")
with closing(R()): pass
with nullcontext(5) as n: print(n)
class Pt:
    def __init__(self, x, l): self.x = x; self.l = l
p = Pt(1, [1, [2]]); q = copy.copy(p); r = copy.deepcopy(p)
p.l[1].append(3); print(q.l, r.l, q.x, type(r).__name__)
d = {"a": [1, 2], "b": {"c": [3]}}; e = copy.deepcopy(d); d["b"]["c"].append(4); print(e, copy.copy([1, [2]]))
from collections import Counter, defaultdict
