# pprint for mpwasm: pprint, pformat, pp, saferepr, isreadable,
# isrecursive and PrettyPrinter, laid out as CPython 3.11's (dicts sorted by
# key unless sort_dicts=False, containers split one item per line when they
# do not fit the width). Written for mpwasm.

import sys as _sys

__all__ = ["pprint", "pformat", "isreadable", "isrecursive", "saferepr", "PrettyPrinter", "pp"]


def pprint(object, stream=None, indent=1, width=80, depth=None, *, compact=False, sort_dicts=True,
           underscore_numbers=False):
    PrettyPrinter(stream=stream, indent=indent, width=width, depth=depth, compact=compact,
                  sort_dicts=sort_dicts, underscore_numbers=underscore_numbers).pprint(object)


def pformat(object, indent=1, width=80, depth=None, *, compact=False, sort_dicts=True, underscore_numbers=False):
    return PrettyPrinter(indent=indent, width=width, depth=depth, compact=compact, sort_dicts=sort_dicts,
                         underscore_numbers=underscore_numbers).pformat(object)


def pp(object, *args, sort_dicts=False, **kwargs):
    pprint(object, *args, sort_dicts=sort_dicts, **kwargs)


def saferepr(object):
    return PrettyPrinter()._safe_repr(object, {}, None, 0)[0]


def isreadable(object):
    return PrettyPrinter()._safe_repr(object, {}, None, 0)[1]


def isrecursive(object):
    return PrettyPrinter()._safe_repr(object, {}, None, 0)[2]


class _SafeKey:
    __slots__ = ["obj"]

    def __init__(self, obj):
        self.obj = obj

    def __lt__(self, other):
        try:
            return self.obj < other.obj
        except TypeError:
            return (str(type(self.obj)), id(self.obj)) < (str(type(other.obj)), id(other.obj))

    def __gt__(self, other):
        return other.__lt__(self)

    def __eq__(self, other):
        try:
            return self.obj == other.obj
        except TypeError:
            return False


def _safe_tuple(t):
    return _SafeKey(t[0]), _SafeKey(t[1])


