import micropython
micropython.heap_lock()
x = [1] * 1000
