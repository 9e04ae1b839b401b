"""Read sales data from an in-memory CSV, aggregate it and write a summary CSV."""
import csv
import io

RAW = """date,region,rep,product,units,unit_price
2024-01-05,North,Alice,Widget,12,2.50
2024-01-06,South,Bob,Gadget,3,19.99
2024-01-06,North,Alice,Gadget,5,19.99
2024-01-09,East,"Chen, Wei",Widget,40,2.45
2024-01-10,South,Bob,Widget,7,2.50
2024-01-11,East,"Chen, Wei",Doohickey,2,105.00
2024-01-12,North,Dana,Widget,15,2.50
"""

reader = csv.DictReader(io.StringIO(RAW))
print("columns:", reader.fieldnames)
rows = list(reader)
print("first row:", rows[0])

totals = {}
for row in rows:
    revenue = int(row["units"]) * float(row["unit_price"])
    key = (row["region"], row["rep"])
    totals[key] = totals.get(key, 0.0) + revenue

out = io.StringIO()
writer = csv.writer(out, lineterminator="\n")
writer.writerow(["region", "rep", "revenue"])
for (region, rep), revenue in sorted(totals.items(), key=lambda kv: -kv[1]):
    writer.writerow([region, rep, f"{revenue:.2f}"])
print(out.getvalue())

plain = list(csv.reader(io.StringIO(RAW)))
print("plain reader row with quoted comma:", plain[4])
by_product = {}
for row in rows:
    by_product.setdefault(row["product"], 0)
    by_product[row["product"]] += int(row["units"])
print("units by product:", by_product)

semi = "name;city\nZoë;Zürich\n\"Smith; John\";Oslo\n"
print("semicolon dialect:", list(csv.reader(io.StringIO(semi), delimiter=";")))
buf = io.StringIO()
w = csv.writer(buf, quoting=csv.QUOTE_NONNUMERIC, lineterminator="\n")
w.writerows([["id", "note", "score"], [1, 'says "hi"', 9.5], [2, "multi\nline", 7]])
print(buf.getvalue(), end="")
print("read back:", list(csv.reader(io.StringIO(buf.getvalue()), quoting=csv.QUOTE_NONNUMERIC)))
