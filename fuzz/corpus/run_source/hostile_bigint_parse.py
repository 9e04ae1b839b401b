print(len(str(int('9' * 20000))))
