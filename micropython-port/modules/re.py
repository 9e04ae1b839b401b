# re for mpwasm: CPython 3.11's regular expressions (syntax, flags, Pattern
# and Match objects, findall/finditer/sub/subn/split/escape, re.error with
# CPython's messages). The parser and compiler are here; they compile a
# pattern to a program of int32 words that the C engine _re
# (micropython-port/modre_port.c) runs. Written for mpwasm.

import _re
from array import array

__all__ = ["compile", "search", "match", "fullmatch", "split", "findall", "finditer", "sub",
           "subn", "escape", "purge", "error", "Pattern", "Match", "A", "I", "L", "M", "S", "X",
           "U", "ASCII", "IGNORECASE", "LOCALE", "MULTILINE", "DOTALL", "VERBOSE", "UNICODE",
           "NOFLAG"]

NOFLAG = 0
I = IGNORECASE = 2
L = LOCALE = 4
M = MULTILINE = 8
S = DOTALL = 16
U = UNICODE = 32
X = VERBOSE = 64
A = ASCII = 256

_FLAG_NAMES = ((I, "re.IGNORECASE"), (L, "re.LOCALE"), (M, "re.MULTILINE"), (S, "re.DOTALL"),
               (U, "re.UNICODE"), (X, "re.VERBOSE"), (A, "re.ASCII"))
_INLINE = {"i": I, "L": L, "m": M, "s": S, "x": X, "a": A, "u": U}

# opcodes of modre_port.c
(_MATCH, _CHAR, _CHARI, _ANY, _ANYALL, _CLASS, _BOL, _MBOL, _EOL, _MEOL, _AEND, _WORDB, _NWORDB,
 _SPLIT, _JMP, _SAVE, _CHKPROG, _BACKREF, _LOOK, _REPEAT, _GROUPREF_EXISTS) = range(21)
_CAT_DIGIT, _CAT_NDIGIT, _CAT_WORD, _CAT_NWORD, _CAT_SPACE, _CAT_NSPACE = range(6)
_CF_NEG, _CF_ICASE, _CF_ASCII = 1, 2, 4
_M_ANCHOR, _M_FULL, _M_ADVANCE = 1, 2, 4
_MAXREPEAT = 4294967295
_MAXWORDS = 1 << 20


class error(Exception):
    def __init__(self, msg, pattern=None, pos=None):
        self.msg = msg
        self.pattern = pattern
        self.pos = pos
        self.lineno = self.colno = None
        if pattern is not None and pos is not None:
            msg = "%s at position %d" % (msg, pos)
            nl = "\n" if isinstance(pattern, str) else b"\n"
            if nl in pattern:
                self.lineno = pattern.count(nl, 0, pos) + 1
                self.colno = pos - pattern.rfind(nl, 0, pos)
                msg = "%s (line %d, column %d)" % (msg, self.lineno, self.colno)
        super().__init__(msg)


# --- parser -----------------------------------------------------------------
# Nodes: ("lit", cp, icase), ("any", dotall), ("class", neg, items, icase,
# ascii), ("at", op, arg), ("group", index, node), ("alt", [nodes]),
# ("seq", [nodes]), ("rep", min, max, greedy, node), ("bref", group, icase),
# ("look", kind, node). Class items: (0, lo, hi) or (1, category).

_ESCAPES = {"a": 7, "b": 8, "f": 12, "n": 10, "r": 13, "t": 9, "v": 11, "\\": 92}
_CATS = {"d": _CAT_DIGIT, "D": _CAT_NDIGIT, "w": _CAT_WORD, "W": _CAT_NWORD, "s": _CAT_SPACE,
         "S": _CAT_NSPACE}
_DIGITS = "0123456789"
_HEX = "0123456789abcdefABCDEF"
_OCT = "01234567"
_ASCII_LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
_WHITESPACE = " \t\n\r\v\f"


