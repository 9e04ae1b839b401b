"""Fill multi-line report templates with str.format, format_map and attribute/index fields."""


class Employee:
    def __init__(self, name, title, skills):
        self.name = name
        self.title = title
        self.skills = skills


TEMPLATE = """\
Name:    {emp.name}
Title:   {emp.title}
Primary: {emp.skills[0]}
Skills:  {skill_count} ({skills})
"""

staff = [
    Employee("Priya Natarajan", "Data Engineer", ["SQL", "Python", "Airflow"]),
    Employee("Tomás Ruiz", "Designer", ["Figma"]),
]
for e in staff:
    print(TEMPLATE.format(emp=e, skill_count=len(e.skills), skills=", ".join(e.skills)))

print("{0} + {0} = {1}".format("two", 4))
print("{} {} {}".format("auto", "numbered", "fields"))
print("{name:>10}|{name:<10}|{name:^10}|".format(name="pad"))
print("{0[0]}-{0[2]} {1[key]}".format("abc", {"key": "value"}))
print("{:{fill}{align}{width}}".format("nested", fill="*", align="^", width=14))
print("{!r} {!s} {!a}".format("q", "q", "é"))
point = {"x": 3, "y": -4}
print("({x}, {y})".format(**point), "({x}, {y})".format_map(point))


class Defaulting(dict):
    def __missing__(self, key):
        return f"<{key}?>"


print("Dear {title} {surname}, your order {order} shipped.".format_map(Defaulting(surname="Okafor", order=1042)))
try:
    "{missing}".format()
except KeyError as exc:
    print("KeyError:", exc)
try:
    "{0} {1}".format("only one")
except IndexError as exc:
    print("IndexError:", exc)
try:
    "{:d}".format("text")
except ValueError as exc:
    print("ValueError:", exc)
print("%s has %d items costing %.2f (%5.1f%%)" % ("cart", 3, 19.999, 45.25))
print("%(name)s is %(age)d" % {"name": "Ada", "age": 36}, "| %c%c" % (72, "i"), "| %o %X %e" % (8, 255, 12345.678))
rows = [("alpha", 1.5), ("beta", 22.25), ("gamma", 333.125)]
print("\n".join("{:<8}{:>10.2f}".format(*r) for r in rows))
