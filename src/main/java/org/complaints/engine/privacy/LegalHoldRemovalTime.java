package org.complaints.engine.privacy;

import java.util.Date;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.DefaultHistoryRemovalTimeProvider;
import org.camunda.bpm.engine.impl.history.event.HistoricProcessInstanceEventEntity;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The engine gives the history of a complaint under legal hold no removal time, so its history clean-up keeps
 * that history as the register keeps the complaint. The engine asks for the removal time when a process ends
 * (strategy {@code end}: a hold placed while the complaint runs is kept at its end) and when a removal time is
 * recalculated ({@code privacy/LegalHolds}, on setting and releasing a hold); otherwise the diagram's time to live
 * counts.
 */
@Component
class LegalHoldRemovalTime extends AbstractProcessEnginePlugin {

    private final JdbcClient jdbc;

    LegalHoldRemovalTime(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setHistoryRemovalTimeProvider(new DefaultHistoryRemovalTimeProvider() {
            @Override
            public Date calculateRemovalTime(
                    HistoricProcessInstanceEventEntity rootInstance, ProcessDefinition definition) {
                return held(rootInstance) ? null : super.calculateRemovalTime(rootInstance, definition);
            }
        });
    }

    /** Read in the engine's transaction, so a hold set in the same transaction counts. */
    private boolean held(HistoricProcessInstanceEventEntity rootInstance) {
        String instance = rootInstance.getRootProcessInstanceId() != null
                ? rootInstance.getRootProcessInstanceId()
                : rootInstance.getProcessInstanceId();
        return instance != null
                && jdbc.sql("select count(*) from cmp_complaint where process_instance_id = ? and legal_hold = true")
                                .param(instance)
                                .query(Long.class)
                                .single()
                        > 0;
    }
}
