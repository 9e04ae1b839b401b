"""Summarise exam results per class with the statistics module."""
import statistics as st

classes = {
    "7A": [72, 85, 91, 64, 78, 88, 95, 70, 85, 59],
    "7B": [55, 62, 70, 70, 81, 77, 68, 90, 70],
    "7C": [99, 93, 88, 96, 91, 94],
}

print(f"{'class':<6}{'n':>3}{'mean':>8}{'median':>8}{'mode':>6}{'stdev':>8}{'pstdev':>8}{'range':>7}")
for name, scores in classes.items():
    print(
        f"{name:<6}{len(scores):>3}{st.mean(scores):>8.2f}{st.median(scores):>8}{st.mode(scores):>6}"
        f"{st.stdev(scores):>8.3f}{st.pstdev(scores):>8.3f}{max(scores) - min(scores):>7}"
    )

everyone = [s for scores in classes.values() for s in scores]
print("overall mean:", st.mean(everyone), "| fmean:", round(st.fmean(everyone), 4))
print("median low/high:", st.median_low([1, 3, 5, 7]), st.median_high([1, 3, 5, 7]), st.median([1, 3, 5, 7]))
print("median_grouped:", st.median_grouped([52, 52, 53, 54]))
print("variance:", round(st.variance(everyone), 4), "| pvariance:", round(st.pvariance(everyone), 4))
print("multimode:", st.multimode([1, 1, 2, 2, 3]), st.multimode("aabbbcc"))
print("quartiles:", st.quantiles(everyone, n=4))
print("deciles:", [round(q, 1) for q in st.quantiles(everyone, n=10)])
print("inclusive quartiles:", st.quantiles(everyone, n=4, method="inclusive"))
print("geometric/harmonic:", round(st.geometric_mean([1, 10, 100]), 6), st.harmonic_mean([40, 60]))
hours = [2, 3, 5, 1, 4, 6, 2, 5, 3, 7]
marks = [65, 70, 85, 55, 78, 92, 60, 88, 72, 95]
print("correlation:", round(st.correlation(hours, marks), 4))
slope, intercept = st.linear_regression(hours, marks)
print(f"regression: marks = {slope:.3f} * hours + {intercept:.3f}")
print("mean of fractions:", st.mean([0.5, 0.25, 0.125]))
try:
    st.mean([])
except st.StatisticsError as exc:
    print("StatisticsError:", exc)
try:
    st.stdev([42])
except st.StatisticsError as exc:
    print("StatisticsError:", exc)
