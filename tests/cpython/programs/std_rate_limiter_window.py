"""Token-bucket and sliding-window rate limiters driven by a simulated clock (deque, dataclasses)."""
from collections import deque
from dataclasses import dataclass, field


@dataclass
class TokenBucket:
    capacity: int
    refill_per_sec: float
    tokens: float = field(init=False)
    last: float = 0.0

    def __post_init__(self):
        self.tokens = float(self.capacity)

    def allow(self, now: float) -> bool:
        self.tokens = min(self.capacity, self.tokens + (now - self.last) * self.refill_per_sec)
        self.last = now
        if self.tokens >= 1:
            self.tokens -= 1
            return True
        return False


@dataclass
class SlidingWindow:
    limit: int
    window: float
    hits: deque = field(default_factory=deque)

    def allow(self, now: float) -> bool:
        while self.hits and self.hits[0] <= now - self.window:
            self.hits.popleft()
        if len(self.hits) < self.limit:
            self.hits.append(now)
            return True
        return False


requests = [0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 1.0, 1.2, 2.5, 2.6, 2.7, 2.8, 2.9, 5.0, 5.05, 5.1]
bucket = TokenBucket(capacity=3, refill_per_sec=1.5)
window = SlidingWindow(limit=4, window=2.0)
print(f"{'t':>5} {'bucket':>7} {'tokens':>7} {'window':>7} {'in window':>9}")
allowed = {"bucket": 0, "window": 0}
for t in requests:
    b = bucket.allow(t)
    w = window.allow(t)
    allowed["bucket"] += b
    allowed["window"] += w
    print(f"{t:>5.2f} {'ok' if b else 'DENY':>7} {bucket.tokens:>7.2f} {'ok' if w else 'DENY':>7} {len(window.hits):>9}")
print("allowed:", allowed, "of", len(requests))
print(bucket)
print("window hits:", list(window.hits))
