package org.complaints;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's Chromium driven by its own chromedriver (both installed by .ci/run), headless, with a fresh profile
 * and no background network traffic: Selenium never downloads a browser.
 */
public final class HeadlessChromium {

    private HeadlessChromium() {}

    public static WebDriver start(int width, int height) throws IOException {
        return start(width, height, null);
    }

    /** The same, for a person whose browser asks for {@code language} first (e.g. "nl"); null: the system's. */
    public static WebDriver start(int width, int height, String language) throws IOException {
        ChromeOptions options = new ChromeOptions();
        if (language != null) {
            options.setExperimentalOption("prefs", java.util.Map.of("intl.accept_languages", language));
            options.addArguments("--lang=" + language);
        }
        options.setBinary("/usr/bin/chromium");
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--window-size=" + width + "," + height,
                "--user-data-dir=" + Files.createTempDirectory("chromium-profile"));
        return new ChromeDriver(
                new ChromeDriverService.Builder()
                        .usingDriverExecutable(new File("/usr/bin/chromedriver"))
                        .usingAnyFreePort()
                        .build(),
                options);
    }
}
