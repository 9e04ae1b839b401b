"""A thermostat model with validated properties and computed read-only values."""


class Thermostat:
    MIN_C = 5.0
    MAX_C = 30.0

    def __init__(self, room, celsius=20.0):
        self.room = room
        self._celsius = None
        self.celsius = celsius
        self._changes = 0

    @property
    def celsius(self):
        return self._celsius

    @celsius.setter
    def celsius(self, value):
        if not isinstance(value, (int, float)):
            raise TypeError(f"temperature must be a number, not {type(value).__name__}")
        if not self.MIN_C <= value <= self.MAX_C:
            raise ValueError(f"{value} °C is outside {self.MIN_C}-{self.MAX_C} °C")
        self._celsius = float(value)
        if hasattr(self, "_changes"):
            self._changes += 1

    @property
    def fahrenheit(self):
        return self._celsius * 9 / 5 + 32

    @fahrenheit.setter
    def fahrenheit(self, value):
        self.celsius = (value - 32) * 5 / 9

    @property
    def kelvin(self):
        return round(self._celsius + 273.15, 2)

    @property
    def changes(self):
        return self._changes

    def __str__(self):
        return f"{self.room}: {self.celsius:.1f}°C / {self.fahrenheit:.1f}°F / {self.kelvin}K"


living = Thermostat("Living room")
print(living)
living.celsius = 22.5
print(living)
living.fahrenheit = 68
print(living)

for bad in (35, "warm", 4.9):
    try:
        living.celsius = bad
    except (TypeError, ValueError) as exc:
        print(f"{type(exc).__name__}: {exc}")

try:
    living.kelvin = 300
except AttributeError as exc:
    print("AttributeError raised for read-only property")

print("changes:", living.changes)
print("property object:", type(Thermostat.celsius).__name__)
print("has setter:", Thermostat.celsius.fset is not None, "| kelvin setter:", Thermostat.kelvin.fset)
print("doc:", Thermostat.__doc__)
rooms = [Thermostat(name, t) for name, t in [("Kitchen", 19), ("Office", 21.25), ("Attic", 5)]]
for r in sorted(rooms, key=lambda r: r.fahrenheit):
    print(" ", r)
