package org.complaints.mail;

import java.util.Locale;
import java.util.Map;
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

    public MailTemplates(MessageSource messages) {
        this.messages = messages;
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
        Context context = new Context(locale, model);
        String body = engine.process(template, context).strip() + "\n";
        Object[] subjectArgs = {model.get("reference"), model.get("organisation")};
        String subject = messages.getMessage("mail." + template + ".subject", subjectArgs, locale);
        return new RenderedMail(subject, body);
    }

    public record RenderedMail(String subject, String body) {}
}
