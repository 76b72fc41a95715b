package org.complaints.letters;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.complaints.HeadlessChromium;
import org.complaints.PostgresApplicationTestSupport;
import org.complaints.mail.OutgoingMail;
import org.complaints.register.Complaint;
import org.complaints.register.ComplaintRegister;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The print queue page as complaint intake uses it in headless Chromium, signed in to Tasklist: the waiting letter
 * in the staff member's language, "Mark posted" by the page's form (the session with the page's token), a form
 * posted without that token refused. Screenshots go to target/screenshots/.
 */
class LetterPagesBrowserIT extends PostgresApplicationTestSupport {

    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    @Autowired
    private PostalDelivery postal;

    @Autowired
    private ComplaintRegister register;

    @Autowired
    private TransactionTemplate transactions;

    private WebDriver browser;

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    private WebElement waitFor(By by) {
        return new WebDriverWait(browser, Duration.ofSeconds(90))
                .until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    private void shot(String name) throws Exception {
        Files.createDirectories(SCREENSHOTS);
        Files.write(SCREENSHOTS.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }

    private String waitingLetter() throws Exception {
        String unique = UUID.randomUUID().toString().substring(0, 8);
        JsonNode filed =
                fileComplaint("Anke " + unique, "page." + unique + "@example.org", null, "Letter page " + unique);
        String reference = filed.path("reference").asText();
        awaitTask(reference, "Task_ConfirmAssessment", processInstanceOf(reference));
        jdbc.sql("""
                update cmp_complaint set complainant_email = null, postal_address = ?, preferred_contact = 'post',
                    language = 'nl'
                where reference = ?""").params("Kerkstraat 12\n1017 GC Amsterdam", reference).update();
        transactions.executeWithoutResult(tx -> {
            Complaint complaint = register.getByReference(reference);
            postal.deliver(
                    complaint,
                    new OutgoingMail(
                            complaint.id(),
                            reference,
                            "status-update-page",
                            "status-update",
                            "nl",
                            List.of(),
                            "Stand van uw klacht " + reference,
                            "Beste Anke,\n\nUw klacht wordt onderzocht.",
                            "<status-update-page." + reference + "@" + MESSAGE_ID_DOMAIN + ">"));
        });
        return reference;
    }

    @Test
    void intakeMarksALetterPostedOnThePageAndAFormWithoutTheTokenIsRefused() throws Exception {
        String reference = waitingLetter();
        browser = HeadlessChromium.start(1300, 800);
        browser.get("http://127.0.0.1:" + port + "/camunda/app/tasklist/default/");
        waitFor(By.cssSelector("input[placeholder=Username]")).sendKeys("intake");
        browser.findElement(By.cssSelector("input[placeholder=Password]")).sendKeys(PASSWORD + "\n");
        new WebDriverWait(browser, Duration.ofSeconds(90))
                .until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("input[placeholder=Username]")));

        browser.get("http://127.0.0.1:" + port + "/staff/letters?lang=nl");
        waitFor(By.tagName("h1"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Te versturen brieven");
        WebElement row = browser.findElement(By.xpath("//tr[td/a[text()='" + reference + "']]"));
        assertThat(row.getText()).contains("Stand van uw klacht", "nl");
        assertThat(row.findElement(By.linkText("PDF downloaden")).getAttribute("href"))
                .contains("/api/staff/letters/")
                .endsWith("/pdf");
        shot("52-print-queue-nl");

        // a form posted with the session but not the page's token: refused, nothing posted
        String action = row.findElement(By.tagName("form")).getAttribute("action");
        org.openqa.selenium.Cookie session = browser.manage().getCookieNamed("JSESSIONID");
        assertThat(session).isNotNull();
        java.net.http.HttpResponse<String> refused = java.net.http.HttpClient.newHttpClient()
                .send(
                        java.net.http.HttpRequest.newBuilder(java.net.URI.create(action))
                                .header("Cookie", "JSESSIONID=" + session.getValue())
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("_csrf=wrong"))
                                .build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(jdbc.sql("select count(*) from cmp_letter where reference = ? and posted_at is not null")
                        .param(reference)
                        .query(Integer.class)
                        .single())
                .isZero();

        row.findElement(By.tagName("button")).click();
        waitFor(By.cssSelector("p.notice"));
        assertThat(browser.findElements(By.xpath("//tr[td/a[text()='" + reference + "']]")))
                .isEmpty();
        assertThat(jdbc.sql("select posted_by from cmp_letter where reference = ?")
                        .param(reference)
                        .query(String.class)
                        .single())
                .isEqualTo("intake");
        shot("53-print-queue-posted-nl");
    }
}
