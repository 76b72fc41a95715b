package org.complaints.engine.rest;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.rest.dto.ExceptionDto;
import org.camunda.bpm.engine.rest.exception.RestException;

/**
 * Two members of staff completing the same task at once: the engine lets one commit and fails the other with an
 * optimistic-locking conflict, or (if the first already committed) finds no task. Both reach the REST layer as a
 * 500; they are the caller's to see as a conflict (409), with nothing of the later attempt saved, so no side
 * effect of it (register update, e-mail job, event) happened.
 */
public final class ConcurrentChange {

    public static final String MESSAGE = "Someone else changed this at the same moment; your change was not saved. "
            + "Reload and check whether anything is left to do.";
    public static final String TASK_GONE = "This task is no longer open: someone else completed it in the meantime; "
            + "your input was not saved. Reload the task list.";

    private ConcurrentChange() {}

    public static Optional<Response> conflict(Throwable exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof OptimisticLockingException conflict) {
                return Optional.of(answer(conflict, MESSAGE));
            }
        }
        // "Cannot complete task <id>: Cannot find task with id <id>" (complete and submit-form)
        if (exception instanceof RestException rest
                && exception.getCause() instanceof NullValueException missing
                && rest.getMessage() != null
                && rest.getMessage().matches("Cannot (complete task|submit task form) .*")
                && missing.getMessage() != null
                && missing.getMessage().startsWith("Cannot find task with id")) {
            return Optional.of(answer(missing, TASK_GONE));
        }
        return Optional.empty();
    }

    private static Response answer(Exception cause, String message) {
        ExceptionDto dto = ExceptionDto.fromException(cause);
        dto.setMessage(message);
        return Response.status(Response.Status.CONFLICT)
                .entity(dto)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .build();
    }
}
