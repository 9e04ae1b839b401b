"""Binary search utilities on sorted data: exact match, insertion points, answers on a range."""


def binary_search(items, target):
    lo, hi = 0, len(items) - 1
    steps = 0
    while lo <= hi:
        steps += 1
        mid = (lo + hi) // 2
        if items[mid] == target:
            return mid, steps
        if items[mid] < target:
            lo = mid + 1
        else:
            hi = mid - 1
    return -1, steps


def lower_bound(items, target):
    lo, hi = 0, len(items)
    while lo < hi:
        mid = (lo + hi) // 2
        if items[mid] < target:
            lo = mid + 1
        else:
            hi = mid
    return lo


def upper_bound(items, target):
    lo, hi = 0, len(items)
    while lo < hi:
        mid = (lo + hi) // 2
        if items[mid] <= target:
            lo = mid + 1
        else:
            hi = mid
    return lo


data = sorted([3, 8, 8, 8, 15, 23, 42, 42, 56, 71, 89, 90, 100])
print("data:", data)
for t in [42, 8, 3, 100, 5, 101, -1]:
    idx, steps = binary_search(data, t)
    lo, hi = lower_bound(data, t), upper_bound(data, t)
    print(f"target {t:>4}: index {idx:>2} in {steps} steps, range [{lo}, {hi}) count {hi - lo}")


def isqrt_search(n):
    lo, hi = 0, n
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if mid * mid <= n:
            lo = mid
        else:
            hi = mid - 1
    return lo


print("integer square roots:", [isqrt_search(n) for n in (0, 1, 15, 16, 17, 10 ** 12, 2 ** 61)])


def min_capacity(weights, days):
    lo, hi = max(weights), sum(weights)
    while lo < hi:
        cap = (lo + hi) // 2
        needed, load = 1, 0
        for w in weights:
            if load + w > cap:
                needed += 1
                load = 0
            load += w
        if needed <= days:
            hi = cap
        else:
            lo = cap + 1
    return lo


print("ship capacity:", min_capacity([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 5), min_capacity([3, 2, 2, 4, 1, 4], 3))
words = sorted("pear apple fig banana cherry kiwi mango".split())
print(words, "-> insert 'grape' at", lower_bound(words, "grape"))
