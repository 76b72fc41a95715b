package org.complaints.intake.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.complaints.mail.MailTemplates;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.MessageSource;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.util.HtmlUtils;

/**
 * The privacy notice at {@code /privacy} in all four languages, with the retention period the nightly
 * anonymisation keeps (from {@code complaints.retention.after-closure}, here an unusual one), the organisation, its
 * address and the privacy contact from configuration; the complaint page lists the other ways to complain from
 * configuration and links the notice; every e-mail ends with the link in its own language.
 */
@SpringBootTest(
        properties = {
            "complaints.retention.after-closure=P2Y6M",
            "complaints.contact.phone=+44 20 7946 0000",
            "complaints.contact.phone-hours=Weekdays 8:30-18:00",
            "complaints.contact.postal-address=Acme Ltd, Complaints, 1 High Street, London",
            "complaints.contact.privacy-email=dpo@acme.example",
            "complaints.mail.organisation=Acme Ltd",
            "complaints.intake.public-base-url=https://complaints.acme.example"
        })
@AutoConfigureMockMvc
@ActiveProfiles("test")
class PrivacyNoticeTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    MessageSource messages;

    @Autowired
    MailTemplates templates;

    private String page(String path) throws Exception {
        var response = mvc.perform(get(path)).andReturn().getResponse();
        assertThat(response.getStatus()).as(path).isEqualTo(200);
        return HtmlUtils.htmlUnescape(response.getContentAsString(StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @CsvSource({"en, '2 years, 6 months'", "tr, '2 yıl, 6 ay'", "nl, '2 jaar, 6 maanden'", "et, '2 aastat, 6 kuud'"})
    void theNoticeStatesTheConfiguredRetentionInEachLanguage(String language, String period) throws Exception {
        String html = page("/privacy?lang=" + language);
        Locale locale = Locale.forLanguageTag(language);
        assertThat(html)
                .contains("<html lang=\"" + language + "\"")
                .contains(text("page.privacy.title", locale))
                .contains(messages.getMessage("page.privacy.retention", new Object[] {period}, locale))
                .contains(messages.getMessage(
                        "page.privacy.controller",
                        new Object[] {"Acme Ltd", "Acme Ltd, Complaints, 1 High Street, London"},
                        locale))
                .contains(text("page.privacy.purpose", locale))
                .contains(text("page.privacy.rights.access", locale))
                .contains(text("page.privacy.rights.erase", locale))
                .contains(text("page.privacy.rights.authority", locale))
                .contains("mailto:dpo@acme.example");
        assertThat(html).as("the default period is not shown").doesNotContain("6 years");
    }

    @ParameterizedTest
    @CsvSource({"en", "tr", "nl", "et"})
    void theComplaintPageListsTheOtherWaysAndLinksTheNotice(String language) throws Exception {
        String html = page("/?lang=" + language);
        Locale locale = Locale.forLanguageTag(language);
        assertThat(html)
                .contains(text("page.other-ways.title", locale))
                .contains("href=\"tel:+442079460000\"")
                .contains("+44 20 7946 0000")
                .contains("Weekdays 8:30-18:00")
                .contains("Acme Ltd, Complaints, 1 High Street, London")
                .contains("href=\"/privacy\"")
                .contains(text("page.privacy.link", locale));
    }

    @ParameterizedTest
    @CsvSource({"en", "tr", "nl", "et"})
    void everyMailEndsWithTheNoticeInItsLanguage(String language) throws IOException {
        List<String> names;
        try (Stream<Path> files = Files.list(Path.of("src/main/resources/templates/mail"))) {
            names = files.map(f -> f.getFileName().toString().replace(".txt", ""))
                    .sorted()
                    .toList();
        }
        assertThat(names).contains("acknowledgement", "decision", "closure-notice", "survey-invitation");
        Map<String, Object> model = new HashMap<>();
        model.put("name", "Jan de Vries");
        model.put("reference", "CMP-2026-000042");
        model.put("organisation", "Acme Ltd");
        for (String name : names) {
            String body;
            try {
                body = templates.render(name, language, model).body();
            } catch (RuntimeException templateNeedsMoreValues) {
                // the other templates are rendered with all their values by MailTemplatesTest; the footer is
                // checked in their source here
                assertThat(Files.readString(Path.of("src/main/resources/templates/mail", name + ".txt"))
                                .strip())
                        .as(name)
                        .endsWith("[(#{mail.privacy(${privacyUrl})})]");
                continue;
            }
            List<String> lines = body.strip().lines().toList();
            assertThat(lines.get(lines.size() - 1))
                    .as(name + " in " + language)
                    .isEqualTo(messages.getMessage(
                            "mail.privacy",
                            new Object[] {"https://complaints.acme.example/privacy?lang=" + language},
                            Locale.forLanguageTag(language)));
        }
    }

    @Test
    void theNoticeIsLinkedFromEveryPublicPage() throws Exception {
        assertThat(page("/privacy")).contains("href=\"/privacy\"");
        assertThat(page("/")).contains("class=\"site-footer\"").contains("href=\"/privacy\"");
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, locale);
    }
}
