package org.complaints.intake;

/**
 * A complaint as a complainant submits it through the public form or the JSON API (ISO 10002 7.2).
 *
 * @param website  honeypot: a field people never see and bots fill in
 * @param category optional: what the complaint is about, one of the staff form's category codes (ISO 10002 7.5);
 *                 the decision table's first result uses it
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
        String website,
        String category) {}
