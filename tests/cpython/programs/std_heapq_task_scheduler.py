"""A priority task scheduler and k-way merge with heapq."""
import heapq
import itertools

queue = []
counter = itertools.count()


def add_task(priority, name):
    heapq.heappush(queue, (priority, next(counter), name))


for priority, name in [(3, "write docs"), (1, "fix outage"), (2, "code review"), (1, "page on-call"), (5, "refactor"), (2, "deploy")]:
    add_task(priority, name)
print("peek:", queue[0])
order = []
while queue:
    priority, _, name = heapq.heappop(queue)
    order.append(f"P{priority}:{name}")
print("run order:", order)

data = [27, 3, 81, 9, 45, 1, 66, 18, 5]
print("3 smallest:", heapq.nsmallest(3, data), "| 3 largest:", heapq.nlargest(3, data))
products = [{"name": "a", "price": 12.5}, {"name": "b", "price": 3.2}, {"name": "c", "price": 99.0}, {"name": "d", "price": 45.0}]
print("cheapest two:", [p["name"] for p in heapq.nsmallest(2, products, key=lambda p: p["price"])])
print("priciest two:", [p["name"] for p in heapq.nlargest(2, products, key=lambda p: p["price"])])

heap = data[:]
heapq.heapify(heap)
print("heapified:", heap, "| smallest:", heap[0])
print("pushpop:", heapq.heappushpop(heap, 2), "| replace:", heapq.heapreplace(heap, 100), "| heap:", heap)
print("sorted via heap:", [heapq.heappop(heap) for _ in range(len(heap))])

logs_a = [(1, "a1"), (4, "a2"), (9, "a3")]
logs_b = [(2, "b1"), (3, "b2"), (10, "b3")]
logs_c = [(5, "c1")]
print("merged:", [name for _, name in heapq.merge(logs_a, logs_b, logs_c)])
print("merge reverse:", list(heapq.merge([9, 5, 1], [8, 2], reverse=True)))
print("merge with key:", list(heapq.merge(["apple", "fig"], ["banana", "kiwi"], key=len)))

max_heap = []
for x in [5, 1, 8, 3]:
    heapq.heappush(max_heap, -x)
print("max-heap pops:", [-heapq.heappop(max_heap) for _ in range(4)])
try:
    heapq.heappop([])
except IndexError as exc:
    print("IndexError:", exc)
