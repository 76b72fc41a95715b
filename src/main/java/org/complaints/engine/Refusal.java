package org.complaints.engine;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * A request refused because of who asks or the state of what it acts on (403, 404, 409), with a code that names
 * the reason. The APIs answer it as any {@link ResponseStatusException} (English detail, problem type by status);
 * a page looks the code up in the message bundles to tell the reason in the reader's language.
 */
public class Refusal extends ResponseStatusException {

    private final String code;

    public Refusal(HttpStatus status, String code, String reason) {
        super(status, reason);
        this.code = code;
    }

    public static Refusal forbidden(String code, String reason) {
        return new Refusal(HttpStatus.FORBIDDEN, code, reason);
    }

    public static Refusal notFound(String code, String reason) {
        return new Refusal(HttpStatus.NOT_FOUND, code, reason);
    }

    public static Refusal conflict(String code, String reason) {
        return new Refusal(HttpStatus.CONFLICT, code, reason);
    }

    /** The reason's code, e.g. {@code closed}: a page shows the message {@code <prefix>.<code>}. */
    public String code() {
        return code;
    }
}
