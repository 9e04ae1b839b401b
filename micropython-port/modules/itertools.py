# itertools for mpwasm: all of CPython 3.11's functions, as generators.
# Written for mpwasm.


def count(start=0, step=1):
    n = start
    while True:
        yield n
        n += step


def cycle(iterable):
    saved = []
    for element in iterable:
        yield element
        saved.append(element)
    if not saved:
        return
    while True:
        for element in saved:
            yield element


def repeat(obj, times=None):
    if times is None:
        while True:
            yield obj
    else:
        for _ in range(times):
            yield obj


def _add(a, b):
    return a + b


def accumulate(iterable, func=None, *, initial=None):
    it = iter(iterable)
    total = initial
    if initial is None:
        try:
            total = next(it)
        except StopIteration:
            return
    yield total
    if func is None:
        func = _add
    for element in it:
        total = func(total, element)
        yield total


class _Chain:
    # chain(a, b) and chain.from_iterable(x): an object so that the
    # alternative constructor can be an attribute.
    def __call__(self, *iterables):
        return self.from_iterable(iterables)

    def from_iterable(self, iterables):
        for it in iterables:
            for element in it:
                yield element

    def __repr__(self):
        return "<class 'itertools.chain'>"


chain = _Chain()


def compress(data, selectors):
    for d, s in zip(data, selectors):
        if s:
            yield d


def dropwhile(predicate, iterable):
    it = iter(iterable)
    for x in it:
        if not predicate(x):
            yield x
            break
    for x in it:
        yield x


def takewhile(predicate, iterable):
    for x in iterable:
        if predicate(x):
            yield x
        else:
            break


def filterfalse(predicate, iterable):
    if predicate is None:
        predicate = bool
    for x in iterable:
        if not predicate(x):
            yield x


def islice(iterable, *args):
    if len(args) == 1:
        start, stop, step = None, args[0], None
    elif len(args) == 2:
        start, stop, step = args[0], args[1], None
    elif len(args) == 3:
        start, stop, step = args
    else:
        raise TypeError("islice expected at most 4 arguments, got " + str(len(args) + 1))
    start = 0 if start is None else start
    step = 1 if step is None else step
    if start < 0 or (stop is not None and stop < 0) or step <= 0:
        raise ValueError("Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize.")
    it = iter(iterable)
    i = 0
    nxt = start
    if stop is not None and nxt >= stop:
        # consume nothing more than CPython does
        for _ in range(stop):
            try:
                next(it)
            except StopIteration:
                return
        return
    for element in it:
        if i == nxt:
            yield element
            nxt += step
            if stop is not None and nxt >= stop:
                return
        i += 1


def starmap(function, iterable):
    for args in iterable:
        yield function(*args)


def tee(iterable, n=2):
    if n < 0:
        raise ValueError("n must be >= 0")
    it = iter(iterable)
    buf = []
    pos = [0] * n
    base = [0]

    def gen(k):
        while True:
            idx = pos[k] - base[0]
            if idx < len(buf):
                v = buf[idx]
            else:
                try:
                    v = next(it)
                except StopIteration:
                    return
                buf.append(v)
            pos[k] += 1
            m = min(pos) - base[0]
            if m > 0:
                del buf[:m]
                base[0] += m
            yield v

    return tuple(gen(k) for k in range(n))


def zip_longest(*iterables, fillvalue=None):
    iterators = [iter(it) for it in iterables]
    num_active = len(iterators)
    if not num_active:
        return
    while True:
        values = []
        for i, it in enumerate(iterators):
            try:
                value = next(it)
            except StopIteration:
                num_active -= 1
                if not num_active:
                    return
                iterators[i] = repeat(fillvalue)
                value = fillvalue
            values.append(value)
        yield tuple(values)


def pairwise(iterable):
    it = iter(iterable)
    try:
        a = next(it)
    except StopIteration:
        return
    for b in it:
        yield a, b
        a = b


def batched(iterable, n):
    if n < 1:
        raise ValueError("n must be at least one")
    it = iter(iterable)
    while True:
        batch = []
        for _ in range(n):
            try:
                batch.append(next(it))
            except StopIteration:
                break
        if not batch:
            return
        yield tuple(batch)
        if len(batch) < n:
            return


def product(*iterables, repeat=1):
    pools = [tuple(pool) for pool in iterables] * repeat
    result = [()]
    for pool in pools:
        result = [x + (y,) for x in result for y in pool]
    for prod in result:
        yield prod


def permutations(iterable, r=None):
    pool = tuple(iterable)
    n = len(pool)
    r = n if r is None else r
    if r > n:
        return
    indices = list(range(n))
    cycles = list(range(n, n - r, -1))
    yield tuple(pool[i] for i in indices[:r])
    while n:
        for i in reversed(range(r)):
            cycles[i] -= 1
            if cycles[i] == 0:
                indices[i:] = indices[i + 1:] + indices[i:i + 1]
                cycles[i] = n - i
            else:
                j = cycles[i]
                indices[i], indices[-j] = indices[-j], indices[i]
                yield tuple(pool[i] for i in indices[:r])
                break
        else:
            return


def combinations(iterable, r):
    pool = tuple(iterable)
    n = len(pool)
    if r > n:
        return
    indices = list(range(r))
    yield tuple(pool[i] for i in indices)
    while True:
        for i in reversed(range(r)):
            if indices[i] != i + n - r:
                break
        else:
            return
        indices[i] += 1
        for j in range(i + 1, r):
            indices[j] = indices[j - 1] + 1
        yield tuple(pool[i] for i in indices)


def combinations_with_replacement(iterable, r):
    pool = tuple(iterable)
    n = len(pool)
    if not n and r:
        return
    indices = [0] * r
    yield tuple(pool[i] for i in indices)
    while True:
        for i in reversed(range(r)):
            if indices[i] != n - 1:
                break
        else:
            return
        v = indices[i] + 1
        for j in range(i, r):
            indices[j] = v
        yield tuple(pool[i] for i in indices)


class _Grouper:
    def __init__(self, parent, key):
        self._parent = parent
        self._key = key

    def __iter__(self):
        return self

    def __next__(self):
        p = self._parent
        if p._tgt is not self or p._done:
            raise StopIteration
        if p._pending:
            p._pending = False
            return p._cur
        try:
            v = next(p._it)
        except StopIteration:
            p._done = True
            raise
        k = v if p._keyfunc is None else p._keyfunc(v)
        if k != self._key:
            p._cur = v
            p._curkey = k
            p._pending = True
            p._tgt = None
            raise StopIteration
        return v


class groupby:
    def __init__(self, iterable, key=None):
        self._it = iter(iterable)
        self._keyfunc = key
        self._tgt = None
        self._pending = False
        self._done = False
        self._cur = None
        self._curkey = None

    def __iter__(self):
        return self

    def __next__(self):
        if self._done:
            raise StopIteration
        if self._tgt is not None:
            # skip the rest of the current group
            g = self._tgt
            for _ in g:
                pass
            if self._done:
                raise StopIteration
        if not self._pending:
            try:
                v = next(self._it)
            except StopIteration:
                self._done = True
                raise
            self._cur = v
            self._curkey = v if self._keyfunc is None else self._keyfunc(v)
            self._pending = True
        g = _Grouper(self, self._curkey)
        self._tgt = g
        return self._curkey, g
