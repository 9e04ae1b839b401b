# csv for mpwasm: reader, writer, DictReader, DictWriter, dialects and
# Sniffer basics, as CPython 3.11's. Written for mpwasm.

__all__ = ["QUOTE_MINIMAL", "QUOTE_ALL", "QUOTE_NONNUMERIC", "QUOTE_NONE", "Error", "Dialect", "excel",
           "excel_tab", "unix_dialect", "field_size_limit", "reader", "writer", "register_dialect",
           "get_dialect", "list_dialects", "unregister_dialect", "DictReader", "DictWriter", "Sniffer"]

QUOTE_MINIMAL = 0
QUOTE_ALL = 1
QUOTE_NONNUMERIC = 2
QUOTE_NONE = 3


class Error(Exception):
    pass


class Dialect:
    delimiter = ","
    quotechar = '"'
    escapechar = None
    doublequote = True
    skipinitialspace = False
    lineterminator = "\r\n"
    quoting = QUOTE_MINIMAL
    strict = False


class excel(Dialect):
    pass


class excel_tab(excel):
    delimiter = "\t"


class unix_dialect(Dialect):
    lineterminator = "\n"
    quoting = QUOTE_ALL


_dialects = {"excel": excel, "excel-tab": excel_tab, "unix": unix_dialect}
_limit = 131072


def register_dialect(name, dialect=None, **fmtparams):
    _dialects[name] = _Params(dialect, fmtparams)


def unregister_dialect(name):
    if name not in _dialects:
        raise Error("unknown dialect")
    del _dialects[name]


def get_dialect(name):
    try:
        return _dialects[name]
    except KeyError:
        raise Error("unknown dialect")


def list_dialects():
    return list(_dialects)


def field_size_limit(new_limit=None):
    global _limit
    old = _limit
    if new_limit is not None:
        _limit = new_limit
    return old


class _Params:
    def __init__(self, dialect, kw):
        if isinstance(dialect, str):
            dialect = get_dialect(dialect)
        if dialect is None:
            dialect = excel
        for name in ("delimiter", "quotechar", "escapechar", "doublequote", "skipinitialspace",
                     "lineterminator", "quoting", "strict"):
            setattr(self, name, kw[name] if name in kw else getattr(dialect, name))
        for k in kw:
            if not hasattr(Dialect, k):
                raise TypeError("'" + k + "' is an invalid keyword argument for this function")
        if not isinstance(self.delimiter, str) or len(self.delimiter) != 1:
            raise TypeError('"delimiter" must be a 1-character string')
        if self.quotechar is None and self.quoting != QUOTE_NONE:
            raise TypeError("quotechar must be set if quoting enabled")


class _Reader:
    def __init__(self, f, dialect, kw):
        self._it = iter(f)
        self.dialect = _Params(dialect, kw)
        self.line_num = 0

    def __iter__(self):
        return self

    def __next__(self):
        d = self.dialect
        delim = d.delimiter
        q = d.quotechar if d.quoting != QUOTE_NONE else None
        esc = d.escapechar
        fields = []
        field = []
        state = 0  # 0 start of field, 1 in unquoted, 2 in quoted, 3 quote in quoted
        quoted = False
        while True:
            try:
                line = next(self._it)
            except StopIteration:
                if state == 2:
                    if d.strict:
                        raise Error("unexpected end of data")
                    fields.append("".join(field))
                    return fields
                if fields or field or state in (1, 3):
                    fields.append(_conv("".join(field), quoted, d))
                    return fields
                raise
            if not isinstance(line, str):
                raise Error("iterator should return strings, not " + type(line).__name__
                            + " (the file should be opened in text mode)")
            self.line_num += 1
            i = 0
            n = len(line)
            while i < n:
                c = line[i]
                if state == 2:
                    if esc is not None and c == esc and i + 1 < n:
                        field.append(line[i + 1])
                        i += 2
                        continue
                    if c == q:
                        state = 3
                    else:
                        field.append(c)
                    i += 1
                    continue
                if state == 3:
                    if c == q and d.doublequote:
                        field.append(q)
                        state = 2
                        i += 1
                        continue
                    if c == delim:
                        fields.append(_conv("".join(field), True, d))
                        field = []
                        state = 0
                        quoted = False
                        i += 1
                        continue
                    if c == "\n" or c == "\r":
                        fields.append(_conv("".join(field), True, d))
                        return fields
                    if d.strict:
                        raise Error("'" + delim + "' expected after '" + q + "'")
                    field.append(c)
                    state = 1
                    i += 1
                    continue
                if c == "\n" or c == "\r":
                    if state == 0 and not fields and not field:
                        return []
                    fields.append(_conv("".join(field), quoted, d))
                    return fields
                if state == 0:
                    if c == " " and d.skipinitialspace:
                        i += 1
                        continue
                    if c == q:
                        state = 2
                        quoted = True
                        i += 1
                        continue
                    state = 1
                if c == delim:
                    fields.append(_conv("".join(field), quoted, d))
                    field = []
                    state = 0
                    quoted = False
                elif esc is not None and c == esc and i + 1 < n:
                    field.append(line[i + 1])
                    i += 1
                else:
                    field.append(c)
                i += 1
            if state == 2:
                # a quoted field goes on over the line end (kept in field)
                continue
            # a line without a terminator (the last one)
            if state == 0 and not fields and not field:
                return []
            fields.append(_conv("".join(field), quoted or state == 3, d))
            return fields


def _conv(s, quoted, d):
    if d.quoting == QUOTE_NONNUMERIC and not quoted:
        if s == "":
            return s
        return float(s)
    return s


