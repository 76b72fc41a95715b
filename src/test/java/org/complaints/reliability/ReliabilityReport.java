package org.complaints.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The figures the reliability test observes, printed as they come and rewritten to {@code report.md} each time,
 * so a run that fails half-way still leaves what it saw.
 */
final class ReliabilityReport {

    private final Path file;
    private final List<String> preamble;
    private final Map<String, List<String[]>> sections = new LinkedHashMap<>();

    ReliabilityReport(Path file, List<String> preamble) {
        this.file = file;
        this.preamble = preamble;
    }

    synchronized void figure(String section, String name, Object value) {
        String text = value instanceof Duration duration ? seconds(duration) : String.valueOf(value);
        System.out.println("[reliability] " + section + " | " + name + ": " + text);
        sections.computeIfAbsent(section, s -> new ArrayList<>()).add(new String[] {name, text});
        write();
    }

    static String seconds(Duration duration) {
        return String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
    }

    private void write() {
        StringBuilder markdown = new StringBuilder("# Reliability test: two nodes on one PostgreSQL\n\n");
        preamble.forEach(line -> markdown.append(line).append('\n'));
        sections.forEach((section, figures) -> {
            markdown.append("\n## ").append(section).append("\n\n| figure | value |\n|---|---|\n");
            figures.forEach(f -> markdown.append("| ")
                    .append(f[0])
                    .append(" | ")
                    .append(f[1])
                    .append(" |\n"));
        });
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, markdown);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
