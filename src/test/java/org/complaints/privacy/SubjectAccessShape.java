package org.complaints.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The keys of the subject-access export, object by object (e.g. {@code complaints[].engineHistory.tasks[]}), as
 * listed in {@code privacy/subject-access-shape.txt}: the H2 and the PostgreSQL test check their export against
 * the same list, so both databases give the same document. A column added to an exported table fails both until
 * it is listed, so nobody exports a new column (a secret, say) without deciding to.
 */
final class SubjectAccessShape {

    /** Objects every export of a complaint that has engine history contains. */
    static final List<String> ALWAYS = List.of(
            "",
            "identifiedBy",
            "complaints[]",
            "complaints[].engineHistory",
            "complaints[].engineHistory.processInstance",
            "complaints[].engineHistory.activities[]",
            "complaints[].engineHistory.tasks[]",
            "complaints[].engineHistory.variables[]",
            "complaints[].events[]",
            "complaints[].audit[]");

    private SubjectAccessShape() {}

    /** Every object's keys in the document, by path; list elements share their list's path. */
    static Map<String, Set<String>> of(JsonNode document) {
        Map<String, Set<String>> shape = new TreeMap<>();
        walk(document, "", shape);
        return shape;
    }

    static Map<String, Set<String>> expected() {
        try (InputStream in = SubjectAccessShape.class.getResourceAsStream("/privacy/subject-access-shape.txt")) {
            Map<String, Set<String>> shape = new TreeMap<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.split(":", 2);
                shape.put(
                        parts[0].trim(),
                        Arrays.stream(parts[1].split(","))
                                .map(String::trim)
                                .filter(k -> !k.isEmpty())
                                .collect(Collectors.toCollection(TreeSet::new)));
            }
            return shape;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The export has exactly the listed keys on every object, the objects always there, and no tracking token. */
    static void check(JsonNode export) {
        checkListedKeys(export);
        assertThat(of(export).keySet()).containsAll(ALWAYS);
    }

    /**
     * The export has exactly the listed keys on every object it has, and no tracking token: for an export without
     * complaints of the person's own (a representative's).
     */
    static void checkListedKeys(JsonNode export) {
        Map<String, Set<String>> actual = of(export);
        Map<String, Set<String>> expected = expected();
        List<String> differences = new ArrayList<>();
        actual.forEach((path, keys) -> {
            if (!keys.equals(expected.get(path))) {
                differences.add(path + ": " + String.join(", ", keys) + "   (listed: " + expected.get(path) + ")");
            }
        });
        assertThat(differences)
                .as("objects of the export whose keys differ from subject-access-shape.txt")
                .isEmpty();
        assertThat(export.findValues("trackingToken")).isEmpty();
        assertThat(export.toString().toLowerCase())
                .doesNotContain("tracking_token")
                .doesNotContain("trackingtoken");
    }

    private static void walk(JsonNode node, String path, Map<String, Set<String>> shape) {
        if (node.isObject()) {
            Set<String> keys = shape.computeIfAbsent(path, p -> new TreeSet<>());
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                keys.add(field.getKey());
                walk(field.getValue(), path.isEmpty() ? field.getKey() : path + "." + field.getKey(), shape);
            }
        } else if (node.isArray()) {
            node.forEach(element -> walk(element, path + "[]", shape));
        }
    }
}
