package org.complaints;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * axe-core, installed from npm into target/ on first use, run on the page a headless browser shows: the accessibility
 * check every browser test of a page uses, so all of them hold pages to the same rules of the same version.
 */
public final class Axe {

    private static final String VERSION = "4.14.1";
    private static final Path HOME = Path.of("target", "axe-core");
    private static String script;

    private Axe() {}

    /** Serious and critical axe violations of the page now shown, as "rule (impact): target" lines. */
    @SuppressWarnings("unchecked")
    public static List<String> seriousViolations(WebDriver browser) throws IOException, InterruptedException {
        JavascriptExecutor js = (JavascriptExecutor) browser;
        js.executeScript(script());
        Map<String, Object> results = (Map<String, Object>)
                js.executeAsyncScript(
                        "const done = arguments[arguments.length - 1];"
                                + "axe.run(document, {resultTypes: ['violations']}).then(r => done(r), e => done({error: String(e)}));");
        assertThat(results).doesNotContainKey("error");
        List<String> found = new ArrayList<>();
        for (Map<String, Object> violation : (List<Map<String, Object>>) results.get("violations")) {
            String impact = String.valueOf(violation.get("impact"));
            if (impact.equals("serious") || impact.equals("critical")) {
                for (Map<String, Object> node : (List<Map<String, Object>>) violation.get("nodes")) {
                    found.add(violation.get("id") + " (" + impact + "): " + node.get("target"));
                }
            }
        }
        return found;
    }

    private static synchronized String script() throws IOException, InterruptedException {
        if (script == null) {
            Path file = HOME.resolve("node_modules/axe-core/axe.min.js");
            if (!Files.exists(file)) {
                Files.createDirectories(HOME);
                Process npm = new ProcessBuilder(
                                "npm",
                                "install",
                                "--prefix",
                                HOME.toString(),
                                "--no-audit",
                                "--no-fund",
                                "--loglevel=error",
                                "axe-core@" + VERSION)
                        // never the test JVM's own streams: they carry failsafe's channel to Maven
                        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                        .redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.appendTo(
                                HOME.resolve("npm.log").toFile()))
                        .start();
                assertThat(npm.waitFor()).as("npm install axe-core").isZero();
            }
            script = Files.readString(file, StandardCharsets.UTF_8);
        }
        return script;
    }
}
