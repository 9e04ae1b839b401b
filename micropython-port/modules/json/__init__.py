# json for mpwasm: CPython 3.11's dumps/loads options (indent, sort_keys,
# separators, ensure_ascii, default, cls, object_hook, ...) and errors
# (TypeError for objects it cannot encode, JSONDecodeError with CPython's
# messages). Where the result is exactly CPython's, MicroPython's C code
# does the work (ujson.dumps/loads, checked by ujson._plain/_valid, patch
# 0306); hooks, indent, sort_keys and malformed text go through the Python
# code here. Written for mpwasm.

import ujson as _c

__all__ = ["dump", "dumps", "load", "loads", "JSONDecoder", "JSONDecodeError", "JSONEncoder"]


class JSONDecodeError(ValueError):
    def __init__(self, msg, doc, pos):
        lineno = doc.count("\n", 0, pos) + 1
        colno = pos - doc.rfind("\n", 0, pos)
        super().__init__("%s: line %d column %d (char %d)" % (msg, lineno, colno, pos))
        self.msg = msg
        self.doc = doc
        self.pos = pos
        self.lineno = lineno
        self.colno = colno


_ESC = {'"': '\\"', "\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b", "\f": "\\f"}


def _encode_str(s, ensure_ascii):
    out = ['"']
    for c in s:
        e = _ESC.get(c)
        if e is not None:
            out.append(e)
            continue
        o = ord(c)
        if o < 0x20:
            out.append("\\u%04x" % o)
        elif o > 0x7E and ensure_ascii:
            if o > 0xFFFF:
                o -= 0x10000
                out.append("\\u%04x\\u%04x" % (0xD800 | (o >> 10), 0xDC00 | (o & 0x3FF)))
            else:
                out.append("\\u%04x" % o)
        else:
            out.append(c)
    out.append('"')
    return "".join(out)


def _plain_ascii(s):
    # no character that needs an escape: the common case is done in C
    if len(s.encode()) != len(s):
        return False
    for c in s:
        if c < " " or c == '"' or c == "\\" or c == "\x7f":
            return False
    return True


def _float_repr(o, allow_nan):
    if o != o:
        text = "NaN"
    elif o == float("inf"):
        text = "Infinity"
    elif o == -float("inf"):
        text = "-Infinity"
    else:
        return repr(o)
    if not allow_nan:
        raise ValueError("Out of range float values are not JSON compliant")
    return text


def _mark(markers, o):
    # check_circular: a container met again while it is being encoded.
    if markers is not None:
        i = id(o)
        if i in markers:
            raise ValueError("Circular reference detected")
        markers[i] = o


