"""Render query results as a boxed ASCII table with column-specific alignment."""

rows = [
    {"id": 1, "name": "Widget", "category": "Tools", "price": 4.5, "stock": 1200},
    {"id": 2, "name": "Gadget Pro", "category": "Electronics", "price": 129.99, "stock": 35},
    {"id": 3, "name": "Thingamajig", "category": "Misc", "price": 0.75, "stock": 98000},
    {"id": 10, "name": "Doohickey", "category": "Tools", "price": 15.0, "stock": 0},
]

COLUMNS = [
    ("id", "ID", ">", "d"),
    ("name", "Product", "<", ""),
    ("category", "Category", "^", ""),
    ("price", "Price", ">", ",.2f"),
    ("stock", "Stock", ">", ","),
]


def cell(value, spec):
    return format(value, spec)


def render(rows, columns):
    widths = {}
    for key, title, _, spec in columns:
        widths[key] = max(len(title), *(len(cell(r[key], spec)) for r in rows))
    border = "+" + "+".join("-" * (widths[k] + 2) for k, *_ in columns) + "+"
    lines = [border]
    header = "|" + "|".join(" {:^{w}} ".format(title, w=widths[key]) for key, title, _, _ in columns) + "|"
    lines.append(header)
    lines.append(border.replace("-", "="))
    for r in rows:
        parts = []
        for key, _, align, spec in columns:
            parts.append(" {:{a}{w}} ".format(cell(r[key], spec), a=align, w=widths[key]))
        lines.append("|" + "|".join(parts) + "|")
    lines.append(border)
    return "\n".join(lines)


print(render(rows, COLUMNS))
total_value = sum(r["price"] * r["stock"] for r in rows)
print("Inventory value: {0:,.2f} across {1} products".format(total_value, len(rows)))
print("Out of stock: {names}".format(names=", ".join(r["name"] for r in rows if not r["stock"])))
print("{:-^40}".format(" by category "))
cats = {}
for r in rows:
    cats.setdefault(r["category"], []).append(r["name"])
for cat, names in cats.items():
    print("{cat:<12}{n:>3}  {items}".format(cat=cat, n=len(names), items=names))
print("{0[name]} costs {0[price]}; {1[name]} costs {1[price]}".format(rows[0], rows[1]))
