package org.complaints.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/** The benchmark's table: printed, and written to {@code bench/results/} as Markdown. */
final class Results {

    private final String size;
    private final String machine;
    private final List<String> rows = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    Results(String size, String database) {
        this.size = size;
        this.machine = Runtime.getRuntime().availableProcessors() + " cores, "
                + System.getProperty("os.name") + " " + System.getProperty("os.arch") + ", Java "
                + System.getProperty("java.version") + ", max heap "
                + Runtime.getRuntime().maxMemory() / (1024 * 1024)
                + " MB, " + database;
    }

    /** A scenario measured with latencies, beside its baseline. */
    void add(
            String scenario,
            String sizeText,
            Load.Result result,
            Load.Result baseline,
            double roundTripsPerOp,
            String target) {
        row(String.format(
                "| %s | %s | %,.1f/s | %.1f | %.1f | %.1f | %s | %s | %s |",
                scenario,
                sizeText,
                result.throughput(),
                result.millis(50),
                result.millis(95),
                result.millis(99),
                baseline == null
                        ? "-"
                        : String.format(
                                "%.2f× throughput, %.2f× p99",
                                result.throughput() / baseline.throughput(), result.millis(99) / baseline.millis(99)),
                Double.isNaN(roundTripsPerOp) ? "-" : String.format("%.1f", roundTripsPerOp),
                target + (result.failures() > 0 ? " (" + result.failures() + " failed)" : "")));
    }

    /** A figure without a latency distribution (storage, clean-up, memory). */
    void figure(String scenario, String sizeText, String value, String target) {
        row(String.format("| %s | %s | %s | | | | | | %s |", scenario, sizeText, value, target));
    }

    /** Printed as soon as measured too, so a run cut short still leaves its figures in the log. */
    private void row(String row) {
        rows.add(row);
        System.out.println("Result: " + row);
    }

    void note(String note) {
        notes.add(note);
        System.out.println(note);
    }

    Path write() {
        StringBuilder out = new StringBuilder()
                .append("# Benchmark, ")
                .append(size)
                .append(" size, ")
                .append(LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")))
                .append("\n\n")
                .append("Machine: ")
                .append(machine)
                .append(".\n\n")
                .append("| scenario | size | throughput | p50 ms | p95 ms | p99 ms | ratio to baseline | "
                        + "JDBC round trips per operation | target |\n")
                .append("|---|---|---|---|---|---|---|---|---|\n");
        rows.forEach(row -> out.append(row).append('\n'));
        if (!notes.isEmpty()) {
            out.append('\n');
            notes.forEach(note -> out.append("- ").append(note).append('\n'));
        }
        System.out.println(out);
        try {
            Path directory = Path.of("bench", "results");
            Files.createDirectories(directory);
            Path file = directory.resolve(
                    LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd-HHmm")) + "-" + size + ".md");
            Files.writeString(file, out);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
