package org.complaints.engine;

import java.util.List;
import org.camunda.bpm.engine.BadUserRequestException;

/**
 * Input a person or a client has to correct. Being a {@link BadUserRequestException}, the engine's REST API
 * answers it with 400 and Tasklist shows its message on the form; the transaction rolls back, so nothing
 * already accepted changes. Each problem names its field and, where a public channel shows it, a message code
 * that channel translates ({@code error.<code>} in the message bundles).
 */
public class InvalidInputException extends BadUserRequestException {

    /**
     * @param field   the input field, e.g. {@code complainantEmail}
     * @param code    message code for translated messages, or null
     * @param args    arguments of the translated message
     * @param message the English message
     */
    public record Problem(String field, String code, List<Object> args, String message) {

        public static Problem of(String field, String code, String message, Object... args) {
            return new Problem(field, code, List.of(args), message);
        }

        @Override
        public String toString() {
            return field == null ? message : field + ": " + message;
        }
    }

    private final List<Problem> problems;

    public InvalidInputException(String problem) {
        this(List.of(parse(problem)));
    }

    public InvalidInputException(List<?> problems) {
        super(String.join("; ", problems.stream().map(Object::toString).toList()));
        this.problems = problems.stream()
                .map(p -> p instanceof Problem problem ? problem : parse(p.toString()))
                .toList();
    }

    public List<Problem> problems() {
        return problems;
    }

    /** "field: message" as the staff-facing checks write it. */
    private static Problem parse(String problem) {
        int colon = problem.indexOf(": ");
        boolean named = colon > 0 && problem.substring(0, colon).matches("[A-Za-z]+");
        return new Problem(
                named ? problem.substring(0, colon) : null,
                null,
                List.of(),
                named ? problem.substring(colon + 2) : problem);
    }
}
