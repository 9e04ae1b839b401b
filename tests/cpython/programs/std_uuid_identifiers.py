"""Generate and validate identifiers with uuid, printing only deterministic properties."""
import uuid

order_ids = [uuid.uuid4() for _ in range(5)]
print("all version 4:", all(u.version == 4 for u in order_ids))
print("variant:", order_ids[0].variant)
print("string length:", len(str(order_ids[0])), "| hex length:", len(order_ids[0].hex), "| bytes:", len(order_ids[0].bytes))
print("dash positions:", [i for i, ch in enumerate(str(order_ids[0])) if ch == "-"])
print("unique:", len(set(order_ids)) == 5)
print("int range ok:", all(0 <= u.int < 2 ** 128 for u in order_ids))

ns_url = uuid.uuid5(uuid.NAMESPACE_URL, "https://example.com/orders/42")
ns_dns = uuid.uuid3(uuid.NAMESPACE_DNS, "example.com")
print("uuid5:", ns_url, ns_url.version)
print("uuid3:", ns_dns, ns_dns.version)
print("uuid5 stable:", ns_url == uuid.uuid5(uuid.NAMESPACE_URL, "https://example.com/orders/42"))

fixed = uuid.UUID("12345678-1234-5678-1234-567812345678")
print("parsed:", fixed, fixed.hex, fixed.int, fixed.version)
print("urn:", fixed.urn, "| fields:", fixed.fields[:3])
print("from hex without dashes:", uuid.UUID("12345678123456781234567812345678") == fixed)
print("from bytes:", uuid.UUID(bytes=bytes(range(16))))
print("repr:", repr(fixed))
print("nil:", uuid.UUID(int=0), uuid.NAMESPACE_DNS)


def is_valid(text):
    try:
        uuid.UUID(text)
        return True
    except ValueError:
        return False


for candidate in [str(fixed), "not-a-uuid", "12345678-1234-5678-1234-56781234567", "{12345678-1234-5678-1234-567812345678}"]:
    print(f"{candidate!r}: {is_valid(candidate)}")
print("sortable:", sorted([uuid.UUID(int=5), uuid.UUID(int=1), uuid.UUID(int=3)])[0].int)
