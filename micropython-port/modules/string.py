# string for mpwasm: the constants, capwords, Template and Formatter as
# CPython 3.11's. Written for mpwasm.

whitespace = " \t\n\r\x0b\x0c"
ascii_lowercase = "abcdefghijklmnopqrstuvwxyz"
ascii_uppercase = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
ascii_letters = ascii_lowercase + ascii_uppercase
digits = "0123456789"
hexdigits = digits + "abcdef" + "ABCDEF"
octdigits = "01234567"
punctuation = r"""!"#$%&'()*+,-./:;<=>?@[\]^_`{|}~"""
printable = digits + ascii_letters + punctuation + whitespace


def capwords(s, sep=None):
    parts = s.split(sep) if sep is not None else s.split()
    out = []
    for p in parts:
        out.append(p[:1].upper() + p[1:].lower())
    return (sep if sep is not None else " ").join(out)


def _is_ident_start(c):
    return c == "_" or ("a" <= c <= "z") or ("A" <= c <= "Z") or c > "\x7f"


def _is_ident_char(c):
    return _is_ident_start(c) or ("0" <= c <= "9")


class Template:
    delimiter = "$"
    braceidpattern = None
    idpattern = None
    flags = None

    def __init__(self, template):
        self.template = template

    def _scan(self, mapping, safe):
        t = self.template
        delim = self.delimiter
        dl = len(delim)
        out = []
        i = 0
        n = len(t)
        while i < n:
            j = t.find(delim, i)
            if j < 0:
                out.append(t[i:])
                break
            out.append(t[i:j])
            k = j + dl
            if t[k:k + dl] == delim:
                out.append(delim)
                i = k + dl
                continue
            if k < n and t[k] == "{":
                e = t.find("}", k)
                name = t[k + 1:e] if e > 0 else ""
                if e > 0 and name and _is_ident_start(name[0]) and all(_is_ident_char(c) for c in name):
                    if name in mapping:
                        out.append(str(mapping[name]))
                    elif safe:
                        out.append(t[j:e + 1])
                    else:
                        raise KeyError(name)
                    i = e + 1
                    continue
                if safe:
                    out.append(delim)
                    i = k
                    continue
                self._invalid(j)
            m = k
            if m < n and _is_ident_start(t[m]):
                m += 1
                while m < n and _is_ident_char(t[m]):
                    m += 1
                name = t[k:m]
                if name in mapping:
                    out.append(str(mapping[name]))
                elif safe:
                    out.append(t[j:m])
                else:
                    raise KeyError(name)
                i = m
                continue
            if safe:
                out.append(delim)
                i = k
                continue
            self._invalid(j)
        return "".join(out)

    def _invalid(self, i):
        lines = self.template[:i].split("\n")
        colno = i - len("\n".join(lines[:-1])) - (1 if len(lines) > 1 else 0) + 1
        raise ValueError("Invalid placeholder in string: line " + str(len(lines)) + ", col " + str(colno))

    def substitute(self, mapping=None, **kws):
        if mapping is None:
            mapping = kws
        elif kws:
            m = dict(mapping)
            m.update(kws)
            mapping = m
        return self._scan(mapping, False)

    def safe_substitute(self, mapping=None, **kws):
        if mapping is None:
            mapping = kws
        elif kws:
            m = dict(mapping)
            m.update(kws)
            mapping = m
        return self._scan(mapping, True)

    def get_identifiers(self):
        ids = []

        class _Rec(dict):
            def __contains__(self, k):
                if k not in ids:
                    ids.append(k)
                return True

            def __getitem__(self, k):
                return ""

        self._scan(_Rec(), True)
        return ids

    def is_valid(self):
        try:
            self._scan({}, False)
        except ValueError:
            return False
        except KeyError:
            pass
        return True


class Formatter:
    def format(self, format_string, *args, **kwargs):
        return self.vformat(format_string, args, kwargs)

    def vformat(self, format_string, args, kwargs):
        return format_string.format(*args, **kwargs)

    def parse(self, format_string):
        # (literal_text, field_name, format_spec, conversion), as str.format
        # splits the string
        out = []
        lit = []
        i = 0
        n = len(format_string)
        while i < n:
            c = format_string[i]
            if c == "{":
                if i + 1 < n and format_string[i + 1] == "{":
                    lit.append("{")
                    out.append(("".join(lit), None, None, None))
                    lit = []
                    i += 2
                    continue
                depth = 1
                j = i + 1
                while j < n and depth:
                    if format_string[j] == "{":
                        depth += 1
                    elif format_string[j] == "}":
                        depth -= 1
                    j += 1
                if depth:
                    raise ValueError("expected '}' before end of string")
                field = format_string[i + 1:j - 1]
                conv = None
                spec = ""
                k = field.find(":")
                if k >= 0:
                    field, spec = field[:k], field[k + 1:]
                k = field.find("!")
                if k >= 0:
                    field, conv = field[:k], field[k + 1:]
                out.append(("".join(lit), field, spec, conv))
                lit = []
                i = j
                continue
            if c == "}":
                if i + 1 < n and format_string[i + 1] == "}":
                    lit.append("}")
                    out.append(("".join(lit), None, None, None))
                    lit = []
                    i += 2
                    continue
                raise ValueError("Single '}' encountered in format string")
            lit.append(c)
            i += 1
        if lit:
            out.append(("".join(lit), None, None, None))
        return iter(out)

    def get_field(self, field_name, args, kwargs):
        first = field_name.split(".")[0].split("[")[0]
        key = int(first) if first.isdigit() else first
        obj = self.get_value(key, args, kwargs)
        return obj, first

    def convert_field(self, value, conversion):
        if conversion is None:
            return value
        if conversion == "s":
            return str(value)
        if conversion == "r":
            return repr(value)
        if conversion == "a":
            return ascii(value)
        raise ValueError("Unknown conversion specifier " + conversion)

    def check_unused_args(self, used_args, args, kwargs):
        pass

    def get_value(self, key, args, kwargs):
        if isinstance(key, int):
            return args[key]
        return kwargs[key]

    def format_field(self, value, format_spec):
        return format(value, format_spec)