class JSONEncoder:
    item_separator = ", "
    key_separator = ": "

    def __init__(self, *, skipkeys=False, ensure_ascii=True, check_circular=True, allow_nan=True,
                 sort_keys=False, indent=None, separators=None, default=None):
        self.skipkeys = skipkeys
        self.ensure_ascii = ensure_ascii
        self.check_circular = check_circular
        self.allow_nan = allow_nan
        self.sort_keys = sort_keys
        if indent is not None and not isinstance(indent, str):
            indent = " " * indent
        self.indent = indent
        if separators is not None:
            self.item_separator, self.key_separator = separators
        elif indent is not None:
            self.item_separator = ","
        if default is not None:
            self.default = default

    def default(self, o):
        raise TypeError("Object of type " + type(o).__name__ + " is not JSON serializable")

    def encode(self, o):
        out = []
        self._enc(o, out, 0, {} if self.check_circular else None)
        return "".join(out)

    def iterencode(self, o, _one_shot=False):
        return iter([self.encode(o)])

    def _str(self, s):
        if _plain_ascii(s):
            return '"' + s + '"'
        return _encode_str(s, self.ensure_ascii)

    def _key(self, k):
        if isinstance(k, str):
            return k
        if k is True:
            return "true"
        if k is False:
            return "false"
        if k is None:
            return "null"
        if isinstance(k, float):
            return _float_repr(k, self.allow_nan)
        if isinstance(k, int):
            return str(k)
        if self.skipkeys:
            return None
        raise TypeError("keys must be str, int, float, bool or None, not " + type(k).__name__)

    def _enc(self, o, out, level, markers):
        t = type(o)
        if t is str:
            out.append(self._str(o))
        elif t is not int and t is not float and t is not bool and (isinstance(o, (int, float, str))):
            # a subclass (IntEnum, StrEnum): encoded as its built-in value
            v = getattr(o, "_value_", None)
            if v is None:
                v = str(o) if isinstance(o, str) else (float(o) if isinstance(o, float) else int(o))
            self._enc(v, out, level, markers)
        elif o is None:
            out.append("null")
        elif o is True:
            out.append("true")
        elif o is False:
            out.append("false")
        elif isinstance(o, int):
            out.append(repr(o))
        elif isinstance(o, float):
            out.append(_float_repr(o, self.allow_nan))
        elif isinstance(o, (list, tuple)):
            self._enc_list(o, out, level, markers)
        elif isinstance(o, dict):
            self._enc_dict(o, out, level, markers)
        else:
            _mark(markers, o)
            self._enc(self.default(o), out, level, markers)
            if markers is not None:
                del markers[id(o)]

    def _enc_list(self, o, out, level, markers):
        if not o:
            out.append("[]")
            return
        _mark(markers, o)
        ind = self.indent
        if ind is not None:
            level += 1
            nl = "\n" + ind * level
            sep = self.item_separator + nl
            out.append("[" + nl)
        else:
            sep = self.item_separator
            out.append("[")
        first = True
        for v in o:
            if not first:
                out.append(sep)
            first = False
            self._enc(v, out, level, markers)
        if ind is not None:
            out.append("\n" + ind * (level - 1))
        out.append("]")
        if markers is not None:
            del markers[id(o)]

    def _enc_dict(self, o, out, level, markers):
        if not o:
            out.append("{}")
            return
        _mark(markers, o)
        ind = self.indent
        if ind is not None:
            level += 1
            nl = "\n" + ind * level
            sep = self.item_separator + nl
            out.append("{" + nl)
        else:
            sep = self.item_separator
            out.append("{")
        items = list(o.items())
        if self.sort_keys:
            items.sort(key=_first)
        first = True
        ks = self.key_separator
        for k, v in items:
            k = self._key(k)
            if k is None:
                continue
            if not first:
                out.append(sep)
            first = False
            out.append(self._str(k))
            out.append(ks)
            self._enc(v, out, level, markers)
        if ind is not None:
            out.append("\n" + ind * (level - 1))
        out.append("}")
        if markers is not None:
            del markers[id(o)]


def _first(kv):
    return kv[0]


def _ascii_escape(s):
    out = []
    start = 0
    for i, c in enumerate(s):
        if c > "\x7f":
            out.append(s[start:i])
            o = ord(c)
            if o > 0xFFFF:
                o -= 0x10000
                out.append("\\u%04x\\u%04x" % (0xD800 | (o >> 10), 0xDC00 | (o & 0x3FF)))
            else:
                out.append("\\u%04x" % o)
            start = i + 1
    out.append(s[start:])
    return "".join(out)


def dumps(obj, *, skipkeys=False, ensure_ascii=True, check_circular=True, allow_nan=True, cls=None,
          indent=None, separators=None, default=None, sort_keys=False, **kw):
    if cls is None and indent is None and not sort_keys and not kw and _c._plain(obj):
        # plain data: the C encoder writes what CPython's does (non-ASCII
        # characters occur only inside strings, so escaping them afterwards
        # is ensure_ascii)
        s = _c.dumps(obj) if separators is None else _c.dumps(obj, separators=tuple(separators))
        if ensure_ascii and len(s.encode()) != len(s):
            s = _ascii_escape(s)
        return s
    if cls is None:
        cls = JSONEncoder
    return cls(skipkeys=skipkeys, ensure_ascii=ensure_ascii, check_circular=check_circular,
               allow_nan=allow_nan, indent=indent, separators=separators, default=default,
               sort_keys=sort_keys, **kw).encode(obj)


