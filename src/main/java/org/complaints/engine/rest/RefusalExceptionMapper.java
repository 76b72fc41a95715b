package org.complaints.engine.rest;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.authorization.MissingAuthorization;
import org.camunda.bpm.engine.rest.dto.AuthorizationExceptionDto;
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

    /**
     * A call the person's grants do not allow: 403 with a sentence staff can act on, instead of the engine's
     * "The user with id ... does not have one of the following permissions: 'TASK_WORK' permission on resource
     * '3f2a...' of type 'Task'". Tasklist and Cockpit show this message as it is.
     */
    static Optional<Response> notPermitted(Throwable exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            // a refusal the application words itself (e.g. a task claimed by someone else) names no missing
            // authorization and keeps its message
            if (cause instanceof AuthorizationException refused
                    && refused.getMissingAuthorizations() != null
                    && !refused.getMissingAuthorizations().isEmpty()) {
                // the missing authorizations stay in the answer for API clients; only the message changes
                AuthorizationExceptionDto dto = AuthorizationExceptionDto.fromException(refused);
                dto.setMessage(readable(refused));
                return Optional.of(Response.status(Response.Status.FORBIDDEN)
                        .entity(dto)
                        .type(MediaType.APPLICATION_JSON_TYPE)
                        .build());
            }
        }
        return Optional.empty();
    }

    static String readable(AuthorizationException refused) {
        List<String> resources = refused.getMissingAuthorizations().stream()
                .map(MissingAuthorization::getResourceType)
                .filter(Objects::nonNull)
                .distinct()
                .toList();
        List<String> permissions = refused.getMissingAuthorizations().stream()
                .map(MissingAuthorization::getViolatedPermissionName)
                .filter(Objects::nonNull)
                .distinct()
                .toList();
        if (resources.contains("Task")
                && permissions.stream().anyMatch(p -> p.equals("TASK_WORK") || p.equals("UPDATE"))) {
            return "Not permitted: you may read this task, but it is worked by its group (the candidate group shown"
                    + " on the task). Ask a complaint manager to assign it to you if you should work on it.";
        }
        String what =
                resources.isEmpty() ? "this" : String.join(", ", resources).toLowerCase(Locale.ROOT);
        return "Not permitted: your account may look at this " + what + " but not change it (it lacks "
                + String.join(" or ", permissions) + "). Ask an administrator if your role should allow it.";
    }

    @Priority(1)
    static class ForEngineExceptions implements ExceptionMapper<ProcessEngineException> {
        @Override
        public Response toResponse(ProcessEngineException exception) {
            // the engine's wrapper ("ENGINE-03051 There was an exception while invoking the TaskListener ...")
            // only obscures the refusal, which Tasklist shows as it is
            return ConcurrentChange.conflict(exception)
                    .or(() -> alreadyClaimed(exception))
                    .or(() -> notPermitted(exception))
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
                    .or(() -> notPermitted(exception))
                    .or(() -> refusal(exception, exception.getMessage()))
                    .orElseGet(() -> camundaDefault.toResponse(exception));
        }
    }
}
