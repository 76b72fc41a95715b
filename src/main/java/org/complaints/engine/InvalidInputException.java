package org.complaints.engine;

import java.util.List;
import org.camunda.bpm.engine.BadUserRequestException;

/**
 * Input a person or a client has to correct. Being a {@link BadUserRequestException}, the engine's REST API
 * answers it with 400 and Tasklist shows its message on the form; the transaction rolls back, so nothing
 * already accepted changes.
 */
public class InvalidInputException extends BadUserRequestException {

    private final List<String> problems;

    public InvalidInputException(String problem) {
        this(List.of(problem));
    }

    public InvalidInputException(List<String> problems) {
        super(String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
