echo('x' * 20000)
