# traceback for mpwasm: format_exc, print_exc, format_exception(_only),
# print_exception, extract_tb/extract_stack as summaries parsed from
# MicroPython's traceback (which records file, line and function, not the
# source lines CPython also prints). Written for mpwasm.

import sys

__all__ = ["extract_stack", "extract_tb", "format_exception", "format_exception_only", "format_list",
           "format_stack", "format_tb", "print_exc", "format_exc", "print_exception", "print_last",
           "print_stack", "print_tb", "FrameSummary", "StackSummary", "TracebackException", "walk_tb"]


class FrameSummary:
    def __init__(self, filename, lineno, name, lookup_line=True, locals=None, line=None):
        self.filename = filename
        self.lineno = lineno
        self.name = name
        self._line = line
        self.locals = locals

    @property
    def line(self):
        return self._line

    def __iter__(self):
        return iter([self.filename, self.lineno, self.name, self._line])

    def __getitem__(self, i):
        return (self.filename, self.lineno, self.name, self._line)[i]

    def __len__(self):
        return 4

    def __eq__(self, other):
        if isinstance(other, FrameSummary):
            return (self.filename, self.lineno, self.name, self._line) == (other.filename, other.lineno,
                                                                           other.name, other._line)
        if isinstance(other, tuple):
            return (self.filename, self.lineno, self.name, self._line) == other
        return NotImplemented

    def __repr__(self):
        return "<FrameSummary file " + str(self.filename) + ", line " + str(self.lineno) + " in " + str(self.name) + ">"


class StackSummary(list):
    @classmethod
    def from_list(cls, a_list):
        r = cls()
        for f in a_list:
            r.append(f if isinstance(f, FrameSummary) else FrameSummary(*f))
        return r

    def format(self):
        return format_list(self)


def _type_name(t):
    name = getattr(t, "__qualname__", None) or t.__name__
    mod = getattr(t, "__module__", None)
    if mod not in (None, "__main__", "builtins"):
        return mod + "." + name
    return name


def _exc_str(e):
    if isinstance(e, KeyError) and len(e.args) == 1:
        return repr(e.args[0])
    try:
        return str(e)
    except Exception:
        return "<exception str() failed>"


def format_exception_only(exc, value=None):
    if value is None and not isinstance(exc, type):
        value = exc
        exc = type(exc)
    if value is None:
        return [_type_name(exc) + "\n"]
    s = _exc_str(value)
    name = _type_name(type(value))
    return [name + (": " + s if s else "") + "\n"]


def _raw_tb(e):
    import io

    buf = io.StringIO()
    sys.print_exception(e, buf)
    return buf.getvalue().split("\n")


def _frames(e):
    frames = StackSummary()
    for ln in _raw_tb(e):
        ln = ln.strip()
        if ln.startswith('File "'):
            # File "x.py", line 3, in f
            try:
                q = ln.index('"', 6)
                fname = ln[6:q]
                rest = ln[q + 1:]
                lineno = None
                func = None
                for part in rest.split(","):
                    part = part.strip()
                    if part.startswith("line "):
                        lineno = int(part[5:])
                    elif part.startswith("in "):
                        func = part[3:]
                frames.append(FrameSummary(fname, lineno, func))
            except ValueError:
                pass
    return frames


def extract_tb(tb, limit=None):
    e = tb if isinstance(tb, BaseException) else _current_exc()
    if e is None:
        return StackSummary()
    fr = _frames(e)
    return StackSummary(fr[:limit]) if limit is not None else fr


def _current_exc():
    info = sys.exc_info()
    return info[1]


def format_list(extracted_list):
    out = []
    for f in extracted_list:
        if not isinstance(f, FrameSummary):
            f = FrameSummary(*f)
        s = '  File "' + str(f.filename) + '", line ' + str(f.lineno) + ", in " + str(f.name) + "\n"
        if f.line:
            s += "    " + f.line.strip() + "\n"
        out.append(s)
    return out


def format_tb(tb, limit=None):
    return format_list(extract_tb(tb, limit))


def format_exception(exc, value=None, tb=None, limit=None, chain=True):
    if value is None and not isinstance(exc, type):
        value = exc
    if value is None:
        return format_exception_only(exc)
    out = []
    cause = getattr(value, "__cause__", None)
    if chain and cause is not None:
        out.extend(format_exception(cause))
        out.append("\nThe above exception was the direct cause of the following exception:\n\n")
    fr = _frames(value)
    if fr:
        out.append("Traceback (most recent call last):\n")
        out.extend(format_list(fr[:limit] if limit is not None else fr))
    out.extend(format_exception_only(value))
    return out


def format_exc(limit=None, chain=True):
    e = _current_exc()
    if e is None:
        return "NoneType: None\n"
    return "".join(format_exception(e, limit=limit, chain=chain))


def print_exception(exc, value=None, tb=None, limit=None, file=None, chain=True):
    if file is None:
        file = sys.stderr
    for line in format_exception(exc, value, tb, limit, chain):
        file.write(line)


def print_exc(limit=None, file=None, chain=True):
    e = _current_exc()
    if file is None:
        file = sys.stderr
    if e is None:
        file.write("NoneType: None\n")
        return
    print_exception(e, limit=limit, file=file, chain=chain)


def print_last(limit=None, file=None, chain=True):
    print_exc(limit, file, chain)


def print_tb(tb, limit=None, file=None):
    if file is None:
        file = sys.stderr
    for line in format_tb(tb, limit):
        file.write(line)


def extract_stack(f=None, limit=None):
    try:
        raise Exception
    except Exception as e:
        fr = _frames(e)
    return StackSummary(fr[:-1] if limit is None else fr[:-1][-limit:])


def format_stack(f=None, limit=None):
    return format_list(extract_stack(f, limit))


def print_stack(f=None, limit=None, file=None):
    if file is None:
        file = sys.stderr
    for line in format_stack(f, limit):
        file.write(line)


def walk_tb(tb):
    for f in extract_tb(tb):
        yield f, f.lineno


class TracebackException:
    def __init__(self, exc_type, exc_value, exc_traceback, *, limit=None, lookup_lines=True, capture_locals=False,
                 compact=False, max_group_width=15, max_group_depth=10):
        self.exc_type = exc_type
        self._value = exc_value
        self.stack = _frames(exc_value) if exc_value is not None else StackSummary()
        self._str = _exc_str(exc_value) if exc_value is not None else ""

    @classmethod
    def from_exception(cls, exc, **kwargs):
        return cls(type(exc), exc, None, **kwargs)

    def format(self, *, chain=True):
        return iter(format_exception(self._value, chain=chain))

    def format_exception_only(self):
        return iter(format_exception_only(self._value))

    def __str__(self):
        return self._str