class _Parser:
    def __init__(self, text, orig, flags, is_str):
        self.s = text
        self.orig = orig
        self.i = 0
        self.n = len(text)
        self.flags = flags
        self.is_str = is_str
        self.ngroups = 0
        self.names = {}
        self.open = []  # groups not yet closed (for backreferences)
        self.parent = [0]  # enclosing group of each group
        self.lookbehind = 0

    def err(self, msg, pos=None):
        raise error(msg, self.orig, self.i if pos is None else pos)

    def peek(self):
        return self.s[self.i] if self.i < self.n else ""

    def skip_verbose(self, flags):
        if not flags & X:
            return
        s, n = self.s, self.n
        while self.i < n:
            c = s[self.i]
            if c in _WHITESPACE:
                self.i += 1
            elif c == "#":
                while self.i < n and s[self.i] != "\n":
                    self.i += 1
            else:
                return

    def parse(self):
        # leading global inline flags, e.g. (?i) or (?x), apply to it all
        s = self.s
        while True:
            self.skip_verbose(self.flags)
            if s[self.i:self.i + 2] != "(?":
                break
            j = self.i + 2
            on = 0
            while j < self.n and s[j] in _INLINE:
                on |= _INLINE[s[j]]
                j += 1
            if j == self.i + 2 or j >= self.n or s[j] != ")":
                break
            self.flags |= on
            self.i = j + 1
        node = self.alternation(self.flags, 0)
        if self.i < self.n:
            if self.s[self.i] == ")":
                self.err("unbalanced parenthesis")
            self.err("unexpected end of pattern")
        return node

    def alternation(self, flags, group):
        alts = [self.sequence(flags, group)]
        while self.peek() == "|":
            self.i += 1
            alts.append(self.sequence(flags, group))
        return alts[0] if len(alts) == 1 else ("alt", alts)

    def sequence(self, flags, group):
        items = []
        s = self.s
        while True:
            self.skip_verbose(flags)
            if self.i >= self.n:
                break
            c = s[self.i]
            if c == "|" or c == ")":
                break
            start = self.i
            atom = self.atom(flags, group)
            atom = self.quantifiers(atom, flags, start)
            items.append(atom)
        return items[0] if len(items) == 1 else ("seq", items)

    def quantifiers(self, atom, flags, start):
        s = self.s
        while True:
            self.skip_verbose(flags)
            if self.i >= self.n:
                return atom
            c = s[self.i]
            qpos = self.i
            if c == "*":
                lo, hi = 0, _MAXREPEAT
                self.i += 1
            elif c == "+":
                lo, hi = 1, _MAXREPEAT
                self.i += 1
            elif c == "?":
                lo, hi = 0, 1
                self.i += 1
            elif c == "{":
                r = self.counts()
                if r is None:
                    return atom
                lo, hi = r
            else:
                return atom
            if atom[0] == "at" or atom[0] == "look" and atom[1] != 4 or atom[0] == "empty":
                self.err("nothing to repeat", start)
            if atom[0] == "rep" and atom[5]:
                self.err("multiple repeat", qpos)
            greedy, possessive = True, False
            if self.peek() == "?":
                greedy = False
                self.i += 1
            elif self.peek() == "+":
                possessive = True
                self.i += 1
            atom = ("rep", lo, hi, greedy, atom, True)
            if possessive:
                atom = ("look", 4, atom)

    def counts(self):
        # {m,n}: a literal "{" where it is not a valid count
        s, j = self.s, self.i + 1
        k = j
        while k < self.n and s[k] in _DIGITS:
            k += 1
        lo_s = s[j:k]
        hi_s = None
        if k < self.n and s[k] == ",":
            m = k + 1
            while m < self.n and s[m] in _DIGITS:
                m += 1
            hi_s = s[k + 1:m]
            k = m
        if k >= self.n or s[k] != "}":
            return None
        if hi_s is None:
            if not lo_s:
                return None
            lo = hi = int(lo_s)
        else:
            lo = int(lo_s) if lo_s else 0
            hi = int(hi_s) if hi_s else _MAXREPEAT
        if lo >= _MAXREPEAT or hi > _MAXREPEAT:
            raise OverflowError("the repetition number is too large")
        if hi < lo:
            self.err("min repeat greater than max repeat", j)
        self.i = k + 1
        return lo, hi

    def lit(self, cp, flags):
        return ("lit", cp, bool(flags & I))

    def atom(self, flags, group):
        s = self.s
        c = s[self.i]
        start = self.i
        self.i += 1
        if c == ".":
            return ("any", bool(flags & S))
        if c == "^":
            return ("at", _MBOL if flags & M else _BOL, 0)
        if c == "$":
            return ("at", _MEOL if flags & M else _EOL, 0)
        if c in "*+?":
            self.err("nothing to repeat", start)
        if c == "{":
            self.i = start
            if self.counts() is not None:
                self.err("nothing to repeat", start)
            self.i = start + 1
            return self.lit(ord(c), flags)
        if c == "[":
            return self.charclass(flags, start)
        if c == "(":
            return self.paren(flags, start)
        if c == "\\":
            return self.escape(flags, start)
        return self.lit(ord(c), flags)

    def escape(self, flags, start):
        s = self.s
        if self.i >= self.n:
            self.err("bad escape (end of pattern)", start)
        c = s[self.i]
        self.i += 1
        ascii = bool(flags & A) or not self.is_str
        if c in _CATS:
            return ("class", False, [(1, _CATS[c])], False, ascii)
        if c == "A":
            return ("at", _BOL, 0)
        if c == "Z":
            return ("at", _AEND, 0)
        if c == "b":
            return ("at", _WORDB, _CF_ASCII if ascii else 0)
        if c == "B":
            return ("at", _NWORDB, _CF_ASCII if ascii else 0)
        if c in _DIGITS:
            # octal escape or backreference
            if c == "0" or (self.i + 1 < self.n and s[self.i] in _OCT and s[self.i + 1] in _OCT
                            and c in _OCT):
                return self.lit(self.octal(c, start), flags)
            j = self.i
            if j < self.n and s[j] in _DIGITS:
                j += 1
            g = int(s[self.i - 1:j])
            self.i = j
            return self.backref(g, flags, start)
        cp = self.simple_escape(c, start, False)
        return self.lit(cp, flags)

    def octal(self, c, start):
        s = self.s
        j = self.i
        while j < self.n and j < self.i + 2 and s[j] in _OCT:
            j += 1
        v = int(s[self.i - 1:j], 8)
        self.i = j
        if v > 0o377:
            self.err("octal escape value \\%s outside of range 0-0o377" % s[start + 1:j], start)
        return v

    def simple_escape(self, c, start, in_class):
        # the escapes that stand for one character
        s = self.s
        if c in _ESCAPES and not (c == "b" and not in_class):
            return _ESCAPES[c]
        if c == "x" or (self.is_str and c in "uU"):
            width = 2 if c == "x" else 4 if c == "u" else 8
            digits = s[self.i:self.i + width]
            if len(digits) != width or any(d not in _HEX for d in digits):
                self.i = min(self.i + width, self.n)
                self.err("incomplete escape \\%s%s" % (c, digits), start)
            self.i += width
            v = int(digits, 16)
            if v > 0x10FFFF:
                self.err("bad escape \\%s%s" % (c, digits), start)
            return v
        if c == "N" and self.is_str:
            self.err("bad escape \\N", start)
        if c in _ASCII_LETTERS or c in _DIGITS:
            self.err("bad escape \\" + c, start)
        return ord(c)

    def backref(self, g, flags, start):
        if g > self.ngroups or g in self.open:
            self.err("cannot refer to an open group" if g in self.open else "invalid group reference %d" % g, start + 1)
        if self.lookbehind:
            self.err("cannot refer to group defined in the same lookbehind subpattern", start)
        return ("bref", g, bool(flags & I))

    def charclass(self, flags, start):
        s = self.s
        neg = False
        if self.peek() == "^":
            neg = True
            self.i += 1
        items = []
        first = True
        ascii = bool(flags & A) or not self.is_str
        while True:
            if self.i >= self.n:
                self.err("unterminated character set", start)
            c = s[self.i]
            if c == "]" and not first:
                self.i += 1
                break
            first = False
            lo_pos = self.i
            lo = self.class_char()
            if isinstance(lo, tuple):
                items.append(lo)
                continue
            if self.peek() == "-" and self.i + 1 < self.n and s[self.i + 1] != "]":
                self.i += 1
                hi = self.class_char()
                if isinstance(hi, tuple):
                    self.err("bad character range %s" % s[lo_pos:self.i], lo_pos)
                if hi < lo:
                    self.err("bad character range %s" % s[lo_pos:self.i], lo_pos)
                items.append((0, lo, hi))
            else:
                items.append((0, lo, lo))
        return ("class", neg, items, bool(flags & I), ascii)

    def class_char(self):
        s = self.s
        c = s[self.i]
        start = self.i
        self.i += 1
        if c != "\\":
            return ord(c)
        if self.i >= self.n:
            self.err("bad escape (end of pattern)", start)
        c = s[self.i]
        self.i += 1
        if c in _CATS:
            return (1, _CATS[c])
        if c in _OCT:
            return self.octal(c, start)
        if c in _DIGITS:
            self.err("bad escape \\" + c, start)
        return self.simple_escape(c, start, True)

    def name(self, end, start):
        s = self.s
        j = s.find(end, self.i)
        if j < 0:
            self.err("missing %s, unterminated name" % end, self.i)
        nm = s[self.i:j]
        if not nm:
            self.err("missing group name", self.i)
        self.i = j + 1
        return nm

    def check_name(self, nm, pos):
        if not nm.isidentifier():
            self.err("bad character in group name %r" % nm, pos)

    def paren(self, flags, start):
        s = self.s
        if self.peek() == "?":
            self.i += 1
            c = self.peek()
            self.i += 1
            if c == ":":
                return self.group_body(flags, None, start)
            if c == "P":
                c2 = self.peek()
                self.i += 1
                if c2 == "<":
                    pos = self.i
                    nm = self.name(">", start)
                    self.check_name(nm, pos)
                    if nm in self.names:
                        self.err("redefinition of group name %r as group %d; was group %d"
                                 % (nm, self.ngroups + 1, self.names[nm]), pos)
                    return self.group_body(flags, nm, start)
                if c2 == "=":
                    pos = self.i
                    nm = self.name(")", start)
                    self.check_name(nm, pos)
                    if nm not in self.names:
                        self.err("unknown group name %r" % nm, pos)
                    g = self.names[nm]
                    if g in self.open:
                        self.err("cannot refer to an open group", pos)
                    return ("bref", g, bool(flags & I))
                if not c2:
                    self.err("unexpected end of pattern", self.i - 1)
                self.err("unknown extension ?P" + c2, start + 1)
            if c == "=" or c == "!":
                return self.look(0 if c == "=" else 1, flags, start)
            if c == "<":
                c2 = self.peek()
                self.i += 1
                if c2 == "=" or c2 == "!":
                    return self.look(2 if c2 == "=" else 3, flags, start)
                if not c2:
                    self.err("unexpected end of pattern", self.i - 1)
                self.err("unknown extension ?<" + c2, start + 1)
            if c == ">":
                node = self.alternation(flags, 0)
                self.close(start)
                return ("look", 4, node)
            if c == "#":
                j = s.find(")", self.i)
                if j < 0:
                    self.err("missing ), unterminated comment", start)
                self.i = j + 1
                return ("empty",)
            if c in _INLINE or c == "-":
                return self.inline_flags(flags, start)
            if c == "(":
                return self.conditional(flags, start)
            if not c:
                self.err("unexpected end of pattern", self.i - 1)
            self.err("unknown extension ?" + c, start + 1)
        return self.group_body(flags, "", start)

    def conditional(self, flags, start):
        # (?(id or name)yes|no)
        s = self.s
        pos = self.i
        j = s.find(")", self.i)
        if j < 0:
            self.err("missing ), unterminated name", pos)
        ref = s[self.i:j]
        self.i = j + 1
        if ref.isdigit():
            g = int(ref)
            if g == 0:
                self.err("bad group number", pos)
            if g > self.ngroups:
                self.err("invalid group reference %d" % g, pos)
        elif ref.isidentifier():
            if ref not in self.names:
                self.err("unknown group name %r" % ref, pos)
            g = self.names[ref]
        else:
            self.err("bad character in group name %r" % ref, pos)
        yes = self.sequence(flags, 0)
        no = None
        if self.peek() == "|":
            self.i += 1
            no = self.sequence(flags, 0)
            if self.peek() == "|":
                self.err("conditional backref with more than two branches")
        self.close(start)
        return ("cond", g, yes, no)

    def inline_flags(self, flags, start):
        s = self.s
        self.i -= 1
        on = off = 0
        while self.i < self.n and s[self.i] in _INLINE:
            on |= _INLINE[s[self.i]]
            self.i += 1
        if self.peek() == "-":
            self.i += 1
            while self.i < self.n and s[self.i] in _INLINE:
                off |= _INLINE[s[self.i]]
                self.i += 1
        c = self.peek()
        if c == ")" and not off:
            # the leading ones were taken by parse()
            self.err("global flags not at the start of the expression", start)
        if c != ":":
            if not c:
                self.err("missing -, : or )", self.i)
            self.err("unknown flag" if c.isalpha() else "missing -, : or )", self.i)
        self.i += 1
        return self.group_body((flags | on) & ~off, None, start)

    def close(self, start):
        if self.peek() != ")":
            self.err("missing ), unterminated subpattern", start)
        self.i += 1

    def group_body(self, flags, name, start):
        if name is None:
            node = self.alternation(flags, 0)
            self.close(start)
            if node[0] == "rep":
                # (?:x*)* is not a multiple repeat
                node = node[:5] + (False,)
            return node
        self.ngroups += 1
        g = self.ngroups
        if name:
            self.names[name] = g
        self.parent.append(self.open[-1] if self.open else 0)
        self.open.append(g)
        node = self.alternation(flags, g)
        self.open.pop()
        self.close(start)
        return ("group", g, node)

    def look(self, kind, flags, start):
        if kind >= 2:
            self.lookbehind += 1
        node = self.alternation(flags, 0)
        if kind >= 2:
            self.lookbehind -= 1
        self.close(start)
        if kind >= 2:
            lo, hi = _width(node)
            if lo != hi:
                raise error("look-behind requires fixed-width pattern")
        return ("look", kind, node)


