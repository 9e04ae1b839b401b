"""Plan stock reorders from sales with Counter arithmetic and a namedtuple catalogue."""
from collections import Counter, namedtuple

Product = namedtuple("Product", "sku name pack_size lead_days")
CATALOGUE = {p.sku: p for p in [
    Product("TEA", "Green tea", 12, 3), Product("COF", "Coffee beans", 6, 5),
    Product("MUG", "Mug", 4, 10), Product("CUP", "Paper cups", 100, 2),
]}

stock = Counter(TEA=30, COF=8, MUG=15, CUP=250)
week_sales = [Counter(TEA=9, COF=4, CUP=120), Counter(TEA=7, COF=6, MUG=2, CUP=90), Counter(TEA=12, COF=5, MUG=1, CUP=140)]
incoming = Counter(COF=6, CUP=100)

total_sold = sum(week_sales, Counter())
print("sold over 3 weeks:", total_sold.most_common())
daily = {sku: qty / 21 for sku, qty in total_sold.items()}
projected = stock + incoming
projected.subtract(total_sold)
print("projected after repeat of last 3 weeks:", dict(projected))
shortfall = -projected
print("shortfall (unary minus keeps negatives as positive counts):", shortfall)

orders = {}
for sku, product in CATALOGUE.items():
    need_during_lead = daily.get(sku, 0) * product.lead_days
    available = stock[sku] + incoming[sku]
    missing = max(0, round(need_during_lead * 2 - available))
    packs = -(-missing // product.pack_size)
    if packs:
        orders[sku] = packs
    print(f"{product.name:<13} stock {stock[sku]:>4} incoming {incoming[sku]:>3} daily {daily.get(sku, 0):6.2f} "
          f"lead {product.lead_days:>2}d -> order {packs} pack(s) of {product.pack_size}")
print("orders:", orders)
print("units ordered:", Counter({sku: n * CATALOGUE[sku].pack_size for sku, n in orders.items()}))
print("best seller:", CATALOGUE[total_sold.most_common(1)[0][0]].name, "| never sold:", [s for s in CATALOGUE if not total_sold[s]])
print("total units in stock:", stock.total(), "| after sales:", (stock - total_sold).total())
