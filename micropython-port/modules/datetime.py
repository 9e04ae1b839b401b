# datetime for mpwasm: date, time, datetime, timedelta, tzinfo and timezone
# as CPython 3.11's (proleptic Gregorian calendar, microsecond resolution).
# The sandbox's clock is UTC; now()/today() read it. Written for mpwasm.

import time as _time

MINYEAR = 1
MAXYEAR = 9999

_DAYS_IN_MONTH = (-1, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)
_DAYS_BEFORE_MONTH = [-1]
_dbm = 0
for _dim in _DAYS_IN_MONTH[1:]:
    _DAYS_BEFORE_MONTH.append(_dbm)
    _dbm += _dim
del _dbm, _dim

_MONTHNAMES = (None, "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_DAYNAMES = (None, "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_FULLMONTHS = (None, "January", "February", "March", "April", "May", "June", "July", "August", "September",
               "October", "November", "December")
_FULLDAYS = (None, "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def _is_leap(year):
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def _days_before_year(year):
    y = year - 1
    return y * 365 + y // 4 - y // 100 + y // 400


def _days_in_month(year, month):
    if month == 2 and _is_leap(year):
        return 29
    return _DAYS_IN_MONTH[month]


def _days_before_month(year, month):
    return _DAYS_BEFORE_MONTH[month] + (month > 2 and _is_leap(year))


def _ymd2ord(year, month, day):
    return _days_before_year(year) + _days_before_month(year, month) + day


_DI400Y = _days_before_year(401)
_DI100Y = _days_before_year(101)
_DI4Y = _days_before_year(5)


def _ord2ymd(n):
    n -= 1
    n400, n = divmod(n, _DI400Y)
    year = n400 * 400 + 1
    n100, n = divmod(n, _DI100Y)
    n4, n = divmod(n, _DI4Y)
    n1, n = divmod(n, 365)
    year += n100 * 100 + n4 * 4 + n1
    if n1 == 4 or n100 == 4:
        return year - 1, 12, 31
    leapyear = n1 == 3 and (n4 != 24 or n100 == 3)
    month = (n + 50) >> 5
    preceding = _DAYS_BEFORE_MONTH[month] + (month > 2 and leapyear)
    if preceding > n:
        month -= 1
        preceding -= _DAYS_IN_MONTH[month] + (month == 2 and leapyear)
    n -= preceding
    return year, month, n + 1


def _check_int(v):
    if isinstance(v, int) and not isinstance(v, bool):
        return v
    if isinstance(v, bool):
        return int(v)
    if isinstance(v, float):
        raise TypeError("'float' object cannot be interpreted as an integer")
    raise TypeError("an integer is required (got type " + type(v).__name__ + ")")


def _check_date_fields(year, month, day):
    year = _check_int(year)
    month = _check_int(month)
    day = _check_int(day)
    if not MINYEAR <= year <= MAXYEAR:
        raise ValueError("year " + str(year) + " is out of range")
    if not 1 <= month <= 12:
        raise ValueError("month must be in 1..12")
    dim = _days_in_month(year, month)
    if not 1 <= day <= dim:
        raise ValueError("day is out of range for month")
    return year, month, day


def _check_time_fields(hour, minute, second, microsecond, fold):
    hour = _check_int(hour)
    minute = _check_int(minute)
    second = _check_int(second)
    microsecond = _check_int(microsecond)
    if not 0 <= hour <= 23:
        raise ValueError("hour must be in 0..23")
    if not 0 <= minute <= 59:
        raise ValueError("minute must be in 0..59")
    if not 0 <= second <= 59:
        raise ValueError("second must be in 0..59")
    if not 0 <= microsecond <= 999999:
        raise ValueError("microsecond must be in 0..999999")
    if fold not in (0, 1):
        raise ValueError("fold must be either 0 or 1")
    return hour, minute, second, microsecond, fold


def _cmp(x, y):
    return 0 if x == y else 1 if x > y else -1


def _format_offset(off, sep=":"):
    if off is None:
        return ""
    if off.days < 0:
        sign = "-"
        off = -off
    else:
        sign = "+"
    hh, mm = divmod(off, timedelta(hours=1))
    mm, ss = divmod(mm, timedelta(minutes=1))
    s = "%s%02d%s%02d" % (sign, hh, sep, mm)
    if ss or ss.microseconds:
        s += "%s%02d" % (sep, ss.seconds)
        if ss.microseconds:
            s += ".%06d" % ss.microseconds
    return s


def _round_half_even(x):
    r = round(x)
    if abs(x - int(x)) == 0.5:
        r = int(x) + (1 if x > 0 else -1) if int(x) % 2 else int(x)
    return int(r)


class timedelta:
    __slots__ = ("_days", "_seconds", "_microseconds", "_hashcode")

    def __init__(self, days=0, seconds=0, microseconds=0, milliseconds=0, minutes=0, hours=0, weeks=0):
        # everything in microseconds, exactly when the arguments are ints
        if all(isinstance(v, int) for v in (days, seconds, microseconds, milliseconds, minutes, hours, weeks)):
            us = ((((weeks * 7 + days) * 24 + hours) * 60 + minutes) * 60 + seconds) * 1000000 \
                + milliseconds * 1000 + microseconds
        else:
            whole = 0
            frac = 0.0
            for v, scale in ((weeks, 604800000000), (days, 86400000000), (hours, 3600000000),
                             (minutes, 60000000), (seconds, 1000000), (milliseconds, 1000), (microseconds, 1)):
                if isinstance(v, float):
                    iv = int(v)
                    whole += iv * scale
                    frac += (v - iv) * scale
                else:
                    whole += v * scale
            us = whole + _round_half_even(frac)
        d, us = divmod(us, 86400000000)
        s, us = divmod(us, 1000000)
        if abs(d) > 999999999:
            raise OverflowError("days=" + str(d) + "; must have magnitude <= 999999999")
        self._days = d
        self._seconds = s
        self._microseconds = us
        self._hashcode = -1

    @classmethod
    def _from_us(cls, us):
        return cls(microseconds=us)

    def _to_us(self):
        return (self._days * 86400 + self._seconds) * 1000000 + self._microseconds

    @property
    def days(self):
        return self._days

    @property
    def seconds(self):
        return self._seconds

    @property
    def microseconds(self):
        return self._microseconds

    def total_seconds(self):
        return self._to_us() / 10 ** 6

    def __repr__(self):
        args = []
        if self._days:
            args.append("days=" + str(self._days))
        if self._seconds:
            args.append("seconds=" + str(self._seconds))
        if self._microseconds:
            args.append("microseconds=" + str(self._microseconds))
        if not args:
            args.append("0")
        return "datetime.timedelta(" + ", ".join(args) + ")"

    def __str__(self):
        mm, ss = divmod(self._seconds, 60)
        hh, mm = divmod(mm, 60)
        s = "%d:%02d:%02d" % (hh, mm, ss)
        if self._days:
            s = str(self._days) + " day" + ("s" if abs(self._days) != 1 else "") + ", " + s
        if self._microseconds:
            s = s + ".%06d" % self._microseconds
        return s

    def __add__(self, other):
        if isinstance(other, timedelta):
            return timedelta._from_us(self._to_us() + other._to_us())
        if isinstance(other, (date, datetime)):
            return other.__add__(self)
        return NotImplemented

    __radd__ = __add__

    def __sub__(self, other):
        if isinstance(other, timedelta):
            return timedelta._from_us(self._to_us() - other._to_us())
        return NotImplemented

    def __rsub__(self, other):
        if isinstance(other, timedelta):
            return -self + other
        return NotImplemented

    def __neg__(self):
        return timedelta._from_us(-self._to_us())

    def __pos__(self):
        return self

    def __abs__(self):
        return -self if self._days < 0 else self

    def __mul__(self, other):
        if isinstance(other, int):
            return timedelta._from_us(self._to_us() * other)
        if isinstance(other, float):
            return timedelta._from_us(_round_half_even(self._to_us() * other))
        return NotImplemented

    __rmul__ = __mul__

    def __floordiv__(self, other):
        if isinstance(other, timedelta):
            return self._to_us() // other._to_us()
        if isinstance(other, int):
            return timedelta._from_us(self._to_us() // other)
        return NotImplemented

    def __truediv__(self, other):
        if isinstance(other, timedelta):
            return self._to_us() / other._to_us()
        if isinstance(other, (int, float)):
            return timedelta._from_us(_round_half_even(self._to_us() / other))
        return NotImplemented

    def __mod__(self, other):
        if isinstance(other, timedelta):
            return timedelta._from_us(self._to_us() % other._to_us())
        return NotImplemented

    def __divmod__(self, other):
        if isinstance(other, timedelta):
            q, r = divmod(self._to_us(), other._to_us())
            return q, timedelta._from_us(r)
        return NotImplemented

    def __eq__(self, other):
        if isinstance(other, timedelta):
            return self._to_us() == other._to_us()
        return NotImplemented

    def __ne__(self, other):
        if isinstance(other, timedelta):
            return self._to_us() != other._to_us()
        return NotImplemented

    def __lt__(self, other):
        if isinstance(other, timedelta):
            return self._to_us() < other._to_us()
        return _cmperror(self, other, "<")

    def __le__(self, other):
        if isinstance(other, timedelta):
            return self._to_us() <= other._to_us()
        return _cmperror(self, other, "<=")

    def __gt__(self, other):
        if isinstance(other, timedelta):
            return self._to_us() > other._to_us()
        return _cmperror(self, other, ">")

    def __ge__(self, other):
        if isinstance(other, timedelta):
            return self._to_us() >= other._to_us()
        return _cmperror(self, other, ">=")

    def __hash__(self):
        return hash((self._days, self._seconds, self._microseconds))

    def __bool__(self):
        return self._days != 0 or self._seconds != 0 or self._microseconds != 0


def _cmperror(x, y, op):
    raise TypeError("'" + op + "' not supported between instances of '" + type(x).__name__ + "' and '"
                    + type(y).__name__ + "'")


timedelta.min = timedelta(-999999999)
timedelta.max = timedelta(days=999999999, hours=23, minutes=59, seconds=59, microseconds=999999)
timedelta.resolution = timedelta(microseconds=1)


class date:
    __slots__ = ("_year", "_month", "_day", "_hashcode")

    def __init__(self, year, month=None, day=None):
        year, month, day = _check_date_fields(year, month, day)
        self._year = year
        self._month = month
        self._day = day

    @classmethod
    def fromtimestamp(cls, t):
        y, m, d, hh, mm, ss, weekday, jday = _time.gmtime(t)[:8]
        return cls(y, m, d)

    @classmethod
    def today(cls):
        return cls.fromtimestamp(_time.time())

    @classmethod
    def fromordinal(cls, n):
        y, m, d = _ord2ymd(n)
        return cls(y, m, d)

    @classmethod
    def fromisoformat(cls, date_string):
        if not isinstance(date_string, str):
            raise TypeError("fromisoformat: argument must be str")
        try:
            return cls(*_parse_isodate(date_string))
        except (ValueError, IndexError):
            raise ValueError("Invalid isoformat string: " + repr(date_string))

    @classmethod
    def fromisocalendar(cls, year, week, day):
        jan4 = _ymd2ord(year, 1, 4)
        week1monday = jan4 - (jan4 + 6) % 7
        return cls.fromordinal(week1monday + (week - 1) * 7 + day - 1)

    @property
    def year(self):
        return self._year

    @property
    def month(self):
        return self._month

    @property
    def day(self):
        return self._day

    def __repr__(self):
        return "datetime.date(%d, %d, %d)" % (self._year, self._month, self._day)

    def ctime(self):
        weekday = self.toordinal() % 7 or 7
        return "%s %s %2d 00:00:00 %04d" % (_DAYNAMES[weekday], _MONTHNAMES[self._month], self._day, self._year)

    def strftime(self, fmt):
        return _strftime(self, fmt)

    def __format__(self, fmt):
        if not isinstance(fmt, str):
            raise TypeError("must be str, not " + type(fmt).__name__)
        if len(fmt) != 0:
            return self.strftime(fmt)
        return str(self)

    def isoformat(self):
        return "%04d-%02d-%02d" % (self._year, self._month, self._day)

    __str__ = isoformat

    def timetuple(self):
        return _time.struct_time((self._year, self._month, self._day, 0, 0, 0, self.weekday(),
                                  self.toordinal() - _ymd2ord(self._year, 1, 1) + 1, -1))

    def toordinal(self):
        return _ymd2ord(self._year, self._month, self._day)

    def replace(self, year=None, month=None, day=None):
        return type(self)(self._year if year is None else year, self._month if month is None else month,
                          self._day if day is None else day)

    def _cmpkey(self):
        return (self._year, self._month, self._day)

    def __eq__(self, other):
        if isinstance(other, date) and not isinstance(other, datetime) and not isinstance(self, datetime):
            return self._cmpkey() == other._cmpkey()
        return NotImplemented

    def __ne__(self, other):
        r = self.__eq__(other)
        return r if r is NotImplemented else not r

    def _check_cmp(self, other, op):
        if isinstance(other, date) and not isinstance(other, datetime):
            return True
        if isinstance(other, datetime):
            raise TypeError("can't compare datetime.datetime to datetime.date")
        _cmperror(self, other, op)

    def __lt__(self, other):
        self._check_cmp(other, "<")
        return self._cmpkey() < other._cmpkey()

    def __le__(self, other):
        self._check_cmp(other, "<=")
        return self._cmpkey() <= other._cmpkey()

    def __gt__(self, other):
        self._check_cmp(other, ">")
        return self._cmpkey() > other._cmpkey()

    def __ge__(self, other):
        self._check_cmp(other, ">=")
        return self._cmpkey() >= other._cmpkey()

    def __hash__(self):
        return hash(self._cmpkey())

    def __add__(self, other):
        if isinstance(other, timedelta):
            o = self.toordinal() + other.days
            if 0 < o <= _MAXORDINAL:
                return type(self).fromordinal(o)
            raise OverflowError("result out of range")
        return NotImplemented

    __radd__ = __add__

    def __sub__(self, other):
        if isinstance(other, timedelta):
            return self + timedelta(-other.days)
        if isinstance(other, date) and not isinstance(other, datetime):
            return timedelta(self.toordinal() - other.toordinal())
        return NotImplemented

    def weekday(self):
        return (self.toordinal() + 6) % 7

    def isoweekday(self):
        return self.toordinal() % 7 or 7

    def isocalendar(self):
        year = self._year
        week1monday = _isoweek1monday(year)
        today = _ymd2ord(self._year, self._month, self._day)
        week, day = divmod(today - week1monday, 7)
        if week < 0:
            year -= 1
            week1monday = _isoweek1monday(year)
            week, day = divmod(today - week1monday, 7)
        elif week >= 52:
            if today >= _isoweek1monday(year + 1):
                year += 1
                week = 0
        return IsoCalendarDate(year, week + 1, day + 1)


_MAXORDINAL = 3652059


def _isoweek1monday(year):
    THURSDAY = 3
    firstday = _ymd2ord(year, 1, 1)
    firstweekday = (firstday + 6) % 7
    week1monday = firstday - firstweekday
    if firstweekday > THURSDAY:
        week1monday += 7
    return week1monday


class IsoCalendarDate(tuple):
    def __new__(cls, year, week, weekday):
        return super().__new__(cls, (year, week, weekday))

    year = property(lambda self: self[0])
    week = property(lambda self: self[1])
    weekday = property(lambda self: self[2])

    def __repr__(self):
        return "datetime.IsoCalendarDate(year=%d, week=%d, weekday=%d)" % tuple(self)

    def __str__(self):
        return self.__repr__()


date.min = date(1, 1, 1)
date.max = date(9999, 12, 31)
date.resolution = timedelta(days=1)


class tzinfo:
    def tzname(self, dt):
        raise NotImplementedError("tzinfo subclass must override tzname()")

    def utcoffset(self, dt):
        raise NotImplementedError("tzinfo subclass must override utcoffset()")

    def dst(self, dt):
        raise NotImplementedError("tzinfo subclass must override dst()")

    def fromutc(self, dt):
        dtoff = dt.utcoffset()
        dtdst = dt.dst() or timedelta(0)
        delta = dtoff - dtdst
        if delta:
            dt += delta
            dtdst = dt.dst() or timedelta(0)
        return dt + dtdst


class timezone(tzinfo):
    __slots__ = ("_offset", "_name")

    def __init__(self, offset, name=None):
        if not isinstance(offset, timedelta):
            raise TypeError("offset must be a timedelta")
        if not -timedelta(hours=24) < offset < timedelta(hours=24):
            raise ValueError("offset must be a timedelta strictly between -timedelta(hours=24) and "
                             "timedelta(hours=24), not " + repr(offset) + ".")
        self._offset = offset
        self._name = name

    def __eq__(self, other):
        if isinstance(other, timezone):
            return self._offset == other._offset
        return NotImplemented

    def __hash__(self):
        return hash(self._offset)

    def __repr__(self):
        if self is timezone.utc:
            return "datetime.timezone.utc"
        if self._name is None:
            return "datetime.timezone(" + repr(self._offset) + ")"
        return "datetime.timezone(" + repr(self._offset) + ", " + repr(self._name) + ")"

    def __str__(self):
        return self.tzname(None)

    def utcoffset(self, dt):
        return self._offset

    def tzname(self, dt):
        if self._name is None:
            if not self._offset:
                return "UTC"
            return "UTC" + _format_offset(self._offset)
        return self._name

    def dst(self, dt):
        return None

    def fromutc(self, dt):
        return dt + self._offset


timezone.utc = timezone(timedelta(0))
timezone.min = timezone(-timedelta(hours=23, minutes=59))
timezone.max = timezone(timedelta(hours=23, minutes=59))
UTC = timezone.utc


class time:
    __slots__ = ("_hour", "_minute", "_second", "_microsecond", "_tzinfo", "_hashcode", "_fold")

    def __init__(self, hour=0, minute=0, second=0, microsecond=0, tzinfo=None, *, fold=0):
        hour, minute, second, microsecond, fold = _check_time_fields(hour, minute, second, microsecond, fold)
        self._hour = hour
        self._minute = minute
        self._second = second
        self._microsecond = microsecond
        self._tzinfo = tzinfo
        self._fold = fold

    hour = property(lambda self: self._hour)
    minute = property(lambda self: self._minute)
    second = property(lambda self: self._second)
    microsecond = property(lambda self: self._microsecond)
    tzinfo = property(lambda self: self._tzinfo)
    fold = property(lambda self: self._fold)

    def _us(self):
        return ((self._hour * 60 + self._minute) * 60 + self._second) * 1000000 + self._microsecond

    def utcoffset(self):
        return None if self._tzinfo is None else self._tzinfo.utcoffset(None)

    def _cmpkey(self):
        off = self.utcoffset()
        return self._us() - (0 if off is None else off._to_us())

    def __eq__(self, other):
        if isinstance(other, time):
            return self._cmpkey() == other._cmpkey()
        return NotImplemented

    def __ne__(self, other):
        r = self.__eq__(other)
        return r if r is NotImplemented else not r

    def __lt__(self, other):
        if not isinstance(other, time):
            _cmperror(self, other, "<")
        return self._cmpkey() < other._cmpkey()

    def __le__(self, other):
        if not isinstance(other, time):
            _cmperror(self, other, "<=")
        return self._cmpkey() <= other._cmpkey()

    def __gt__(self, other):
        if not isinstance(other, time):
            _cmperror(self, other, ">")
        return self._cmpkey() > other._cmpkey()

    def __ge__(self, other):
        if not isinstance(other, time):
            _cmperror(self, other, ">=")
        return self._cmpkey() >= other._cmpkey()

    def __hash__(self):
        return hash(self._cmpkey())

    def __bool__(self):
        return True

    def isoformat(self, timespec="auto"):
        s = _format_time(self._hour, self._minute, self._second, self._microsecond, timespec)
        off = self.utcoffset()
        if off is not None:
            s += _format_offset(off)
        return s

    __str__ = isoformat

    def __repr__(self):
        if self._microsecond != 0:
            s = ", %d, %d" % (self._second, self._microsecond)
        elif self._second != 0:
            s = ", %d" % self._second
        else:
            s = ""
        s = "datetime.time(%d, %d%s)" % (self._hour, self._minute, s)
        if self._tzinfo is not None:
            s = s[:-1] + ", tzinfo=" + repr(self._tzinfo) + ")"
        if self._fold:
            s = s[:-1] + ", fold=1)"
        return s

    @classmethod
    def fromisoformat(cls, time_string):
        try:
            h, m, s, us, tz = _parse_isotime(time_string)
            return cls(h, m, s, us, tz)
        except (ValueError, IndexError):
            raise ValueError("Invalid isoformat string: " + repr(time_string))

    def strftime(self, fmt):
        return _strftime(datetime(1900, 1, 1, self._hour, self._minute, self._second, self._microsecond,
                                  self._tzinfo), fmt)

    def __format__(self, fmt):
        if len(fmt) != 0:
            return self.strftime(fmt)
        return str(self)

    def tzname(self):
        return None if self._tzinfo is None else self._tzinfo.tzname(None)

    def dst(self):
        return None if self._tzinfo is None else self._tzinfo.dst(None)

    def replace(self, hour=None, minute=None, second=None, microsecond=None, tzinfo=True, *, fold=None):
        return type(self)(self._hour if hour is None else hour, self._minute if minute is None else minute,
                          self._second if second is None else second,
                          self._microsecond if microsecond is None else microsecond,
                          self._tzinfo if tzinfo is True else tzinfo, fold=self._fold if fold is None else fold)


time.min = time(0, 0, 0)
time.max = time(23, 59, 59, 999999)
time.resolution = timedelta(microseconds=1)


def _format_time(hh, mm, ss, us, timespec="auto"):
    if timespec == "auto":
        timespec = "microseconds" if us else "seconds"
    elif timespec == "milliseconds":
        us //= 1000
    if timespec == "hours":
        return "%02d" % hh
    if timespec == "minutes":
        return "%02d:%02d" % (hh, mm)
    if timespec == "seconds":
        return "%02d:%02d:%02d" % (hh, mm, ss)
    if timespec == "milliseconds":
        return "%02d:%02d:%02d.%03d" % (hh, mm, ss, us)
    if timespec == "microseconds":
        return "%02d:%02d:%02d.%06d" % (hh, mm, ss, us)
    raise ValueError("Unknown timespec value")


class datetime(date):
    __slots__ = ("_hour", "_minute", "_second", "_microsecond", "_tzinfo", "_fold")

    def __init__(self, year, month=None, day=None, hour=0, minute=0, second=0, microsecond=0, tzinfo=None, *,
                 fold=0):
        year, month, day = _check_date_fields(year, month, day)
        hour, minute, second, microsecond, fold = _check_time_fields(hour, minute, second, microsecond, fold)
        if tzinfo is not None and not isinstance(tzinfo, _tzinfo_class):
            raise TypeError("tzinfo argument must be None or of a tzinfo subclass, not type '"
                            + type(tzinfo).__name__ + "'")
        self._year = year
        self._month = month
        self._day = day
        self._hour = hour
        self._minute = minute
        self._second = second
        self._microsecond = microsecond
        self._tzinfo = tzinfo
        self._fold = fold

    hour = property(lambda self: self._hour)
    minute = property(lambda self: self._minute)
    second = property(lambda self: self._second)
    microsecond = property(lambda self: self._microsecond)
    tzinfo = property(lambda self: self._tzinfo)
    fold = property(lambda self: self._fold)

    @classmethod
    def _from_us_ord(cls, us_total, tz):
        # microseconds since 0001-01-01T00:00 (ordinal 1)
        days, us = divmod(us_total, 86400000000)
        y, m, d = _ord2ymd(days + 1)
        s, us = divmod(us, 1000000)
        mi, s = divmod(s, 60)
        h, mi = divmod(mi, 60)
        return cls(y, m, d, h, mi, s, us, tz)

    def _us_ord(self):
        return ((((self.toordinal() - 1) * 24 + self._hour) * 60 + self._minute) * 60 + self._second) * 1000000 \
            + self._microsecond

    @classmethod
    def fromtimestamp(cls, t, tz=None):
        us = _round_half_even(t * 1000000) if isinstance(t, float) else t * 1000000
        r = cls._from_us_ord(us + _EPOCH_US, None)
        if tz is not None:
            r = r.replace(tzinfo=tz)
            r = tz.fromutc(r)
        return r

    @classmethod
    def utcfromtimestamp(cls, t):
        return cls.fromtimestamp(t)

    @classmethod
    def now(cls, tz=None):
        return cls.fromtimestamp(_time.time(), tz)

    @classmethod
    def today(cls):
        return cls.now()

    @classmethod
    def utcnow(cls):
        return cls.fromtimestamp(_time.time())

    @classmethod
    def combine(cls, date, time, tzinfo=True):
        if tzinfo is True:
            tzinfo = time.tzinfo
        return cls(date.year, date.month, date.day, time.hour, time.minute, time.second, time.microsecond,
                   tzinfo, fold=time.fold)

    @classmethod
    def fromisoformat(cls, date_string):
        if not isinstance(date_string, str):
            raise TypeError("fromisoformat: argument must be str")
        try:
            if len(date_string) > 10:
                sep = date_string[10]
                ds, ts = date_string[:10], date_string[11:]
                if sep not in "T ":
                    raise ValueError
            else:
                ds, ts = date_string, ""
            y, m, d = _parse_isodate(ds)
            if ts:
                h, mi, s, us, tz = _parse_isotime(ts)
            else:
                h = mi = s = us = 0
                tz = None
            return cls(y, m, d, h, mi, s, us, tz)
        except (ValueError, IndexError):
            raise ValueError("Invalid isoformat string: " + repr(date_string))

    @classmethod
    def strptime(cls, date_string, format):
        return _strptime(cls, date_string, format)

    def timetuple(self):
        return _time.struct_time((self._year, self._month, self._day, self._hour, self._minute, self._second,
                                  self.weekday(), self.toordinal() - _ymd2ord(self._year, 1, 1) + 1, -1))

    def utctimetuple(self):
        return self.timetuple()

    def timestamp(self):
        off = self.utcoffset()
        us = self._us_ord() - _EPOCH_US - (0 if off is None else off._to_us())
        return us / 1e6

    def date(self):
        return date(self._year, self._month, self._day)

    def time(self):
        return time(self._hour, self._minute, self._second, self._microsecond, fold=self._fold)

    def timetz(self):
        return time(self._hour, self._minute, self._second, self._microsecond, self._tzinfo, fold=self._fold)

    def replace(self, year=None, month=None, day=None, hour=None, minute=None, second=None, microsecond=None,
                tzinfo=True, *, fold=None):
        return type(self)(self._year if year is None else year, self._month if month is None else month,
                          self._day if day is None else day, self._hour if hour is None else hour,
                          self._minute if minute is None else minute, self._second if second is None else second,
                          self._microsecond if microsecond is None else microsecond,
                          self._tzinfo if tzinfo is True else tzinfo, fold=self._fold if fold is None else fold)

    def astimezone(self, tz=None):
        if tz is None:
            tz = timezone.utc
        off = self.utcoffset()
        if off is None:
            off = timedelta(0)
        utc = (self - off).replace(tzinfo=tz)
        return tz.fromutc(utc)

    def ctime(self):
        weekday = self.toordinal() % 7 or 7
        return "%s %s %2d %02d:%02d:%02d %04d" % (_DAYNAMES[weekday], _MONTHNAMES[self._month], self._day,
                                                  self._hour, self._minute, self._second, self._year)

    def isoformat(self, sep="T", timespec="auto"):
        s = "%04d-%02d-%02d%s" % (self._year, self._month, self._day, sep) + \
            _format_time(self._hour, self._minute, self._second, self._microsecond, timespec)
        off = self.utcoffset()
        if off is not None:
            s += _format_offset(off)
        return s

    def __repr__(self):
        L = [self._year, self._month, self._day, self._hour, self._minute, self._second, self._microsecond]
        if L[-1] == 0:
            del L[-1]
        if L[-1] == 0:
            del L[-1]
        s = "datetime.datetime(" + ", ".join(map(str, L)) + ")"
        if self._tzinfo is not None:
            s = s[:-1] + ", tzinfo=" + repr(self._tzinfo) + ")"
        if self._fold:
            s = s[:-1] + ", fold=1)"
        return s

    def __str__(self):
        return self.isoformat(sep=" ")

    def utcoffset(self):
        if self._tzinfo is None:
            return None
        return self._tzinfo.utcoffset(self)

    def tzname(self):
        if self._tzinfo is None:
            return None
        return self._tzinfo.tzname(self)

    def dst(self):
        if self._tzinfo is None:
            return None
        return self._tzinfo.dst(self)

    def _cmpkey(self):
        off = self.utcoffset()
        return self._us_ord() - (0 if off is None else off._to_us())

    def _comparable(self, other, op):
        if isinstance(other, datetime):
            if (self._tzinfo is None) != (other._tzinfo is None) and self.utcoffset() != other.utcoffset():
                if op in ("==", "!="):
                    return None
                raise TypeError("can't compare offset-naive and offset-aware datetimes")
            return True
        if isinstance(other, date):
            if op in ("==", "!="):
                return None
            raise TypeError("can't compare datetime.datetime to datetime.date")
        if op in ("==", "!="):
            return None
        _cmperror(self, other, op)

    def __eq__(self, other):
        c = self._comparable(other, "==")
        if c is None:
            return False if isinstance(other, date) else NotImplemented
        return self._cmpkey() == other._cmpkey()

    def __ne__(self, other):
        r = self.__eq__(other)
        return r if r is NotImplemented else not r

    def __lt__(self, other):
        self._comparable(other, "<")
        return self._cmpkey() < other._cmpkey()

    def __le__(self, other):
        self._comparable(other, "<=")
        return self._cmpkey() <= other._cmpkey()

    def __gt__(self, other):
        self._comparable(other, ">")
        return self._cmpkey() > other._cmpkey()

    def __ge__(self, other):
        self._comparable(other, ">=")
        return self._cmpkey() >= other._cmpkey()

    def __hash__(self):
        return hash(self._cmpkey())

    def __add__(self, other):
        if not isinstance(other, timedelta):
            return NotImplemented
        us = self._us_ord() + other._to_us()
        if us < 0 or us >= _MAXORDINAL * 86400000000:
            raise OverflowError("date value out of range")
        return type(self)._from_us_ord(us, self._tzinfo)

    __radd__ = __add__

    def __sub__(self, other):
        if isinstance(other, timedelta):
            return self + -other
        if isinstance(other, datetime):
            a = self.utcoffset()
            b = other.utcoffset()
            if (a is None) != (b is None):
                raise TypeError("can't subtract offset-naive and offset-aware datetimes")
            return timedelta._from_us(self._cmpkey() - other._cmpkey())
        return NotImplemented


_tzinfo_class = tzinfo
_EPOCH_US = (_ymd2ord(1970, 1, 1) - 1) * 86400000000

datetime.min = datetime(1, 1, 1)
datetime.max = datetime(9999, 12, 31, 23, 59, 59, 999999)
datetime.resolution = timedelta(microseconds=1)


def _parse_isodate(s):
    if len(s) == 10 and s[4] == "-" and s[7] == "-":
        return int(s[0:4]), int(s[5:7]), int(s[8:10])
    if len(s) == 8 and s.isdigit():
        return int(s[0:4]), int(s[4:6]), int(s[6:8])
    if len(s) in (8, 10) and "W" in s:
        s2 = s.replace("-", "")
        y, w = int(s2[0:4]), int(s2[5:7])
        d = int(s2[7]) if len(s2) > 7 else 1
        dt = date.fromisocalendar(y, w, d)
        return dt.year, dt.month, dt.day
    raise ValueError("bad date")


def _parse_isotime(s):
    tz = None
    for i, c in enumerate(s):
        if c in "+-Z":
            tzs = s[i:]
            s = s[:i]
            if tzs == "Z":
                tz = timezone.utc
            else:
                sign = -1 if tzs[0] == "-" else 1
                body = tzs[1:].replace(":", "")
                hh = int(body[0:2])
                mm = int(body[2:4]) if len(body) >= 4 else 0
                ss = int(body[4:6]) if len(body) >= 6 else 0
                off = timedelta(hours=hh, minutes=mm, seconds=ss)
                tz = timezone.utc if not off else timezone(off * sign)
            break
    us = 0
    if "." in s or "," in s:
        s, frac = s.replace(",", ".").split(".", 1)
        if not frac.isdigit():
            raise ValueError("bad fraction")
        us = int((frac + "000000")[:6])
    if ":" in s:
        parts = s.split(":")
    else:
        parts = [s[i:i + 2] for i in range(0, len(s), 2)]
    for p in parts:
        if len(p) != 2 or not p.isdigit():
            raise ValueError("bad time")
    h = int(parts[0])
    m = int(parts[1]) if len(parts) > 1 else 0
    sec = int(parts[2]) if len(parts) > 2 else 0
    if len(parts) > 3:
        raise ValueError("bad time")
    return h, m, sec, us, tz


def _strftime(dt, fmt):
    from _strftime import strftime

    has_time = isinstance(dt, datetime)
    y = dt.year
    t = (y, dt.month, dt.day, dt.hour if has_time else 0, dt.minute if has_time else 0,
         dt.second if has_time else 0, dt.weekday(), dt.toordinal() - _ymd2ord(y, 1, 1) + 1)
    off = dt.utcoffset() if has_time else None
    return strftime(fmt, t, dt.microsecond if has_time else 0, _format_offset(off, "") if off is not None else "",
                    (dt.tzname() if has_time else None) or "")


def _strptime(cls, s, fmt):
    y, mo, d, h, mi, sec, us = 1900, 1, 1, 0, 0, 0, 0
    ampm = None
    tz = None
    yday = None
    i = 0
    j = 0
    n = len(fmt)
    ls = len(s)

    def num(j, maxlen):
        k = j
        while k < ls and k - j < maxlen and s[k].isdigit():
            k += 1
        if k == j:
            raise ValueError("time data " + repr(s) + " does not match format " + repr(fmt))
        return int(s[j:k]), k

    def name(j, names):
        low = s[j:].lower()
        best = None
        for idx, nm in enumerate(names):
            if nm and low.startswith(nm.lower()) and (best is None or len(nm) > len(names[best])):
                best = idx
        if best is None:
            raise ValueError("time data " + repr(s) + " does not match format " + repr(fmt))
        return best, j + len(names[best])

    while i < n:
        c = fmt[i]
        if c == "%" and i + 1 < n:
            f = fmt[i + 1]
            i += 2
            if f == "-" and i < n:
                f = fmt[i]
                i += 1
            if f == "Y":
                y, j = num(j, 4)
            elif f == "y":
                v, j = num(j, 2)
                y = 2000 + v if v < 69 else 1900 + v
            elif f == "m":
                mo, j = num(j, 2)
            elif f == "d":
                d, j = num(j, 2)
            elif f == "H":
                h, j = num(j, 2)
            elif f == "I":
                h, j = num(j, 2)
            elif f == "M":
                mi, j = num(j, 2)
            elif f == "S":
                sec, j = num(j, 2)
            elif f == "f":
                k = j
                while k < ls and k - j < 6 and s[k].isdigit():
                    k += 1
                if k == j:
                    raise ValueError("time data " + repr(s) + " does not match format " + repr(fmt))
                us = int((s[j:k] + "000000")[:6])
                j = k
            elif f == "j":
                yday, j = num(j, 3)
            elif f == "p":
                if s[j:j + 2].upper() == "AM":
                    ampm = 0
                elif s[j:j + 2].upper() == "PM":
                    ampm = 12
                else:
                    raise ValueError("time data " + repr(s) + " does not match format " + repr(fmt))
                j += 2
            elif f == "b" or f == "h":
                mo, j = name(j, _MONTHNAMES)
            elif f == "B":
                mo, j = name(j, _FULLMONTHS)
            elif f == "a":
                _, j = name(j, _DAYNAMES)
            elif f == "A":
                _, j = name(j, _FULLDAYS)
            elif f == "z":
                if s[j:j + 1] == "Z":
                    tz = timezone.utc
                    j += 1
                else:
                    sign = -1 if s[j:j + 1] == "-" else 1
                    body = s[j + 1:j + 7].replace(":", "")
                    k = 0
                    while k < len(body) and body[k].isdigit():
                        k += 1
                    body = body[:k]
                    hh = int(body[0:2])
                    mm = int(body[2:4]) if len(body) >= 4 else 0
                    off = timedelta(hours=hh, minutes=mm) * sign
                    tz = timezone(off)
                    j += 1 + (5 if s[j + 3:j + 4] == ":" else 4)
            elif f == "Z":
                for nm in ("UTC", "GMT"):
                    if s[j:j + 3] == nm:
                        j += 3
                        break
            elif f == "%":
                if s[j:j + 1] != "%":
                    raise ValueError("time data " + repr(s) + " does not match format " + repr(fmt))
                j += 1
            else:
                raise ValueError("'" + f + "' is a bad directive in format '" + fmt + "'")
        elif c.isspace():
            i += 1
            while j < ls and s[j].isspace():
                j += 1
        else:
            if j >= ls or s[j] != c:
                raise ValueError("time data " + repr(s) + " does not match format " + repr(fmt))
            i += 1
            j += 1
    if j != ls:
        raise ValueError("unconverted data remains: " + s[j:])
    if ampm is not None:
        if h == 12:
            h = 0
        h += ampm
    if yday is not None:
        o = _ymd2ord(y, 1, 1) + yday - 1
        y, mo, d = _ord2ymd(o)
    return cls(y, mo, d, h, mi, sec, us, tz)
