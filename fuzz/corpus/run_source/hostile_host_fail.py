try:
    fail('bad thing')
except RuntimeError as e:
    print(e)
fail('uncaught')
