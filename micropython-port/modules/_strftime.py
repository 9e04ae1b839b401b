# The strftime both datetime and time use (CPython passes both to the C
# library's strftime, so one implementation of glibc's directives and flags
# serves both). Written for mpwasm.

_DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December")


def _jan1_weekday(y):
    # weekday (Monday=0) of January 1st of year y, proleptic Gregorian
    y -= 1
    return (y + y // 4 - y // 100 + y // 400) % 7


def _iso_weeks(y):
    # 53 when the year starts on a Thursday, or on a Wednesday in a leap year
    wd = _jan1_weekday(y)
    leap = y % 4 == 0 and (y % 100 != 0 or y % 400 == 0)
    return 53 if wd == 3 or (leap and wd == 2) else 52


def _iso(y, yd, wd):
    w = (yd - (wd + 1) + 10) // 7
    if w < 1:
        return y - 1, _iso_weeks(y - 1)
    if w > _iso_weeks(y):
        return y + 1, 1
    return y, w


def _days_before_year(y):
    y -= 1
    return y * 365 + y // 4 - y // 100 + y // 400


def strftime(fmt, t, us=None, utcoffset="", tzname=""):
    """Format t = (year, month, day, hour, minute, second, weekday (Monday=0),
    day of the year (1-based)) by fmt. us is the microsecond for %f (None: %f
    stays as written, as time.strftime leaves it); utcoffset and tzname are
    the texts of %z and %Z."""
    y, mo, d, h, mi, s, wd, yd = t[0], t[1], t[2], t[3], t[4], t[5], t[6], t[7]
    out = []
    i = 0
    n = len(fmt)
    while i < n:
        c = fmt[i]
        if c != "%" or i + 1 >= n:
            out.append(c)
            i += 1
            continue
        i += 1
        flag = ""
        if fmt[i] in "-_0^#" and i + 1 < n:
            flag = fmt[i]
            i += 1
        f = fmt[i]
        i += 1
        # numeric directives: (value, width, pad)
        num = None
        if f == "Y":
            v = str(y)
        elif f == "m":
            num = (mo, 2, "0")
        elif f == "d":
            num = (d, 2, "0")
        elif f == "e":
            num = (d, 2, " ")
        elif f == "H":
            num = (h, 2, "0")
        elif f == "k":
            num = (h, 2, " ")
        elif f == "I":
            num = ((h % 12) or 12, 2, "0")
        elif f == "l":
            num = ((h % 12) or 12, 2, " ")
        elif f == "M":
            num = (mi, 2, "0")
        elif f == "S":
            num = (s, 2, "0")
        elif f == "y":
            num = (y % 100, 2, "0")
        elif f == "C":
            v = str(y // 100)
        elif f == "j":
            num = (yd, 3, "0")
        elif f == "U":
            num = ((yd - 1 + 7 - (wd + 1) % 7) // 7, 2, "0")
        elif f == "W":
            num = ((yd - 1 + 7 - wd) // 7, 2, "0")
        elif f == "V":
            num = (_iso(y, yd, wd)[1], 2, "0")
        elif f == "G":
            v = str(_iso(y, yd, wd)[0])
        elif f == "g":
            num = (_iso(y, yd, wd)[0] % 100, 2, "0")
        elif f == "u":
            v = str(wd + 1)
        elif f == "w":
            v = str((wd + 1) % 7)
        elif f == "f" and us is not None:
            num = (us, 6, "0")
        elif f == "a":
            v = _DAYS[wd][:3]
        elif f == "A":
            v = _DAYS[wd]
        elif f == "b" or f == "h":
            v = _MONTHS[mo - 1][:3]
        elif f == "B":
            v = _MONTHS[mo - 1]
        elif f == "p":
            v = "AM" if h < 12 else "PM"
        elif f == "P":
            v = "am" if h < 12 else "pm"
        elif f == "z":
            v = utcoffset
        elif f == "Z":
            v = tzname
        elif f == "s":
            v = str((_days_before_year(y) + yd - 1 - 719162) * 86400 + h * 3600 + mi * 60 + s)
        elif f == "n":
            v = "\n"
        elif f == "t":
            v = "\t"
        elif f == "%":
            v = "%"
        elif f in "cxXDFTRr":
            v = strftime({"c": "%a %b %e %H:%M:%S %Y", "x": "%m/%d/%y", "X": "%H:%M:%S", "D": "%m/%d/%y",
                          "F": "%Y-%m-%d", "T": "%H:%M:%S", "R": "%H:%M", "r": "%I:%M:%S %p"}[f], t, us,
                         utcoffset, tzname)
        else:
            out.append("%" + flag + f)
            continue
        if num is not None:
            value, width, pad = num
            if flag == "-":
                v = str(value)
            else:
                if flag == "_":
                    pad = " "
                elif flag == "0":
                    pad = "0"
                v = str(value)
                v = pad * (width - len(v)) + v
        elif flag == "^" or flag == "#":
            v = v.upper()
        out.append(v)
    return "".join(out)