def dump(obj, fp, **kw):
    fp.write(dumps(obj, **kw))


class JSONDecoder:
    def __init__(self, *, object_hook=None, parse_float=None, parse_int=None, parse_constant=None, strict=True,
                 object_pairs_hook=None):
        self.object_hook = object_hook
        self.parse_float = parse_float
        self.parse_int = parse_int
        self.parse_constant = parse_constant
        self.strict = strict
        self.object_pairs_hook = object_pairs_hook

    def decode(self, s):
        return _Parser(s, self).parse()

    def raw_decode(self, s, idx=0):
        p = _Parser(s, self)
        p.i = idx
        p.ws()
        v = p.value()
        return v, p.i


_WS = " \t\n\r"


class _Parser:
    # Recursive descent with CPython's error messages; used when hooks are
    # given or the C parser rejected the text.
    def __init__(self, s, dec):
        self.s = s
        self.i = 0
        self.n = len(s)
        self.dec = dec

    def err(self, msg, pos=None):
        raise JSONDecodeError(msg, self.s, self.i if pos is None else pos)

    def ws(self):
        s = self.s
        i = self.i
        n = self.n
        while i < n and s[i] in _WS:
            i += 1
        self.i = i

    def parse(self):
        self.ws()
        v = self.value()
        self.ws()
        if self.i != self.n:
            self.err("Extra data")
        return v

    def value(self):
        s = self.s
        i = self.i
        if i >= self.n:
            self.err("Expecting value")
        c = s[i]
        if c == '"':
            self.i = i + 1
            return self.string()
        if c == "{":
            self.i = i + 1
            return self.obj()
        if c == "[":
            self.i = i + 1
            return self.arr()
        if c == "n" and s.startswith("null", i):
            self.i = i + 4
            return None
        if c == "t" and s.startswith("true", i):
            self.i = i + 4
            return True
        if c == "f" and s.startswith("false", i):
            self.i = i + 5
            return False
        for name, val in (("NaN", float("nan")), ("Infinity", float("inf")), ("-Infinity", float("-inf"))):
            if s.startswith(name, i):
                self.i = i + len(name)
                pc = self.dec.parse_constant
                return pc(name) if pc else val
        return self.number()

    def number(self):
        s = self.s
        i = self.i
        n = self.n
        j = i
        if j < n and s[j] == "-":
            j += 1
        if j < n and s[j] == "0":
            j += 1
        elif j < n and "1" <= s[j] <= "9":
            while j < n and s[j].isdigit():
                j += 1
        else:
            self.err("Expecting value")
        isf = False
        if j < n and s[j] == "." and j + 1 < n and s[j + 1].isdigit():
            isf = True
            j += 1
            while j < n and s[j].isdigit():
                j += 1
        if j < n and s[j] in "eE":
            k = j + 1
            if k < n and s[k] in "+-":
                k += 1
            if k < n and s[k].isdigit():
                isf = True
                j = k
                while j < n and s[j].isdigit():
                    j += 1
        text = s[i:j]
        self.i = j
        if isf:
            pf = self.dec.parse_float
            return pf(text) if pf else float(text)
        pi = self.dec.parse_int
        return pi(text) if pi else int(text)

    def string(self):
        s = self.s
        n = self.n
        start = self.i - 1
        out = []
        i = self.i
        while True:
            j = i
            while j < n and s[j] != '"' and s[j] != "\\" and (s[j] >= " " or not self.dec.strict):
                j += 1
            out.append(s[i:j])
            if j >= n:
                self.err("Unterminated string starting at", start)
            c = s[j]
            if c == '"':
                self.i = j + 1
                return "".join(out)
            if c != "\\":
                self.err("Invalid control character at", j)
            if j + 1 >= n:
                self.err("Unterminated string starting at", start)
            e = s[j + 1]
            if e == "u":
                h = s[j + 2:j + 6]
                if len(h) != 4 or not all(x in "0123456789abcdefABCDEF" for x in h):
                    self.err("Invalid \\uXXXX escape", j)
                cp = int(h, 16)
                i = j + 6
                if 0xD800 <= cp <= 0xDBFF and s[i:i + 2] == "\\u":
                    h2 = s[i + 2:i + 6]
                    if len(h2) == 4 and all(x in "0123456789abcdefABCDEF" for x in h2):
                        lo = int(h2, 16)
                        if 0xDC00 <= lo <= 0xDFFF:
                            cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00)
                            i += 6
                out.append(chr(cp))
                continue
            m = {'"': '"', "\\": "\\", "/": "/", "b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t"}.get(e)
            if m is None:
                self.err("Invalid \\escape", j)
            out.append(m)
            i = j + 2

    def obj(self):
        pairs = []
        self.ws()
        s = self.s
        if self.i < self.n and s[self.i] == "}":
            self.i += 1
            return self.make_obj(pairs)
        while True:
            self.ws()
            if self.i >= self.n or s[self.i] != '"':
                self.err("Expecting property name enclosed in double quotes")
            self.i += 1
            k = self.string()
            self.ws()
            if self.i >= self.n or s[self.i] != ":":
                self.err("Expecting ':' delimiter")
            self.i += 1
            self.ws()
            v = self.value()
            pairs.append((k, v))
            self.ws()
            if self.i < self.n and s[self.i] == ",":
                self.i += 1
                continue
            if self.i < self.n and s[self.i] == "}":
                self.i += 1
                return self.make_obj(pairs)
            self.err("Expecting ',' delimiter")

    def make_obj(self, pairs):
        d = self.dec
        if d.object_pairs_hook is not None:
            return d.object_pairs_hook(pairs)
        r = dict(pairs)
        if d.object_hook is not None:
            return d.object_hook(r)
        return r

    def arr(self):
        out = []
        s = self.s
        self.ws()
        if self.i < self.n and s[self.i] == "]":
            self.i += 1
            return out
        while True:
            self.ws()
            out.append(self.value())
            self.ws()
            if self.i < self.n and s[self.i] == ",":
                self.i += 1
                continue
            if self.i < self.n and s[self.i] == "]":
                self.i += 1
                return out
            self.err("Expecting ',' delimiter")


