import json
print(len(json.loads('[' * 300 + ']' * 300)))