def _width(node):
    t = node[0]
    if t in ("lit", "any", "class"):
        return 1, 1
    if t in ("at", "look", "empty"):
        return (0, 0) if t != "look" or node[1] != 4 else _width(node[2])
    if t == "group":
        return _width(node[2])
    if t == "seq":
        lo = hi = 0
        for n in node[1]:
            a, b = _width(n)
            lo += a
            hi += b
        return lo, hi
    if t == "alt":
        ws = [_width(n) for n in node[1]]
        return min(w[0] for w in ws), max(w[1] for w in ws)
    if t == "rep":
        a, b = _width(node[4])
        return a * node[1], b * node[2]
    if t == "cond":
        y = _width(node[2])
        n = _width(node[3]) if node[3] is not None else (0, 0)
        return min(y[0], n[0]), max(y[1], n[1])
    return 0, _MAXREPEAT  # backreference


# --- compiler ---------------------------------------------------------------


class _Compiler:
    def __init__(self, is_str, nslots):
        self.w = [0, 0]  # header: slot count, group slot count
        self.is_str = is_str
        self.nslots = nslots  # next free register slot

    def emit(self, *words):
        self.w.extend(words)
        if len(self.w) > _MAXWORDS:
            raise error("pattern too large")

    def fold(self, cp):
        if cp < 128:
            return cp + 32 if 65 <= cp <= 90 else cp
        if not self.is_str:
            return cp
        lo = chr(cp).lower()
        return ord(lo) if len(lo) == 1 else cp

    def has_case(self, cp):
        if cp < 128:
            return 65 <= cp <= 90 or 97 <= cp <= 122
        if not self.is_str:
            return False
        ch = chr(cp)
        return ch.lower() != ch or ch.upper() != ch

    def single(self, node):
        t = node[0]
        if t == "lit":
            cp = node[1]
            if node[2] and self.has_case(cp):
                self.emit(_CHARI, self.fold(cp))
            else:
                self.emit(_CHAR, cp)
        elif t == "any":
            self.emit(_ANYALL if node[1] else _ANY)
        else:
            items = node[2]
            flags = (_CF_NEG if node[1] else 0) | (_CF_ICASE if node[3] else 0) | (_CF_ASCII if node[4] else 0)
            self.emit(_CLASS, 1 + 3 * len(items), flags)
            for it in items:
                if it[0] == 0:
                    self.emit(0, it[1], it[2])
                else:
                    self.emit(1, it[1], 0)

    def node(self, node):
        t = node[0]
        if t in ("lit", "any", "class"):
            self.single(node)
        elif t == "at":
            if node[1] in (_WORDB, _NWORDB):
                self.emit(node[1], node[2])
            else:
                self.emit(node[1])
        elif t == "empty":
            pass
        elif t == "seq":
            for n in node[1]:
                self.node(n)
        elif t == "group":
            self.emit(_SAVE, 2 * node[1])
            self.node(node[2])
            self.emit(_SAVE, 2 * node[1] + 1)
        elif t == "alt":
            jumps = []
            alts = node[1]
            for k, n in enumerate(alts):
                if k < len(alts) - 1:
                    at = len(self.w)
                    self.emit(_SPLIT, at + 3, 0)
                    self.node(n)
                    jumps.append(len(self.w) + 1)
                    self.emit(_JMP, 0)
                    self.w[at + 2] = len(self.w)
                else:
                    self.node(n)
            for j in jumps:
                self.w[j] = len(self.w)
        elif t == "bref":
            self.emit(_BACKREF, node[1], 1 if node[2] else 0)
        elif t == "look":
            at = len(self.w)
            width = _width(node[2])[0] if node[1] in (2, 3) else 0
            self.emit(_LOOK, node[1], width, 0)
            self.node(node[2])
            self.emit(_MATCH)
            self.w[at + 3] = len(self.w) - at - 4
        elif t == "rep":
            self.rep(node)
        elif t == "cond":
            at = len(self.w)
            self.emit(_GROUPREF_EXISTS, node[1], 0)
            self.node(node[2])
            jmp = len(self.w)
            self.emit(_JMP, 0)
            self.w[at + 2] = len(self.w)
            if node[3] is not None:
                self.node(node[3])
            self.w[jmp + 1] = len(self.w)

    def rep(self, node):
        lo, hi, greedy, body = node[1], node[2], node[3], node[4]
        inf = hi == _MAXREPEAT
        if body[0] in ("lit", "any", "class"):
            at = len(self.w)
            self.emit(_REPEAT, lo, -1 if inf or hi > 0x7FFFFFFF else hi, 1 if greedy else 0, 0)
            self.single(body)
            self.w[at + 4] = len(self.w) - at - 5
            return
        for _ in range(lo):
            self.node(body)
        if inf:
            can_empty = _width(body)[0] == 0
            loop = len(self.w)
            self.emit(_SPLIT, 0, 0)
            first = len(self.w)
            reg = -1
            if can_empty:
                reg = self.nslots
                self.nslots += 1
                self.emit(_SAVE, reg)
            self.node(body)
            chk = -1
            if can_empty:
                chk = len(self.w)
                self.emit(_CHKPROG, reg, 0)
            self.emit(_JMP, loop)
            out = len(self.w)
            if greedy:
                self.w[loop + 1], self.w[loop + 2] = first, out
            else:
                self.w[loop + 1], self.w[loop + 2] = out, first
            if chk >= 0:
                self.w[chk + 2] = out
            return
        splits = []
        for _ in range(hi - lo):
            at = len(self.w)
            self.emit(_SPLIT, 0, 0)
            splits.append(at)
            self.node(body)
        out = len(self.w)
        for at in splits:
            if greedy:
                self.w[at + 1], self.w[at + 2] = at + 3, out
            else:
                self.w[at + 1], self.w[at + 2] = out, at + 3


