"""Build HTML tags and SQL inserts from **kwargs, relying on argument order being kept."""


def tag(name, content="", /, **attrs):
    rendered = "".join(f' {k.rstrip("_").replace("_", "-")}="{v}"' for k, v in attrs.items())
    return f"<{name}{rendered}>{content}</{name}>"


def insert(table, **columns):
    cols = ", ".join(columns)
    placeholders = ", ".join("?" for _ in columns)
    return f"INSERT INTO {table} ({cols}) VALUES ({placeholders})", tuple(columns.values())


def merge_options(*dicts, **overrides):
    result = {}
    for d in dicts:
        result.update(d)
    result.update(overrides)
    return result


print(tag("a", "home", href="/", class_="nav", data_id=7))
print(tag("input", type="checkbox", checked="checked", name="agree"))
print(tag("p", "z first", z=1, a=2, m=3))
print(insert("users", name="Ada", email="ada@example.com", age=36))
print(insert("events", ts=1700000000, kind="click", x=10, y=20))

opts = merge_options({"a": 1, "b": 2}, {"c": 3, "a": 10}, d=4, b=20)
print(opts, list(opts))


def show_kwargs(**kw):
    return list(kw.items())


print(show_kwargs(zeta=1, alpha=2, mid=3))
print(show_kwargs(**{"b": 1, "a": 2}, c=3))
extra = dict(color="red", size="L")
print(show_kwargs(sku="X1", **extra, qty=2))
try:
    show_kwargs(a=1, **{"a": 2})
except TypeError as exc:
    print("TypeError:", exc)


def describe(*args, **kwargs):
    return f"{len(args)} positional {args}, keywords {kwargs}"


print(describe(1, 2, three=3))
print(describe(*range(3), **dict.fromkeys(["x", "y"], 0)))
print(dict(b=1, a=2), dict([("b", 1), ("a", 2)], c=3), dict.fromkeys("cab", None))
