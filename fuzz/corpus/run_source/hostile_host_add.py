import host
print(add(1, 2))
print(host.invoke("add", 40, 2))
print(host.invoke("echo", 1, k=2))
