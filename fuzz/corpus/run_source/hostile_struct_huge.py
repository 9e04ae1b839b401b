import struct
struct.pack('1000000000s', b'')
