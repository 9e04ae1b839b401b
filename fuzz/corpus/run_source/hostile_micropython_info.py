import micropython, gc
gc.collect()
micropython.mem_info()
print(micropython.stack_use() > 0)
