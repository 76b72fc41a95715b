package org.complaints.register;

import java.util.Arrays;
import java.util.List;

/**
 * What limits access to a complaint (ISO 10002 4.7, 4.10): confidential complaints are for complaint managers
 * and the people they assign; staff the complaint names never work on it; a legal hold keeps its data.
 */
public record AccessMarkings(
        long complaintId,
        String reference,
        boolean confidential,
        List<String> namedStaff,
        boolean legalHold,
        String legalHoldReason,
        String processInstanceId,
        boolean anonymised) {

    public AccessMarkings {
        namedStaff = List.copyOf(namedStaff);
    }

    static List<String> parseStaff(String stored) {
        return stored == null || stored.isBlank()
                ? List.of()
                : Arrays.stream(stored.split(","))
                        .map(String::trim)
                        .filter(s -> !s.isEmpty())
                        .toList();
    }

    public AccessMarkings withProcessInstance(String id) {
        return new AccessMarkings(
                complaintId, reference, confidential, namedStaff, legalHold, legalHoldReason, id, anonymised);
    }

    public boolean names(String userId) {
        return userId != null && namedStaff.contains(userId);
    }
}
