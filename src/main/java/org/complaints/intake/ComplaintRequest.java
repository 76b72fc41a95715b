package org.complaints.intake;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A complaint as a complainant submits it through the public form or the JSON API (ISO 10002 7.2). The schema
 * annotations describe each field in the API's OpenAPI description.
 *
 * @param website  honeypot: a field people never see and bots fill in
 * @param category optional: what the complaint is about, one of the staff form's category codes (ISO 10002 7.5);
 *                 the decision table's first result uses it
 */
@Schema(description = "A complaint as the complainant sends it")
public record ComplaintRequest(
        @Schema(
                description = "The complainant's name, 1 to 200 characters",
                example = "Jan de Vries",
                requiredMode = Schema.RequiredMode.REQUIRED)
        String name,

        @Schema(
                description = "A bare e-mail address (no display name). Required unless a postalAddress or phone is"
                        + " given: at least one way to reach the complainant is",
                example = "jan.devries@example.net")
        String email,

        @Schema(
                description = "Optional telephone number, 6 to 30 of + 0-9 space ( ) / . -",
                example = "+31 20 123 4567")
        String phone,

        @Schema(
                description = "Language of the answers: en, tr, nl or et",
                example = "nl",
                allowableValues = {"en", "tr", "nl", "et"},
                requiredMode = Schema.RequiredMode.REQUIRED)
        String language,

        @Schema(
                description = "What the complaint is about, 1 to 200 characters",
                example = "Parcel delivery",
                requiredMode = Schema.RequiredMode.REQUIRED)
        String productOrService,

        @Schema(
                description = "What happened, at most 8000 characters",
                example = "My parcel was left outside in the rain and the contents were damaged.",
                requiredMode = Schema.RequiredMode.REQUIRED)
        String description,

        @Schema(
                description = "When it happened (YYYY-MM-DD), not in the future",
                example = "2026-11-02",
                format = "date")
        String incidentDate,

        @Schema(description = "What the complainant asks for, optional", example = "Replace the damaged goods")
        String remedySought,

        @Schema(
                description = "Consent to the processing of the data for handling the complaint; must be true",
                example = "true",
                requiredMode = Schema.RequiredMode.REQUIRED)
        Boolean consent,

        // the honeypot stays out of the published description: bots reading it would learn to leave it empty
        @Schema(hidden = true) String website,

        @Schema(
                description = "Optional category of the complaint; another value answers 400",
                example = "billing",
                allowableValues = {
                    "product-quality",
                    "service",
                    "billing",
                    "delivery",
                    "staff-conduct",
                    "data-protection",
                    "other"
                })
        String category,

        @Schema(
                description = "Postal address, lines separated by a line feed, 5 to 1000 characters; letters go there"
                        + " when the preferred way of contact is post",
                example = "Jan de Vries\nKeizersgracht 1\n1015 CJ Amsterdam")
        String postalAddress,

        @Schema(
                description = "How the complainant wants to be reached; it needs the matching email, postalAddress"
                        + " or phone. Without it: email when an e-mail address is given, else post when a postal"
                        + " address is, else phone",
                example = "post",
                allowableValues = {"email", "post", "phone"})
        String preferredContact,

        @Schema(
                description = "Optional need when reading or hearing our answers (ISO 10002 4.5): large-print"
                        + " letters, plain language, an interpreter, or other (say which in accessibilityNote)",
                example = "large-print",
                allowableValues = {"large-print", "plain-language", "interpreter", "other"})
        String accessibilityNeeds,

        @Schema(
                description = "Optional note on the accessibility needs, at most 1000 characters",
                example = "Dutch Sign Language interpreter for calls")
        String accessibilityNote,

        @Schema(
                description = "Name of the person complaining on the complainant's behalf, 1 to 200 characters."
                        + " With a representative, every communication goes to them, and representativeConsent"
                        + " must be true",
                example = "Anna de Vries")
        String representativeName,

        @Schema(
                description = "The representative's e-mail address; with a representative, at least one of their"
                        + " e-mail, phone and postal address is required",
                example = "anna.devries@example.net")
        String representativeEmail,

        @Schema(
                description = "The representative's telephone number, 6 to 30 of + 0-9 space ( ) / . -",
                example = "+31 6 1234 5678")
        String representativePhone,

        @Schema(
                description = "The representative's postal address, lines separated by a line feed",
                example = "Anna de Vries\nPrinsengracht 2\n1015 DV Amsterdam")
        String representativePostalAddress,

        @Schema(
                description = "How the representative stands to the complainant, at most 100 characters",
                example = "daughter")
        String representativeRelation,

        @Schema(
                description = "That the complainant consents to being represented; must be true when a"
                        + " representative is given",
                example = "true")
        Boolean representativeConsent) {}
