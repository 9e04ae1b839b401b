"""Render a customer invoice with aligned columns and currency formatting."""

TAX_RATE = 0.0825

items = [
    {"sku": "KB-101", "description": "Mechanical keyboard", "qty": 2, "unit_price": 89.99},
    {"sku": "MS-220", "description": "Wireless mouse", "qty": 3, "unit_price": 24.5},
    {"sku": "MN-327", "description": "27-inch monitor", "qty": 1, "unit_price": 1249.0},
    {"sku": "CB-010", "description": "USB-C cable (2 m)", "qty": 10, "unit_price": 7.25},
]


def line_total(item):
    return item["qty"] * item["unit_price"]


def render_invoice(number, customer, lines):
    width = 64
    print("=" * width)
    print(f"{'INVOICE #' + str(number):^{width}}")
    print(f"{customer:^{width}}")
    print("=" * width)
    header = f"{'SKU':<8}{'Description':<24}{'Qty':>5}{'Unit':>12}{'Total':>15}"
    print(header)
    print("-" * width)
    subtotal = 0.0
    for item in lines:
        total = line_total(item)
        subtotal += total
        print(
            f"{item['sku']:<8}{item['description']:<24}{item['qty']:>5}"
            f"{item['unit_price']:>12,.2f}{total:>15,.2f}"
        )
    tax = subtotal * TAX_RATE
    grand = subtotal + tax
    print("-" * width)
    print(f"{'Subtotal':<49}{subtotal:>15,.2f}")
    print(f"{'Tax (' + format(TAX_RATE, '.2%') + ')':<49}{tax:>15,.2f}")
    print(f"{'TOTAL DUE':<49}{grand:>15,.2f}")
    print(f"{'Amount in cents':<49}{round(grand * 100):>15,d}")
    print(f"{'Padded total':<40}{grand:=+24,.3f}")
    print("=" * width)
    return grand


if __name__ == "__main__":
    due = render_invoice(20240117, "Northwind Traders Ltd.", items)
    print(f"Average per line: {due / len(items):,.4f}")
    print(f"Largest line: {max(line_total(i) for i in items):e}")
