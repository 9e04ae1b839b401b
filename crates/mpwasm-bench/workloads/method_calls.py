class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def add(self, other):
        return Point(self.x + other.x, self.y + other.y)

    def norm1(self):
        return abs(self.x) + abs(self.y)


acc = Point(0, 0)
step = Point(1, -2)
total = 0
for i in range(100000):
    acc = acc.add(step)
    total += acc.norm1()
print(acc.x, acc.y, total)
