exec('x = 1\nprint(x)')
print(eval('x + 1'))
compile('1 +', 's', 'exec')
