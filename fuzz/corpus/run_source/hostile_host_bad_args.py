print(add('a', 'b'))
