package org.complaints.intake.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The other ways to complain (ISO 10002 4.5 accessibility: by the channel that suits the complainant) and whom to
 * ask about personal data, as the public complaint page and the privacy notice show them.
 *
 * @param phone         the complaints telephone number
 * @param phoneHours    when it is answered, as complainants read it
 * @param postalAddress where complaints are sent by post, on one line
 * @param privacyEmail  the address for questions and requests about personal data
 */
@ConfigurationProperties("complaints.contact")
public record ContactProperties(
        @DefaultValue("+31 20 123 4567") String phone,
        @DefaultValue("Monday to Friday, 9:00-17:00") String phoneHours,

        @DefaultValue("Example Organisation, Complaints, Postbus 1234, 1000 AB Amsterdam")
        String postalAddress,

        @DefaultValue("privacy@example.org") String privacyEmail) {

    /** The number as a {@code tel:} link: digits and a leading plus only. */
    public String phoneLink() {
        return "tel:" + phone.replaceAll("[^+0-9]", "");
    }
}
