package org.complaints;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.test.context.TestPropertySource;
import org.springframework.web.client.RestClient;

/**
 * Staff in Tasklist and quality managers in Cockpit, in headless Chromium: the start form, group filters with
 * due dates, Camunda Forms with validation, four eyes shown in Tasklist, and a failed e-mail as an incident.
 * Screenshots of every step go to target/screenshots/.
 */
// an e-mail is given up after two attempts a second apart, so the incident test need not wait for hours
@TestPropertySource(
        properties = {
            "complaints.mail.outbox.max-attempts=2",
            "complaints.mail.outbox.first-retry=PT1S",
            "complaints.mail.outbox.longest-retry=PT1S"
        })
class StaffSurfacesBrowserIT extends PostgresApplicationTestSupport {

    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final Pattern REFERENCE = Pattern.compile("CMP-\\d{4}-\\d{6}");

    private final List<WebDriver> browsers = new ArrayList<>();
    private WebDriver browser;

    @AfterEach
    void closeBrowsers() {
        browsers.forEach(WebDriver::quit);
    }

    /** A fresh browser signed in to a webapp as {@code user}. */
    private void signIn(String app, String user) throws Exception {
        browser = HeadlessChromium.start(1400, 1000);
        browsers.add(browser);
        browser.get("http://127.0.0.1:" + port + "/camunda/app/" + app + "/default/");
        waitFor(By.cssSelector("input[placeholder=Username]")).sendKeys(user);
        browser.findElement(By.cssSelector("input[placeholder=Password]")).sendKeys(PASSWORD + "\n");
        // signed in once the login form is gone (the header is on the login page too)
        new WebDriverWait(browser, Duration.ofSeconds(30))
                .until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("input[placeholder=Username]")));
        waitFor(By.cssSelector("[cam-widget-header], .navbar"));
    }

    private WebElement waitFor(By by) {
        return new WebDriverWait(browser, Duration.ofSeconds(30))
                .until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    private void click(By by) {
        WebElement element =
                new WebDriverWait(browser, Duration.ofSeconds(30)).until(ExpectedConditions.elementToBeClickable(by));
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
        try {
            element.click();
        } catch (ElementClickInterceptedException coveredByTasklistFooter) {
            ((JavascriptExecutor) browser).executeScript("arguments[0].click();", element);
        }
    }

    private void shot(String name) throws Exception {
        Files.createDirectories(SCREENSHOTS);
        Files.write(SCREENSHOTS.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }

    private static By text(String text) {
        return By.xpath("//*[normalize-space(text())='" + text + "']");
    }

    private WebElement field(String key) {
        return waitFor(By.cssSelector("[id$='-Field_" + key + "']"));
    }

    private void choose(String key, String option) {
        click(By.cssSelector("[id$='-Field_" + key + "-display']"));
        click(By.xpath("//*[contains(@class,'fjs-dropdownlist-item') and normalize-space(.)='" + option + "']"));
    }

    /** Opens a filter and the task with this name, refreshing until the task shows up. */
    private void openTask(String filter, String taskName, String reference) {
        click(By.xpath("//a[normalize-space(.)='" + filter
                + "'] | //*[contains(@class,'task-filter')]//*[normalize-space(text())='" + filter + "']"));
        By task = By.xpath("//li[contains(@class,'task')][.//*[contains(normalize-space(.),'" + reference + "')]]"
                + "//*[normalize-space(text())='" + taskName + "']");
        new WebDriverWait(browser, Duration.ofSeconds(60))
                .pollingEvery(Duration.ofSeconds(2))
                .until(d -> {
                    if (!d.findElements(task).isEmpty()) {
                        return true;
                    }
                    d.navigate().refresh();
                    return false;
                });
        click(task);
        waitFor(By.cssSelector(".fjs-form, form[name=tasklistForm]"));
    }

    /** Claims the open task and waits until Tasklist has re-rendered the form as editable (typing earlier is lost). */
    private void claim() {
        click(By.xpath("//*[contains(@class,'claim') or normalize-space(text())='Claim']"));
        waitFor(By.cssSelector("[cam-tasklist-task-meta] .unclaim"));
        new WebDriverWait(browser, Duration.ofSeconds(30))
                .until(d -> !d.findElements(
                                By.cssSelector(
                                        ".fjs-form input:not([disabled]):not([type=hidden]), .fjs-form textarea:not([disabled])"))
                        .isEmpty());
    }

    private void complete() {
        click(By.xpath("//button[normalize-space(.)='Complete']"));
    }

    @Test
    void staffWorkAComplaintFromThePhoneToTheApproval() throws Exception {
        // --- intake: the start form, and the reference read back from the "Registered complaints" filter ---
        signIn("tasklist", "intake");
        click(By.xpath("//a[contains(normalize-space(.),'Start process')]"));
        click(text("Complaint handling (ISO 10002)"));
        field("complainantName").sendKeys("Joost Visser");
        String email = "phone." + System.nanoTime() + "@example.nl";
        field("complainantEmail").sendKeys(email);
        field("productOrService").sendKeys("Central heating service");
        field("description").sendKeys("The engineer did not come on the agreed day, twice.");
        choose("severity", "High: serious loss or harm");
        shot("10-tasklist-start-form");
        click(By.xpath("//button[normalize-space(.)='Start']"));
        String reference = await(
                "the complaint registered for " + email,
                null,
                () -> jdbc.sql("select reference from cmp_complaint where complainant_email = ?")
                        .param(email)
                        .query(String.class)
                        .optional()
                        .orElse(null));
        openTask("Registered complaints", "Confirm initial assessment", reference);
        assertThat(browser.getPageSource()).contains(reference);
        shot("11-tasklist-intake-sees-reference");

        // --- handler: group filter with the due date; a form refuses to complete without the scope ---
        signIn("tasklist", "handler");
        openTask("Complaint handlers", "Confirm initial assessment", reference);
        assertThat(browser.findElement(By.xpath("//li[contains(@class,'task')][.//*[contains(normalize-space(.),'"
                                + reference + "')]]"))
                        .getText())
                .contains("Due");
        claim();
        complete();
        WebElement error = waitFor(By.cssSelector(".fjs-form-field-error"));
        assertThat(error.getText()).isNotBlank();
        shot("12-tasklist-assessment-validation");
        click(By.xpath("//label[contains(normalize-space(.),'In scope: handle under the complaints process')]"));
        complete();
        String processInstanceId = processInstanceOf(reference);
        awaitTask(reference, "Task_InvestigateComplaint", processInstanceId);

        openTask("Complaint handlers", "Investigate complaint", reference);
        claim();
        field("findings").sendKeys("The planning system double-booked the engineer on both days.");
        choose("rootCause", "Process failure");
        shot("13-tasklist-investigation");
        complete();
        awaitTask(reference, "Task_ProposeResolution", processInstanceId);

        openTask("Complaint handlers", "Propose resolution", reference);
        claim();
        click(By.xpath("//label[normalize-space(.)='Upheld']"));
        field("remedy").sendKeys("A free annual service and an apology.");
        choose("remedyKind", "Apology or other (no money)");
        field("decisionReasons").sendKeys("We did not keep two appointments we had confirmed.");
        shot("14-tasklist-proposal");
        complete();
        awaitTask(reference, "Task_ApproveResolution", processInstanceId);

        // --- manager approves (another person than the proposer) ---
        signIn("tasklist", "manager");
        openTask("Complaint managers", "Approve resolution", reference);
        claim();
        click(By.xpath("//label[normalize-space(.)='Approve']"));
        shot("15-tasklist-approval");
        complete();
        awaitMail(messageId("decision-1", reference), processInstanceId);
    }

    @Test
    void tasklistShowsWhyAProposerCannotApprove() throws Exception {
        RestClient api = RestClient.builder()
                .baseUrl("http://127.0.0.1:" + port)
                .requestFactory(new JdkClientHttpRequestFactory())
                .build();
        JsonNode filed = JSON.readTree(api.method(HttpMethod.POST)
                .uri("/api/complaints")
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of(
                        "name",
                        "Lotte Mulder",
                        "email",
                        "four.eyes." + System.nanoTime() + "@example.nl",
                        "language",
                        "nl",
                        "productOrService",
                        "Energy contract",
                        "description",
                        "My advance payment was raised without notice.",
                        "consent",
                        true))
                .retrieve()
                .body(String.class));
        String reference = filed.path("reference").asText();
        String processInstanceId = processInstanceOf(reference);
        // the manager assesses (overriding to high priority), investigates and proposes
        complete(
                "manager",
                awaitTask(reference, "Task_ConfirmAssessment", processInstanceId),
                variables(
                        "scopeDecision",
                        "in-scope",
                        "severity",
                        "medium",
                        "impact",
                        "individual",
                        "category",
                        "billing",
                        "safetyRelevant",
                        false,
                        "overrideAssessment",
                        true,
                        "priorityOverride",
                        "high",
                        "handlingGroupOverride",
                        "complaint-handlers",
                        "overrideReason",
                        "Vulnerable customer, handle quickly"));
        complete(
                "manager",
                awaitTask(reference, "Task_InvestigateComplaint", processInstanceId),
                variables(
                        "findings",
                        "The advance was raised by an automatic rule without the letter.",
                        "rootCause",
                        "communication",
                        "systemicIssue",
                        true));
        complete(
                "manager",
                awaitTask(reference, "Task_ProposeResolution", processInstanceId),
                variables(
                        "outcome",
                        "upheld",
                        "remedy",
                        "Restore the old advance payment.",
                        "remedyKind",
                        "apology-other",
                        "decisionReasons",
                        "The change was not announced as the contract requires."));
        String approval = awaitTask(reference, "Task_ApproveResolution", processInstanceId);

        // the proposer is not even offered the approval: not in the filter Tasklist lists, not by id
        String filter = null;
        for (JsonNode candidate : get("manager", "/filter").json()) {
            if ("Complaint managers".equals(candidate.path("name").asText())) {
                filter = candidate.path("id").asText();
            }
        }
        assertThat(filter)
                .as("the Complaint managers filter, readable by managers")
                .isNotNull();
        assertThat(ids(call("manager", PASSWORD, HttpMethod.POST, "/filter/" + filter + "/list", Map.of())))
                .doesNotContain(approval);
        assertThat(get("manager", "/task/" + approval).status()).isIn(403, 404);

        // another manager who tries to hand it to the proposer is told why not, in Tasklist
        signIn("tasklist", "demo");
        openTask("Complaint managers", "Approve resolution", reference);
        claim();
        click(By.cssSelector("[cam-tasklist-task-meta] .assignee [cam-widget-inline-field]"));
        // the inline editor and its buttons are moved to the page body while editing
        WebElement assignee = waitFor(
                By.cssSelector(".field-control input[type=text], input.form-control[ng-model='formData.editValue']"));
        assignee.clear();
        assignee.sendKeys("manager");
        click(By.xpath("//span[contains(@class,'cam-widget-inline-field') and contains(@class,'btn-group')]"
                + "//button[.//span[contains(@class,'glyphicon-ok')]]"));
        WebElement notice = waitFor(
                By.xpath(
                        "//*[contains(normalize-space(.),'Four-eyes principle') and not(*[contains(normalize-space(.),'Four-eyes principle')])]"));
        assertThat(notice.getText())
                .contains("manager proposed this resolution and cannot approve it")
                .doesNotContain("ENGINE-")
                .doesNotContain("null");
        shot("16-tasklist-four-eyes");
        assertThat(get("demo", "/task/" + approval).json().path("assignee").asText())
                .isEqualTo("demo");
    }

    @Test
    void qualityManagersSeeAFailedAcknowledgementAsAnIncidentInCockpit() throws Exception {
        MAILBOX.stop();
        String reference;
        String processInstanceId;
        try {
            RestClient api = RestClient.builder()
                    .baseUrl("http://127.0.0.1:" + port)
                    .requestFactory(new JdkClientHttpRequestFactory())
                    .build();
            JsonNode filed = JSON.readTree(api.method(HttpMethod.POST)
                    .uri("/api/complaints")
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(Map.of(
                            "name",
                            "Bram Smit",
                            "email",
                            "incident." + System.nanoTime() + "@example.nl",
                            "language",
                            "en",
                            "productOrService",
                            "Broadband",
                            "description",
                            "No connection since Monday.",
                            "consent",
                            true))
                    .retrieve()
                    .body(String.class));
            reference = filed.path("reference").asText();
            processInstanceId = processInstanceOf(reference);
            String pid = processInstanceId;
            // the SMTP server is down: the outbox retries the acknowledgement and gives up (here after two
            // attempts a second apart), raising an incident on the complaint's process instance
            await("the acknowledgement given up", pid, () -> {
                JsonNode incidents =
                        get("demo", "/incident?processInstanceId=" + pid).json();
                return incidents.isArray() && !incidents.isEmpty() ? incidents.get(0) : null;
            });
        } finally {
            MAILBOX.start();
        }

        // the quality manager finds the complaint by its reference among the running instances
        signIn("cockpit", "quality");
        String definitionId = get("demo", "/process-definition/key/complaint-handling")
                .json()
                .path("id")
                .asText();
        browser.get("http://127.0.0.1:" + port + "/camunda/app/cockpit/default/#/process-definition/" + definitionId
                + "/runtime");
        click(By.xpath("//tr[.//td[normalize-space(.)='" + reference + "']]//a[contains(@href,'process-instance')]"));
        waitFor(By.cssSelector(".djs-container svg"));
        assertThat(browser.getCurrentUrl()).contains(processInstanceId);
        // the current activity carries Cockpit's badges (instance count, incident)
        waitFor(By.cssSelector(".djs-overlays .badge"));
        // the incidents tab, reloaded until Cockpit lists it (it loads tabs lazily; slow on a busy machine)
        By incidentText = By.xpath(
                "//*[contains(normalize-space(.),'could not be delivered') and not(*[contains(normalize-space(.),'could not be delivered')])]");
        String incidentsTab = "http://127.0.0.1:" + port + "/camunda/app/cockpit/default/#/process-instance/"
                + processInstanceId + "/runtime?tab=incidents-tab";
        browser.get(incidentsTab);
        new WebDriverWait(browser, Duration.ofSeconds(120))
                .pollingEvery(Duration.ofSeconds(10))
                .until(d -> {
                    if (d.findElements(incidentText).stream().anyMatch(WebElement::isDisplayed)) {
                        return true;
                    }
                    d.navigate().refresh();
                    return false;
                });
        WebElement incident = waitFor(incidentText);
        assertThat(incident.getText()).contains("acknowledgement");
        shot("17-cockpit-incident");

        browser.get("http://127.0.0.1:" + port + "/camunda/app/cockpit/default/#/process-instance/" + processInstanceId
                + "/runtime?tab=variables-tab");
        waitFor(By.xpath("//*[normalize-space(text())='responseDeadline']"));
        String page = browser.getPageSource();
        assertThat(page).contains("reference").contains("priority").contains("responseDeadline");
        Matcher shown = REFERENCE.matcher(page);
        assertThat(shown.find()).isTrue();
        shot("18-cockpit-variables");

        // an operator resolves the incident (the SMTP server is back): the acknowledgement goes out, once
        String incidentId = get("demo", "/incident?processInstanceId=" + processInstanceId)
                .json()
                .get(0)
                .path("id")
                .asText();
        Reply resolved = call("demo", PASSWORD, HttpMethod.DELETE, "/incident/" + incidentId, null);
        assertThat(resolved.status()).as(resolved.body()).isEqualTo(204);
        awaitMail(messageId("acknowledgement", reference), processInstanceId);
        String pid = processInstanceId;
        await("the acknowledgement recorded", pid, () -> complaintRow(reference).get("acknowledged_at"));
    }

    @Test
    void qualityManagersReadReportsAndEvidenceRecordsWithTheirCockpitSession() throws Exception {
        RestClient api = RestClient.builder()
                .baseUrl("http://127.0.0.1:" + port)
                .requestFactory(new JdkClientHttpRequestFactory())
                .build();
        JsonNode filed = JSON.readTree(api.method(HttpMethod.POST)
                .uri("/api/complaints")
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of(
                        "name",
                        "Sanne Bakker",
                        "email",
                        "evidence." + System.nanoTime() + "@example.nl",
                        "language",
                        "nl",
                        "productOrService",
                        "Water <script>alert(1)</script>",
                        "description",
                        "The meter reading on my bill is not mine.",
                        "consent",
                        true))
                .retrieve()
                .body(String.class));
        String reference = filed.path("reference").asText();
        String processInstanceId = processInstanceOf(reference);
        decideNotUpheld(
                reference,
                processInstanceId,
                "The reading was taken correctly on site.",
                "The meter was read by our engineer on the date shown.");
        awaitMail(messageId("decision-1", reference), processInstanceId);

        // signed in to Cockpit, the same browser opens the reports page without signing in again
        signIn("cockpit", "quality");
        String today =
                java.time.LocalDate.now(java.time.ZoneId.of("Europe/Amsterdam")).toString();
        browser.get("http://127.0.0.1:" + port + "/staff/reports?from=" + today + "&to=" + today);
        waitFor(By.xpath("//h2[normalize-space(.)='Objectives']"));
        assertThat(browser.findElement(By.xpath("//dt[normalize-space(.)='Received']/following-sibling::dd"))
                        .getText())
                .matches("[1-9][0-9]*");
        // the charts were drawn (Chart.js from the jar; the CSP allows only our own scripts)
        new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(
                        d -> Boolean.TRUE.equals(
                                ((JavascriptExecutor) d)
                                        .executeScript(
                                                "return typeof Chart !== 'undefined' && Chart.getChart('chart-channel') !== undefined "
                                                        + "&& Chart.getChart('chart-satisfaction') !== undefined && Chart.getChart('chart-capa') !== undefined")));
        // a product name with markup stays text: no script of a complainant's runs on a staff page
        assertThat(browser.getPageSource()).doesNotContain("<script>alert(1)</script>");
        // a responsive chart keeps the height of its box (it grew without end when the canvas had the height)
        Thread.sleep(500);
        assertThat(((Number) ((JavascriptExecutor) browser)
                                .executeScript("return document.getElementById('chart-channel').clientHeight"))
                        .intValue())
                .isBetween(100, 280);
        shot("19-reports-page");
        for (String section : new String[] {"Satisfaction with complaint handling (8.3)", "Corrective actions (8.7)"}) {
            ((JavascriptExecutor) browser)
                    .executeScript(
                            "arguments[0].scrollIntoView()",
                            browser.findElement(By.xpath("//h2[normalize-space(.)='" + section + "']")));
            shot("19-reports-page-" + (section.startsWith("Satisfaction") ? "satisfaction" : "corrective-actions"));
        }

        browser.get("http://127.0.0.1:" + port + "/staff/complaints/" + reference + "/evidence");
        WebElement timeline = waitFor(By.cssSelector("table.timeline"));
        assertThat(timeline.getText()).contains("handler");
        // each step shows the clause of its own kind (an e-mail its template's, another step its event type's); a
        // step whose clause the record cannot find says so, and fails here
        List<String[]> steps = new ArrayList<>();
        for (WebElement row : timeline.findElements(By.cssSelector("tbody tr"))) {
            List<WebElement> cells = row.findElements(By.tagName("td"));
            steps.add(new String[] {cells.get(3).getText(), cells.get(1).getText()});
        }
        assertThat(steps).allSatisfy(step -> assertThat(step[1]).as(step[0]).isNotEqualTo("clause not recorded"));
        Map<String, String> clauseOfFirstStep = Map.of(
                "Complaint received",
                "7.2 Receipt",
                "E-mail 'acknowledgement'",
                "7.4 Acknowledgement",
                "Investigation completed",
                "7.6 Investigation",
                "Resolution proposed",
                "7.7 Response",
                "E-mail 'decision'",
                "7.8 Communicating the decision");
        clauseOfFirstStep.forEach((what, clause) -> assertThat(steps)
                .as(what)
                .filteredOn(step -> step[0].startsWith(what))
                .first()
                .extracting(step -> step[1])
                .isEqualTo(clause));
        assertThat(steps).extracting(step -> step[1]).contains("7.5 Initial assessment");
        shot("20-evidence-record");

        // a wrong reference is a readable page, not a stack trace
        browser.get("http://127.0.0.1:" + port + "/staff/complaints/CMP-1999-000001/evidence");
        assertThat(waitFor(By.cssSelector("[role=alert]")).getText()).contains("No complaint");

        // handlers do not read reports
        signIn("tasklist", "handler");
        browser.get("http://127.0.0.1:" + port + "/staff/reports");
        assertThat(waitFor(By.cssSelector("[role=alert]")).getText()).contains("quality-managers");
    }
}
