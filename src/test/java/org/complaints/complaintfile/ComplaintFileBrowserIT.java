package org.complaints.complaintfile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.complaints.Axe;
import org.complaints.HeadlessChromium;
import org.complaints.PostgresApplicationTestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chromium.ChromiumDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.http.HttpMethod;

/**
 * The complaint file inside the real webapps, in headless Chromium: a handler opens a task in Tasklist and the
 * "Complaint" tab shows the complaint's description and downloads its attachment, and writes to the complainant
 * from it (the e-mail arrives once); a quality manager finds a closed
 * complaint by e-mail address in Cockpit's "Complaints" entry and opens its file. The search and file pages pass
 * axe-core in all four languages. Screenshots go to target/screenshots/.
 */
class ComplaintFileBrowserIT extends PostgresApplicationTestSupport {

    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final byte[] PDF =
            "%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n".getBytes(StandardCharsets.ISO_8859_1);

    private final List<WebDriver> browsers = new ArrayList<>();
    private WebDriver browser;

    @AfterEach
    void closeBrowsers() {
        browsers.forEach(WebDriver::quit);
    }

    private void signIn(String app, String user) throws Exception {
        browser = HeadlessChromium.start(1400, 1000);
        browsers.add(browser);
        browser.get("http://127.0.0.1:" + port + "/camunda/app/" + app + "/default/");
        waitFor(By.cssSelector("input[placeholder=Username]")).sendKeys(user);
        browser.findElement(By.cssSelector("input[placeholder=Password]")).sendKeys(PASSWORD + "\n");
        new WebDriverWait(browser, Duration.ofSeconds(90))
                .until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("input[placeholder=Username]")));
        waitFor(By.cssSelector("[cam-widget-header], .navbar"));
    }

    // the machine is shared: a webapp's first page can take more than half a minute under load
    private WebElement waitFor(By by) {
        return new WebDriverWait(browser, Duration.ofSeconds(90))
                .until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    private void shot(String name) throws Exception {
        Files.createDirectories(SCREENSHOTS);
        Files.write(SCREENSHOTS.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }

    private void addAttachment(String user, String reference) throws Exception {
        String boundary = "----complaint-file-" + UUID.randomUUID();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"attachments\"; "
                        + "filename=\"photo-of-the-box.pdf\"\r\nContent-Type: application/pdf\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[head.length + PDF.length + tail.length];
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(PDF, 0, body, head.length, PDF.length);
        System.arraycopy(tail, 0, body, head.length + PDF.length, tail.length);
        HttpResponse<String> reply = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/staff/complaints/"
                                        + reference + "/attachments"))
                                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                                .header(
                                        "Authorization",
                                        "Basic "
                                                + Base64.getEncoder()
                                                        .encodeToString((user + ":" + PASSWORD)
                                                                .getBytes(StandardCharsets.UTF_8)))
                                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(reply.statusCode()).as(reply.body()).isEqualTo(201);
    }

    @Test
    void aHandlerSeesTheComplaintTabInTasklistAndDownloadsTheAttachment() throws Exception {
        String unique = UUID.randomUUID().toString().substring(0, 8);
        JsonNode filed = fileComplaint(
                "Tasklist Tester",
                "tab." + unique + "@example.org",
                "+31 6 12345678",
                "The washing machine leaks from the door seal after every wash " + unique + ".");
        String reference = filed.path("reference").asText();
        String instance = processInstanceOf(reference);
        String task = awaitTask(reference, "Task_ConfirmAssessment", instance);
        addAttachment("handler", reference);

        signIn("tasklist", "handler");
        browser.get("http://127.0.0.1:" + port + "/camunda/app/tasklist/default/#/?task=" + task);
        WebElement tab = waitFor(By.xpath("//*[contains(@class,'nav-tabs')]//a[normalize-space(.)='Complaint']"));
        tab.click();
        WebElement frame = waitFor(By.cssSelector("iframe.complaint-file-frame"));
        shot("30-tasklist-complaint-tab");
        browser.switchTo().frame(frame);
        WebElement description = waitFor(By.cssSelector("td.description"));
        assertThat(description.getText()).contains("leaks from the door seal", unique);
        assertThat(browser.findElements(By.cssSelector("header.bar"))).isEmpty();
        WebElement link = waitFor(By.xpath("//table[contains(@class,'attachments')]//a"));
        assertThat(link.getText()).isEqualTo("photo-of-the-box.pdf");
        // the link downloads the file with the webapp session: an attachment, never a page
        String answer = (String) ((JavascriptExecutor) browser)
                .executeAsyncScript(
                        "const done = arguments[arguments.length - 1];"
                                + "fetch(arguments[0].href, {credentials: 'same-origin'}).then(r => r.text().then(t =>"
                                + " done(r.status + '|' + r.headers.get('content-disposition') + '|' + t.slice(0, 8))));",
                        link);
        assertThat(answer).startsWith("200|attachment;").endsWith("|%PDF-1.4");
        browser.switchTo().defaultContent();
        shot("31-tasklist-complaint-tab-file");
    }

    @Test
    void aQualityManagerFindsAClosedComplaintByEmailInCockpit() throws Exception {
        String email = "closed." + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        JsonNode filed = fileComplaint("Cockpit Tester", email, null, "My refund was promised and never paid.");
        String reference = filed.path("reference").asText();
        String instance = processInstanceOf(reference);
        Reply withdrawn = publicCall(
                HttpMethod.POST,
                "/api/complaints/" + reference + "/withdrawal?token="
                        + filed.path("trackingToken").asText(),
                Map.of("reason", "Paid after all"));
        assertThat(withdrawn.status()).as(withdrawn.body()).isIn(200, 202);
        await("closure of " + reference, instance, () -> complaintRow(reference).get("closed_at"));

        signIn("cockpit", "quality");
        waitFor(By.xpath("//a[normalize-space(.)='Complaints']")).click();
        WebElement frame = waitFor(By.cssSelector("iframe.complaint-search-frame"));
        browser.switchTo().frame(frame);
        waitFor(By.id("q")).sendKeys(email + "\n");
        WebElement found =
                waitFor(By.xpath("//a[contains(@class,'file-link') and normalize-space(.)='" + reference + "']"));
        assertThat(browser.findElement(By.cssSelector("table.results")).getText())
                .contains("Closed: Cockpit shows running processes only");
        browser.switchTo().defaultContent();
        shot("32-cockpit-complaints-search");
        browser.switchTo().frame(frame);
        found.click();
        assertThat(waitFor(By.tagName("h1")).getText()).contains(reference);
        assertThat(browser.getPageSource()).doesNotContain(email);
        browser.switchTo().defaultContent();
        shot("33-cockpit-complaint-file");
    }

    @Test
    void aHandlerWritesToTheComplainantFromTheComplaintTabAndTheMessageIsDelivered() throws Exception {
        String unique = UUID.randomUUID().toString().substring(0, 8);
        String email = "message." + unique + "@example.org";
        JsonNode filed = fileComplaint(
                "Message Tester", email, null, "The dishwasher door does not close since delivery " + unique + ".");
        String reference = filed.path("reference").asText();
        String instance = processInstanceOf(reference);
        String task = awaitTask(reference, "Task_ConfirmAssessment", instance);

        signIn("tasklist", "handler");
        browser.get("http://127.0.0.1:" + port + "/camunda/app/tasklist/default/#/?task=" + task);
        waitFor(By.xpath("//*[contains(@class,'nav-tabs')]//a[normalize-space(.)='Complaint']"))
                .click();
        WebElement frame = waitFor(By.cssSelector("iframe.complaint-file-frame"));
        browser.switchTo().frame(frame);
        WebElement form = waitFor(By.id("message-form"));
        assertThat(form.getText()).contains(email);
        browser.findElement(By.id("message-subject")).sendKeys("Your dishwasher " + unique);
        browser.findElement(By.id("message-text"))
                .sendKeys("Could you send us a photo of the door hinge? Thank you, " + unique + ".");
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'})", form);
        browser.switchTo().defaultContent();
        shot("35-tasklist-complaint-message-written");
        browser.switchTo().frame(frame);
        form.findElement(By.cssSelector("button[type=submit]")).click();

        // back on the file (still inside the tab) with a confirmation and the message in the timeline
        WebElement notice = waitFor(By.cssSelector("#actions p.notice"));
        assertThat(notice.getText()).contains("on its way");
        assertThat(browser.findElements(By.cssSelector("header.bar"))).isEmpty();
        WebElement written = browser.findElement(By.cssSelector("tr[data-type=MESSAGE_TO_COMPLAINANT]"));
        assertThat(written.getText()).contains("handler");
        browser.switchTo().defaultContent();
        shot("36-tasklist-complaint-message-sent");
        browser.switchTo().frame(frame);
        written.findElement(By.tagName("summary")).click();
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'})", written);
        assertThat(written.getText()).contains("Could you send us a photo of the door hinge?");
        browser.switchTo().defaultContent();
        shot("37-tasklist-complaint-message-in-timeline");

        // the complainant's mailbox (the test's SMTP server) has it once, with the text in their e-mail frame
        jakarta.mail.internet.MimeMessage mail = await("the message to " + email, instance, () -> {
            for (jakarta.mail.internet.MimeMessage m : MAILBOX.getReceivedMessages()) {
                if (m.getSubject() != null && m.getSubject().contains("Your dishwasher " + unique)) {
                    return m;
                }
            }
            return null;
        });
        assertThat(recipients(mail)).containsExactly(email);
        assertThat(mail.getSubject()).contains(reference);
        assertThat(text(mail)).contains("Could you send us a photo of the door hinge? Thank you, " + unique + ".");
        assertThat(java.util.Arrays.stream(MAILBOX.getReceivedMessages())
                        .filter(m -> {
                            try {
                                return m.getSubject() != null && m.getSubject().contains("Your dishwasher " + unique);
                            } catch (jakarta.mail.MessagingException e) {
                                throw new IllegalStateException(e);
                            }
                        })
                        .count())
                .isEqualTo(1);
    }

    @Test
    void theSearchAndFilePagesHaveNoSeriousAccessibilityViolations() throws Exception {
        JsonNode filed = fileComplaint(
                "Axe Tester", "axe.file." + UUID.randomUUID() + "@example.org", null, "Checking the file with axe.");
        String reference = filed.path("reference").asText();
        processInstanceOf(reference);
        // the pages take HTTP Basic as the staff API does; Chromium sends it with every request
        browser = HeadlessChromium.start(1200, 1000);
        browsers.add(browser);
        ((ChromiumDriver) browser).executeCdpCommand("Network.enable", Map.of());
        ((ChromiumDriver) browser)
                .executeCdpCommand(
                        "Network.setExtraHTTPHeaders",
                        Map.of(
                                "headers",
                                Map.of(
                                        "Authorization",
                                        "Basic "
                                                + Base64.getEncoder()
                                                        .encodeToString(("manager:" + PASSWORD)
                                                                .getBytes(StandardCharsets.UTF_8)))));
        for (String language : List.of("en", "tr", "nl", "et")) {
            browser.get("http://127.0.0.1:" + port + "/staff/complaints?q=" + reference + "&lang=" + language);
            waitFor(By.tagName("h1"));
            assertThat(browser.findElement(By.tagName("html")).getAttribute("lang"))
                    .isEqualTo(language);
            assertThat(seriousViolations()).as("search in " + language).isEmpty();
            browser.get("http://127.0.0.1:" + port + "/staff/complaints/" + reference + "?lang=" + language);
            waitFor(By.tagName("h1"));
            assertThat(seriousViolations()).as("file in " + language).isEmpty();
            shot("34-complaint-file-" + language);
        }
        // the actions on the file as a complaint manager meets them: message, note, contact correction, duplicate
        browser.get("http://127.0.0.1:" + port + "/staff/complaints/" + reference + "?lang=en");
        ((JavascriptExecutor) browser)
                .executeScript("arguments[0].scrollIntoView({block: 'start'})", waitFor(By.id("actions")));
        shot("34-complaint-file-actions-en");
        ((JavascriptExecutor) browser)
                .executeScript("arguments[0].scrollIntoView({block: 'start'})", waitFor(By.id("contact-form")));
        shot("34-complaint-file-contact-en");
    }

    private List<String> seriousViolations() throws Exception {
        return Axe.seriousViolations(browser);
    }
}
