package org.complaints;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The boundaries of the application's packages, checked on the compiled classes: one package per concern, each
 * saying what it is for, and no cycle between the concerns, so each can be read (and changed) from the ones it
 * depends on.
 */
class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.complaints");

    @Test
    void theConcernsDependOnEachOtherWithoutCycles() {
        slices().matching("org.complaints.(*)..").namingSlices("$1").should().beFreeOfCycles().check(CLASSES);
    }

    @Test
    void theSubPackagesOfAConcernDependOnEachOtherWithoutCycles() {
        slices().matching("org.complaints.*.(*)..").namingSlices("$1").should().beFreeOfCycles().check(CLASSES);
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
        assertThat(withoutDescription).as("packages without a package-info.java saying what they are for").isEmpty();
    }

    private static boolean hasJava(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.anyMatch(file -> file.toString().endsWith(".java"));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
