import host
host.invoke('missing', 1)
