package org.complaints.engine.mail;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.incident.DefaultIncidentHandler;
import org.camunda.bpm.engine.impl.incident.IncidentContext;
import org.camunda.bpm.engine.impl.incident.IncidentHandler;
import org.complaints.mail.MailOutbox;
import org.complaints.mail.OutboxIncidents;
import org.complaints.mail.OutboxProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The engine's handler of {@link OutboxIncidents#TYPE} incidents: resolving one (Cockpit's REST API
 * {@code DELETE /engine-rest/incident/{id}}, {@code RuntimeService.resolveIncident}) puts its e-mail back in the
 * outbox for one more attempt, in the same transaction; an incident removed with its ended process instance leaves
 * the e-mail FAILED (the staff API can still retry it). The beans it needs are looked up when first used, because
 * the engine is built before them.
 */
@Component
class MailIncidentHandler extends AbstractProcessEnginePlugin {

    private final ObjectProvider<MailOutbox> outbox;
    private final ObjectProvider<OutboxProperties> properties;
    private final ObjectProvider<Clock> clock;

    MailIncidentHandler(
            ObjectProvider<MailOutbox> outbox,
            ObjectProvider<OutboxProperties> properties,
            ObjectProvider<Clock> clock) {
        this.outbox = outbox;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<IncidentHandler> handlers = configuration.getCustomIncidentHandlers() == null
                ? new ArrayList<>()
                : new ArrayList<>(configuration.getCustomIncidentHandlers());
        handlers.add(new Handler(() -> outbox.getObject(), () -> properties.getObject(), () -> clock.getObject()));
        configuration.setCustomIncidentHandlers(handlers);
    }

    private static final class Handler extends DefaultIncidentHandler {

        private final Supplier<MailOutbox> outbox;
        private final Supplier<OutboxProperties> properties;
        private final Supplier<Clock> clock;

        Handler(Supplier<MailOutbox> outbox, Supplier<OutboxProperties> properties, Supplier<Clock> clock) {
            super(OutboxIncidents.TYPE);
            this.outbox = outbox;
            this.properties = properties;
            this.clock = clock;
        }

        @Override
        public void resolveIncident(IncidentContext context) {
            super.resolveIncident(context);
            // a no-op when the e-mail is no longer FAILED (sent after all, or retried through the staff API)
            outboxId(context)
                    .ifPresent(id -> outbox.get()
                            .retryFailed(
                                    id,
                                    properties.get().maxAttempts() - 1,
                                    clock.get().instant()));
        }

        @Override
        public void deleteIncident(IncidentContext context) {
            super.deleteIncident(context);
            outboxId(context).ifPresent(id -> outbox.get().recordIncident(id, null));
        }

        private static Optional<Long> outboxId(IncidentContext context) {
            return OutboxIncidents.outboxId(context.getConfiguration());
        }
    }
}
