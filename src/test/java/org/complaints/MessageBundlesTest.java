package org.complaints;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every wording exists in every language, with the same placeholders, and parses as a MessageFormat. */
class MessageBundlesTest {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\d}");

    static Properties load(String name) throws IOException {
        Properties properties = new Properties();
        try (var in = MessageBundlesTest.class.getResourceAsStream("/" + name)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }

    @ParameterizedTest
    @ValueSource(strings = {"tr", "nl", "et"})
    void translationHasEveryKeyWithTheSamePlaceholders(String language) throws IOException {
        Properties english = load("messages.properties");
        Properties translation = load("messages_" + language + ".properties");
        assertThat(translation.stringPropertyNames())
                .containsExactlyInAnyOrderElementsOf(english.stringPropertyNames());
        for (String key : english.stringPropertyNames()) {
            String text = translation.getProperty(key);
            assertThat(placeholders(text)).as(language + " " + key).isEqualTo(placeholders(english.getProperty(key)));
            // every message goes through MessageFormat: a lone apostrophe would swallow the rest of the text
            assertThat(text.replace("''", "")).as(language + " " + key).doesNotContain("'");
            // counted wording ({0,choice,...}, {0,number,...}) takes numbers, all other wording any text
            Object[] arguments = text.matches("(?s).*\\{\\d,(choice|number).*")
                    ? new Object[] {1, 2, 3}
                    : new Object[] {"A", "B", "C"};
            assertThat(new java.text.MessageFormat(text).format(arguments)).doesNotContain("{");
        }
    }

    private static Set<String> placeholders(String text) {
        Set<String> found = new TreeSet<>();
        Matcher matcher = PLACEHOLDER.matcher(text);
        while (matcher.find()) {
            found.add(matcher.group());
        }
        return found;
    }
}
