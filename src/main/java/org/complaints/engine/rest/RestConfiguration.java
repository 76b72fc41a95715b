package org.complaints.engine.rest;

import jakarta.ws.rs.ApplicationPath;
import org.camunda.bpm.spring.boot.starter.rest.CamundaJerseyResourceConfig;
import org.springframework.stereotype.Component;

/** The engine's REST API at /engine-rest, plus the application's exception mapping. */
@Component
@ApplicationPath("/engine-rest")
public class RestConfiguration extends CamundaJerseyResourceConfig {

    @Override
    protected void registerAdditionalResources() {
        register(RefusalExceptionMapper.ForEngineExceptions.class);
        register(RefusalExceptionMapper.ForRestExceptions.class);
    }
}
