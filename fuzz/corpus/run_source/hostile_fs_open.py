open('/input/secret.txt').read()
