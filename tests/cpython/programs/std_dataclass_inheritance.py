"""Vehicle fleet records using dataclass inheritance and field ordering."""
from dataclasses import dataclass, field, fields, is_dataclass


@dataclass
class Vehicle:
    plate: str
    make: str
    year: int
    mileage_km: int = 0

    def age(self, current_year: int = 2024) -> int:
        return current_year - self.year

    def describe(self) -> str:
        return f"{self.year} {self.make} [{self.plate}]"


@dataclass
class Truck(Vehicle):
    payload_t: float = 10.0
    axles: int = 2

    def describe(self) -> str:
        return super().describe() + f" truck, {self.payload_t}t on {self.axles} axles"


@dataclass
class ElectricCar(Vehicle):
    battery_kwh: float = 60.0
    charge_log: list[float] = field(default_factory=list, repr=False)

    def charge(self, kwh: float) -> None:
        self.charge_log.append(kwh)

    @property
    def range_km(self) -> int:
        return int(self.battery_kwh * 6.2)


fleet = [
    Vehicle("AB-123-C", "Toyota", 2015, 182000),
    Truck("TR-900-K", "Volvo", 2019, 410000, payload_t=24.5, axles=3),
    ElectricCar("EV-001-Z", "Renault", 2022, 15500, battery_kwh=52.0),
    ElectricCar("EV-002-Z", "Hyundai", 2023),
]
for v in fleet:
    print(v)
    print("   ", v.describe(), "| age", v.age())

fleet[2].charge(30.5)
fleet[2].charge(12.25)
print("charges:", fleet[2].charge_log, "range:", fleet[2].range_km, fleet[3].range_km)
print("Truck fields:", [f.name for f in fields(Truck)])
print("ElectricCar defaults:", {f.name: f.default for f in fields(ElectricCar) if f.name in ("mileage_km", "battery_kwh")})
print("is_dataclass:", is_dataclass(Truck), is_dataclass(fleet[0]), is_dataclass(str))
print("isinstance:", isinstance(fleet[1], Vehicle), type(fleet[1]).__name__)
print("equality across types:", Vehicle("X", "Y", 2000) == Truck("X", "Y", 2000))
oldest = max(fleet, key=Vehicle.age)
print("oldest:", oldest.plate, "| total km:", sum(v.mileage_km for v in fleet))
