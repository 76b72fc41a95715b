package org.complaints.register;

import java.time.LocalDate;

/** What the complaint is about, in the complainant's words, and the remedy they ask for (ISO 10002 7.2). */
public record Subject(String productOrService, String description, LocalDate incidentDate, String remedySought) {}
