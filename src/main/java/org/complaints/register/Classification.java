package org.complaints.register;

/** How serious the complaint is and what it concerns, as received and then confirmed (ISO 10002 7.2, 7.5). */
public record Classification(String severity, String impact, String category, boolean safetyRelevant) {}
