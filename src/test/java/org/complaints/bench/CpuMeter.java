package org.complaints.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * How busy the machine was over a stretch of the run, and who kept it busy: this JVM (application, load generator
 * and SMTP server) and PostgreSQL's processes, from Linux's {@code /proc} (clock ticks, 100 per second). Read at
 * the start and end of a row; elsewhere than Linux it says it cannot tell.
 */
final class CpuMeter {

    private static final double TICKS_PER_SECOND = 100.0;

    /**
     * Ticks so far: all cores busy, all cores in all, this JVM, PostgreSQL, this JVM's live threads by kind; taken at
     * {@code nanos}.
     */
    record Reading(long busy, long total, long jvm, long postgres, Map<String, Long> threads, long nanos) {

        /** From this reading to now, as one sentence. */
        String since() {
            Reading now = read();
            if (this.total == 0) {
                return "CPU use unknown (no /proc)";
            }
            double seconds = (now.nanos - nanos) / 1e9;
            double cores = Runtime.getRuntime().availableProcessors();
            double busyShare = (double) (now.busy - busy) / Math.max(1, now.total - total);
            double perCent = 100 / TICKS_PER_SECOND / seconds / cores;
            // the JVM's own threads (collector, compiler) do not show in Flight Recorder's execution samples
            String byKind = now.threads.entrySet().stream()
                    .map(e -> Map.entry(e.getKey(), e.getValue() - threads.getOrDefault(e.getKey(), 0L)))
                    .filter(e -> e.getValue() * perCent >= 0.5)
                    .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()))
                    .map(e -> String.format("%s %.0f%%", e.getKey(), e.getValue() * perCent))
                    .collect(Collectors.joining(", "));
            return String.format(
                    "machine %.0f%% busy over %d cores (this JVM %.0f%%: %s; PostgreSQL %.0f%% of the " + "machine)",
                    100 * busyShare,
                    (int) cores,
                    (now.jvm - jvm) * perCent,
                    byKind,
                    (now.postgres - postgres) * perCent);
        }
    }

    private CpuMeter() {}

    static Reading read() {
        try {
            String[] cpu =
                    Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long total = 0;
            for (int i = 1; i < cpu.length; i++) {
                total += Long.parseLong(cpu[i]);
            }
            // idle and iowait are the fourth and fifth figures
            long idle = Long.parseLong(cpu[4]) + Long.parseLong(cpu[5]);
            long postgres = 0;
            try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
                for (Path process : processes
                        .filter(p -> p.getFileName().toString().matches("\\d+"))
                        .toList()) {
                    postgres += ticks(process, "postgres");
                }
            }
            return new Reading(
                    total - idle, total, ticks(Path.of("/proc/self"), null), postgres, threads(), System.nanoTime());
        } catch (IOException | RuntimeException e) {
            return new Reading(0, 0, 0, 0, Map.of(), System.nanoTime());
        }
    }

    /** This JVM's live threads' ticks by kind (a thread that ended since an earlier reading leaves its kind short). */
    private static Map<String, Long> threads() throws IOException {
        Map<String, Long> byKind = new HashMap<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            for (Path task : tasks.toList()) {
                Stat stat = stat(task);
                if (stat != null) {
                    byKind.merge(kind(stat.command()), stat.ticks(), Long::sum);
                }
            }
        }
        return byKind;
    }

    /** Linux keeps the first 15 characters of a thread's name: grouped by what they start with. */
    static String kind(String name) {
        if (name.startsWith("GC Thread") || name.startsWith("G1 ") || name.equals("VM Thread")) {
            return "collector and safepoints";
        }
        if (name.startsWith("C1 Compiler") || name.startsWith("C2 Compiler")) {
            return "compiler";
        }
        if (name.startsWith("http-nio")) {
            return "web";
        }
        if (name.startsWith("camundaTaskExec")) {
            return "job executor";
        }
        if (name.startsWith("JobExecutor[")) {
            return "job acquisition";
        }
        // pool threads differ only by their number
        return name.replaceAll("[-#_ ]?\\d+$", "").replaceAll("[-#_ ]+$", "");
    }

    /** User + system ticks of one process, if its command is {@code command} (any when null); else 0. */
    private static long ticks(Path process, String command) {
        Stat stat = stat(process);
        return stat == null || command != null && !command.equals(stat.command()) ? 0 : stat.ticks();
    }

    /** A process's or thread's command and user + system ticks. */
    private record Stat(String command, long ticks) {}

    /** From {@code <process or thread>/stat}; null when it ended between listing and reading. */
    private static Stat stat(Path process) {
        try {
            String stat = Files.readString(process.resolve("stat"));
            // the command is in parentheses and may hold spaces: the fields count from the closing one
            int close = stat.lastIndexOf(')');
            List<String> fields = List.of(stat.substring(close + 2).split(" "));
            return new Stat(
                    stat.substring(stat.indexOf('(') + 1, close),
                    Long.parseLong(fields.get(11)) + Long.parseLong(fields.get(12)));
        } catch (IOException | RuntimeException gone) {
            return null;
        }
    }
}
