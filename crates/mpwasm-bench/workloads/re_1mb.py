import re

line = "user=alice id=12345 path=/srv/data/file.txt status=200 bytes=5120\n"
text = line * (1048576 // len(line) + 1)
pattern = re.compile(r"id=[0-9]+")
out = pattern.sub("id=N", text)
print(len(text), len(out), out.count("id=N"))
