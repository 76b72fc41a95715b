package org.complaints.intake;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Complaint submissions for tests: a valid complaint with every field filled in the usual way, changed only where
 * a test cares. {@link Builder#build()} gives what a channel files ({@link IntakeService#file}),
 * {@link Builder#startForm()} the variables staff submit with the start form in Tasklist.
 *
 * <pre>{@code
 * Submissions.aPhoneComplaint().withEmail(email).withSeverity("high").startForm()
 * Submissions.aWebComplaint().withLanguage("tr").withCategory("billing").build()
 * }</pre>
 */
public final class Submissions {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private Submissions() {}

    /** A complainant address no other complaint in this JVM has, so related-complaint counts stay predictable. */
    public static String uniqueEmail() {
        return "complainant" + SEQUENCE.incrementAndGet() + "@example.net";
    }

    /** Taken by staff on the phone: every field of the start form filled, a medium delivery complaint. */
    public static Builder aPhoneComplaint() {
        return new Builder("phone")
                .withPhone("+31 20 123 4567")
                .withIncidentDate(LocalDate.of(2026, 11, 2))
                .withRemedySought("Replace the damaged goods")
                .withSeverity("medium")
                .withImpact("individual")
                .withCategory("delivery");
    }

    /** Sent through the web form: the complainant's required fields only, no assessment proposed. */
    public static Builder aWebComplaint() {
        return new Builder("web");
    }

    public static final class Builder {
        private String channel;
        private String receivedBy;
        private String name = "Jan de Vries";
        private String email;
        private String phone;
        private String language = "en";
        private String productOrService;
        private String description = "My parcel was left outside in the rain and the contents were damaged.";
        private LocalDate incidentDate;
        private String remedySought;
        private String receiptNotes;
        private String severity;
        private String impact;
        private String category;
        private Boolean safetyRelevant = false;
        private boolean withoutEmail;
        private String postalAddress;
        private String preferredContact;
        private String accessibilityNeeds;
        private String accessibilityNote;
        private String representativeName;
        private String representativeEmail;
        private String representativePhone;
        private String representativePostalAddress;
        private String representativeRelation;
        private Boolean representativeConsent;

        private Builder(String channel) {
            this.channel = channel;
        }

        public Builder withChannel(String channel) {
            this.channel = channel;
            return this;
        }

        public Builder withReceivedBy(String receivedBy) {
            this.receivedBy = receivedBy;
            return this;
        }

        public Builder withName(String name) {
            this.name = name;
            return this;
        }

        public Builder withEmail(String email) {
            this.email = email;
            return this;
        }

        public Builder withPhone(String phone) {
            this.phone = phone;
            return this;
        }

        public Builder withLanguage(String language) {
            this.language = language;
            return this;
        }

        public Builder withProductOrService(String productOrService) {
            this.productOrService = productOrService;
            return this;
        }

        public Builder withDescription(String description) {
            this.description = description;
            return this;
        }

        public Builder withIncidentDate(LocalDate incidentDate) {
            this.incidentDate = incidentDate;
            return this;
        }

        public Builder withRemedySought(String remedySought) {
            this.remedySought = remedySought;
            return this;
        }

        public Builder withReceiptNotes(String receiptNotes) {
            this.receiptNotes = receiptNotes;
            return this;
        }

        public Builder withSeverity(String severity) {
            this.severity = severity;
            return this;
        }

        public Builder withImpact(String impact) {
            this.impact = impact;
            return this;
        }

        public Builder withCategory(String category) {
            this.category = category;
            return this;
        }

        /** A complainant without an e-mail address, reached by post or phone. */
        public Builder withoutEmail() {
            this.withoutEmail = true;
            return this;
        }

        public Builder withPostalAddress(String postalAddress) {
            this.postalAddress = postalAddress;
            return this;
        }

        public Builder withPreferredContact(String preferredContact) {
            this.preferredContact = preferredContact;
            return this;
        }

        public Builder withAccessibilityNeeds(String needs, String note) {
            this.accessibilityNeeds = needs;
            this.accessibilityNote = note;
            return this;
        }

        /** Someone complaining on the complainant's behalf, with the complainant's consent recorded or not. */
        public Builder withRepresentative(
                String name, String email, String phone, String postalAddress, String relation, Boolean consent) {
            this.representativeName = name;
            this.representativeEmail = email;
            this.representativePhone = phone;
            this.representativePostalAddress = postalAddress;
            this.representativeRelation = relation;
            this.representativeConsent = consent;
            return this;
        }

        public Builder safetyRelevant(boolean safetyRelevant) {
            this.safetyRelevant = safetyRelevant;
            return this;
        }

        private String email() {
            if (withoutEmail) {
                return null;
            }
            if (email == null) {
                email = uniqueEmail();
            }
            return email;
        }

        /** Unless a test names one: a product of this complainant's own, so no other complaint relates to it. */
        private String productOrService() {
            if (productOrService == null && withoutEmail) {
                productOrService = "Home delivery " + uniqueEmail();
            }
            return productOrService != null ? productOrService : "Home delivery " + email();
        }

        public ComplaintSubmission build() {
            return new ComplaintSubmission(
                    channel,
                    receivedBy,
                    name,
                    email(),
                    phone,
                    language,
                    productOrService(),
                    description,
                    incidentDate,
                    remedySought,
                    receiptNotes,
                    severity,
                    impact,
                    category,
                    safetyRelevant,
                    postalAddress,
                    preferredContact,
                    accessibilityNeeds,
                    accessibilityNote,
                    representativeName,
                    representativeEmail,
                    representativePhone,
                    representativePostalAddress,
                    representativeRelation,
                    representativeConsent);
        }

        /** The start form's variables as Tasklist submits them; a field left empty is not sent. */
        public Map<String, Object> startForm() {
            Map<String, Object> form = new HashMap<>();
            putUnlessNull(form, "channel", channel);
            putUnlessNull(form, "complainantName", name);
            putUnlessNull(form, "complainantEmail", email());
            putUnlessNull(form, "complainantPhone", phone);
            putUnlessNull(form, "preferredLanguage", language);
            putUnlessNull(form, "productOrService", productOrService());
            putUnlessNull(form, "description", description);
            putUnlessNull(form, "incidentDate", incidentDate == null ? null : incidentDate.toString());
            putUnlessNull(form, "remedySought", remedySought);
            putUnlessNull(form, "receiptNotes", receiptNotes);
            putUnlessNull(form, "severity", severity);
            putUnlessNull(form, "impact", impact);
            putUnlessNull(form, "category", category);
            putUnlessNull(form, "safetyRelevant", safetyRelevant);
            putUnlessNull(form, "postalAddress", postalAddress);
            putUnlessNull(form, "preferredContact", preferredContact);
            putUnlessNull(form, "accessibilityNeeds", accessibilityNeeds);
            putUnlessNull(form, "accessibilityNote", accessibilityNote);
            putUnlessNull(form, "representativeName", representativeName);
            putUnlessNull(form, "representativeEmail", representativeEmail);
            putUnlessNull(form, "representativePhone", representativePhone);
            putUnlessNull(form, "representativePostalAddress", representativePostalAddress);
            putUnlessNull(form, "representativeRelation", representativeRelation);
            putUnlessNull(form, "representativeConsent", representativeConsent);
            return form;
        }

        private static void putUnlessNull(Map<String, Object> form, String name, Object value) {
            if (value != null) {
                form.put(name, value);
            }
        }
    }
}
