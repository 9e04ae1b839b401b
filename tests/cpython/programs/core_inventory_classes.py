"""A warehouse inventory with products, stock movements and a low-stock report."""


class OutOfStock(Exception):
    pass


class Product:
    def __init__(self, sku, name, price, reorder_level=5):
        self.sku = sku
        self.name = name
        self.price = price
        self.reorder_level = reorder_level

    def __repr__(self):
        return f"Product(sku={self.sku!r}, name={self.name!r}, price={self.price})"


class Warehouse:
    def __init__(self, name):
        self.name = name
        self.products = {}
        self.stock = {}
        self.movements = []

    def add_product(self, product, quantity=0):
        self.products[product.sku] = product
        self.stock[product.sku] = quantity
        self.movements.append(("add", product.sku, quantity))

    def receive(self, sku, quantity):
        self.stock[sku] += quantity
        self.movements.append(("in", sku, quantity))

    def ship(self, sku, quantity):
        available = self.stock.get(sku, 0)
        if quantity > available:
            raise OutOfStock(f"{self.products[sku].name}: requested {quantity}, only {available} left")
        self.stock[sku] = available - quantity
        self.movements.append(("out", sku, quantity))

    def value(self):
        return sum(self.products[s].price * q for s, q in self.stock.items())

    def low_stock(self):
        return [self.products[s] for s, q in self.stock.items() if q <= self.products[s].reorder_level]


wh = Warehouse("Central")
for product, qty in [
    (Product("A-100", "Hammer", 12.5), 20),
    (Product("B-200", "Screwdriver set", 24.99, reorder_level=10), 12),
    (Product("C-300", "Tape measure", 8.75), 4),
    (Product("D-400", "Work gloves", 5.0, reorder_level=20), 50),
]:
    wh.add_product(product, qty)

orders = [("A-100", 5), ("B-200", 3), ("C-300", 6), ("D-400", 35), ("A-100", 16), ("C-300", 4)]
for sku, qty in orders:
    try:
        wh.ship(sku, qty)
        print(f"shipped {qty:>2} x {wh.products[sku].name}")
    except OutOfStock as exc:
        print("backorder:", exc)
wh.receive("A-100", 10)

print(f"{'SKU':<7}{'Product':<17}{'Qty':>4}{'Value':>9}")
for sku, qty in wh.stock.items():
    p = wh.products[sku]
    print(f"{sku:<7}{p.name:<17}{qty:>4}{p.price * qty:>9.2f}")
print(f"total value: {wh.value():.2f}")
print("reorder:", [p.name for p in wh.low_stock()])
print("movements:", wh.movements)
shipped = {}
for kind, sku, qty in wh.movements:
    if kind == "out":
        shipped[sku] = shipped.get(sku, 0) + qty
print("shipped per sku:", shipped)
print(min(wh.products.values(), key=lambda p: p.price))
