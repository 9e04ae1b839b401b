"""Export nested dataclasses to JSON and load them back."""
import json
from dataclasses import dataclass, field, asdict


@dataclass
class Address:
    street: str
    city: str
    postcode: str
    country: str = "NL"


@dataclass
class Contact:
    kind: str
    value: str


@dataclass
class Customer:
    id: int
    name: str
    address: Address
    contacts: list[Contact] = field(default_factory=list)
    vip: bool = False
    notes: str | None = None

    @classmethod
    def from_dict(cls, data: dict) -> "Customer":
        return cls(
            id=data["id"],
            name=data["name"],
            address=Address(**data["address"]),
            contacts=[Contact(**c) for c in data.get("contacts", [])],
            vip=data.get("vip", False),
            notes=data.get("notes"),
        )


customers = [
    Customer(1, "Anouk de Vries", Address("Prinsengracht 263", "Amsterdam", "1016 GV"),
             [Contact("email", "anouk@example.nl"), Contact("phone", "+31 20 555 0101")], vip=True),
    Customer(2, "Jörg Müller", Address("Hauptstraße 5", "Köln", "50667", "DE"), notes="prefers post"),
]

payload = json.dumps([asdict(c) for c in customers], indent=2, ensure_ascii=False)
print(payload)
loaded = [Customer.from_dict(d) for d in json.loads(payload)]
print("round trip equal:", loaded == customers)
print(loaded[1])
compact = json.dumps(asdict(customers[0]), separators=(",", ":"), sort_keys=True)
print(compact)
print("ascii-escaped:", json.dumps(customers[1].name))
vip_names = [c.name for c in loaded if c.vip]
print("VIPs:", vip_names)
by_country = {}
for c in loaded:
    by_country.setdefault(c.address.country, []).append(c.id)
print(json.dumps(by_country))
