package org.complaints.intake.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.complaints.HeadlessChromium;
import org.complaints.PostgresApplicationTestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A complainant in a real browser (Debian's headless Chromium): files a complaint in Dutch and in Turkish,
 * opens the status page from the acknowledgement's link, and rejects the decision in English.
 */
class ComplainantBrowserIT extends PostgresApplicationTestSupport {

    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final Pattern STATUS_LINK =
            Pattern.compile(Pattern.quote(PUBLIC_BASE_URL) + "(/complaints/CMP-\\d{4}-\\d{6}\\?token=[A-Za-z0-9_-]+)");

    private WebDriver browser;

    @BeforeEach
    void browser() throws Exception {
        browser = HeadlessChromium.start(1200, 1000);
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterEach
    void close() {
        if (browser != null) {
            browser.quit();
        }
    }

    private void shot(String name) throws Exception {
        Files.write(SCREENSHOTS.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    private WebElement waitFor(By by) {
        return new WebDriverWait(browser, Duration.ofSeconds(20))
                .until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    /** The status link of the e-mail with this Message-ID, on this test's server. */
    private String statusLink(String messageId) throws Exception {
        MimeMessage mail = awaitMail(messageId, null);
        Matcher link = STATUS_LINK.matcher((String) mail.getContent());
        assertThat(link.find()).as("status link in " + messageId).isTrue();
        return url(link.group(1));
    }

    private String fileThroughTheForm(String language, String name, String email, String description) throws Exception {
        browser.get(url("/?lang=" + language));
        waitFor(By.id("name")).sendKeys(name);
        browser.findElement(By.id("email")).sendKeys(email);
        browser.findElement(By.id("productOrService")).sendKeys("Wasmachine WM-200");
        browser.findElement(By.id("description")).sendKeys(description);
        browser.findElement(By.cssSelector("label[for=consent]")).click();
        browser.findElement(By.cssSelector("form.complaint-form button[type=submit]"))
                .click();
        String confirmation = waitFor(By.cssSelector(".confirmation")).getText();
        Matcher reference = Pattern.compile("CMP-\\d{4}-\\d{6}").matcher(confirmation);
        assertThat(reference.find()).as(confirmation).isTrue();
        return reference.group();
    }

    @Test
    void aComplainantFilesFollowsAndRejectsTheDecision() throws Exception {
        // Dutch: the process is explained before anything is typed, and missing fields are announced
        browser.get(url("/?lang=nl"));
        assertThat(waitFor(By.tagName("h1")).getText()).isEqualTo("Een klacht indienen");
        assertThat(browser.findElement(By.cssSelector(".how")).getText())
                .contains("kosteloos")
                .contains("werkdagen");
        browser.findElement(By.cssSelector("form.complaint-form button[type=submit]"))
                .click();
        WebElement summary = waitFor(By.cssSelector(".error-summary[role=alert]"));
        assertThat(summary.getText()).contains("Uw naam is verplicht.").contains("Uw klacht is verplicht.");
        assertThat(browser.findElement(By.id("name")).getAttribute("aria-invalid"))
                .isEqualTo("true");
        assertThat(browser.findElement(By.id("name")).getAttribute("aria-describedby"))
                .isEqualTo("name-error");
        shot("01-form-errors-nl");

        String email = "browser." + System.nanoTime() + "@example.nl";
        String reference = fileThroughTheForm("nl", "Daan de Boer", email, "De machine lekt water bij elke wasbeurt.");
        shot("02-submitted-nl");

        // the acknowledgement's link opens the status page
        browser.get(statusLink(messageId("acknowledgement", reference)));
        assertThat(waitFor(By.tagName("h1")).getText()).isEqualTo("Klacht " + reference);
        shot("03-status-nl");

        // staff decide (not upheld) through the engine's REST API
        String processInstanceId =
                (String) jdbc.sql("select process_instance_id from cmp_complaint where reference = ?")
                        .param(reference)
                        .query()
                        .singleRow()
                        .get("process_instance_id");
        decideNotUpheld(
                reference,
                processInstanceId,
                "The hose was fitted wrongly by the customer's own installer.",
                "The leak comes from an installation we did not carry out.");

        // the decision e-mail's link; switching to English keeps the token
        browser.get(statusLink(messageId("decision-1", reference)));
        waitFor(By.cssSelector("a[hreflang=en]")).click();
        assertThat(waitFor(By.id("respond-title")).getText()).isEqualTo("Do you accept our decision?");
        assertThat(browser.findElement(By.cssSelector("#decision-title")).getText())
                .isEqualTo("Our decision");
        shot("04-decision-en");
        browser.findElement(By.cssSelector("label[for=accepted-no]")).click();
        browser.findElement(By.id("comment")).sendKeys("I do not agree <script>alert(1)</script>");
        browser.findElement(By.cssSelector("#respond-title ~ form button[type=submit]"))
                .click();
        assertThat(waitFor(By.cssSelector(".confirmation")).getText())
                .isEqualTo("Thank you. We have received your answer and will review your complaint.");
        shot("05-rejected-en");
        awaitTask(reference, "Task_ReviewComplaint", processInstanceId);
        assertThat(jdbc.sql("""
                select detail from cmp_event e join cmp_complaint c on c.id = e.complaint_id
                where c.reference = ? and e.event_type = 'DECISION_REJECTED'""").param(reference).query(String.class).single())
                .isEqualTo("I do not agree <script>alert(1)</script>");
    }

    @Test
    void turkishComplaintShowsTypedMarkupAsTextAndTheKeyboardReachesTheContent() throws Exception {
        browser.get(url("/?lang=tr"));
        assertThat(waitFor(By.tagName("h1")).getText()).isEqualTo("Şikâyette bulunun");
        // the first Tab lands on the skip link, which moves the focus to the main content
        browser.findElement(By.tagName("body")).sendKeys(Keys.TAB);
        WebElement focused = browser.switchTo().activeElement();
        assertThat(focused.getAttribute("class")).isEqualTo("skip-link");
        focused.sendKeys(Keys.ENTER);
        assertThat(browser.getCurrentUrl()).endsWith("#main");

        String reference = fileThroughTheForm(
                "tr",
                "Ayşe <b>Yılmaz</b>",
                "tr." + System.nanoTime() + "@example.com.tr",
                "Çamaşır makinesi <script>alert(1)</script> su sızdırıyor.");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Teşekkür ederiz, şikâyetinizi aldık");
        shot("06-submitted-tr");
        browser.findElement(By.cssSelector("a.button")).click();
        assertThat(waitFor(By.tagName("h1")).getText()).isEqualTo("Şikâyet " + reference);
        assertThat(browser.findElement(By.cssSelector(".status dd")).getText())
                .isIn(List.of("alındı", "ilk değerlendirme"));
        assertThat(browser.getPageSource()).doesNotContain("<script>alert(1)</script>");
        shot("07-status-tr");
        assertThat(jdbc.sql("select complainant_name from cmp_complaint where reference = ?")
                        .param(reference)
                        .query(String.class)
                        .single())
                .isEqualTo("Ayşe <b>Yılmaz</b>");
    }
}
