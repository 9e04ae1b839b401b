import re
print(re.match('(a*)*b', 'a' * 40))
