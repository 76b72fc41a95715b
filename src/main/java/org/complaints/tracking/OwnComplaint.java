package org.complaints.tracking;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * What the complainant told us, as the status page shows it back to them (ISO 10002 7.3): their own words, the
 * files they sent and the information they added later. Never staff documents, notes or names.
 *
 * @param attachments      the files the complainant sent (not those staff added to the file)
 * @param addedInformation what the complainant added after filing, oldest first
 */
public record OwnComplaint(
        String productOrService,
        String description,
        LocalDate incidentDate,
        String remedySought,
        List<File> attachments,
        List<Added> addedInformation) {

    public record File(long id, String fileName, long sizeBytes, Instant addedAt) {}

    public record Added(Instant addedAt, String text) {}

    /** A file's bytes for the download, with the type established when it was accepted. */
    public record Content(String fileName, String contentType, byte[] bytes) {}
}