class PrettyPrinter:
    def __init__(self, indent=1, width=80, depth=None, stream=None, *, compact=False, sort_dicts=True,
                 underscore_numbers=False):
        indent = int(indent)
        width = int(width)
        if indent < 0:
            raise ValueError("indent must be >= 0")
        if depth is not None and depth <= 0:
            raise ValueError("depth must be > 0")
        if not width:
            raise ValueError("width must be != 0")
        self._depth = depth
        self._indent_per_level = indent
        self._width = width
        self._stream = stream
        self._compact = bool(compact)
        self._sort_dicts = sort_dicts
        self._underscore_numbers = underscore_numbers

    def pprint(self, object):
        s = self.pformat(object) + "\n"
        if self._stream is not None:
            self._stream.write(s)
        else:
            print(s, end="")

    def pformat(self, object):
        out = []
        self._format(object, out, 0, 0, {}, 0)
        return "".join(out)

    def isrecursive(self, object):
        return self._safe_repr(object, {}, None, 0)[2]

    def isreadable(self, object):
        s, readable, recursive = self._safe_repr(object, {}, None, 0)
        return readable and not recursive

    def _format(self, object, stream, indent, allowance, context, level):
        objid = id(object)
        if objid in context:
            stream.append("<Recursion on " + type(object).__name__ + " with id=" + str(objid) + ">")
            return
        rep = self._repr(object, context, level)
        max_width = self._width - indent - allowance
        if len(rep) > max_width:
            t = type(object)
            fn = None
            if t is dict:
                fn = self._pprint_dict
            elif t is list:
                fn = self._pprint_list
            elif t is tuple:
                fn = self._pprint_tuple
            elif t is set or t is frozenset:
                fn = self._pprint_set
            elif t is str:
                fn = self._pprint_str
            if fn is not None:
                context[objid] = 1
                fn(object, stream, indent, allowance, context, level + 1)
                del context[objid]
                return
        stream.append(rep)

    def _pprint_dict(self, object, stream, indent, allowance, context, level):
        stream.append("{")
        if self._indent_per_level > 1:
            stream.append((self._indent_per_level - 1) * " ")
        length = len(object)
        if length:
            if self._sort_dicts:
                items = sorted(object.items(), key=_safe_tuple)
            else:
                items = list(object.items())
            self._format_dict_items(items, stream, indent, allowance + 1, context, level)
        stream.append("}")

    def _format_dict_items(self, items, stream, indent, allowance, context, level):
        indent += self._indent_per_level
        delimnl = ",\n" + " " * indent
        last_index = len(items) - 1
        for i, (key, ent) in enumerate(items):
            last = i == last_index
            rep = self._repr(key, context, level)
            stream.append(rep)
            stream.append(": ")
            self._format(ent, stream, indent + len(rep) + 2, allowance if last else 1, context, level)
            if not last:
                stream.append(delimnl)

    def _pprint_list(self, object, stream, indent, allowance, context, level):
        stream.append("[")
        self._format_items(object, stream, indent, allowance + 1, context, level)
        stream.append("]")

    def _pprint_tuple(self, object, stream, indent, allowance, context, level):
        stream.append("(")
        endchar = ",)" if len(object) == 1 else ")"
        self._format_items(object, stream, indent, allowance + len(endchar), context, level)
        stream.append(endchar)

    def _pprint_set(self, object, stream, indent, allowance, context, level):
        if not len(object):
            stream.append(repr(object))
            return
        typ = type(object)
        if typ is set:
            stream.append("{")
            endchar = "}"
        else:
            stream.append(typ.__name__ + "({")
            endchar = "})"
            indent += len(typ.__name__) + 1
        object = sorted(object, key=_SafeKey)
        self._format_items(object, stream, indent, allowance + len(endchar), context, level)
        stream.append(endchar)

    def _pprint_str(self, object, stream, indent, allowance, context, level):
        if not len(object):
            stream.append(repr(object))
            return
        chunks = []
        lines = object.split("\n")
        lines = [ln + "\n" for ln in lines[:-1]] + [lines[-1]]
        if level == 1:
            indent += 1
            allowance += 1
        max_width1 = max_width = self._width - indent
        for i, line in enumerate(lines):
            rep = repr(line)
            if i == len(lines) - 1:
                max_width1 -= allowance
            if len(rep) <= max_width1:
                chunks.append(rep)
            else:
                parts = _split_words(line)
                current = ""
                for j, part in enumerate(parts):
                    candidate = current + part
                    if j == len(parts) - 1 and i == len(lines) - 1:
                        max_width -= allowance
                    if len(repr(candidate)) > max_width:
                        if current:
                            chunks.append(repr(current))
                        current = part
                    else:
                        current = candidate
                if current:
                    chunks.append(repr(current))
        if len(chunks) == 1:
            stream.append(rep)
            return
        if level == 1:
            stream.append("(")
        for i, rep in enumerate(chunks):
            if i > 0:
                stream.append("\n" + " " * indent)
            stream.append(rep)
        if level == 1:
            stream.append(")")

    def _format_items(self, items, stream, indent, allowance, context, level):
        indent += self._indent_per_level
        if self._indent_per_level > 1:
            stream.append((self._indent_per_level - 1) * " ")
        delimnl = ",\n" + " " * indent
        delim = ""
        width = max_width = self._width - indent + 1
        it = iter(items)
        try:
            next_ent = next(it)
        except StopIteration:
            return
        last = False
        while not last:
            ent = next_ent
            try:
                next_ent = next(it)
            except StopIteration:
                last = True
                max_width -= allowance
                width -= allowance
            if self._compact:
                rep = self._repr(ent, context, level)
                w = len(rep) + 2
                if width < w:
                    width = max_width
                    if delim:
                        delim = delimnl
                if width >= w:
                    width -= w
                    stream.append(delim)
                    delim = ", "
                    stream.append(rep)
                    continue
            stream.append(delim)
            delim = delimnl
            self._format(ent, stream, indent, allowance if last else 1, context, level)

    def _repr(self, object, context, level):
        return self._safe_repr(object, dict(context), self._depth, level)[0]

    def format(self, object, context, maxlevels, level):
        return self._safe_repr(object, context, maxlevels, level)

    def _safe_repr(self, object, context, maxlevels, level):
        typ = type(object)
        if typ in (str, int, float, bool, type(None), bytes, complex):
            if typ is int and self._underscore_numbers:
                return _under(object), True, False
            return repr(object), True, False
        if typ is dict:
            if not object:
                return "{}", True, False
            objid = id(object)
            if maxlevels and level >= maxlevels:
                return "{...}", False, objid in context
            if objid in context:
                return "<Recursion on dict with id=" + str(objid) + ">", False, True
            context[objid] = 1
            readable = True
            recursive = False
            components = []
            level += 1
            items = sorted(object.items(), key=_safe_tuple) if self._sort_dicts else list(object.items())
            for k, v in items:
                krepr, kreadable, krecur = self._safe_repr(k, context, maxlevels, level)
                vrepr, vreadable, vrecur = self._safe_repr(v, context, maxlevels, level)
                components.append(krepr + ": " + vrepr)
                readable = readable and kreadable and vreadable
                if krecur or vrecur:
                    recursive = True
            del context[objid]
            return "{" + ", ".join(components) + "}", readable, recursive
        if typ is list or typ is tuple:
            if typ is list:
                if not object:
                    return "[]", True, False
                fmt = "[%s]"
            elif len(object) == 1:
                fmt = "(%s,)"
            else:
                if not object:
                    return "()", True, False
                fmt = "(%s)"
            objid = id(object)
            if maxlevels and level >= maxlevels:
                return fmt % "...", False, objid in context
            if objid in context:
                return "<Recursion on " + typ.__name__ + " with id=" + str(objid) + ">", False, True
            context[objid] = 1
            readable = True
            recursive = False
            components = []
            level += 1
            for o in object:
                orepr, oreadable, orecur = self._safe_repr(o, context, maxlevels, level)
                components.append(orepr)
                if not oreadable:
                    readable = False
                if orecur:
                    recursive = True
            del context[objid]
            return fmt % ", ".join(components), readable, recursive
        if typ is set or typ is frozenset:
            if not object:
                return repr(object), True, False
            parts = [self._safe_repr(o, context, maxlevels, level + 1)[0] for o in sorted(object, key=_SafeKey)]
            if typ is set:
                return "{" + ", ".join(parts) + "}", True, False
            return "frozenset({" + ", ".join(parts) + "})", True, False
        rep = repr(object)
        return rep, bool(rep) and not rep.startswith("<"), False


def _under(n):
    s = str(abs(n))
    groups = []
    while len(s) > 3:
        groups.insert(0, s[-3:])
        s = s[:-3]
    groups.insert(0, s)
    return ("-" if n < 0 else "") + "_".join(groups)


def _split_words(line):
    # words with the whitespace after them, as CPython's re.findall(r'\S*\s*')
    parts = []
    i = 0
    n = len(line)
    while i < n:
        j = i
        while j < n and not line[j].isspace():
            j += 1
        while j < n and line[j].isspace():
            j += 1
        parts.append(line[i:j])
        i = j
    return parts
