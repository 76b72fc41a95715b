package org.complaints.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * Drives an operation and records its latencies in an HdrHistogram (microseconds). Two shapes:
 * {@link #closed} (so many clients, each starting its next operation when the last one ended: the throughput
 * a number of clients reaches) and {@link #open} (operations started at a fixed rate whether or not earlier ones
 * finished, latency counted from the moment each was due: queueing is not hidden).
 */
final class Load {

    /** One operation; {@code i} numbers them from 0. */
    @FunctionalInterface
    interface Operation {
        void run(int i) throws Exception;
    }

    /** What a run measured. */
    record Result(
            long operations,
            long failures,
            double seconds,
            Histogram latencies,
            long[] microsByOperation,
            double perSecond) {

        Result(long operations, long failures, double seconds, Histogram latencies) {
            this(operations, failures, seconds, latencies, null, Double.NaN);
        }

        /**
         * Of an open loop: how the operations slower than {@code millis} spread over the run's seconds (by when
         * each was due), so a queue that builds now and then (a burst of background work) shows apart from a
         * machine that is slow throughout.
         */
        String slowSeconds(long millis) {
            if (microsByOperation == null) {
                return "";
            }
            TreeMap<Integer, int[]> bySecond = new TreeMap<>();
            int slow = 0;
            for (int i = 0; i < microsByOperation.length; i++) {
                if (microsByOperation[i] > millis * 1000) {
                    slow++;
                    int[] second = bySecond.computeIfAbsent((int) (i / perSecond), s -> new int[2]);
                    second[0]++;
                    second[1] = (int) Math.max(second[1], microsByOperation[i] / 1000);
                }
            }
            StringBuilder worst = new StringBuilder();
            bySecond.entrySet().stream()
                    .sorted((a, b) -> Integer.compare(b.getValue()[0], a.getValue()[0]))
                    .limit(5)
                    .forEach(e -> worst.append(worst.isEmpty() ? "" : ", ")
                            .append(String.format(
                                    "second %d: %d (up to %d ms)", e.getKey(), e.getValue()[0], e.getValue()[1])));
            return String.format(
                    "%d of %d operations over %d ms, due in %d of %d seconds%s",
                    slow,
                    microsByOperation.length,
                    millis,
                    bySecond.size(),
                    (int) Math.ceil(microsByOperation.length / perSecond),
                    slow == 0 ? "" : "; most in " + worst);
        }

        double throughput() {
            return operations / seconds;
        }

        double millis(double percentile) {
            return latencies.getTotalCount() == 0 ? Double.NaN : latencies.getValueAtPercentile(percentile) / 1000.0;
        }
    }

    private Load() {}

    static Result closed(int clients, int operations, Operation operation) throws Exception {
        Histogram histogram = new ConcurrentHistogram(3_600_000_000L, 3);
        AtomicInteger next = new AtomicInteger();
        AtomicLong failures = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long start = System.nanoTime();
        List<Future<?>> running = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            running.add(pool.submit(() -> {
                for (int i = next.getAndIncrement(); i < operations; i = next.getAndIncrement()) {
                    long began = System.nanoTime();
                    try {
                        operation.run(i);
                    } catch (Exception e) {
                        failures.incrementAndGet();
                        report(e);
                    }
                    histogram.recordValue(Math.max(1, (System.nanoTime() - began) / 1000));
                }
                return null;
            }));
        }
        for (Future<?> client : running) {
            client.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        return new Result(operations - failures.get(), failures.get(), seconds, histogram);
    }

    static Result open(double perSecond, int operations, int maxInFlight, Operation operation) throws Exception {
        Histogram histogram = new ConcurrentHistogram(3_600_000_000L, 3);
        AtomicLong failures = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(maxInFlight);
        long[] micros = new long[operations];
        long interval = (long) (1e9 / perSecond);
        long start = System.nanoTime();
        for (int i = 0; i < operations; i++) {
            long due = start + i * interval;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            int index = i;
            pool.execute(() -> {
                try {
                    operation.run(index);
                } catch (Exception e) {
                    failures.incrementAndGet();
                    report(e);
                }
                // from when it was due, not from when a thread was free: the wait is part of the latency
                micros[index] = Math.max(1, (System.nanoTime() - due) / 1000);
                histogram.recordValue(micros[index]);
            });
        }
        pool.shutdown();
        if (!pool.awaitTermination(30, TimeUnit.MINUTES)) {
            throw new IllegalStateException("open-loop run did not finish");
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Result(operations - failures.get(), failures.get(), seconds, histogram, micros, perSecond);
    }

    private static final AtomicInteger REPORTED = new AtomicInteger();

    // the first few failures are printed; a benchmark with failures says so in its table
    private static void report(Exception e) {
        if (REPORTED.incrementAndGet() <= 5) {
            System.err.println("benchmark operation failed: " + e);
        }
    }
}