_cache = {}
_MAXCACHE = 128


def _compile(pattern, flags):
    if isinstance(pattern, Pattern):
        if flags:
            raise ValueError("cannot process flags argument with a compiled pattern")
        return pattern
    key = (type(pattern), pattern, flags)
    p = _cache.get(key)
    if p is not None:
        return p
    if isinstance(pattern, str):
        is_str = True
        text = pattern
        if flags & L:
            raise ValueError("cannot use LOCALE flag with a str pattern")
        if flags & A and flags & U:
            raise ValueError("ASCII and UNICODE flags are incompatible")
    elif isinstance(pattern, (bytes, bytearray)):
        is_str = False
        text = "".join(chr(b) for b in pattern)
        if flags & U:
            raise ValueError("cannot use UNICODE flag with a bytes pattern")
    else:
        raise TypeError("first argument must be string or compiled pattern")
    parser = _Parser(text, pattern, flags, is_str)
    tree = parser.parse()
    flags = parser.flags
    if is_str:
        if flags & A and flags & U:
            raise ValueError("ASCII and UNICODE flags are incompatible")
        if not flags & A:
            flags |= U
    ngs = 2 * (parser.ngroups + 1)
    comp = _Compiler(is_str, ngs)
    comp.node(tree)
    comp.emit(_MATCH)
    comp.w[0] = comp.nslots
    comp.w[1] = ngs
    prog = array("i", comp.w)
    p = Pattern(pattern, flags, prog, parser.ngroups, parser.names, parser.parent, is_str)
    if len(_cache) >= _MAXCACHE:
        _cache.clear()
    _cache[key] = p
    return p


