"""Decorators for command registration, argument validation and call counting."""

COMMANDS = {}


def command(name=None, *, aliases=()):
    def register(func):
        key = name or func.__name__
        COMMANDS[key] = func
        for alias in aliases:
            COMMANDS[alias] = func
        return func
    return register


def validate(**types):
    def decorator(func):
        def wrapper(*args, **kwargs):
            names = func.__code__.co_varnames[:func.__code__.co_argcount]
            bound = dict(zip(names, args)) | kwargs
            for arg, expected in types.items():
                if arg in bound and not isinstance(bound[arg], expected):
                    raise TypeError(f"{func.__name__}(): {arg} must be {expected.__name__}, got {type(bound[arg]).__name__}")
            return func(*args, **kwargs)
        wrapper.__name__ = func.__name__
        wrapper.__doc__ = func.__doc__
        return wrapper
    return decorator


def counted(func):
    def wrapper(*args, **kwargs):
        wrapper.calls += 1
        return func(*args, **kwargs)
    wrapper.calls = 0
    wrapper.__name__ = func.__name__
    return wrapper


@command(aliases=("hi",))
@counted
def greet(who="world"):
    return f"Hello, {who}!"


@command("add")
@validate(a=int, b=int)
def add_numbers(a, b):
    """Add two integers."""
    return a + b


@command()
def shout(text):
    return text.upper() + "!!!"


print("registered:", list(COMMANDS))
print(COMMANDS["greet"](), COMMANDS["hi"]("Ada"), COMMANDS["greet"](who="Bob"))
print("greet calls:", greet.calls)
print(COMMANDS["add"](2, 3), COMMANDS["add"](a=10, b=-4))
try:
    COMMANDS["add"](2, "3")
except TypeError as exc:
    print("TypeError:", exc)
print(COMMANDS["shout"]("careful"))
print("names preserved:", add_numbers.__name__, add_numbers.__doc__, greet.__name__)


def run(line):
    name, *args = line.split()
    func = COMMANDS.get(name)
    if func is None:
        return f"unknown command {name!r}"
    return func(*args)


for line in ["hi Grace", "shout stop", "dance now", "greet"]:
    print(f"{line!r} -> {run(line)!r}")
print("total greet calls:", greet.calls)
