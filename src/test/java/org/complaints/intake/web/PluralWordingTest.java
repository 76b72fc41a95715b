package org.complaints.intake.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * Counted wording is grammatical for one and for many in all four languages: "1 working day", "3 working days";
 * Dutch "1 werkdag", "3 werkdagen"; Turkish keeps the noun singular after a number ("1 iş günü", "3 iş günü");
 * Estonian "1 tööpäev", "3 tööpäeva". No bundle or e-mail template falls back on "day(s)" or "werkdag(en)".
 */
class PluralWordingTest {

    private final ResourceBundleMessageSource bundle = bundle();

    private static ResourceBundleMessageSource bundle() {
        // as application.yaml sets spring.messages
        ResourceBundleMessageSource source = new ResourceBundleMessageSource();
        source.setBasename("messages");
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        source.setAlwaysUseMessageFormat(true);
        return source;
    }

    private String text(String key, String language, Object... args) {
        return bundle.getMessage(key, args, Locale.forLanguageTag(language));
    }

    @Test
    void englishSaysOneDayAndManyDays() {
        assertThat(text("page.how.acknowledge", "en", 1)).contains("within 1 working day,");
        assertThat(text("page.how.acknowledge", "en", 2)).contains("within 2 working days,");
        assertThat(text("page.how.react", "en", 1)).contains("have 1 working day to");
        assertThat(text("page.how.react", "en", 10)).contains("have 10 working days to");
        assertThat(text("page.how.review", "en", 1)).endsWith("within 1 working day.");
        assertThat(text("page.how.review", "en", 20)).endsWith("within 20 working days.");
        assertThat(text("page.how.decide", "en", 1, 1)).contains("within 1 to 1 working day,");
        assertThat(text("page.how.decide", "en", 5, 30)).contains("within 5 to 30 working days,");
        assertThat(text("page.form.attachments-hint", "en", 1, 10)).contains("up to 1 file (");
        assertThat(text("page.form.attachments-hint", "en", 5, 10)).contains("up to 5 files (");
    }

    @Test
    void dutchSaysWerkdagAndWerkdagen() {
        assertThat(text("page.how.acknowledge", "nl", 1)).contains("binnen 1 werkdag,");
        assertThat(text("page.how.acknowledge", "nl", 2)).contains("binnen 2 werkdagen,");
        assertThat(text("page.how.react", "nl", 1)).contains("hebt u 1 werkdag om");
        assertThat(text("page.how.react", "nl", 10)).contains("hebt u 10 werkdagen om");
        assertThat(text("page.how.review", "nl", 1)).endsWith("binnen 1 werkdag.");
        assertThat(text("page.how.review", "nl", 20)).endsWith("binnen 20 werkdagen.");
        assertThat(text("page.how.decide", "nl", 5, 30)).contains("binnen 5 tot 30 werkdagen,");
        assertThat(text("page.form.attachments-hint", "nl", 1, 10)).contains("hoogstens 1 bestand (");
        assertThat(text("page.form.attachments-hint", "nl", 5, 10)).contains("hoogstens 5 bestanden (");
    }

    @Test
    void turkishKeepsTheNounSingularAfterANumber() {
        assertThat(text("page.how.acknowledge", "tr", 1)).contains("1 iş günü içinde");
        assertThat(text("page.how.acknowledge", "tr", 2)).contains("2 iş günü içinde");
        assertThat(text("page.how.react", "tr", 1)).contains("1 iş gününüz");
        assertThat(text("page.how.react", "tr", 10)).contains("10 iş gününüz");
        assertThat(text("page.form.attachments-hint", "tr", 1, 10)).contains("en fazla 1 dosya");
    }

    @Test
    void estonianSaysTooPaevAndTooPaeva() {
        assertThat(text("page.how.react", "et", 1)).contains("on Teil 1 tööpäev, et");
        assertThat(text("page.how.react", "et", 10)).contains("on Teil 10 tööpäeva, et");
        // "jooksul" takes the genitive, the same form after one and after more
        assertThat(text("page.how.acknowledge", "et", 1)).contains("1 tööpäeva jooksul");
        assertThat(text("page.how.acknowledge", "et", 3)).contains("3 tööpäeva jooksul");
        assertThat(text("page.how.review", "et", 1)).contains("1 tööpäeva jooksul");
    }

    private static final Pattern MAKESHIFT_PLURAL = Pattern.compile("\\p{L}\\((s|en|ler|lar|a)\\)");

    @Test
    void noWordingFallsBackOnAMakeshiftPlural() throws IOException {
        List<String> found = new ArrayList<>();
        List<Path> files = new ArrayList<>();
        try (Stream<Path> bundles = Files.list(Path.of("src/main/resources"))) {
            bundles.filter(p -> p.getFileName().toString().matches("messages.*\\.properties"))
                    .forEach(files::add);
        }
        try (Stream<Path> mails = Files.list(Path.of("src/main/resources/templates/mail"))) {
            mails.forEach(files::add);
        }
        assertThat(files).hasSizeGreaterThan(4);
        for (Path file : files) {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                if (MAKESHIFT_PLURAL.matcher(lines.get(i)).find()) {
                    found.add(file.getFileName() + ":" + (i + 1) + ": " + lines.get(i));
                }
            }
        }
        assertThat(found).isEmpty();
    }
}
