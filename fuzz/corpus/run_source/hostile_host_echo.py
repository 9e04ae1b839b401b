print(echo(1, 'two', [3.5, None, True], k={'a': [1]}))