_default_decoder = JSONDecoder()


def loads(s, *, cls=None, object_hook=None, parse_float=None, parse_int=None, parse_constant=None,
          object_pairs_hook=None, **kw):
    if isinstance(s, (bytes, bytearray)):
        s = bytes(s).decode()
    elif not isinstance(s, str):
        raise TypeError("the JSON object must be str, bytes or bytearray, not " + type(s).__name__)
    # MicroPython's C parser accepts malformed text (trailing commas, a
    # missing ':' or ']'): it is used only for text _valid() accepts; the
    # rest is parsed here, with CPython's errors
    if cls is None and object_hook is None and parse_float is None and parse_int is None \
            and parse_constant is None and object_pairs_hook is None and not kw:
        # the C parser makes two characters of a surrogate pair's escapes
        if _c._valid(s) and "NaN" not in s and "Infinity" not in s and "\\ud" not in s and "\\uD" not in s:
            return _c.loads(s)
        dec = _default_decoder
    else:
        if cls is None:
            cls = JSONDecoder
        dec = cls(object_hook=object_hook, parse_float=parse_float, parse_int=parse_int,
                  parse_constant=parse_constant, object_pairs_hook=object_pairs_hook, **kw)
    return dec.decode(s)


def load(fp, **kw):
    return loads(fp.read(), **kw)
