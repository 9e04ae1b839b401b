import builtins
builtins.print = None
print(1)
