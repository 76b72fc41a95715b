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
                description = "A bare e-mail address (no display name); the acknowledgement goes there",
                example = "jan.devries@example.net",
                requiredMode = Schema.RequiredMode.REQUIRED)
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
        String category) {}
