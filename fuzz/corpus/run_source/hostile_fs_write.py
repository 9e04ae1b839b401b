f = open('/tmp/x', 'w')
f.write('x')
