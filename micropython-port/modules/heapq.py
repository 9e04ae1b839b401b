# heapq for mpwasm: MicroPython's C heappush/heappop/heapify (as uheapq)
# plus the rest of CPython 3.11's module. Written for mpwasm.

from uheapq import heappush, heapify
from uheapq import heappop as _heappop


def heappop(heap):
    if not heap:
        raise IndexError("index out of range")
    return _heappop(heap)


def heappushpop(heap, item):
    if heap and heap[0] < item:
        item, heap[0] = heap[0], item
        _siftup(heap, 0)
    return item


def heapreplace(heap, item):
    returnitem = heap[0]
    heap[0] = item
    _siftup(heap, 0)
    return returnitem


def _siftdown(heap, startpos, pos):
    newitem = heap[pos]
    while pos > startpos:
        parentpos = (pos - 1) >> 1
        parent = heap[parentpos]
        if newitem < parent:
            heap[pos] = parent
            pos = parentpos
            continue
        break
    heap[pos] = newitem


def _siftup(heap, pos):
    endpos = len(heap)
    startpos = pos
    newitem = heap[pos]
    childpos = 2 * pos + 1
    while childpos < endpos:
        rightpos = childpos + 1
        if rightpos < endpos and not heap[childpos] < heap[rightpos]:
            childpos = rightpos
        heap[pos] = heap[childpos]
        pos = childpos
        childpos = 2 * pos + 1
    heap[pos] = newitem
    _siftdown(heap, startpos, pos)


def nlargest(n, iterable, key=None):
    if n <= 0:
        return []
    return sorted(iterable, key=key, reverse=True)[:n]


def nsmallest(n, iterable, key=None):
    if n <= 0:
        return []
    return sorted(iterable, key=key)[:n]


def merge(*iterables, key=None, reverse=False):
    # k-way merge, stable: ties go to the earlier iterable
    h = []
    its = [iter(it) for it in iterables]
    for i, it in enumerate(its):
        for v in it:
            k = v if key is None else key(v)
            h.append([_Rev(k) if reverse else k, i, v])
            break
    heapify(h)
    while h:
        k, i, v = h[0]
        yield v
        for nv in its[i]:
            nk = nv if key is None else key(nv)
            heapreplace(h, [_Rev(nk) if reverse else nk, i, nv])
            break
        else:
            heappop(h)


class _Rev:
    __slots__ = ("k",)

    def __init__(self, k):
        self.k = k

    def __lt__(self, other):
        return other.k < self.k

    def __gt__(self, other):
        return self.k < other.k

    def __le__(self, other):
        return not self.k < other.k

    def __ge__(self, other):
        return not other.k < self.k

    def __eq__(self, other):
        return self.k == other.k