def reader(csvfile, dialect="excel", **fmtparams):
    return _Reader(csvfile, dialect, fmtparams)


class _Writer:
    def __init__(self, f, dialect, kw):
        self._f = f
        self.dialect = _Params(dialect, kw)

    def _field(self, v):
        d = self.dialect
        if v is None:
            s = ""
        elif isinstance(v, float):
            s = repr(v)
        else:
            s = str(v)
        q = d.quotechar
        if d.quoting == QUOTE_ALL:
            need = True
        elif d.quoting == QUOTE_NONNUMERIC:
            need = not isinstance(v, (int, float)) or isinstance(v, bool)
        elif d.quoting == QUOTE_NONE:
            need = False
        else:
            need = s == "" and False
            if not need:
                for c in s:
                    if c == d.delimiter or c == q or c == "\n" or c == "\r" or (c == " " and False):
                        need = True
                        break
                if s and (s[0] == " " and d.skipinitialspace):
                    need = True
        if d.quoting == QUOTE_NONE:
            esc = d.escapechar
            out = []
            for c in s:
                if c == d.delimiter or c == q or c == "\n" or c == "\r" or (esc is not None and c == esc):
                    if esc is None:
                        raise Error("need to escape, but no escapechar set")
                    out.append(esc)
                out.append(c)
            return "".join(out)
        if q is not None and q in s:
            if d.doublequote:
                s = s.replace(q, q + q)
            elif d.escapechar is not None:
                s = s.replace(q, d.escapechar + q)
            else:
                raise Error("need to escape, but no escapechar set")
        if need:
            return q + s + q
        return s

    def writerow(self, row):
        d = self.dialect
        try:
            items = list(row)
        except TypeError:
            raise Error("iterable expected, not " + type(row).__name__)
        if len(items) == 1 and (items[0] is None or items[0] == "") and d.quoting != QUOTE_NONE:
            line = d.quotechar + d.quotechar
        else:
            line = d.delimiter.join(self._field(v) for v in items)
        return self._f.write(line + d.lineterminator)

    def writerows(self, rows):
        for row in rows:
            self.writerow(row)


def writer(csvfile, dialect="excel", **fmtparams):
    return _Writer(csvfile, dialect, fmtparams)


class DictReader:
    def __init__(self, f, fieldnames=None, restkey=None, restval=None, dialect="excel", *args, **kwds):
        self._fieldnames = fieldnames
        self.restkey = restkey
        self.restval = restval
        self.reader = reader(f, dialect, *args, **kwds)
        self.dialect = dialect
        self.line_num = 0

    def __iter__(self):
        return self

    @property
    def fieldnames(self):
        if self._fieldnames is None:
            try:
                self._fieldnames = next(self.reader)
            except StopIteration:
                pass
        self.line_num = self.reader.line_num
        return self._fieldnames

    @fieldnames.setter
    def fieldnames(self, value):
        self._fieldnames = value

    def __next__(self):
        if self.line_num == 0:
            self.fieldnames
        row = next(self.reader)
        self.line_num = self.reader.line_num
        while row == []:
            row = next(self.reader)
        names = self.fieldnames
        d = dict(zip(names, row))
        lf = len(names)
        lr = len(row)
        if lf < lr:
            d[self.restkey] = row[lf:]
        elif lf > lr:
            for key in names[lr:]:
                d[key] = self.restval
        return d


class DictWriter:
    def __init__(self, f, fieldnames, restval="", extrasaction="raise", dialect="excel", *args, **kwds):
        self.fieldnames = list(fieldnames)
        self.restval = restval
        if extrasaction.lower() not in ("raise", "ignore"):
            raise ValueError("extrasaction (" + extrasaction + ") must be 'raise' or 'ignore'")
        self.extrasaction = extrasaction
        self.writer = writer(f, dialect, *args, **kwds)

    def writeheader(self):
        return self.writer.writerow(self.fieldnames)

    def _dict_to_list(self, rowdict):
        if self.extrasaction == "raise":
            wrong = [k for k in rowdict if k not in self.fieldnames]
            if wrong:
                raise ValueError("dict contains fields not in fieldnames: " + ", ".join([repr(x) for x in wrong]))
        return [rowdict.get(key, self.restval) for key in self.fieldnames]

    def writerow(self, rowdict):
        return self.writer.writerow(self._dict_to_list(rowdict))

    def writerows(self, rowdicts):
        for r in rowdicts:
            self.writerow(r)


class Sniffer:
    def sniff(self, sample, delimiters=None):
        cands = delimiters or ",;\t|:"
        lines = [ln for ln in sample.split("\n") if ln.strip()]
        best = None
        for c in cands:
            counts = [ln.count(c) for ln in lines]
            if counts and counts[0] > 0 and all(x == counts[0] for x in counts):
                best = c
                break
        if best is None:
            raise Error("Could not determine delimiter")

        class sniffed(Dialect):
            pass

        sniffed.delimiter = best
        sniffed.lineterminator = "\r\n"
        sniffed.quoting = QUOTE_MINIMAL
        return sniffed

    def has_header(self, sample):
        rows = list(reader(sample.split("\n")))
        rows = [r for r in rows if r]
        if len(rows) < 2:
            return False
        header = rows[0]
        for i, h in enumerate(header):
            try:
                float(h)
                return False
            except ValueError:
                pass
        for r in rows[1:]:
            for v in r:
                try:
                    float(v)
                    return True
                except ValueError:
                    pass
        return False
