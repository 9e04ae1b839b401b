"""A plugin system using __init_subclass__, classmethods, staticmethods and class attributes."""


class Exporter:
    registry = {}
    extension = None

    def __init_subclass__(cls, /, fmt=None, **kwargs):
        super().__init_subclass__(**kwargs)
        if fmt is not None:
            Exporter.registry[fmt] = cls

    def __init__(self, rows):
        self.rows = rows

    @classmethod
    def for_format(cls, fmt, rows):
        try:
            return cls.registry[fmt](rows)
        except KeyError:
            raise ValueError(f"no exporter for {fmt!r}; known: {', '.join(cls.registry)}") from None

    @classmethod
    def from_pairs(cls, pairs):
        return cls([{"key": k, "value": v} for k, v in pairs])

    @staticmethod
    def escape(value):
        return str(value).replace("\n", "\\n")

    def filename(self, stem):
        return f"{stem}.{self.extension}"

    def export(self):
        raise NotImplementedError


class CsvExporter(Exporter, fmt="csv"):
    extension = "csv"

    def export(self):
        keys = list(self.rows[0])
        lines = [",".join(keys)]
        lines += [",".join(self.escape(r[k]) for k in keys) for r in self.rows]
        return "\n".join(lines)


class MarkdownExporter(Exporter, fmt="md"):
    extension = "md"

    def export(self):
        keys = list(self.rows[0])
        lines = ["| " + " | ".join(keys) + " |", "|" + "---|" * len(keys)]
        lines += ["| " + " | ".join(self.escape(r[k]) for k in keys) + " |" for r in self.rows]
        return "\n".join(lines)


class KeyValueExporter(Exporter, fmt="kv"):
    extension = "txt"

    def export(self):
        return "\n".join("; ".join(f"{k}={self.escape(v)}" for k, v in r.items()) for r in self.rows)


class DraftExporter(Exporter):
    """Not registered: no fmt given."""


rows = [{"city": "Oslo", "pop": 709000}, {"city": "Bergen", "pop": 286000}, {"city": "Multi\nLine", "pop": 1}]
print("registry:", {fmt: cls.__name__ for fmt, cls in Exporter.registry.items()})
for fmt in Exporter.registry:
    exporter = Exporter.for_format(fmt, rows)
    print(f"--- {exporter.filename('cities')} ({type(exporter).__name__})")
    print(exporter.export())
try:
    Exporter.for_format("xml", rows)
except ValueError as exc:
    print("ValueError:", exc, "| suppressed context:", exc.__suppress_context__)
md = MarkdownExporter.from_pairs([("a", 1), ("b", 2)])
print(type(md).__name__, md.rows)
print(md.export())
print("static via class and instance:", Exporter.escape("x\ny"), md.escape(3))
print("DraftExporter registered:", DraftExporter in Exporter.registry.values())
print("extension lookup:", [cls.extension for cls in Exporter.registry.values()], Exporter.extension)
