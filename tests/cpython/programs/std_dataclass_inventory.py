"""Track warehouse inventory with dataclasses: defaults, factories, properties and asdict."""
from dataclasses import dataclass, field, asdict, astuple, fields


@dataclass
class Item:
    sku: str
    name: str
    unit_price: float
    quantity: int = 0
    tags: list[str] = field(default_factory=list)

    @property
    def total_value(self) -> float:
        return round(self.unit_price * self.quantity, 2)


@dataclass
class Inventory:
    location: str
    items: dict[str, Item] = field(default_factory=dict)
    audit: list[str] = field(default_factory=list, repr=False)

    def add(self, item: Item) -> None:
        if item.sku in self.items:
            self.items[item.sku].quantity += item.quantity
            self.audit.append(f"restock {item.sku} +{item.quantity}")
        else:
            self.items[item.sku] = item
            self.audit.append(f"new {item.sku}")

    def remove(self, sku: str, qty: int) -> None:
        item = self.items[sku]
        if qty > item.quantity:
            raise ValueError(f"only {item.quantity} of {sku} in stock")
        item.quantity -= qty
        self.audit.append(f"sell {sku} -{qty}")

    def value(self) -> float:
        return round(sum(i.total_value for i in self.items.values()), 2)


inv = Inventory("Dock 4")
inv.add(Item("P-1", "Pallet jack", 349.0, 2, ["equipment"]))
inv.add(Item("B-7", "Box (large)", 1.25, 400))
inv.add(Item("T-3", "Packing tape", 3.99, 60, ["consumable", "office"]))
inv.add(Item("B-7", "Box (large)", 1.25, 100))
inv.remove("T-3", 15)
try:
    inv.remove("P-1", 5)
except ValueError as exc:
    print("error:", exc)

for item in inv.items.values():
    print(item)
print(inv)
print("value:", inv.value())
print("audit:", inv.audit)
print("asdict:", asdict(inv.items["T-3"]))
print("astuple:", astuple(inv.items["P-1"]))
print("fields:", [f.name for f in fields(Item)], "| defaults:", [f.default for f in fields(Item)][3])
print("equal:", Item("X", "x", 1.0) == Item("X", "x", 1.0), Item("X", "x", 1.0) == Item("X", "x", 2.0))
a, b = Item("A", "a", 1.0), Item("B", "b", 1.0)
a.tags.append("shared?")
print("separate default lists:", a.tags, b.tags)
try:
    Item("only-sku")
except TypeError as exc:
    print("TypeError:", exc)
