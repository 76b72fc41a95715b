package org.complaints.mail;

import java.util.Locale;
import java.util.Map;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Renders plain-text e-mails from {@code templates/mail/<name>.txt}; all wording comes from the
 * {@code messages_<lang>.properties} bundles, so one template serves all four languages.
 */
@Component
public class MailTemplates {

    public static final Map<String, Locale> LANGUAGES = Map.of(
            "en",
            Locale.ENGLISH,
            "tr",
            Locale.forLanguageTag("tr"),
            "nl",
            Locale.forLanguageTag("nl"),
            "et",
            Locale.forLanguageTag("et"));

    private final SpringTemplateEngine engine = new SpringTemplateEngine();
    private final MessageSource messages;
    private final PublicLinks links;

    /** With the demo's public address, for tests that render templates without the application. */
    public MailTemplates(MessageSource messages) {
        this(messages, new PublicLinks("http://localhost:8080"));
    }

    @Autowired
    public MailTemplates(MessageSource messages, PublicLinks links) {
        this.messages = messages;
        this.links = links;
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("templates/mail/");
        resolver.setSuffix(".txt");
        resolver.setTemplateMode(TemplateMode.TEXT);
        resolver.setCharacterEncoding("UTF-8");
        resolver.setCheckExistence(true);
        engine.setTemplateResolver(resolver);
        engine.setTemplateEngineMessageSource(messages);
    }

    public static Locale locale(String language) {
        Locale locale = LANGUAGES.get(language);
        if (locale == null) {
            throw new IllegalArgumentException("Unsupported language '" + language + "'; use one of en, tr, nl, et");
        }
        return locale;
    }

    public RenderedMail render(String template, String language, Map<String, Object> model) {
        Locale locale = locale(language);
        // every e-mail ends with the link to the privacy notice in its own language (GDPR article 13)
        Map<String, Object> withPrivacy = new java.util.HashMap<>(model);
        withPrivacy.putIfAbsent("privacyUrl", links.privacyUrl() + "?lang=" + language);
        Context context = new Context(locale, withPrivacy);
        String body = engine.process(template, context).strip() + "\n";
        // a template whose subject staff write (a message to the complainant) passes it as {2}
        Object[] subjectArgs = {model.get("reference"), model.get("organisation"), model.get("subjectText")};
        String subject = messages.getMessage("mail." + template + ".subject", subjectArgs, locale);
        return new RenderedMail(subject, body);
    }

    public record RenderedMail(String subject, String body) {}
}
