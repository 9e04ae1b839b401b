# io for mpwasm: MicroPython's C io module (as uio) with a StringIO that
# behaves as CPython 3.11's (positions count characters, truncate,
# readlines, writelines, closed, ...). Written for mpwasm.

from uio import *
import uio as _u

SEEK_SET = 0
SEEK_CUR = 1
SEEK_END = 2
DEFAULT_BUFFER_SIZE = 8192


# CPython's also derives from ValueError; MicroPython allows one built-in
# exception base
class UnsupportedOperation(OSError):
    pass


class StringIO:
    # The text is kept as chunks: writes at the end (the common case: a
    # report built piece by piece) append, anything else joins them first.
    def __init__(self, initial_value="", newline="\n"):
        if initial_value is None:
            initial_value = ""
        if not isinstance(initial_value, str):
            raise TypeError("initial_value must be str or None, not " + type(initial_value).__name__)
        if newline is not None and newline not in ("", "\n", "\r", "\r\n"):
            raise ValueError("illegal newline value: " + repr(newline))
        self._newline = newline
        if newline is None or (newline and newline != "\n"):
            initial_value = self._translate(initial_value)
        self._chunks = [initial_value] if initial_value else []
        self._len = len(initial_value)
        self._pos = 0
        self._closed = False

    def __repr__(self):
        return "<_io.StringIO object at 0x%x>" % id(self)

    def _translate(self, s):
        nl = self._newline
        if nl is None:
            return s.replace("\r\n", "\n").replace("\r", "\n")
        return s.replace("\n", nl)

    def _check(self):
        if self._closed:
            raise ValueError("I/O operation on closed file")

    def _text(self):
        c = self._chunks
        if len(c) > 1:
            s = "".join(c)
            self._chunks = [s]
            return s
        return c[0] if c else ""

    def getvalue(self):
        self._check()
        return self._text()

    def write(self, s):
        self._check()
        if not isinstance(s, str):
            raise TypeError("string argument expected, got '" + type(s).__name__ + "'")
        if self._newline is None or (self._newline and self._newline != "\n"):
            s = self._translate(s)
        n = len(s)
        if not n:
            return 0
        pos = self._pos
        if pos == self._len:
            self._chunks.append(s)
            self._len += n
        else:
            t = self._text()
            if pos > len(t):
                t += "\0" * (pos - len(t))
            t = t[:pos] + s + t[pos + n:]
            self._chunks = [t]
            self._len = len(t)
        self._pos = pos + n
        return n

    def writelines(self, lines):
        for line in lines:
            self.write(line)

    def read(self, size=-1):
        self._check()
        t = self._text()
        pos = self._pos
        if size is None or size < 0:
            end = len(t)
        else:
            end = min(len(t), pos + size)
        if pos >= end:
            return ""
        self._pos = end
        return t[pos:end]

    def readline(self, size=-1):
        self._check()
        t = self._text()
        pos = self._pos
        if pos >= len(t):
            return ""
        i = t.find("\n", pos)
        end = len(t) if i < 0 else i + 1
        if size is not None and size >= 0:
            end = min(end, pos + size)
        self._pos = end
        return t[pos:end]

    def readlines(self, hint=-1):
        lines = []
        total = 0
        while True:
            line = self.readline()
            if not line:
                return lines
            lines.append(line)
            total += len(line)
            if hint is not None and 0 < hint <= total:
                return lines

    def __iter__(self):
        self._check()
        return self

    def __next__(self):
        line = self.readline()
        if not line:
            raise StopIteration
        return line

    def seek(self, pos, whence=0):
        self._check()
        if whence == 0:
            if pos < 0:
                raise ValueError("Negative seek position " + str(pos))
            self._pos = pos
        elif whence == 1:
            if pos != 0:
                raise OSError("Can't do nonzero cur-relative seeks")
        elif whence == 2:
            if pos != 0:
                raise OSError("Can't do nonzero end-relative seeks")
            self._pos = self._len
        else:
            raise ValueError("Invalid whence (" + str(whence) + ", should be 0, 1 or 2)")
        return self._pos

    def tell(self):
        self._check()
        return self._pos

    def truncate(self, size=None):
        self._check()
        if size is None:
            size = self._pos
        if size < 0:
            raise ValueError("Negative size value " + str(size))
        if size < self._len:
            t = self._text()[:size]
            self._chunks = [t] if t else []
            self._len = size
        return size

    def close(self):
        self._closed = True

    @property
    def closed(self):
        return self._closed

    @property
    def newlines(self):
        return None

    def readable(self):
        self._check()
        return True

    def writable(self):
        self._check()
        return True

    def seekable(self):
        self._check()
        return True

    def isatty(self):
        self._check()
        return False

    def flush(self):
        self._check()

    def fileno(self):
        raise UnsupportedOperation("fileno")

    def __enter__(self):
        self._check()
        return self

    def __exit__(self, *exc):
        self.close()
