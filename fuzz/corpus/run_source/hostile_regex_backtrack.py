import re
print(re.match('(a|b)*c', 'ab' * 20000))
