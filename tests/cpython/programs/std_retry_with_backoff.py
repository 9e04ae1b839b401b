"""A retry decorator with exponential backoff built on functools.wraps (with a fake clock)."""
import functools


class FakeClock:
    def __init__(self):
        self.now = 0.0
        self.sleeps = []

    def sleep(self, seconds):
        self.sleeps.append(seconds)
        self.now += seconds


clock = FakeClock()


class TransientError(Exception):
    pass


def retry(times=3, base_delay=0.5, factor=2.0, retry_on=(TransientError,)):
    def decorator(func):
        @functools.wraps(func)
        def wrapper(*args, **kwargs):
            delay = base_delay
            for attempt in range(1, times + 1):
                try:
                    result = func(*args, **kwargs)
                    wrapper.stats["success"] += 1
                    return result
                except retry_on as exc:
                    wrapper.stats["retries"] += 1
                    if attempt == times:
                        wrapper.stats["failed"] += 1
                        raise RuntimeError(f"{func.__name__} failed after {times} attempts") from exc
                    print(f"  attempt {attempt} failed ({exc}); sleeping {delay:.2f}s")
                    clock.sleep(delay)
                    delay *= factor
        wrapper.stats = {"success": 0, "retries": 0, "failed": 0}
        return wrapper
    return decorator


responses = iter(["timeout", "timeout", "ok", "refused", "refused", "refused", "refused", "ok"])


@retry(times=4, base_delay=0.25)
def fetch(url):
    """Fetch a URL (simulated)."""
    status = next(responses)
    if status != "ok":
        raise TransientError(status)
    return f"200 OK from {url}"


for url in ["https://a.example", "https://b.example", "https://c.example"]:
    try:
        print(fetch(url))
    except RuntimeError as exc:
        print("gave up:", exc, "| cause:", repr(exc.__cause__))
print("stats:", fetch.stats)
print("slept:", clock.sleeps, "total", clock.now)
print("metadata kept:", fetch.__name__, fetch.__doc__, fetch.__wrapped__.__name__)


@retry(times=2)
def not_retried():
    raise ValueError("permanent")


try:
    not_retried()
except ValueError as exc:
    print("ValueError passes straight through:", exc, not_retried.stats)
