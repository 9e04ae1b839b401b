"""Land-survey computations: distances, polygon area, bearings and precise sums with math."""
import math

points = {"A": (0.0, 0.0), "B": (120.5, 15.2), "C": (140.0, 98.7), "D": (35.25, 110.0), "E": (-10.0, 55.5)}
names = list(points)

perimeter_parts = []
for a, b in zip(names, names[1:] + names[:1]):
    d = math.dist(points[a], points[b])
    bearing = math.degrees(math.atan2(points[b][0] - points[a][0], points[b][1] - points[a][1])) % 360
    perimeter_parts.append(d)
    print(f"{a}->{b}: {d:9.3f} m, bearing {bearing:7.3f} deg")

print(f"perimeter: {math.fsum(perimeter_parts):.6f} m")
area = 0.5 * abs(math.fsum(points[a][0] * points[b][1] - points[b][0] * points[a][1] for a, b in zip(names, names[1:] + names[:1])))
print(f"area: {area:.3f} m^2 = {area / 10_000:.5f} ha")
print("hypot:", math.hypot(3, 4), math.hypot(1, 2, 2), "| dist 3D:", math.dist((1, 2, 3), (4, 6, 15)))
print("fsum vs sum:", math.fsum([0.1] * 10), sum([0.1] * 10), math.fsum([1e100, 1.0, -1e100]))
print("radians/degrees:", math.radians(180), math.degrees(math.pi / 3))
print("trig:", round(math.sin(math.pi / 6), 12), round(math.cos(math.pi / 3), 12), math.tan(math.pi / 4))
print("inverse trig:", math.asin(1), math.acos(0), math.atan(1), math.atan2(-1, -1))
print("constants:", math.pi, math.e, math.tau, math.inf, math.isnan(math.nan))
print("rounding:", math.floor(-2.5), math.ceil(-2.5), math.trunc(-2.5), math.floor(7.999), math.ceil(7.001))
print("logs:", math.log(100, 10), math.log10(1000), math.log2(1024), math.log(math.e), math.log1p(1e-10), math.exp(2))
print("powers:", math.pow(2, 10), math.sqrt(2), math.cbrt(27), 2 ** 0.5 == math.sqrt(2))
print("isclose:", math.isclose(0.1 + 0.2, 0.3), math.isclose(1e-10, 0, abs_tol=1e-9), math.isclose(100, 101, rel_tol=0.01))
print("copysign/fabs/fmod:", math.copysign(3, -0.0), math.fabs(-4), math.fmod(-7, 3), -7 % 3, math.remainder(7, 4))
print("modf/frexp/ldexp:", math.modf(3.75), math.frexp(8.0), math.ldexp(0.5, 4))
print("hyperbolic:", round(math.sinh(1), 10), round(math.cosh(1), 10), round(math.tanh(0.5), 10))
print("gamma/erf:", math.gamma(5), round(math.lgamma(10), 10), round(math.erf(1), 10), round(math.erfc(1), 10))
print("isfinite/isinf:", math.isfinite(1e308), math.isinf(1e308 * 10), "| nextafter:", math.nextafter(1.0, 2.0), "| ulp:", math.ulp(1.0))