# --- Pattern and Match ------------------------------------------------------


def _check_type(p, string):
    if p._is_str:
        if not isinstance(string, str):
            raise TypeError("cannot use a string pattern on a bytes-like object")
    elif isinstance(string, str):
        raise TypeError("cannot use a bytes pattern on a string-like object")


def _bounds(string, pos, endpos):
    n = len(string)
    if pos < 0:
        pos = 0
    elif pos > n:
        pos = n
    if endpos is None or endpos > n:
        endpos = n
    elif endpos < 0:
        endpos = 0
    return pos, endpos


def _template(p, repl):
    # parse a sub() template into literal pieces and group numbers
    is_str = isinstance(repl, str)
    bs = "\\" if is_str else b"\\"
    if bs not in repl:
        return (repl,)
    text = repl if is_str else "".join(chr(b) for b in repl)
    parts = []
    lit = []
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if c != "\\":
            lit.append(c)
            i += 1
            continue
        start = i
        i += 1
        if i >= n:
            raise error("bad escape (end of pattern)", repl, start)
        c = text[i]
        i += 1
        g = None
        if c == "g":
            if i >= n or text[i] != "<":
                raise error("missing <", repl, i)
            j = text.find(">", i + 1)
            if j < 0:
                raise error("missing >, unterminated name", repl, i + 1)
            nm = text[i + 1:j]
            if not nm:
                raise error("missing group name", repl, i + 1)
            if nm.isdigit():
                g = int(nm)
                if g > p.groups:
                    raise error("invalid group reference %d" % g, repl, i + 1)
            elif nm.isidentifier():
                if nm not in p.groupindex:
                    raise IndexError("unknown group name %r" % nm)
                g = p.groupindex[nm]
            else:
                raise error("bad character in group name %r" % nm, repl, i + 1)
            i = j + 1
        elif c == "0":
            j = i
            while j < n and j < i + 2 and text[j] in _OCT:
                j += 1
            lit.append(chr(int(text[i - 1:j], 8)))
            i = j
        elif c in _DIGITS:
            if (i + 1 < n and c in _OCT and text[i] in _OCT and text[i + 1] in _OCT):
                v = int(text[i - 1:i + 2], 8)
                if v > 0o377:
                    raise error("octal escape value \\%s outside of range 0-0o377" % text[i - 1:i + 2], repl, start)
                lit.append(chr(v))
                i += 2
            else:
                j = i
                if j < n and text[j] in _DIGITS:
                    j += 1
                g = int(text[i - 1:j])
                if g > p.groups:
                    raise error("invalid group reference %d" % g, repl, start + 1)
                i = j
        elif c in _ESCAPES:
            lit.append(chr(_ESCAPES[c]))
        elif c in _ASCII_LETTERS:
            raise error("bad escape \\" + c, repl, start)
        else:
            lit.append("\\" + c)
        if g is not None:
            if lit:
                parts.append("".join(lit))
                lit = []
            parts.append(g)
    if lit:
        parts.append("".join(lit))
    if not is_str:
        parts = [x if isinstance(x, int) else bytes(ord(ch) for ch in x) for x in parts]
    return tuple(parts)


