package org.complaints.engine.rest;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.Optional;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.rest.dto.ExceptionDto;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.rest.exception.RestExceptionHandler;

/**
 * Refusals of bad input ({@link BadUserRequestException}, e.g. a start form without a description, a four-eyes
 * violation) reach the REST layer wrapped: by the engine around task listeners, by the REST resources around
 * form submission. Unwrapped, they are the caller's to correct: 400 with the refusal's message, not 500.
 * Concurrent changes of the same task are 409 ({@link ConcurrentChange}), and so is claiming a task someone
 * else has claimed.
 */
final class RefusalExceptionMapper {

    /** The engine's code for "Java serialization format is prohibited". */
    private static final String JAVA_SERIALIZATION_REFUSED = "ENGINE-17007";

    private RefusalExceptionMapper() {}

    /** @param message the message to show, or null for the refusal's own */
    static Optional<Response> refusal(Throwable exception, String message) {
        for (Throwable cause = exception.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof ProcessEngineException engine
                    && engine.getMessage() != null
                    && engine.getMessage().contains(JAVA_SERIALIZATION_REFUSED)) {
                // a variable in Java serialization format: refused by configuration, the caller's to change
                ExceptionDto dto = ExceptionDto.fromException(engine);
                dto.setMessage(
                        "Variables in Java serialization format are not accepted; send JSON or a primitive value.");
                return Optional.of(Response.status(Response.Status.BAD_REQUEST)
                        .entity(dto)
                        .type(MediaType.APPLICATION_JSON_TYPE)
                        .build());
            }
            if (cause instanceof BadUserRequestException refusal) {
                ExceptionDto dto = ExceptionDto.fromException(refusal);
                dto.setMessage(message != null ? message : refusal.getMessage());
                return Optional.of(Response.status(Response.Status.BAD_REQUEST)
                        .entity(dto)
                        .type(MediaType.APPLICATION_JSON_TYPE)
                        .build());
            }
        }
        return Optional.empty();
    }

    /** Claiming a task another person has: 409 naming them, not the engine's 500. */
    static Optional<Response> alreadyClaimed(Throwable exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof TaskAlreadyClaimedException claimed) {
                ExceptionDto dto = ExceptionDto.fromException(claimed);
                dto.setMessage("This task has already been claimed by " + claimed.getTaskAssignee()
                        + ". Reload the task list; they or a complaint manager can hand it over.");
                return Optional.of(Response.status(Response.Status.CONFLICT)
                        .entity(dto)
                        .type(MediaType.APPLICATION_JSON_TYPE)
                        .build());
            }
        }
        return Optional.empty();
    }

    @Priority(1)
    static class ForEngineExceptions implements ExceptionMapper<ProcessEngineException> {
        @Override
        public Response toResponse(ProcessEngineException exception) {
            // the engine's wrapper ("ENGINE-03051 There was an exception while invoking the TaskListener ...")
            // only obscures the refusal, which Tasklist shows as it is
            return ConcurrentChange.conflict(exception)
                    .or(() -> alreadyClaimed(exception))
                    .or(() -> refusal(exception, null))
                    .orElseGet(() -> ExceptionHandlerHelper.getInstance().getResponse(exception));
        }
    }

    @Priority(1)
    static class ForRestExceptions implements ExceptionMapper<RestException> {
        private final RestExceptionHandler camundaDefault = new RestExceptionHandler();

        @Override
        public Response toResponse(RestException exception) {
            return ConcurrentChange.conflict(exception)
                    .or(() -> alreadyClaimed(exception))
                    .or(() -> refusal(exception, exception.getMessage()))
                    .orElseGet(() -> camundaDefault.toResponse(exception));
        }
    }
}
