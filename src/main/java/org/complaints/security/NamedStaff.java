package org.complaints.security;

import java.util.Arrays;
import java.util.List;
import org.complaints.register.AccessMarkings;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * Staff a complaint names: as typed into a form (user ids separated by commas, semicolons or spaces), and the
 * refusal they get for anything of that complaint the application itself serves.
 */
public final class NamedStaff {

    private NamedStaff() {}

    public static List<String> parse(String typed) {
        return typed == null
                ? List.of()
                : Arrays.stream(typed.split("[,;\\s]+"))
                        .map(String::trim)
                        .filter(s -> !s.isEmpty())
                        .distinct()
                        .toList();
    }

    /**
     * Refuses (403) a member of staff the complaint names: they neither see nor change anything of it, not even
     * its marking or their own name on it (objectivity, ISO 10002 4.7); another complaint manager acts on it.
     */
    public static AccessMarkings requireNotNamed(AccessMarkings markings, String user) {
        if (markings.names(user)) {
            throw new ResponseStatusException(
                    HttpStatus.FORBIDDEN,
                    "Complaint " + markings.reference()
                            + " names you, so you can neither see nor change it here. Ask another complaint manager.");
        }
        return markings;
    }
}
