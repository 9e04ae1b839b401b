"""A paginator with a custom iterator protocol over search results."""


class Page:
    def __init__(self, number, items, total_pages):
        self.number = number
        self.items = items
        self.total_pages = total_pages

    @property
    def has_next(self):
        return self.number < self.total_pages

    def __repr__(self):
        return f"Page({self.number}/{self.total_pages}, {len(self.items)} items)"


class Paginator:
    def __init__(self, items, per_page):
        if per_page < 1:
            raise ValueError("per_page must be at least 1")
        self.items = list(items)
        self.per_page = per_page

    def __len__(self):
        return max(1, -(-len(self.items) // self.per_page))

    def page(self, number):
        if not 1 <= number <= len(self):
            raise IndexError(f"page {number} out of range 1..{len(self)}")
        start = (number - 1) * self.per_page
        return Page(number, self.items[start:start + self.per_page], len(self))

    def __iter__(self):
        return PageIterator(self)


class PageIterator:
    def __init__(self, paginator):
        self.paginator = paginator
        self.current = 0

    def __iter__(self):
        return self

    def __next__(self):
        if self.current >= len(self.paginator):
            raise StopIteration
        self.current += 1
        return self.paginator.page(self.current)


results = [f"result-{i:02d}" for i in range(1, 24)]
pages = Paginator(results, per_page=5)
print("pages:", len(pages))
for page in pages:
    marker = "more..." if page.has_next else "end"
    print(page, page.items[0], "...", page.items[-1], marker)

it = iter(pages)
print(next(it), next(it))
print("remaining:", list(it))
print("exhausted:", list(it))
print("two passes:", [p.number for p in pages], [p.number for p in pages])
try:
    pages.page(9)
except IndexError as exc:
    print("IndexError:", exc)
print("empty paginator:", len(Paginator([], 3)), list(Paginator([], 3))[0])


class Countdown:
    def __init__(self, start):
        self.start = start

    def __iter__(self):
        n = self.start
        while n:
            yield n
            n -= 1

    def __reversed__(self):
        return iter(range(1, self.start + 1))


print(list(Countdown(5)), list(reversed(Countdown(5))), sum(Countdown(100)))
print("in:", 3 in Countdown(5), 7 in Countdown(5))
