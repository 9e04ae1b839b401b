import time
print('zz')
time.sleep(2)
print('never')
