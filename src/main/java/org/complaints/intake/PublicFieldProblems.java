package org.complaints.intake;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.complaints.engine.InvalidInputException;
import org.springframework.context.MessageSource;

/**
 * Field problems as complainants see them: under the public field names and in their language
 * ({@code field.*} and {@code error.*} in the message bundles). Shared by the pages and the JSON API.
 */
public final class PublicFieldProblems {

    /** The register's field names as the public form and API call them. */
    static final Map<String, String> PUBLIC_FIELD = Map.of(
            "complainantName",
            "name",
            "complainantEmail",
            "email",
            "complainantPhone",
            "phone",
            "preferredLanguage",
            "language");

    private PublicFieldProblems() {}

    public record FieldProblem(String field, String message) {}

    public static List<FieldProblem> of(InvalidInputException e, MessageSource messages, Locale locale) {
        return e.problems().stream()
                .map(p -> {
                    String field = p.field() == null ? null : PUBLIC_FIELD.getOrDefault(p.field(), p.field());
                    if (p.code() == null) {
                        return new FieldProblem(field, p.message());
                    }
                    String label = messages.getMessage("field." + field, null, String.valueOf(field), locale);
                    Object[] args =
                            Stream.concat(Stream.of(label), p.args().stream()).toArray();
                    return new FieldProblem(
                            field, messages.getMessage("error." + p.code(), args, p.toString(), locale));
                })
                .toList();
    }
}
