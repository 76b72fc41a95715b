package org.complaints.intake.web;

import java.time.Period;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.complaints.mail.MailProperties;
import org.complaints.privacy.RetentionProperties;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The privacy notice at {@code /privacy} (ISO 10002 4.9, GDPR articles 13 and 14), linked from the complaint page
 * and every e-mail: who is responsible, for what the data is used, how long it is kept (the retention setting
 * itself, so the notice never promises a period the nightly anonymisation does not keep), the complainant's
 * rights and whom to ask.
 */
@Controller
class PrivacyNoticePage {

    private final RetentionProperties retention;
    private final MailProperties mail;
    private final MessageSource bundle;

    PrivacyNoticePage(RetentionProperties retention, MailProperties mail, MessageSource bundle) {
        this.retention = retention;
        this.mail = mail;
        this.bundle = bundle;
    }

    @GetMapping("/privacy")
    String notice(Model model) {
        Locale locale = LocaleContextHolder.getLocale();
        model.addAttribute("lang", locale.getLanguage());
        Map<String, String> links = new LinkedHashMap<>();
        for (String language : List.of("en", "tr", "nl", "et")) {
            links.put(language, "/privacy?lang=" + language);
        }
        model.addAttribute("languageLinks", links);
        model.addAttribute("organisation", mail.organisation());
        model.addAttribute("retentionPeriod", period(retention.afterClosure(), locale));
        return "public/privacy";
    }

    /** The period in words in the reader's language, e.g. "6 years" or "1 year, 6 months". */
    String period(Period period, Locale locale) {
        List<String> parts = new ArrayList<>();
        if (period.getYears() > 0) {
            parts.add(unit("year", period.getYears(), locale));
        }
        if (period.getMonths() > 0) {
            parts.add(unit("month", period.getMonths(), locale));
        }
        if (period.getDays() > 0 || parts.isEmpty()) {
            parts.add(unit("day", period.getDays(), locale));
        }
        return String.join(", ", parts);
    }

    private String unit(String unit, int n, Locale locale) {
        return n == 1
                ? bundle.getMessage("page.privacy." + unit, null, locale)
                : bundle.getMessage("page.privacy." + unit + "s", new Object[] {n}, locale);
    }
}
