package org.complaints.intake.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.complaints.Axe;
import org.complaints.HeadlessChromium;
import org.complaints.PostgresApplicationTestSupport;
import org.complaints.closure.ClosureService;
import org.complaints.register.Complaint;
import org.complaints.register.ComplaintRegister;
import org.complaints.register.NewComplaint;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

/**
 * The complainant's pages pass axe-core (from npm, run in Debian's headless Chromium) without serious or
 * critical violations, in all four languages: the form, the form showing errors, the status page, and the
 * satisfaction survey (form, errors, thanks, link already used), and the privacy notice; the form listing the
 * files it kept after an error, the confirmation (also reopened from a language link), the status page with the
 * complainant's own complaint and file, the withdrawal confirmation and the page of an unknown address.
 */
class PublicPagesAccessibilityIT extends PostgresApplicationTestSupport {

    @Autowired
    ComplaintRegister register;

    @Autowired
    ClosureService closure;

    private WebDriver browser;

    @BeforeEach
    void browser() throws Exception {
        browser = HeadlessChromium.start(1200, 1000);
    }

    @AfterEach
    void close() {
        if (browser != null) {
            browser.quit();
        }
    }

    private List<String> seriousViolations() throws Exception {
        return Axe.seriousViolations(browser);
    }

    private void open(String path) {
        browser.get("http://127.0.0.1:" + port + path);
        new WebDriverWait(browser, Duration.ofSeconds(20))
                .until(ExpectedConditions.presenceOfElementLocated(By.tagName("h1")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "tr", "nl", "et"})
    void formAndStatusPagesHaveNoSeriousViolations(String language) throws Exception {
        open("/?lang=" + language);
        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo(language);
        assertThat(seriousViolations()).as("complaint form in " + language).isEmpty();

        browser.findElement(By.cssSelector("form.complaint-form button[type=submit]"))
                .click();
        new WebDriverWait(browser, Duration.ofSeconds(20))
                .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".error-summary")));
        assertThat(seriousViolations())
                .as("complaint form with errors in " + language)
                .isEmpty();

        RestClient api = RestClient.builder()
                .baseUrl("http://127.0.0.1:" + port)
                .requestFactory(new JdkClientHttpRequestFactory())
                .build();
        String body = api.method(HttpMethod.POST)
                .uri("/api/complaints")
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of(
                        "name",
                        "Axe Tester",
                        "email",
                        "axe." + language + "." + System.nanoTime() + "@example.org",
                        "language",
                        language,
                        "productOrService",
                        "Accessibility",
                        "description",
                        "Checking the status page with axe-core.",
                        "consent",
                        true))
                .retrieve()
                .body(String.class);
        String statusUrl = JSON.readTree(body).path("statusUrl").asText();
        open(statusUrl.substring(PUBLIC_BASE_URL.length()) + "&lang=" + language);
        assertThat(seriousViolations()).as("status page in " + language).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "tr", "nl", "et"})
    void privacyNoticeHasNoSeriousViolations(String language) throws Exception {
        open("/privacy?lang=" + language);
        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo(language);
        assertThat(browser.findElement(By.cssSelector(".retention")).getText()).isNotBlank();
        assertThat(seriousViolations()).as("privacy notice in " + language).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "tr", "nl", "et"})
    void surveyPagesHaveNoSeriousViolations(String language) throws Exception {
        // recorded and closed directly: the public API's limit of submissions per minute is for the other test
        Complaint complaint = register.create(new NewComplaint(
                "web",
                java.time.Instant.now(),
                null,
                "Axe Surveyed",
                "axe.survey." + language + "." + System.nanoTime() + "@example.org",
                null,
                language,
                "Accessibility",
                "Checking the survey pages with axe-core.",
                null,
                null,
                null,
                "medium",
                "individual",
                "other",
                false));
        closure.close(complaint.id(), "WITHDRAWN", "axe", null, null);
        String invitation = text(awaitMail(messageId("survey-invitation", complaint.reference()), null));
        java.util.regex.Matcher link =
                java.util.regex.Pattern.compile("/survey/[A-Za-z0-9_-]{43}").matcher(invitation);
        assertThat(link.find()).as(invitation).isTrue();

        open(link.group());
        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo(language);
        assertThat(seriousViolations()).as("survey in " + language).isEmpty();

        // sent without the browser's own check of the required choices: the server's answer with errors
        ((JavascriptExecutor) browser).executeScript("document.querySelector('main form').noValidate = true;");
        browser.findElement(By.cssSelector("main form button[type=submit]")).click();
        new WebDriverWait(browser, Duration.ofSeconds(20))
                .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".error-summary")));
        assertThat(seriousViolations()).as("survey with errors in " + language).isEmpty();

        for (String question : List.of("handlingScore", "outcomeScore", "easeScore")) {
            browser.findElement(By.cssSelector("label[for=" + question + "-4]")).click();
        }
        browser.findElement(By.cssSelector("main form button[type=submit]")).click();
        new WebDriverWait(browser, Duration.ofSeconds(20))
                .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".confirmation")));
        assertThat(seriousViolations()).as("survey thanks in " + language).isEmpty();

        open(link.group());
        assertThat(browser.findElement(By.tagName("h1")).getText()).isNotBlank();
        assertThat(seriousViolations())
                .as("survey already answered in " + language)
                .isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "tr", "nl", "et"})
    void keptFilesConfirmationWithdrawalAndErrorPagesHaveNoSeriousViolations(String language) throws Exception {
        Path file = Files.createTempDirectory("axe").resolve("evidence.txt");
        Files.writeString(file, "A receipt, as text.\n");
        open("/?lang=" + language);
        browser.findElement(By.id("name")).sendKeys("Axe Keeper");
        browser.findElement(By.id("email")).sendKeys("axe.kept." + language + "." + System.nanoTime() + "@example.org");
        browser.findElement(By.id("productOrService")).sendKeys("Accessibility");
        browser.findElement(By.id("description")).sendKeys("Checking the kept files with axe-core.");
        browser.findElement(By.id("attachments")).sendKeys(file.toString());
        browser.findElement(By.cssSelector("form.complaint-form button[type=submit]"))
                .click();
        new WebDriverWait(browser, Duration.ofSeconds(20))
                .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".kept-attachment")));
        assertThat(seriousViolations())
                .as("form with kept files in " + language)
                .isEmpty();

        browser.findElement(By.cssSelector("label[for=consent]")).click();
        browser.findElement(By.cssSelector("form.complaint-form button[type=submit]"))
                .click();
        new WebDriverWait(browser, Duration.ofSeconds(20))
                .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".confirmation")));
        assertThat(seriousViolations()).as("confirmation in " + language).isEmpty();
        browser.findElement(By.cssSelector("a[hreflang=" + language + "]")).click();
        new WebDriverWait(browser, Duration.ofSeconds(20))
                .until(ExpectedConditions.urlContains("/complaints/submitted"));
        assertThat(seriousViolations())
                .as("confirmation reopened in " + language)
                .isEmpty();

        browser.findElement(By.cssSelector("main a.button")).click();
        new WebDriverWait(browser, Duration.ofSeconds(20))
                .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".own-attachments a")));
        assertThat(seriousViolations())
                .as("status page with the own complaint in " + language)
                .isEmpty();
        browser.findElement(By.cssSelector("#withdraw-title ~ form button[type=submit]"))
                .click();
        new WebDriverWait(browser, Duration.ofSeconds(20))
                .until(ExpectedConditions.presenceOfElementLocated(By.id("confirm-withdrawal")));
        assertThat(seriousViolations())
                .as("withdrawal confirmation in " + language)
                .isEmpty();

        open("/no-such-page?lang=" + language);
        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo(language);
        assertThat(seriousViolations()).as("unknown address in " + language).isEmpty();
    }
}
