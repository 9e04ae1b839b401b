def g():
    while True:
        try:
            yield
        except ValueError:
            print('v')
x = g()
next(x)
x.throw(ValueError)
x.throw(TypeError)
