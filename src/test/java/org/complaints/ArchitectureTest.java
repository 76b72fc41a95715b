package org.complaints;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The boundaries of the application's packages, checked on the compiled classes: one package per concern, each
 * saying what it is for, no cycle between the concerns, so each can be read (and changed) from the ones it
 * depends on, and Camunda's internal API used only in the engine's home, where {@code docs/engine-extensions.md}
 * lists each class that uses it.
 */
class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.complaints");

    /**
     * The concerns (first-level packages) depend on each other without cycles. The engine's home counts as one slice
     * per sub-package: its root holds the adapters every concern uses, each sub-package the hooks of one concern,
     * which depend on that concern and never the other way round.
     */
    @Test
    void theConcernsDependOnEachOtherWithoutCycles() {
        slices().assignedFrom(new SliceAssignment() {
                    @Override
                    public SliceIdentifier getIdentifierOf(JavaClass type) {
                        Matcher engine = Pattern.compile("org\\.complaints\\.engine\\.(\\w+).*")
                                .matcher(type.getPackageName());
                        if (engine.matches()) {
                            return SliceIdentifier.of("engine." + engine.group(1));
                        }
                        Matcher concern =
                                Pattern.compile("org\\.complaints\\.(\\w+).*").matcher(type.getPackageName());
                        return concern.matches() ? SliceIdentifier.of(concern.group(1)) : SliceIdentifier.ignore();
                    }

                    @Override
                    public String getDescription() {
                        return "concerns of org.complaints, and the engine's home by sub-package";
                    }
                })
                .should()
                .beFreeOfCycles()
                .check(CLASSES);
    }

    /** Camunda's internal API is used only in the engine's home, {@code org.complaints.engine}. */
    @Test
    void engineInternalsStayInTheEnginesHome() {
        noClasses()
                .that()
                .resideOutsideOfPackage("org.complaints.engine..")
                .should()
                .dependOnClassesThat(new DescribedPredicate<JavaClass>("are Camunda's internal API") {
                    @Override
                    public boolean test(JavaClass target) {
                        return isEngineInternal(target.getName());
                    }
                })
                .check(CLASSES);
    }

    @Test
    void theSubPackagesOfAConcernDependOnEachOtherWithoutCycles() {
        slices().matching("org.complaints.*.(*)..")
                .namingSlices("$1")
                .should()
                .beFreeOfCycles()
                .check(CLASSES);
    }

    /**
     * Every class that uses Camunda's internal API is in the inventory an engineer upgrading Camunda (or moving to a
     * community fork) reads first, and every class the inventory names still uses it.
     */
    @Test
    void engineInternalsAreUsedOnlyWhereTheInventorySays() throws IOException {
        Set<String> using = new TreeSet<>();
        for (JavaClass type : CLASSES) {
            boolean internal = type.getDirectDependenciesFromSelf().stream()
                    .map(dependency -> dependency.getTargetClass().getName())
                    .anyMatch(ArchitectureTest::isEngineInternal);
            if (internal) {
                String topLevel = type.getName().replaceAll("\\$.*", "");
                using.add(topLevel.substring("org.complaints.".length()).replace('.', '/'));
            }
        }
        Matcher rows = Pattern.compile("(?m)^\\| `([a-z/]+/[A-Z][A-Za-z]+)` \\|")
                .matcher(Files.readString(Path.of("docs/engine-extensions.md")));
        Set<String> listed = new TreeSet<>();
        while (rows.find()) {
            listed.add(rows.group(1));
        }
        assertThat(using)
                .as("classes using engine internals (left) against docs/engine-extensions.md")
                .containsExactlyElementsOf(listed);
    }

    private static boolean isEngineInternal(String type) {
        return (type.startsWith("org.camunda.bpm.") && type.contains(".impl.")
                        || type.startsWith("org.camunda.bpm.engine.rest."))
                // what IdentityService.getCurrentAuthentication() returns: public API in practice
                && !type.equals("org.camunda.bpm.engine.impl.identity.Authentication");
    }

    @Test
    void everyPackageSaysWhatItIsFor() throws IOException {
        Path sources = Path.of("src/main/java");
        List<Path> withoutDescription;
        try (Stream<Path> packages = Files.walk(sources.resolve("org/complaints"))) {
            withoutDescription = packages.filter(Files::isDirectory)
                    .filter(dir -> hasJava(dir) && !Files.exists(dir.resolve("package-info.java")))
                    .map(sources::relativize)
                    .toList();
        }
        assertThat(withoutDescription)
                .as("packages without a package-info.java saying what they are for")
                .isEmpty();
    }

    private static boolean hasJava(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.anyMatch(file -> file.toString().endsWith(".java"));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
