package org.complaints.intake.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.complaints.HeadlessChromium;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The public pages as a complainant meets them in headless Chromium, in demo mode (the demo mailbox): files
 * chosen on a form that came back with an error are kept (and one removed) and reach the complaint byte for byte;
 * the confirmation switched to Dutch still shows the reference and the link; the status page shows what the
 * complainant wrote, sent and added, their files download only with the token; withdrawing asks first; an unknown
 * address answers a Dutch page (and the APIs problem details); the demo mailbox is styled, wraps long lines and
 * links its addresses. Screenshots 50-59 in {@code target/screenshots/}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class PublicPagesBrowserIT {

    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final int SMTP_PORT = freePort();

    @DynamicPropertySource
    static void demoMode(DynamicPropertyRegistry registry) {
        registry.add("complaints.demo.enabled", () -> "true");
        registry.add("complaints.demo.smtp-port", () -> SMTP_PORT);
        registry.add("spring.mail.port", () -> SMTP_PORT);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JavaMailSender mailSender;

    private WebDriver browser;
    private final HttpClient http =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeEach
    void screenshots() throws IOException {
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterEach
    void close() {
        if (browser != null) {
            browser.quit();
        }
    }

    private void shot(String name) throws IOException {
        Files.write(SCREENSHOTS.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    private WebElement waitFor(By by) {
        return new WebDriverWait(browser, Duration.ofSeconds(20))
                .until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    private HttpResponse<byte[]> fetch(String method, String path, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(url(path))).method(method, HttpRequest.BodyPublishers.noBody());
        headers.forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static Path file(String name, String text) throws IOException {
        Path file = Files.createTempDirectory("upload").resolve(name);
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void keptFilesTheConfirmationInDutchTheOwnComplaintAndAConfirmedWithdrawal() throws Exception {
        browser = HeadlessChromium.start(1200, 1400);
        String kept = "Receipt of 3 March: washing machine WM-200, paid in full.\n";
        Path receipt = file("receipt.txt", kept);
        Path photo = file("not-this-one.txt", "A file the complainant chose by mistake.\n");
        String email = "kept." + System.nanoTime() + "@example.org";

        // consent not ticked: the form comes back with an error, the two files listed as kept
        browser.get(url("/?lang=en"));
        waitFor(By.id("name")).sendKeys("Kees Keeper");
        browser.findElement(By.id("email")).sendKeys(email);
        browser.findElement(By.id("productOrService")).sendKeys("Washing machine WM-200");
        browser.findElement(By.id("description")).sendKeys("The machine leaks at every wash.");
        browser.findElement(By.id("attachments")).sendKeys(receipt + "\n" + photo);
        browser.findElement(By.cssSelector("form.complaint-form button[type=submit]"))
                .click();
        assertThat(waitFor(By.cssSelector(".error-summary")).getText()).contains("agree to the processing");
        List<String> listed = browser.findElements(By.cssSelector(".kept-attachment .file-name")).stream()
                .map(WebElement::getText)
                .toList();
        assertThat(listed).containsExactlyInAnyOrder("receipt.txt", "not-this-one.txt");
        assertThat(browser.findElement(By.id("description")).getAttribute("value"))
                .isEqualTo("The machine leaks at every wash.");
        assertThat(complaintsOf(email)).isZero();
        ((JavascriptExecutor) browser)
                .executeScript("document.querySelector('.kept-attachments').scrollIntoView({block: 'center'});");
        shot("50-form-error-keeps-files-en");

        // the complainant removes one file, ticks the consent and sends: the other reaches the complaint intact
        WebElement mistaken = browser.findElements(By.cssSelector(".kept-attachment")).stream()
                .filter(e -> e.getText().contains("not-this-one.txt"))
                .findFirst()
                .orElseThrow();
        mistaken.findElement(By.cssSelector(".remove label")).click();
        browser.findElement(By.cssSelector("label[for=consent]")).click();
        browser.findElement(By.cssSelector("form.complaint-form button[type=submit]"))
                .click();
        String confirmation = waitFor(By.cssSelector(".confirmation")).getText();
        Matcher found = Pattern.compile("CMP-\\d{4}-\\d{6}").matcher(confirmation);
        assertThat(found.find()).as(confirmation).isTrue();
        String reference = found.group();
        List<Map<String, Object>> stored =
                jdbc.sql("""
                        select a.file_name, a.content from cmp_attachment a join cmp_complaint c on c.id = a.complaint_id
                        where c.reference = ?""").param(reference).query().listOfRows();
        assertThat(stored).hasSize(1);
        assertThat(stored.get(0).get("file_name")).isEqualTo("receipt.txt");
        assertThat(new String((byte[]) stored.get(0).get("content"), StandardCharsets.UTF_8))
                .isEqualTo(kept);
        String statusHref = browser.findElement(By.cssSelector("main a.button")).getAttribute("href");
        assertThat(statusHref).contains("/complaints/" + reference + "?token=");

        // switching language keeps the reference and the link, and puts no token in the page's address
        browser.findElement(By.cssSelector("a[hreflang=nl]")).click();
        assertThat(waitFor(By.tagName("h1")).getText()).isEqualTo("Dank u wel, wij hebben uw klacht ontvangen");
        assertThat(browser.findElement(By.cssSelector(".confirmation")).getText())
                .contains(reference);
        assertThat(browser.findElement(By.cssSelector("main a.button")).getAttribute("href"))
                .isEqualTo(statusHref);
        assertThat(browser.getCurrentUrl()).doesNotContain("token").endsWith("/complaints/submitted?lang=nl");
        shot("51-confirmation-switched-to-nl");
        HttpResponse<byte[]> page = fetch("GET", "/complaints/submitted?lang=nl", Map.of());
        assertThat(page.statusCode())
                .as("another browser session sees no one's confirmation")
                .isEqualTo(302);
        assertThat(page.headers().firstValue("Location").orElseThrow()).endsWith("/");

        // the status page shows what the complainant wrote, sent and added
        browser.findElement(By.cssSelector("a[hreflang=en]")).click();
        browser.findElement(By.cssSelector("main a.button")).click();
        waitFor(By.id("own-title"));
        assertThat(browser.findElement(By.cssSelector(".own-complaint")).getText())
                .contains("Washing machine WM-200")
                .contains("The machine leaks at every wash.")
                .contains("receipt.txt")
                .doesNotContain("not-this-one.txt");
        browser.findElement(By.id("text")).sendKeys("The leak is at the back, near the hose.");
        browser.findElement(By.cssSelector("#add-title ~ form button[type=submit]"))
                .click();
        assertThat(waitFor(By.cssSelector(".own-added")).getText()).contains("The leak is at the back, near the hose.");

        // the file downloads as a download, with the token only
        String download =
                browser.findElement(By.cssSelector(".own-attachments a")).getAttribute("href");
        String downloadPath = download.substring(download.indexOf("/complaints/"));
        HttpResponse<byte[]> file = fetch("GET", downloadPath, Map.of());
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(new String(file.body(), StandardCharsets.UTF_8)).isEqualTo(kept);
        assertThat(file.headers().firstValue("Content-Disposition").orElseThrow())
                .startsWith("attachment")
                .contains("receipt.txt");
        assertThat(file.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(file.headers().firstValue("Cache-Control")).contains("no-store");
        assertThat(fetch("GET", downloadPath.replaceAll("token=[^&]+", "token=wrong"), Map.of())
                        .statusCode())
                .isEqualTo(404);
        assertThat(fetch("GET", downloadPath.replaceAll("[?&]token=[^&]+", ""), Map.of())
                        .statusCode())
                .isEqualTo(404);
        long otherId =
                jdbc.sql("select min(id) from cmp_attachment").query(Long.class).single() - 1;
        assertThat(fetch("GET", downloadPath.replaceAll("/attachments/\\d+", "/attachments/" + otherId), Map.of())
                        .statusCode())
                .isEqualTo(404);
        shot("52-status-own-complaint-en");

        // withdrawing asks first; "no" changes nothing
        browser.findElement(By.cssSelector("#withdraw-title ~ form button[type=submit]"))
                .click();
        assertThat(waitFor(By.tagName("h1")).getText()).isEqualTo("Withdraw complaint " + reference + "?");
        shot("53-withdraw-confirmation-en");
        assertThat(stage(reference)).isNotEqualTo("CLOSED");
        assertThat(withdrawals(reference)).isZero();
        browser.findElement(By.id("keep-complaint")).click();
        waitFor(By.id("withdraw-title"));
        assertThat(browser.findElements(By.cssSelector(".confirmation"))).isEmpty();
        assertThat(withdrawals(reference)).isZero();

        // "yes" withdraws, with the reason typed on the status page carried over
        browser.findElement(By.id("reason")).sendKeys("Solved with the shop.");
        browser.findElement(By.cssSelector("#withdraw-title ~ form button[type=submit]"))
                .click();
        assertThat(waitFor(By.id("reason")).getAttribute("value")).isEqualTo("Solved with the shop.");
        browser.findElement(By.id("confirm-withdrawal")).click();
        assertThat(waitFor(By.cssSelector(".confirmation")).getText()).containsAnyOf("withdrawn", "withdrawal");
        assertThat(withdrawals(reference)).isEqualTo(1);
        shot("54-withdrawn-en");
    }

    private int complaintsOf(String email) {
        return jdbc.sql("select count(*) from cmp_complaint where complainant_email = ?")
                .param(email)
                .query(Integer.class)
                .single();
    }

    private String stage(String reference) {
        return jdbc.sql("select stage from cmp_complaint where reference = ?")
                .param(reference)
                .query(String.class)
                .single();
    }

    private int withdrawals(String reference) {
        return jdbc.sql("""
                        select count(*) from cmp_complainant_message m join cmp_complaint c on c.id = m.complaint_id
                        where c.reference = ? and m.message_name = 'ComplaintWithdrawn'""").param(reference).query(Integer.class).single();
    }

    @Test
    void anUnknownAddressAnswersAPageInTheVisitorsLanguage() throws Exception {
        browser = HeadlessChromium.start(1000, 800, "nl");
        browser.get(url("/bestaat-niet"));
        assertThat(waitFor(By.tagName("h1")).getText()).isEqualTo("Pagina niet gevonden");
        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("nl");
        assertThat(browser.findElement(By.id("home")).getAttribute("href")).isEqualTo(url("/"));
        assertThat(browser.findElement(By.cssSelector("link[rel=icon]")).getAttribute("href"))
                .isEqualTo(url("/favicon.svg"));
        assertThat(browser.getPageSource()).doesNotContain("Whitelabel").doesNotContain("Exception");
        shot("55-not-found-nl");
        browser.findElement(By.id("home")).click();
        assertThat(waitFor(By.tagName("h1")).getText()).isEqualTo("Een klacht indienen");

        HttpResponse<byte[]> missing =
                fetch("GET", "/bestaat-niet", Map.of("Accept", "text/html", "Accept-Language", "nl"));
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(new String(missing.body(), StandardCharsets.UTF_8))
                .contains("Pagina niet gevonden")
                .doesNotContain("Whitelabel");
        HttpResponse<byte[]> chosen = fetch("GET", "/nope?lang=et", Map.of("Accept", "text/html"));
        assertThat(new String(chosen.body(), StandardCharsets.UTF_8)).contains("Lehte ei leitud");
        HttpResponse<byte[]> wrongMethod =
                fetch("DELETE", "/privacy", Map.of("Accept", "text/html", "Accept-Language", "tr"));
        assertThat(wrongMethod.statusCode()).isEqualTo(405);
        assertThat(new String(wrongMethod.body(), StandardCharsets.UTF_8)).contains("Bu şekilde mümkün değil");

        // JSON clients keep getting problem details
        HttpResponse<byte[]> api =
                fetch("GET", "/api/no-such-thing", Map.of("Accept", "text/html", "Accept-Language", "nl"));
        assertThat(api.statusCode()).isEqualTo(404);
        assertThat(api.headers().firstValue("Content-Type")).contains("application/problem+json");
        String problem = new String(api.body(), StandardCharsets.UTF_8);
        assertThat(problem)
                .contains("\"type\":\"urn:complaints:problem:no-such-address\"")
                .contains("\"status\":404")
                .contains("Pagina niet gevonden")
                .doesNotContain("trace");

        HttpResponse<byte[]> favicon = fetch("GET", "/favicon.svg", Map.of());
        assertThat(favicon.statusCode()).isEqualTo(200);
        assertThat(favicon.headers().firstValue("Content-Type").orElseThrow()).startsWith("image/svg+xml");
        assertThat(new String(favicon.body(), StandardCharsets.UTF_8)).contains("<svg");
    }

    @Test
    void theDemoMailboxIsStyledWrapsLongLinesAndLinksAddresses() throws Exception {
        String link = url("/complaints/CMP-2026-000001?token=" + "a".repeat(120));
        SimpleMailMessage mail = new SimpleMailMessage();
        mail.setFrom("complaints@example.org");
        mail.setTo("mailbox." + System.nanoTime() + "@example.org");
        mail.setSubject("A mail with a long link");
        mail.setText("Follow your complaint here: " + link + ".\n" + "A very long line ".repeat(40));
        mailSender.send(mail);

        browser = HeadlessChromium.start(600, 900);
        browser.get(url("/demo/mailbox"));
        WebElement anchor = new WebDriverWait(browser, Duration.ofSeconds(20))
                .until(ExpectedConditions.elementToBeClickable(By.cssSelector("article .body a")));
        assertThat(anchor.getAttribute("href")).isEqualTo(link);
        assertThat(anchor.getText()).isEqualTo(link);
        JavascriptExecutor js = (JavascriptExecutor) browser;
        assertThat(js.executeScript("return getComputedStyle(document.querySelector('article .body')).whiteSpace"))
                .as("the stylesheet applies under the content security policy")
                .isEqualTo("pre-wrap");
        assertThat(js.executeScript("return getComputedStyle(document.querySelector('article')).borderTopStyle"))
                .isEqualTo("solid");
        assertThat((Long) js.executeScript("return document.documentElement.scrollWidth"))
                .as("nothing runs off the screen")
                .isLessThanOrEqualTo((Long) js.executeScript("return window.innerWidth"));
        shot("56-demo-mailbox");
        anchor.click();
        // the link leads to this application's status page (here: an unknown complaint)
        assertThat(waitFor(By.tagName("h1")).getText()).isNotBlank();
        assertThat(browser.getCurrentUrl()).isEqualTo(link);
    }
}
