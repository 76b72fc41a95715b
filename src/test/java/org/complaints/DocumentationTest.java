package org.complaints;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The documentation agrees with the repository: links lead somewhere, every environment variable the application
 * reads is documented for operators, and every test class is listed for developers. Each test fails with the whole
 * list of what is missing, so one run shows everything to fix.
 */
class DocumentationTest {

    private static final Path ROOT = Path.of("").toAbsolutePath();

    /** The target of an inline link or image, optionally followed by a title. */
    private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)(?:\\s+\"[^\"]*\")?\\)");

    private static final Pattern FENCED_CODE = Pattern.compile("(?ms)^```.*?^```");
    private static final Pattern INLINE_CODE = Pattern.compile("`[^`\\n]*`");
    private static final Pattern HEADING = Pattern.compile("(?m)^#{1,6}\\s+(.+?)\\s*#*\\s*$");
    /** A placeholder whose name is upper case is an environment variable (Spring resolves it from the environment). */
    private static final Pattern ENV_PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)");

    private static final Pattern GETENV = Pattern.compile("System\\.getenv\\(\\s*\"([^\"]+)\"");

    @Test
    void everyRelativeLinkLeadsToAnExistingFileAndHeading() throws IOException {
        List<String> broken = new ArrayList<>();
        for (Path document : documents()) {
            String text = FENCED_CODE.matcher(read(document)).replaceAll("");
            Matcher link = LINK.matcher(INLINE_CODE.matcher(text).replaceAll(""));
            while (link.find()) {
                String target = link.group(1);
                if (target.matches("^[a-zA-Z][a-zA-Z0-9+.-]*:.*")) {
                    continue; // http:, https:, mailto: are not files of this repository
                }
                int hash = target.indexOf('#');
                String file = hash < 0 ? target : target.substring(0, hash);
                String anchor = hash < 0 ? null : target.substring(hash + 1);
                Path resolved = file.isEmpty()
                        ? document
                        : document.getParent().resolve(file).normalize();
                if (!Files.exists(resolved)) {
                    broken.add(ROOT.relativize(document) + ": " + target + " (no such file)");
                } else if (anchor != null
                        && resolved.toString().endsWith(".md")
                        && !anchors(read(resolved)).contains(anchor)) {
                    broken.add(ROOT.relativize(document) + ": " + target + " (no such heading in "
                            + ROOT.relativize(resolved) + ")");
                }
            }
        }
        assertThat(broken)
                .as("links in README.md, CONTRIBUTING.md and docs/*.md that lead nowhere")
                .isEmpty();
    }

    @Test
    void everyEnvironmentVariableTheApplicationReadsIsInTheOperatorsGuide() throws IOException {
        Set<String> variables = new TreeSet<>();
        try (Stream<Path> files = Files.list(ROOT.resolve("src/main/resources"))) {
            for (Path yaml : files.filter(f -> f.getFileName().toString().matches("application.*\\.ya?ml"))
                    .toList()) {
                ENV_PLACEHOLDER.matcher(read(yaml)).results().forEach(m -> variables.add(m.group(1)));
            }
        }
        try (Stream<Path> files = Files.walk(ROOT.resolve("src/main/java"))) {
            for (Path java : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                GETENV.matcher(read(java)).results().forEach(m -> variables.add(m.group(1)));
            }
        }
        assertThat(variables).as("environment variables found").isNotEmpty();

        String operators = read(ROOT.resolve("docs/operators.md"));
        List<String> missing = variables.stream()
                .filter(name -> !Pattern.compile("(?<![A-Z0-9_])" + name + "(?![A-Z0-9_])")
                        .matcher(operators)
                        .find())
                .toList();
        assertThat(missing)
                .as("environment variables the application reads that docs/operators.md does not name")
                .isEmpty();
    }

    @Test
    void everyTestClassIsListedInTheTestingGuide() throws IOException {
        Path tests = ROOT.resolve("src/test/java/org/complaints");
        String testing = read(ROOT.resolve("docs/testing.md"));
        List<String> missing;
        try (Stream<Path> files = Files.walk(tests)) {
            missing = files.map(f -> tests.relativize(f).toString().replace('\\', '/'))
                    .filter(name -> name.matches(".*(Test|IT|Benchmark)\\.java"))
                    .map(name -> name.substring(0, name.length() - ".java".length()))
                    .filter(name -> !testing.contains("`" + name + "`"))
                    .sorted()
                    .toList();
        }
        assertThat(missing)
                .as("test classes (path under org/complaints) not listed in docs/testing.md")
                .isEmpty();
    }

    private static List<Path> documents() throws IOException {
        List<Path> documents = new ArrayList<>(List.of(ROOT.resolve("README.md"), ROOT.resolve("CONTRIBUTING.md")));
        try (Stream<Path> docs = Files.list(ROOT.resolve("docs"))) {
            docs.filter(f -> f.toString().endsWith(".md")).sorted().forEach(documents::add);
        }
        return documents;
    }

    /** The anchors GitHub gives a Markdown file's headings: its slug, and slug-1, slug-2 for repeated ones. */
    static Set<String> anchors(String markdown) {
        Set<String> anchors = new TreeSet<>();
        Map<String, Integer> seen = new HashMap<>();
        Matcher heading = HEADING.matcher(FENCED_CODE.matcher(markdown).replaceAll(""));
        while (heading.find()) {
            String slug = slug(heading.group(1));
            int count = seen.merge(slug, 1, Integer::sum);
            anchors.add(count == 1 ? slug : slug + "-" + (count - 1));
        }
        return anchors;
    }

    /** GitHub's slug: lower case, markup and punctuation dropped (letters, digits, -, _ kept), spaces to hyphens. */
    static String slug(String heading) {
        String text = heading.replaceAll("\\[([^]]*)]\\([^)]*\\)", "$1").toLowerCase(Locale.ROOT);
        return text.replaceAll("[^\\p{L}\\p{N}\\s_-]", "").replace(' ', '-');
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(file.toString(), e);
        }
    }
}
