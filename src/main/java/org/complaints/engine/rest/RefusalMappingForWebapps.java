package org.complaints.engine.rest;

import jakarta.ws.rs.core.FeatureContext;
import org.glassfish.jersey.internal.spi.ForcedAutoDiscoverable;

/**
 * The same refusal mapping for the webapps' engine API (/camunda/api/engine), which Tasklist and Cockpit call:
 * the webapps build their own Jersey applications, which only a discoverable feature reaches (registered in
 * META-INF/services). Without it, Tasklist shows a four-eyes refusal behind the engine's listener wrapping.
 */
public final class RefusalMappingForWebapps implements ForcedAutoDiscoverable {

    @Override
    public void configure(FeatureContext context) {
        if (!context.getConfiguration().isRegistered(RefusalExceptionMapper.ForEngineExceptions.class)) {
            context.register(RefusalExceptionMapper.ForEngineExceptions.class);
        }
        if (!context.getConfiguration().isRegistered(RefusalExceptionMapper.ForRestExceptions.class)) {
            context.register(RefusalExceptionMapper.ForRestExceptions.class);
        }
    }
}
