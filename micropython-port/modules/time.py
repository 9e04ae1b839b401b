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


_DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December")


def _tuple(t):
    if t is None:
        return _t.localtime()
    return tuple(t)


def strftime(format, t=None):
    t = _tuple(t)
    y, mo, d, h, mi, s, wd, yd = t[0], t[1], t[2], t[3], t[4], t[5], t[6], t[7]
    out = []
    i = 0
    n = len(format)
    while i < n:
        c = format[i]
        if c != "%" or i + 1 >= n:
            out.append(c)
            i += 1
            continue
        f = format[i + 1]
        i += 2
        if f == "Y":
            out.append(str(y))
        elif f == "m":
            out.append("%02d" % mo)
        elif f == "d":
            out.append("%02d" % d)
        elif f == "H":
            out.append("%02d" % h)
        elif f == "M":
            out.append("%02d" % mi)
        elif f == "S":
            out.append("%02d" % s)
        elif f == "y":
            out.append("%02d" % (y % 100))
        elif f == "j":
            out.append("%03d" % yd)
        elif f == "a":
            out.append(_DAYS[wd][:3])
        elif f == "A":
            out.append(_DAYS[wd])
        elif f == "b" or f == "h":
            out.append(_MONTHS[mo - 1][:3])
        elif f == "B":
            out.append(_MONTHS[mo - 1])
        elif f == "I":
            out.append("%02d" % ((h % 12) or 12))
        elif f == "p":
            out.append("AM" if h < 12 else "PM")
        elif f == "w":
            out.append(str((wd + 1) % 7))
        elif f == "u":
            out.append(str(wd + 1))
        elif f == "e":
            out.append("%2d" % d)
        elif f == "Z":
            out.append("UTC")
        elif f == "z":
            out.append("+0000")
        elif f == "c":
            out.append(strftime("%a %b %e %H:%M:%S %Y", t))
        elif f == "x":
            out.append(strftime("%m/%d/%y", t))
        elif f == "X":
            out.append(strftime("%H:%M:%S", t))
        elif f == "D":
            out.append(strftime("%m/%d/%y", t))
        elif f == "F":
            out.append(strftime("%Y-%m-%d", t))
        elif f == "T":
            out.append(strftime("%H:%M:%S", t))
        elif f == "R":
            out.append(strftime("%H:%M", t))
        elif f == "%":
            out.append("%")
        else:
            out.append("%" + f)
    return "".join(out)


def asctime(t=None):
    return strftime("%a %b %e %H:%M:%S %Y", _tuple(t))


def ctime(secs=None):
    return asctime(_t.localtime(secs))


def strptime(string, format="%a %b %d %H:%M:%S %Y"):
    import datetime

    d = datetime.datetime.strptime(string, format)
    return struct_time((d.year, d.month, d.day, d.hour, d.minute, d.second, d.weekday(),
                        d.toordinal() - datetime.date(d.year, 1, 1).toordinal() + 1, -1))
