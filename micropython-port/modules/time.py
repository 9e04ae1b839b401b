# time for mpwasm: MicroPython's C time module (as utime) plus the names of
# CPython 3.11's that LLM-written code uses. The sandbox has no time zones:
# local time is UTC. Written for mpwasm.

from utime import *
import utime as _t

_ns0 = _t.time_ns()
_mono0 = _t.ticks_us()

timezone = 0
altzone = 0
daylight = 0
tzname = ("UTC", "UTC")


class struct_time(tuple):
    _names = ("tm_year", "tm_mon", "tm_mday", "tm_hour", "tm_min", "tm_sec", "tm_wday", "tm_yday", "tm_isdst")

    def __new__(cls, t):
        t = tuple(t)
        if len(t) != 9:
            raise TypeError("time.struct_time() takes a 9-sequence (" + str(len(t)) + "-sequence given)")
        return super().__new__(cls, t)

    def __getattr__(self, name):
        try:
            return self[self._names.index(name)]
        except ValueError:
            if name == "tm_zone":
                return "UTC"
            if name == "tm_gmtoff":
                return 0
            raise AttributeError(name)

    def __repr__(self):
        return "time.struct_time(" + ", ".join(n + "=" + str(v) for n, v in zip(self._names, self)) + ")"

    def __str__(self):
        return self.__repr__()


def gmtime(secs=None):
    return struct_time(_t.gmtime(secs))


def localtime(secs=None):
    return struct_time(_t.localtime(secs))


def perf_counter_ns():
    return _t.time_ns() - _ns0


def perf_counter():
    return (_t.time_ns() - _ns0) / 1e9


def monotonic_ns():
    return _t.time_ns() - _ns0


def monotonic():
    return (_t.time_ns() - _ns0) / 1e9


def process_time_ns():
    return _t.time_ns() - _ns0


def process_time():
    return (_t.time_ns() - _ns0) / 1e9


def thread_time():
    return process_time()


def get_clock_info(name):
    raise ValueError("unknown clock")


def _tuple(t):
    if t is None:
        return _t.localtime()
    return tuple(t)


def strftime(format, t=None):
    from _strftime import strftime as f

    return f(format, _tuple(t), None, "+0000", "UTC")


def asctime(t=None):
    return strftime("%a %b %e %H:%M:%S %Y", _tuple(t))


def ctime(secs=None):
    return asctime(_t.localtime(secs))


def strptime(string, format="%a %b %d %H:%M:%S %Y"):
    import datetime

    d = datetime.datetime.strptime(string, format)
    return struct_time((d.year, d.month, d.day, d.hour, d.minute, d.second, d.weekday(),
                        d.toordinal() - datetime.date(d.year, 1, 1).toordinal() + 1, -1))
