package org.complaints.intake;

/**
 * A complaint as a complainant submits it through the public form or the JSON API (ISO 10002 7.2).
 *
 * @param website honeypot: a field people never see and bots fill in
 */
public record ComplaintRequest(
        String name,
        String email,
        String phone,
        String language,
        String productOrService,
        String description,
        String incidentDate,
        String remedySought,
        Boolean consent,
        String website) {}
