package org.complaints.intake.web;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.complaints.intake.AttachmentPolicy;
import org.complaints.intake.IntakeProperties;
import org.springframework.stereotype.Component;

/**
 * Files a complainant chose on the public form that came back with an error (consent not ticked, a field
 * missing), kept in memory for that browser session only, so the re-shown form lists them instead of dropping
 * them. Never written to disk or the database: a draft is not an accepted complaint.
 *
 * <p>Bounded three ways, so that failed submissions cannot fill the memory: per session the same number and size
 * as one submission ({@code complaints.intake.*}); in all {@link #TOTAL_BYTES}; and a draft lives {@link #LIFETIME}
 * after its last use. A draft is removed when the complaint is filed, when it expires, or when the complainant
 * removes its files; a file that does not fit is not kept and the page names it to be chosen again.
 */
@Component
class DraftAttachments {

    /** All sessions' drafts together: far below the heap, above a few dozen complainants at once. */
    static final long TOTAL_BYTES = 64L * 1024 * 1024;

    /** As long as the session of a complainant who stopped typing (server.servlet.session.timeout). */
    static final Duration LIFETIME = Duration.ofMinutes(30);

    private static final SecureRandom IDS = new SecureRandom();

    /** A kept file: a random id for the form's remove box, the name as the policy cleans it, the bytes. */
    record Kept(String id, String fileName, byte[] content) {
        public long size() {
            return content.length;
        }
    }

    private record Draft(List<Kept> files, Instant touched) {
        long bytes() {
            return files.stream().mapToLong(Kept::size).sum();
        }
    }

    /** What was kept, and the names of the files that were not (to be chosen again). */
    record Outcome(List<Kept> kept, List<String> notKept) {}

    private final Map<String, Draft> drafts = new ConcurrentHashMap<>();
    private final IntakeProperties limits;
    private final AttachmentPolicy policy;
    private final Clock clock;

    DraftAttachments(IntakeProperties limits, AttachmentPolicy policy, Clock clock) {
        this.limits = limits;
        this.policy = policy;
        this.clock = clock;
    }

    /** The session's kept files (none after expiry), without those the complainant ticked to remove. */
    List<Kept> take(String session, Set<String> removed) {
        expire();
        Draft draft = session == null ? null : drafts.remove(session);
        if (draft == null) {
            return List.of();
        }
        return draft.files().stream().filter(f -> !removed.contains(f.id())).toList();
    }

    /**
     * Keeps the files for the session's re-shown form: each must be acceptable on its own (a refused file is named
     * by the form's error instead), within the session's and the store's limits. Replaces what the session had.
     */
    synchronized Outcome keep(String session, List<Kept> earlier, List<AttachmentPolicy.Upload> uploads) {
        expire();
        drafts.remove(session);
        long others = drafts.values().stream().mapToLong(Draft::bytes).sum();
        List<Kept> kept = new ArrayList<>();
        List<String> notKept = new ArrayList<>();
        long bytes = 0;
        List<Kept> candidates = new ArrayList<>(earlier);
        for (AttachmentPolicy.Upload upload : uploads) {
            candidates.add(new Kept(null, upload.fileName(), upload.content()));
        }
        for (Kept file : candidates) {
            String name;
            try {
                name = policy.check(List.of(new AttachmentPolicy.Upload(file.fileName(), file.content())))
                        .get(0)
                        .fileName();
            } catch (RuntimeException refused) {
                continue; // the form's error names it
            }
            boolean fits = kept.size() < limits.maxAttachments()
                    && bytes + file.size() <= limits.maxAttachmentBytes().toBytes()
                    && others + bytes + file.size() <= TOTAL_BYTES;
            if (!fits) {
                notKept.add(name);
                continue;
            }
            kept.add(new Kept(file.id() == null ? newId() : file.id(), name, file.content()));
            bytes += file.size();
        }
        if (!kept.isEmpty()) {
            drafts.put(session, new Draft(List.copyOf(kept), clock.instant()));
        }
        return new Outcome(List.copyOf(kept), List.copyOf(notKept));
    }

    /** Forgets the session's draft: the complaint was filed with its files. */
    void clear(String session) {
        if (session != null) {
            drafts.remove(session);
        }
    }

    long totalBytes() {
        return drafts.values().stream().mapToLong(Draft::bytes).sum();
    }

    private void expire() {
        Instant oldest = clock.instant().minus(LIFETIME);
        drafts.values().removeIf(d -> d.touched().isBefore(oldest));
    }

    private static String newId() {
        byte[] id = new byte[12];
        IDS.nextBytes(id);
        return HexFormat.of().formatHex(id);
    }
}
