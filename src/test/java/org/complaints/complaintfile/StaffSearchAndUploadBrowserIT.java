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
import java.util.List;
import java.util.Locale;
import java.util.UUID;
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
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * In headless Chromium, a Dutch complaint manager: the webapps' sign-in page shows the organisation's name instead
 * of Camunda's logo; Tasklist's navbar search box finds a complaint by e-mail address (opening the application's
 * search); the search page's filters are lists with readable labels and a word in more complaints than the count
 * stops at says "more than 1,000"; the file page's upload form refuses a web page with a readable Dutch reason,
 * adds a PDF and lists it, and a post without the page's token is refused. Screenshots 60-66 in target/screenshots/.
 */
class StaffSearchAndUploadBrowserIT extends PostgresApplicationTestSupport {

    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final Locale DUTCH = Locale.forLanguageTag("nl");
    private static final byte[] PDF =
            "%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n".getBytes(StandardCharsets.ISO_8859_1);

    private final List<WebDriver> browsers = new ArrayList<>();
    private WebDriver browser;

    @AfterEach
    void closeBrowsers() {
        browsers.forEach(WebDriver::quit);
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    // the machine is shared: the first webapp page after the application's start can take minutes under load
    private WebElement waitFor(By by) {
        return new WebDriverWait(browser, Duration.ofSeconds(240))
                .until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    private void shot(String name) throws Exception {
        Files.createDirectories(SCREENSHOTS);
        Files.write(SCREENSHOTS.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }

    private void scrollTo(By by) {
        ((JavascriptExecutor) browser)
                .executeScript("arguments[0].scrollIntoView({block: 'center'});", browser.findElement(by));
    }

    /** A multipart post of a text file to the upload form's address with the session cookie, as a forged form. */
    private int forgedUpload(String reference, String session, String token) throws Exception {
        String boundary = "----forged-" + UUID.randomUUID();
        String body = (token == null
                        ? ""
                        : "--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + token
                                + "\r\n")
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"attachments\"; filename=\"forged.txt\""
                + "\r\nContent-Type: text/plain\r\n\r\nplain text\r\n--" + boundary + "--\r\n";
        HttpResponse<String> reply = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(url("/staff/complaints/" + reference + "/attachments")))
                                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                                .header("Cookie", "JSESSIONID=" + session)
                                .POST(HttpRequest.BodyPublishers.ofString(body))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        return reply.statusCode();
    }

    private String dutch(String key, Object... args) {
        return messageSource.getMessage(key, args, DUTCH);
    }

    @Test
    void aDutchManagerSignsInFindsAComplaintFiltersItAndAddsADocument() throws Exception {
        String unique = UUID.randomUUID().toString().substring(0, 8);
        String email = "upload." + unique + "@example.org";
        JsonNode filed = fileComplaint(
                "Browser Uploader", email, "+31 6 23456789", "The dishwasher door broke on day two " + unique + ".");
        String reference = filed.path("reference").asText();

        // the sign-in page: the organisation's name where Camunda's logo was
        browser = HeadlessChromium.start(1400, 1000, "nl");
        browsers.add(browser);
        browser.get(url("/camunda/app/tasklist/default/"));
        waitFor(By.cssSelector("input[ng-model=username]"));
        new WebDriverWait(browser, Duration.ofSeconds(30))
                .until(d -> String.valueOf(((JavascriptExecutor) d)
                                .executeScript("var logo = document.querySelector('.login-logo');"
                                        + " return logo && getComputedStyle(logo, '::before').content;"))
                        .contains(ORGANISATION));
        assertThat(browser.findElements(By.cssSelector(".login-logo svg"))).noneMatch(WebElement::isDisplayed);
        shot("60-sign-in-organisation-name");

        // Tasklist's navbar: a search box that finds the complaint by e-mail address in the complaint search
        waitFor(By.cssSelector("input[ng-model=username]")).sendKeys("manager");
        browser.findElement(By.cssSelector("input[ng-model=password]")).sendKeys(PASSWORD + "\n");
        WebElement box = waitFor(By.cssSelector("input.cmp-find-box"));
        assertThat(box.getAttribute("placeholder")).isEqualTo("Kenmerk, naam, e-mail of telefoon");
        box.sendKeys(email.toUpperCase(Locale.ROOT));
        shot("61-tasklist-search-box");
        String tasklist = browser.getWindowHandle();
        browser.findElement(By.cssSelector("button.cmp-find-submit")).click();
        new WebDriverWait(browser, Duration.ofSeconds(30))
                .until(d -> d.getWindowHandles().size() > 1);
        browser.getWindowHandles().stream()
                .filter(h -> !h.equals(tasklist))
                .findFirst()
                .ifPresent(h -> browser.switchTo().window(h));
        assertThat(waitFor(By.cssSelector("a.file-link")).getText()).isEqualTo(reference);
        assertThat(browser.findElements(By.cssSelector("a.file-link"))).hasSize(1);
        shot("62-tasklist-search-result");

        // the filters are lists of the known values with Dutch labels, no text boxes
        for (String filter : List.of("priority", "handlingGroup", "channel", "category", "outcome")) {
            assertThat(browser.findElement(By.id(filter)).getTagName())
                    .as(filter)
                    .isEqualTo("select");
        }
        Select channel = new Select(browser.findElement(By.id("channel")));
        assertThat(channel.getOptions().stream().map(o -> o.getAttribute("value")))
                .containsExactly("", "web", "api", "email", "phone", "letter", "in-person");
        assertThat(channel.getOptions().get(1).getText()).isEqualTo(dutch("report.label.web"));
        Select priority = new Select(browser.findElement(By.id("priority")));
        assertThat(priority.getOptions().stream().map(WebElement::getText))
                .contains(dutch("complaintfile.filter.urgent"));
        assertThat(new Select(browser.findElement(By.id("handlingGroup")))
                        .getOptions()
                        .get(1)
                        .getText())
                .isEqualTo(dutch("complaintfile.filter.complaint-handlers"));
        String received = String.valueOf(complaintRow(reference).get("channel"));
        channel.selectByValue(received);
        browser.findElement(By.cssSelector("form.search button[type=submit]")).click();
        new WebDriverWait(browser, Duration.ofSeconds(30))
                .until(d -> d.getCurrentUrl().contains("channel=" + received));
        assertThat(waitFor(By.cssSelector("a.file-link")).getText()).isEqualTo(reference);
        assertThat(new Select(browser.findElement(By.id("channel")))
                        .getFirstSelectedOption()
                        .getAttribute("value"))
                .isEqualTo(received);
        channel = new Select(browser.findElement(By.id("channel")));
        channel.selectByValue("letter");
        browser.findElement(By.cssSelector("form.search button[type=submit]")).click();
        new WebDriverWait(browser, Duration.ofSeconds(30))
                .until(d -> d.getCurrentUrl().contains("channel=letter"));
        assertThat(browser.findElements(By.cssSelector("a.file-link"))).isEmpty();
        shot("63-search-filters-as-lists");

        // the file page: a web page is refused with a Dutch reason, a PDF is added and listed
        browser.get(url("/staff/complaints/" + reference));
        Path folder = Files.createTempDirectory("uploads");
        Path page = Files.writeString(folder.resolve("note.html"), "<html><script>alert(1)</script></html>");
        waitFor(By.id("attachments")).sendKeys(page.toAbsolutePath().toString());
        browser.findElement(By.cssSelector("form.upload button[type=submit]")).click();
        WebElement refused = waitFor(By.id("upload-error"));
        assertThat(refused.getText())
                .isEqualTo(dutch("error.attachment-type", dutch("field.attachments"), "note.html"));
        assertThat(browser.findElements(By.cssSelector("table.attachments a"))).isEmpty();
        scrollTo(By.cssSelector("form.upload"));
        shot("64-upload-refused-in-dutch");

        Path letter = Files.write(folder.resolve("scanned-letter.pdf"), PDF);
        waitFor(By.id("attachments")).sendKeys(letter.toAbsolutePath().toString());
        browser.findElement(By.cssSelector("form.upload button[type=submit]")).click();
        WebElement notice = waitFor(By.cssSelector("p.notice"));
        assertThat(notice.getText()).isEqualTo(dutch("complaintfile.upload.added", "scanned-letter.pdf"));
        assertThat(browser.findElements(By.cssSelector("table.attachments a")))
                .extracting(WebElement::getText)
                .containsExactly("scanned-letter.pdf");
        scrollTo(By.cssSelector("form.upload"));
        shot("65-upload-added");

        // the same session without the page's token (or with a wrong one) may not post: a page of another site
        // cannot add files; the application answers as to a caller without credentials
        String session = browser.manage().getCookieNamed("JSESSIONID").getValue();
        for (String token : new String[] {null, "0".repeat(64)}) {
            assertThat(forgedUpload(reference, session, token)).isEqualTo(401);
        }
        assertThat(jdbc.sql("select count(*) from cmp_attachment a join cmp_complaint c on c.id = a.complaint_id"
                                + " where c.reference = ?")
                        .param(reference)
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void aWordInMoreComplaintsThanTheCountStopsAtSaysMoreThanOneThousand() throws Exception {
        String word = "pagecap" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        jdbc.sql("""
                        insert into cmp_complaint (reference, stage, channel, received_at, complainant_name,
                            complainant_email, language, product_or_service, description, closed_at)
                        select 'CMP-1980-' || lpad(n::text, 6, '0'), 'CLOSED', 'web',
                            timestamp with time zone '2019-01-01 00:00+00' + (n || ' minutes')::interval,
                            'Page Person' || n, 'page' || n || '@example.org', 'en', 'Product',
                            'The parcel ' || ? || ' never arrived.',
                            timestamp with time zone '2019-01-20 00:00+00' + (n || ' minutes')::interval
                        from generate_series(1, ?) n""").params(word, ComplaintSearch.TOTAL_CAP + 5).update();
        browser = HeadlessChromium.start(1400, 1000, "nl");
        browsers.add(browser);
        browser.get(url("/camunda/app/tasklist/default/"));
        waitFor(By.cssSelector("input[ng-model=username]")).sendKeys("manager");
        browser.findElement(By.cssSelector("input[ng-model=password]")).sendKeys(PASSWORD + "\n");
        waitFor(By.cssSelector("input.cmp-find-box"));
        browser.get(url("/staff/complaints?q=" + word));
        WebElement heading = waitFor(By.id("results-heading"));
        assertThat(heading.getText()).isEqualTo(dutch("complaintfile.search.foundMore", "1.000"));
        assertThat(browser.findElements(By.cssSelector("a.file-link"))).hasSize(ComplaintSearch.DEFAULT_SIZE);
        // more pages than the count shows: page 1 without "of", and a next page
        assertThat(browser.findElement(By.cssSelector("nav.pages")).getText())
                .contains(dutch("complaintfile.search.pageOfMany", 1))
                .contains(dutch("complaintfile.search.next"));
        shot("66-search-more-than-one-thousand");
    }
}
