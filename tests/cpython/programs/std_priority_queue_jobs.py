"""A print-job queue: dataclass(order=True) items in a heap with lazy cancellation."""
import heapq
import itertools
from dataclasses import dataclass, field


@dataclass(order=True)
class Job:
    priority: int
    seq: int
    name: str = field(compare=False)
    pages: int = field(compare=False)
    cancelled: bool = field(default=False, compare=False)


class PrintQueue:
    def __init__(self):
        self._heap = []
        self._seq = itertools.count()
        self._index = {}

    def submit(self, name, pages, priority=5):
        job = Job(priority, next(self._seq), name, pages)
        self._index[name] = job
        heapq.heappush(self._heap, job)
        return job

    def cancel(self, name):
        self._index.pop(name).cancelled = True

    def next_job(self):
        while self._heap:
            job = heapq.heappop(self._heap)
            if not job.cancelled:
                del self._index[job.name]
                return job
        return None

    def __len__(self):
        return len(self._index)


q = PrintQueue()
q.submit("thesis.pdf", 120, priority=3)
q.submit("flyer.png", 1)
q.submit("invoice-17.pdf", 2, priority=1)
q.submit("photos.zip", 40, priority=9)
q.submit("memo.txt", 1, priority=1)
q.submit("slides.pptx", 30, priority=3)
q.cancel("photos.zip")
print("queued:", len(q))

printed_pages = 0
while (job := q.next_job()) is not None:
    printed_pages += job.pages
    print(f"printing P{job.priority} #{job.seq} {job.name:<15} {job.pages:>4} pages (total {printed_pages})")
    if job.name == "flyer.png":
        q.submit("urgent-fix.pdf", 3, priority=0)
print("queue empty:", len(q) == 0, q.next_job())
print("ordering:", Job(1, 5, "a", 1) < Job(1, 6, "b", 1), Job(2, 0, "x", 1) > Job(1, 9, "y", 1))
print(Job(4, 2, "repr.txt", 3))
