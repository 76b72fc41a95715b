package org.complaints.engine.audit;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.complaints.audit.AuditLog;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** Adds the audit log beside the engine's own history; the log bean is looked up once the engine runs. */
@Component
class AuditEnginePlugin extends AbstractProcessEnginePlugin {

    private final ObjectProvider<AuditLog> log;

    AuditEnginePlugin(ObjectProvider<AuditLog> log) {
        this.log = log;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<HistoryEventHandler> handlers = configuration.getCustomHistoryEventHandlers() == null
                ? new ArrayList<>()
                : new ArrayList<>(configuration.getCustomHistoryEventHandlers());
        handlers.add(new AuditHistoryEventHandler(log::getObject));
        configuration.setCustomHistoryEventHandlers(handlers);
        configuration.setEnableDefaultDbHistoryEventHandler(true);
    }
}