class _Alias:
    # re.Pattern[str] / re.Match[bytes] in annotations
    def __init__(self, origin, arg):
        self.__origin__ = origin
        self.__args__ = (arg,)

    def __repr__(self):
        a = self.__args__[0]
        return "re.%s[%s]" % (self.__origin__.__name__, a.__name__ if isinstance(a, type) else repr(a))

    def __eq__(self, other):
        return isinstance(other, _Alias) and self.__origin__ is other.__origin__ and self.__args__ == other.__args__

    def __hash__(self):
        return hash((self.__origin__, self.__args__))


class Pattern:
    def __class_getitem__(cls, item):
        return _Alias(cls, item)

    def __init__(self, pattern, flags, prog, ngroups, names, parent, is_str):
        self.pattern = pattern
        self.flags = flags
        self._prog = prog
        self.groups = ngroups
        self.groupindex = dict(names)
        self._parent = parent
        self._is_str = is_str
        self._names = {v: k for k, v in names.items()}

    def __repr__(self):
        r = repr(self.pattern)
        if len(r) > 200:
            r = r[:200]
        fl = self.flags
        if self._is_str:
            fl &= ~U
        names = [nm for bit, nm in _FLAG_NAMES if fl & bit]
        rest = fl & ~sum(bit for bit, _ in _FLAG_NAMES)
        if rest:
            names.append(hex(rest))
        if names:
            return "re.compile(%s, %s)" % (r, "|".join(names))
        return "re.compile(%s)" % r

    def __eq__(self, other):
        return isinstance(other, Pattern) and self.pattern == other.pattern and self.flags == other.flags

    def __hash__(self):
        return hash((self.pattern, self.flags))

    def _exec(self, string, pos, endpos, mode):
        _check_type(self, string)
        if pos == 0 and endpos is None:
            r = _re.exec(self._prog, string, 0, -1, mode)
            return None if r is None else Match(self, string, 0, None, r)
        pos, endpos = _bounds(string, pos, endpos)
        bpos = _re.c2b(string, pos) if pos else 0
        bend = -1 if endpos == len(string) else _re.c2b(string, endpos)
        r = _re.exec(self._prog, string, bpos, bend, mode)
        if r is None:
            return None
        return Match(self, string, pos, endpos, r)

    def match(self, string, pos=0, endpos=None):
        return self._exec(string, pos, endpos, _M_ANCHOR)

    def fullmatch(self, string, pos=0, endpos=None):
        return self._exec(string, pos, endpos, _M_ANCHOR | _M_FULL)

    def search(self, string, pos=0, endpos=None):
        return self._exec(string, pos, endpos, 0)

    def _offsets(self, string, pos, endpos):
        # every match's byte offsets, left to right (CPython 3.7's rule for
        # empty matches: one may follow a match, not another empty one at
        # the same place)
        _check_type(self, string)
        pos, endpos = _bounds(string, pos, endpos)
        bpos = _re.c2b(string, pos) if pos else 0
        bend = -1 if endpos == len(string) else _re.c2b(string, endpos)
        prog = self._prog
        ex = _re.exec
        mode = 0
        while True:
            r = ex(prog, string, bpos, bend, mode)
            if r is None:
                return
            yield r
            bpos = r[1]
            mode = _M_ADVANCE if r[0] == bpos else 0

    def finditer(self, string, pos=0, endpos=None):
        p0, e0 = _bounds(string, pos, endpos) if isinstance(string, (str, bytes, bytearray)) else (pos, endpos)
        for r in self._offsets(string, pos, endpos):
            yield Match(self, string, p0, e0, r)

    def findall(self, string, pos=0, endpos=None):
        out = []
        bs = _re.bslice
        ng = self.groups
        empty = "" if self._is_str else b""
        for r in self._offsets(string, pos, endpos):
            if ng == 0:
                out.append(bs(string, r[0], r[1]))
            elif ng == 1:
                s = bs(string, r[2], r[3])
                out.append(empty if s is None else s)
            else:
                t = []
                for g in range(1, ng + 1):
                    s = bs(string, r[2 * g], r[2 * g + 1])
                    t.append(empty if s is None else s)
                out.append(tuple(t))
        return out

    def split(self, string, maxsplit=0):
        out = []
        bs = _re.bslice
        last = 0
        n = 0
        ng = self.groups
        for r in self._offsets(string, 0, None):
            if maxsplit > 0 and n >= maxsplit:
                break
            out.append(bs(string, last, r[0]))
            for g in range(1, ng + 1):
                out.append(bs(string, r[2 * g], r[2 * g + 1]))
            last = r[1]
            n += 1
        out.append(bs(string, last, -1))
        return out

    def subn(self, repl, string, count=0):
        _check_type(self, string)
        if not callable(repl):
            if self._is_str:
                if not isinstance(repl, str):
                    raise TypeError("expected str instance, %s found" % type(repl).__name__)
            elif not isinstance(repl, (bytes, bytearray)):
                raise TypeError("expected a bytes-like object, %s found" % type(repl).__name__)
            return _re.sub(self._prog, _template(self, repl), string, count)
        out = []
        bs = _re.bslice
        last = 0
        n = 0
        for r in self._offsets(string, 0, None):
            if count > 0 and n >= count:
                break
            out.append(bs(string, last, r[0]))
            piece = repl(Match(self, string, 0, None, r))
            if piece:
                out.append(piece)
            last = r[1]
            n += 1
        out.append(bs(string, last, -1))
        return ("" if self._is_str else b"").join(out), n

    def sub(self, repl, string, count=0):
        return self.subn(repl, string, count)[0]

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self


