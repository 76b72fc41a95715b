package org.complaints.mail;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where complainants reach this application, for the links in e-mails and API answers (status page, survey).
 *
 * @param publicBaseUrl the application's public address, e.g. {@code https://complaints.example.org}
 */
@ConfigurationProperties("complaints.intake")
public record PublicLinks(
        @DefaultValue("http://localhost:8080") String publicBaseUrl) {

    public String statusUrl(String reference, String token) {
        return base() + "/complaints/" + reference + "?token=" + token;
    }

    public String surveyUrl(String token) {
        return base() + "/survey/" + token;
    }

    /** The privacy notice, in the language the reader's browser asks for. */
    public String privacyUrl() {
        return base() + "/privacy";
    }

    private String base() {
        return publicBaseUrl.replaceAll("/+$", "");
    }
}
