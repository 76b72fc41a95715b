package org.complaints.security;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;

/**
 * The engine wraps exceptions thrown by task listeners (four-eyes, independent review, supervision) in a
 * plain ProcessEngineException, which the REST API answers with 500. A refusal of bad input is the caller's
 * to correct: answer it with 400 and the refusal's own message.
 */
@Provider
@Priority(1)
public class RefusalExceptionMapper implements ExceptionMapper<ProcessEngineException> {

    @Override
    public Response toResponse(ProcessEngineException exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof BadUserRequestException refusal) {
                return ExceptionHandlerHelper.getInstance().getResponse(refusal);
            }
        }
        return ExceptionHandlerHelper.getInstance().getResponse(exception);
    }
}