class Match:
    def __class_getitem__(cls, item):
        return _Alias(cls, item)

    def __init__(self, pattern, string, pos, endpos, offsets):
        self.re = pattern
        self.string = string
        self.pos = pos
        self._endpos = endpos  # None: the string's length, found when asked
        self._o = offsets

    @property
    def endpos(self):
        if self._endpos is None:
            self._endpos = len(self.string)
        return self._endpos

    def _index(self, g):
        if isinstance(g, int):
            if 0 <= g <= self.re.groups:
                return g
        elif isinstance(g, (str, bytes)):
            i = self.re.groupindex.get(g)
            if i is not None:
                return i
        raise IndexError("no such group")

    def _group(self, g, default=None):
        o = self._o
        s = _re.bslice(self.string, o[2 * g], o[2 * g + 1])
        return default if s is None else s

    def group(self, *args):
        if not args:
            return self._group(0)
        if len(args) == 1:
            return self._group(self._index(args[0]))
        return tuple(self._group(self._index(a)) for a in args)

    def __getitem__(self, g):
        return self._group(self._index(g))

    def groups(self, default=None):
        return tuple(self._group(g, default) for g in range(1, self.re.groups + 1))

    def groupdict(self, default=None):
        return {nm: self._group(i, default) for nm, i in self.re.groupindex.items()}

    def start(self, group=0):
        b = self._o[2 * self._index(group)]
        return b if b < 0 else _re.b2c(self.string, b)

    def end(self, group=0):
        b = self._o[2 * self._index(group) + 1]
        return b if b < 0 else _re.b2c(self.string, b)

    def span(self, group=0):
        return self.start(group), self.end(group)

    @property
    def regs(self):
        return tuple(self.span(g) for g in range(self.re.groups + 1))

    @property
    def lastindex(self):
        o = self._o
        best = None
        bend = -1
        cands = []
        for g in range(1, self.re.groups + 1):
            e = o[2 * g + 1]
            if e < 0:
                continue
            if e > bend:
                bend = e
                cands = [g]
            elif e == bend:
                cands.append(g)
        if not cands:
            return None
        parent = self.re._parent
        cset = set(cands)
        for g in cands:
            a = parent[g]
            inner = False
            while a:
                if a in cset:
                    inner = True
                    break
                a = parent[a]
            if not inner:
                best = g
        return best

    @property
    def lastgroup(self):
        i = self.lastindex
        return None if i is None else self.re._names.get(i)

    def expand(self, template):
        parts = _template(self.re, template)
        empty = "" if self.re._is_str else b""
        return empty.join(self._group(x, empty) if isinstance(x, int) else x for x in parts)

    def __repr__(self):
        return "<re.Match object; span=%r, match=%r>" % (self.span(), self.group(0))

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self


