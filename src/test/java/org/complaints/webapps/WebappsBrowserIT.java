package org.complaints.webapps;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.complaints.HeadlessChromium;
import org.complaints.PostgresApplicationTestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.ElementClickInterceptedException;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The webapps as staff meet them, in headless Chromium: no Camunda 8 banner, the organisation's name, a language
 * other than English, readable task cards, the reference and a duplicate warning right after registering, a
 * readable refusal to claim, Cockpit without edit buttons for the read-only quality manager, a readable refusal
 * of Admin, and the reports page with labels, click-through links and the sign-in. Screenshots go to
 * target/screenshots/ (30-49).
 */
class WebappsBrowserIT extends PostgresApplicationTestSupport {

    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");

    private final List<WebDriver> browsers = new ArrayList<>();
    private WebDriver browser;

    @AfterEach
    void closeBrowsers() {
        browsers.forEach(WebDriver::quit);
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    private void open(String language) throws Exception {
        browser = HeadlessChromium.start(1400, 1000, language);
        browsers.add(browser);
    }

    private void signIn(String app, String user) throws Exception {
        signIn(app, user, null);
    }

    private void signIn(String app, String user, String language) throws Exception {
        open(language);
        browser.get(url("/camunda/app/" + app + "/default/"));
        signInHere(user);
    }

    private void signInHere(String user) {
        waitFor(By.cssSelector("input[ng-model=username]")).sendKeys(user);
        browser.findElement(By.cssSelector("input[ng-model=password]")).sendKeys(PASSWORD + "\n");
        new WebDriverWait(browser, Duration.ofSeconds(30))
                .until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("input[ng-model=username]")));
        waitFor(By.cssSelector("[cam-widget-header], .navbar"));
    }

    private WebElement waitFor(By by) {
        return new WebDriverWait(browser, Duration.ofSeconds(30))
                .until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    private void click(By by) {
        WebElement element =
                new WebDriverWait(browser, Duration.ofSeconds(30)).until(ExpectedConditions.elementToBeClickable(by));
        js("arguments[0].scrollIntoView({block: 'center'});", element);
        try {
            element.click();
        } catch (ElementClickInterceptedException covered) {
            js("arguments[0].click();", element);
        }
    }

    private Object js(String script, Object... args) {
        return ((JavascriptExecutor) browser).executeScript(script, args);
    }

    private void shot(String name) throws Exception {
        Files.createDirectories(SCREENSHOTS);
        Files.write(SCREENSHOTS.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }

    private void dump(String name) throws Exception {
        Files.createDirectories(SCREENSHOTS);
        Files.writeString(SCREENSHOTS.resolve(name + ".html"), browser.getPageSource());
    }

    private WebElement field(String key) {
        return waitFor(By.cssSelector("[id$='-Field_" + key + "']"));
    }

    private void choose(String key, String option) {
        click(By.cssSelector("[id$='-Field_" + key + "-display']"));
        click(By.xpath("//*[contains(@class,'fjs-dropdownlist-item') and normalize-space(.)='" + option + "']"));
    }

    /** Registers a complaint by phone with Tasklist's start form and returns the notice shown afterwards. */
    private WebElement register(String email, String product, String shotName) throws Exception {
        click(By.xpath("//a[contains(normalize-space(.),'Start process')]"));
        click(By.xpath("//*[normalize-space(text())='Complaint handling (ISO 10002)']"));
        field("complainantName").sendKeys("Joost Visser");
        field("complainantEmail").sendKeys(email);
        field("productOrService").sendKeys(product);
        field("description").sendKeys("The engineer did not come on the agreed day.");
        choose("severity", "High: serious loss or harm");
        // a select's text stays within its box, left of the clear and arrow buttons
        WebElement chosen = waitFor(By.cssSelector("[id$='-Field_severity-display']"));
        Number overflow = (Number) js(
                "var text = arguments[0].getBoundingClientRect();"
                        + " var box = arguments[0].closest('.fjs-input-group').getBoundingClientRect();"
                        + " return Math.max(text.right - box.right, box.left - text.left);",
                chosen);
        assertThat(overflow.doubleValue()).as("overflow of the select's text").isLessThanOrEqualTo(0.5);
        shot(shotName + "-form");
        click(By.xpath("//button[normalize-space(.)='Start']"));
        return waitFor(By.cssSelector(".cmp-registration-notice"));
    }

    private String referenceOf(String email, int nth) throws Exception {
        return await(
                "complaint " + nth + " of " + email,
                null,
                () -> jdbc
                        .sql("select reference from cmp_complaint where complainant_email = ? order by id")
                        .param(email)
                        .query(String.class)
                        .list()
                        .stream()
                        .skip(nth)
                        .findFirst()
                        .orElse(null));
    }

    @Test
    void theWebappsCarryTheOrganisationsNameInTheStaffsLanguageWithoutTheBanner() throws Exception {
        // each webapp's config.js is the application's: name, languages, the plugin modules
        HttpClient http = HttpClient.newHttpClient();
        for (String app : List.of("tasklist", "cockpit", "admin", "welcome")) {
            HttpResponse<String> config = http.send(
                    HttpRequest.newBuilder(URI.create(url("/camunda/app/" + app + "/scripts/config.js")))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(config.statusCode()).isEqualTo(200);
            assertThat(config.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(type -> assertThat(type).startsWith("text/javascript"));
            assertThat(config.body()).startsWith("// generated").contains(ORGANISATION);
        }
        String tasklist = http.send(
                        HttpRequest.newBuilder(URI.create(url("/camunda/app/tasklist/scripts/config.js")))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
        assertThat(tasklist)
                .contains("\"nl\"", "\"tr\"")
                .contains("scripts/staff/tasklist-staff.js")
                .contains("claimTask");
        String cockpit = http.send(
                        HttpRequest.newBuilder(URI.create(url("/camunda/app/cockpit/scripts/config.js")))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
        assertThat(cockpit).contains("scripts/staff/cockpit-staff.js");
        // the complaint file's plugins are registered exactly when the application ships them (a listed module
        // that is missing stops the webapp from loading)
        for (String[] plugin : new String[][] {
            {"tasklist", tasklist, "scripts/complaint-file/tasklist-plugin.js"},
            {"cockpit", cockpit, "scripts/complaint-file/cockpit-plugin.js"}
        }) {
            boolean shipped =
                    getClass().getResource("/META-INF/resources/webjars/camunda/app/" + plugin[0] + "/" + plugin[2])
                            != null;
            assertThat(plugin[1].contains(plugin[2])).as(plugin[2]).isEqualTo(shipped);
        }

        // the sign-in page: no red banner
        open(null);
        browser.get(url("/camunda/app/tasklist/default/"));
        waitFor(By.cssSelector("input[ng-model=username]"));
        assertThat(browser.findElements(By.cssSelector(".ce-eol-banner")))
                .as("Camunda renders the banner; our styles hide it")
                .isNotEmpty()
                .noneMatch(WebElement::isDisplayed);
        assertThat(browser.findElement(By.tagName("body")).getText()).doesNotContain("migrate to Camunda 8");
        shot("30-tasklist-sign-in-no-banner");
        // (the other webapps' sign-in pages below)

        for (String app : List.of("cockpit", "admin", "welcome")) {
            browser.get(url("/camunda/app/" + app + "/default/"));
            waitFor(By.cssSelector("input[ng-model=username]"));
            assertThat(browser.findElements(By.cssSelector(".ce-eol-banner")))
                    .as(app)
                    .noneMatch(WebElement::isDisplayed);
        }

        // signed in: the organisation's name in the header
        browser.get(url("/camunda/app/tasklist/default/"));
        signInHere("handler");
        new WebDriverWait(browser, Duration.ofSeconds(30))
                .until(d ->
                        d.findElement(By.cssSelector(".navbar-brand")).getText().contains(ORGANISATION));
        shot("30-tasklist-organisation-name");

        // a Dutch browser gets Dutch Tasklist; the navbar links to the complaint search in Dutch too
        signIn("tasklist", "handler", "nl");
        waitFor(By.xpath("//a[contains(normalize-space(.),'Proces starten')]"));
        WebElement find = waitFor(By.cssSelector("a.cmp-find-complaint"));
        assertThat(find.getText()).isEqualTo("Klacht zoeken");
        assertThat(find.getAttribute("href")).endsWith("/staff/complaints");
        assertThat(browser.findElements(By.cssSelector(".ce-eol-banner"))).noneMatch(WebElement::isDisplayed);
        shot("31-tasklist-dutch-with-organisation-name");
    }

    @Test
    void intakeSeesTheReferenceAfterStartAndIsWarnedOfADuplicate() throws Exception {
        signIn("tasklist", "intake");
        String email = "twice." + System.nanoTime() + "@example.nl";
        WebElement first = register(email, "Central heating service", "32-intake-first");
        String reference = referenceOf(email, 0);
        assertThat(first.getText()).contains(reference).contains("registered");
        assertThat(first.findElements(By.cssSelector(".cmp-duplicate-warning"))).isEmpty();
        shot("32-intake-sees-reference");
        click(By.cssSelector(".cmp-registration-notice .cmp-close"));

        // the same caller again about the same heating: warned, with the first complaint's reference
        WebElement second = register(email, "central heating", "33-intake-second");
        String again = referenceOf(email, 1);
        assertThat(second.getText()).contains(again);
        WebElement warning = second.findElement(By.cssSelector(".cmp-duplicate-warning"));
        assertThat(warning.getText())
                .contains("Possible duplicate")
                .contains(reference)
                .contains("same e-mail address");
        shot("33-intake-duplicate-warning");
        click(By.cssSelector(".cmp-registration-notice .cmp-close"));

        // the task card in "Registered complaints" shows the reference and the likely duplicate, readable
        click(By.xpath("//*[contains(@class,'task-filter')]//*[normalize-space(text())='Registered complaints']"));
        By card = By.xpath("//li[contains(@class,'task')][.//*[contains(normalize-space(.),'" + again + "')]]");
        new WebDriverWait(browser, Duration.ofSeconds(60))
                .pollingEvery(Duration.ofSeconds(2))
                .until(d -> {
                    if (!d.findElements(card).isEmpty()) {
                        return true;
                    }
                    d.navigate().refresh();
                    return false;
                });
        WebElement cardElement = browser.findElement(card);
        dump("34-tasklist-card");
        assertThat(cardElement.getText())
                .contains("Possible duplicate of")
                .contains(reference)
                .doesNotContain("<Empty>");
        shot("34-tasklist-card-readable");

        // intake may read the handler's task but not claim it: the refusal is a sentence, not the engine's
        click(By.xpath("//li[contains(@class,'task')][.//*[contains(normalize-space(.),'" + again + "')]]"
                + "//*[normalize-space(text())='Confirm initial assessment']"));
        waitFor(By.cssSelector(".fjs-form, form[name=tasklistForm]"));
        click(By.xpath("//*[contains(@class,'claim') or normalize-space(text())='Claim']"));
        WebElement refusal = waitFor(By.xpath("//*[contains(normalize-space(.),'Not permitted')"
                + " and not(*[contains(normalize-space(.),'Not permitted')])]"));
        assertThat(refusal.getText())
                .contains("worked by its group")
                .doesNotContain("does not have")
                .doesNotContain("TASK_WORK");
        shot("35-intake-claim-refused-readably");

        // once a handler has claimed the first complaint's task, the clerk who registered it reads that in History
        String firstTask = awaitTask(reference, "Task_ConfirmAssessment", processInstanceOf(reference));
        claim(firstTask, "handler");
        browser.get(url("/camunda/app/tasklist/default/#/?task=" + firstTask));
        waitFor(By.cssSelector(".fjs-form, form[name=tasklistForm]"));
        click(By.xpath("//ul[contains(@class,'nav-tabs')]//a[normalize-space(.)='History']"));
        new WebDriverWait(browser, Duration.ofSeconds(30))
                .until(d -> d.findElement(By.tagName("body")).getText().contains("Claim")
                        || d.findElement(By.tagName("body")).getText().contains("There is no history"));
        assertThat(browser.findElement(By.tagName("body")).getText())
                .doesNotContain("There is no history for the task")
                .contains("handler");
        shot("35-intake-reads-task-history");
    }

    @Test
    void handlersSeeTheHistoryOfATask() throws Exception {
        String reference = fileComplaint(
                        "Eva Tamm", "history." + System.nanoTime() + "@example.ee", null, "The invoice was sent twice.")
                .path("reference")
                .asText();
        String processInstanceId = processInstanceOf(reference);
        String task = awaitTask(reference, "Task_ConfirmAssessment", processInstanceId);
        claim(task, "handler");

        signIn("tasklist", "handler");
        browser.get(url("/camunda/app/tasklist/default/#/?task=" + task));
        waitFor(By.cssSelector(".fjs-form, form[name=tasklistForm]"));
        click(By.xpath("//ul[contains(@class,'nav-tabs')]//a[normalize-space(.)='History']"));
        new WebDriverWait(browser, Duration.ofSeconds(30))
                .until(d -> d.findElement(By.tagName("body")).getText().contains("Claim")
                        || d.findElement(By.tagName("body")).getText().contains("There is no history"));
        dump("36-tasklist-history");
        shot("36-tasklist-history");
        assertThat(browser.findElement(By.tagName("body")).getText())
                .doesNotContain("There is no history for the task")
                .contains("handler");
    }

    @Test
    void theQualityManagerIsOfferedNoEditButtonsInCockpitAnAdministratorIs() throws Exception {
        String reference = fileComplaint(
                        "Bram Smit",
                        "cockpit." + System.nanoTime() + "@example.nl",
                        null,
                        "No connection since Monday.")
                .path("reference")
                .asText();
        String processInstanceId = processInstanceOf(reference);
        awaitTask(reference, "Task_ConfirmAssessment", processInstanceId);
        String instancePage = url("/camunda/app/cockpit/default/#/process-instance/" + processInstanceId + "/runtime");

        int[] buttons = new int[2];
        String[] users = {"demo", "quality"};
        for (int i = 0; i < 2; i++) {
            signIn("cockpit", users[i]);
            browser.get(instancePage + "?tab=variables-tab");
            waitFor(By.cssSelector(".djs-container svg"));
            waitFor(By.xpath("//*[normalize-space(text())='reference']"));
            Thread.sleep(1500);
            // the diagram opens readable: a task box about its modelled size, not a thumbnail of the whole diagram
            Number taskWidth = (Number) js("var r = document.querySelector(\"g.djs-element[data-element-id='"
                    + "Task_ConfirmAssessment'] .djs-visual rect\"); return r ? r.getBoundingClientRect().width : 0;");
            assertThat(taskWidth.doubleValue())
                    .as("width of a task box on screen")
                    .isGreaterThan(70);
            buttons[i] = browser
                    .findElements(
                            By.cssSelector(".ctn-toolbar button, .ctn-toolbar a, [cam-widget-variables-table] button"))
                    .stream()
                    .filter(WebElement::isDisplayed)
                    .toList()
                    .size();
            dump("37-cockpit-" + users[i]);
            shot("37-cockpit-instance-" + users[i]);
        }
        assertThat(buttons[0]).as("buttons an administrator is offered").isPositive();
        assertThat(buttons[1]).as("buttons the quality manager is offered").isZero();
        assertThat(js("return document.documentElement.classList.contains('cmp-read-only')"))
                .isEqualTo(Boolean.TRUE);
    }

    @Test
    void adminRefusesOthersWithAReadablePage() throws Exception {
        signIn("cockpit", "quality");
        browser.get(url("/camunda/app/admin/default/"));
        Thread.sleep(1000);
        shot("38-admin-refused");
        String page = browser.findElement(By.tagName("body")).getText();
        assertThat(page).doesNotContain("Whitelabel");
        assertThat(page).contains("Not for your account").contains("administrators");
    }

    @Test
    void reportsShowLabelsLinkToTheComplaintsAndSendSignedOutStaffToSignIn() throws Exception {
        String reference = fileComplaint(
                        "Sanne Bakker",
                        "reports." + System.nanoTime() + "@example.nl",
                        null,
                        "The meter reading on my bill is not mine.")
                .path("reference")
                .asText();
        String processInstanceId = processInstanceOf(reference);
        decideNotUpheld(reference, processInstanceId, "The reading was correct.", "The meter was read on site.");
        awaitMail(messageId("decision-1", reference), processInstanceId);
        String today = LocalDate.now(ZONE).toString();

        // signed out: the webapps' sign-in, not the browser's Basic prompt
        open(null);
        browser.get(url("/staff/reports?from=" + today + "&to=" + today));
        waitFor(By.cssSelector("input[ng-model=username]"));
        assertThat(browser.getCurrentUrl()).contains("/camunda/app/cockpit/default/");
        shot("39-reports-signed-out-sign-in");
        signInHere("quality");
        browser.get(url("/staff/reports?from=" + today + "&to=" + today));
        waitFor(By.xpath("//h2[normalize-space(.)='Objectives']"));
        // every table, collapsed ones included (the page's JSON data blocks keep the codes)
        String text = (String) js("return Array.from(document.querySelectorAll('main table, main dl'))"
                + ".map(function (e) { return e.textContent; }).join(' ');");
        assertThat(text).contains("not upheld").contains("web form").doesNotContain("not-upheld");
        WebElement received =
                browser.findElement(By.xpath("//dt[normalize-space(.)='Received']/following-sibling::dd/a"));
        assertThat(received.getAttribute("href"))
                .endsWith("/staff/complaints?receivedFrom=" + today + "&receivedTo=" + today);
        WebElement notUpheld = browser.findElement(
                By.xpath("//tr[td[normalize-space(.)='not upheld']]//a[contains(@href,'outcome=')]"));
        assertThat(notUpheld.getAttribute("href"))
                .contains("/staff/complaints?outcome=not-upheld&receivedFrom=" + today);
        assertThat(browser.findElement(By.xpath("//th/a[normalize-space(.)='web form']"))
                        .getAttribute("href"))
                .contains("/staff/complaints?channel=web&");
        shot("40-reports-labels-and-links");

        // the evidence record in the organisation's zone, the zone named
        browser.get(url("/staff/complaints/" + reference + "/evidence"));
        WebElement timeline = waitFor(By.cssSelector("table.timeline"));
        String page = browser.findElement(By.tagName("main")).getText();
        assertThat(page).contains("Europe/Amsterdam").doesNotContain("UTC");
        Instant receivedAt = Instant.parse(jdbc.sql(
                        "select to_char(received_at at time zone 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"') from cmp_complaint where reference = ?")
                .param(reference)
                .query(String.class)
                .single());
        assertThat(page)
                .contains(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").format(receivedAt.atZone(ZONE)));
        assertThat(timeline.getText()).isNotBlank();
        shot("41-evidence-local-time");
    }
}
