package org.complaints.intake;

/** A file a complainant sent with a complaint, its type already established from its content. */
public record Attachment(String fileName, String contentType, byte[] content) {}