# --- module functions -------------------------------------------------------


def compile(pattern, flags=0):
    return _compile(pattern, flags)


def search(pattern, string, flags=0):
    return _compile(pattern, flags).search(string)


def match(pattern, string, flags=0):
    return _compile(pattern, flags).match(string)


def fullmatch(pattern, string, flags=0):
    return _compile(pattern, flags).fullmatch(string)


def split(pattern, string, maxsplit=0, flags=0):
    return _compile(pattern, flags).split(string, maxsplit)


def findall(pattern, string, flags=0):
    return _compile(pattern, flags).findall(string)


def finditer(pattern, string, flags=0):
    return _compile(pattern, flags).finditer(string)


def sub(pattern, repl, string, count=0, flags=0):
    return _compile(pattern, flags).sub(repl, string, count)


def subn(pattern, repl, string, count=0, flags=0):
    return _compile(pattern, flags).subn(repl, string, count)


def purge():
    _cache.clear()


_SPECIAL = "()[]{}?*+-|^$\\.&~# \t\n\r\v\f"


def escape(pattern):
    if isinstance(pattern, str):
        return "".join("\\" + c if c in _SPECIAL else c for c in pattern)
    out = bytearray()
    for b in pattern:
        if chr(b) in _SPECIAL:
            out.append(92)
        out.append(b)
    return bytes(out)
