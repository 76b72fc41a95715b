package org.complaints.analysis;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Counts of complaints per received day and dimension value, and histograms of durations: what a report is computed
 * from. Closed complaints' counts are kept in the roll-up tables (they never change once closed); the still
 * open ones are tallied live, in the same shape.
 */
final class Tally {

    /** One counted value: e.g. dimension "channel_category", key1 "web", key2 "billing". */
    record Key(LocalDate day, String dimension, String key1, String key2) {}

    private final Map<Key, Long> counts = new HashMap<>();
    /** One duration bucket of one received day. */
    record DurationKey(LocalDate day, String measure, int bucket) {}

    private final Map<DurationKey, Long> durations = new HashMap<>();

    void count(LocalDate day, String dimension, String key1, String key2, long n) {
        if (n != 0) {
            counts.merge(new Key(day, dimension, key1, key2 == null ? "" : key2), n, Long::sum);
        }
    }

    void duration(LocalDate day, String measure, int bucket, long n) {
        durations.merge(new DurationKey(day, measure, bucket), n, Long::sum);
    }

    private List<String> topProducts = List.of();

    /** The products the series show by name, most frequent first. */
    List<String> topProducts() {
        return topProducts;
    }

    void topProducts(List<String> products) {
        topProducts = List.copyOf(products);
    }

    Map<Key, Long> counts() {
        return counts;
    }

    /** The measure's histogram over all days: bucket to count. */
    Map<Integer, Long> histogram(String measure) {
        Map<Integer, Long> histogram = new TreeMap<>();
        durations.forEach((key, n) -> {
            if (key.measure().equals(measure)) {
                histogram.merge(key.bucket(), n, Long::sum);
            }
        });
        return histogram;
    }

    Map<DurationKey, Long> durations() {
        return durations;
    }

    /** The total of one dimension's value over all days, e.g. the flag "received". */
    long total(String dimension, String key1) {
        return counts.entrySet().stream()
                .filter(e -> e.getKey().dimension().equals(dimension)
                        && e.getKey().key1().equals(key1))
                .mapToLong(Map.Entry::getValue)
                .sum();
    }

    /** Totals per key1 of one dimension over all days. */
    Map<String, Long> totals(String dimension) {
        Map<String, Long> totals = new TreeMap<>();
        counts.forEach((key, n) -> {
            if (key.dimension().equals(dimension)) {
                totals.merge(key.key1(), n, Long::sum);
            }
        });
        totals.values().removeIf(n -> n == 0);
        return totals;
    }
}
