print(echo({1: 2}))
