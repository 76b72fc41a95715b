package org.complaints.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.context.support.ResourceBundleMessageSource;

/** Every e-mail renders in all four languages, with no missing wording and every value filled in. */
class MailTemplatesTest {

    static final String[] TEMPLATES = {
        "acknowledgement",
        "out-of-scope",
        "not-a-complaint",
        "decision",
        "review-decision",
        "delay-notice",
        "status-update",
        "closure-notice",
        "external-referral-offer",
        "withdrawal-confirmation",
        "deadline-reminder",
        "survey-invitation",
        "corrective-action-reminder",
        "task-overdue",
        "staff-message"
    };

    private final MailTemplates templates = new MailTemplates(messages());

    static ResourceBundleMessageSource messages() {
        ResourceBundleMessageSource source = new ResourceBundleMessageSource();
        source.setBasename("messages");
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        source.setAlwaysUseMessageFormat(true);
        return source;
    }

    static Stream<Arguments> everyTemplateInEveryLanguage() {
        return Stream.of(TEMPLATES)
                .flatMap(t -> Stream.of("en", "tr", "nl", "et").map(l -> Arguments.of(t, l)));
    }

    static Map<String, Object> model() {
        Map<String, Object> model = new HashMap<>();
        model.put("reference", "CMP-2026-000042");
        model.put("name", "Ayşe O'Brien");
        model.put("organisation", "Example Organisation");
        model.put("receivedDate", "2 November 2026");
        model.put("committedDate", "23 November 2026");
        model.put("reason", "REASON-TEXT");
        model.put("externalBody", "Example Board");
        model.put("externalBodyUrl", "https://adr.example.org");
        model.put("outcome", "partly-upheld");
        model.put("remedy", "REMEDY-TEXT");
        model.put("monetaryRemedy", "40.00");
        model.put("moneyKey", "mail.decision.money.compensation");
        model.put("openUntil", "21 December 2026");
        model.put("kind", "suggestion");
        model.put("reasons", "REASONS-TEXT");
        model.put("reactionDate", "7 December 2026");
        model.put("revisedDate", "30 November 2026");
        model.put("stage", "INVESTIGATION");
        model.put("committedKey", "mail.status-update.committed");
        model.put("closureReason", "NO_REACTION");
        model.put("remedyState", "carried-out");
        model.put("answerDate", "28 December 2026");
        model.put("priority", "high");
        model.put("deadlineDate", "23 November 2026");
        model.put("owner", "handler");
        model.put("dueDate", "2026-12-04");
        model.put("subject", "category billing");
        model.put("plan", "PLAN-TEXT");
        model.put("statusUrl", "https://complaints.example.org/complaints/CMP-2026-000042?token=abc");
        model.put("surveyUrl", "https://complaints.example.org/survey/SURVEY-TOKEN");
        model.put("validUntil", "23 December 2026");
        model.put("taskName", "Carry out remedy");
        model.put("text", "MESSAGE-TEXT");
        model.put("subjectText", "SUBJECT-TEXT");
        return model;
    }

    @ParameterizedTest(name = "{0} in {1}")
    @MethodSource("everyTemplateInEveryLanguage")
    void rendersWithoutMissingWording(String template, String language) {
        MailTemplates.RenderedMail mail = templates.render(template, language, model());
        assertThat(mail.subject())
                .contains("CMP-2026-000042")
                .doesNotContain("??")
                .doesNotContain("{");
        assertThat(mail.body())
                .doesNotContain("??")
                .doesNotContain("{0")
                .doesNotContain("${")
                .isNotBlank();
        assertThat(mail.body()).contains("CMP-2026-000042");
    }

    @Test
    void decisionCarriesOutcomeRemedyReasonsAndRecourseInTheComplainantsLanguage() {
        String dutch = templates.render("decision", "nl", model()).body();
        assertThat(dutch)
                .contains("Beste Ayşe O'Brien,")
                .contains("gedeeltelijk gegrond")
                .contains("REMEDY-TEXT")
                .contains("EUR 40.00")
                .contains("REASONS-TEXT")
                .contains("interne herbeoordeling")
                .contains("Example Board (https://adr.example.org)");
        String turkish = templates.render("acknowledgement", "tr", model()).subject();
        assertThat(turkish).isEqualTo("CMP-2026-000042 numaralı şikâyetinizi aldık");
    }

    @Test
    void theSurveyInvitationCarriesItsLinkAndHowLongItWorks() {
        for (String language : new String[] {"en", "tr", "nl", "et"}) {
            MailTemplates.RenderedMail mail = templates.render("survey-invitation", language, model());
            assertThat(mail.body())
                    .as(language)
                    .contains("https://complaints.example.org/survey/SURVEY-TOKEN")
                    .contains("23 December 2026")
                    .contains("Ayşe O'Brien");
        }
        assertThat(templates.render("survey-invitation", "tr", model()).subject())
                .isEqualTo("CMP-2026-000042 numaralı şikâyetinizi nasıl ele aldık?");
    }

    @Test
    void aStatusUpdateWhileTheRemedyIsCarriedOutNamesTheRemedyDateAndAsksForNoAnswer() {
        Map<String, Object> model = model();
        model.put("stage", "REMEDY");
        model.put("committedKey", "mail.status-update.committed-remedy");
        for (String language : new String[] {"en", "tr", "nl", "et"}) {
            assertThat(templates.render("status-update", language, model).body())
                    .as(language)
                    .contains("23 November 2026")
                    .doesNotContain("??");
        }
        assertThat(templates.render("status-update", "en", model).body())
                .contains("carrying out the remedy")
                .contains("The committed date for carrying out the remedy is 23 November 2026.")
                .doesNotContain("whether you accept");
    }

    @Test
    void aDecisionWithoutRemedyLeavesTheRemedyLinesOut() {
        Map<String, Object> model = model();
        model.put("outcome", "not-upheld");
        model.put("remedy", null);
        model.put("monetaryRemedy", null);
        String body = templates.render("decision", "en", model).body();
        assertThat(body)
                .contains("not upheld")
                .doesNotContain("What we will do")
                .doesNotContain("EUR");
    }

    @Test
    void aMessageFromStaffIsSentAsWrittenWithTheirSubjectAndTheReference() {
        Map<String, Object> model = model();
        String written = "Price: ${total} [[${name}]] [(#{mail.greeting})] <b>bold</b>\nSecond line";
        model.put("text", written);
        model.put("subjectText", "Your meter");
        MailTemplates.RenderedMail mail = templates.render("staff-message", "nl", model);
        assertThat(mail.subject()).isEqualTo("Your meter (klacht CMP-2026-000042)");
        // the text is data, never a template: expressions in it stay as typed
        assertThat(mail.body())
                .startsWith("Beste Ayşe O'Brien,")
                .contains(written)
                .contains("CMP-2026-000042")
                .contains("http://localhost:8080/privacy?lang=nl");
    }

    @Test
    void anUnknownLanguageIsRefused() {
        assertThatThrownBy(() -> templates.render("acknowledgement", "de", model()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("en, tr, nl, et");
    }
}
