"""A class hierarchy of shapes with abstract-ish base, super() and polymorphism."""
import math


class Shape:
    count = 0

    def __init__(self, name):
        self.name = name
        Shape.count += 1

    def area(self):
        raise NotImplementedError(f"{type(self).__name__} must implement area()")

    def perimeter(self):
        raise NotImplementedError

    def describe(self):
        return f"{self.name} with area {self.area():.2f} and perimeter {self.perimeter():.2f}"

    def __repr__(self):
        return f"<{type(self).__name__} {self.name!r}>"

    def __lt__(self, other):
        return self.area() < other.area()


class Rectangle(Shape):
    def __init__(self, width, height, name="rectangle"):
        super().__init__(name)
        self.width = width
        self.height = height

    def area(self):
        return self.width * self.height

    def perimeter(self):
        return 2 * (self.width + self.height)


class Square(Rectangle):
    def __init__(self, side):
        super().__init__(side, side, name="square")

    def describe(self):
        return "a perfect " + super().describe()


class Circle(Shape):
    def __init__(self, radius):
        super().__init__("circle")
        self.radius = radius

    def area(self):
        return math.pi * self.radius ** 2

    def perimeter(self):
        return 2 * math.pi * self.radius


class Triangle(Shape):
    def __init__(self, a, b, c):
        if a + b <= c or a + c <= b or b + c <= a:
            raise ValueError(f"sides {a}, {b}, {c} do not form a triangle")
        super().__init__("triangle")
        self.sides = (a, b, c)

    def area(self):
        s = sum(self.sides) / 2
        a, b, c = self.sides
        return math.sqrt(s * (s - a) * (s - b) * (s - c))

    def perimeter(self):
        return sum(self.sides)


shapes = [Rectangle(3, 4), Square(2.5), Circle(1.5), Triangle(3, 4, 5)]
for shape in shapes:
    print(shape.describe())
print(sorted(shapes))
print("largest:", max(shapes, key=lambda s: s.area()))
print("count:", Shape.count)
try:
    Triangle(1, 2, 10)
except ValueError as exc:
    print("ValueError:", exc)
try:
    Shape("blob").area()
except NotImplementedError as exc:
    print("NotImplementedError:", exc)
print("MRO:", [c.__name__ for c in Square.__mro__])
print(isinstance(shapes[1], Rectangle), issubclass(Circle, Rectangle), Square.__bases__)
print("total area:", round(sum(s.area() for s in shapes), 3))
