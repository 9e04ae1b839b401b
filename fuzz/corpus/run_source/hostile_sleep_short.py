import time
time.sleep_ms(1)
print(time.ticks_ms() >= 0)
