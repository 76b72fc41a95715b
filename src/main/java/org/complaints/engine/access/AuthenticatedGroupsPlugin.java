package org.complaints.engine.access;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.springframework.stereotype.Component;

/**
 * Before its authorization checks the engine narrows the user's groups to those named by any authorization, and
 * finds those by reading the distinct group ids of the whole authorization table, once in every command. The access
 * rules grant per task and per complaint, so that table grows with the open complaints and the query with it, for
 * every staff request (bench/FINDINGS.md). The narrowing only shortens an {@code IN} list; checking with all of
 * the user's groups (a handful) gives the same answers, so the user's groups are kept as they are.
 */
@Component
class AuthenticatedGroupsPlugin extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<SessionFactory> factories = configuration.getCustomSessionFactories() == null
                ? new ArrayList<>()
                : new ArrayList<>(configuration.getCustomSessionFactories());
        factories.add(new SessionFactory() {
            @Override
            public Class<?> getSessionType() {
                return AuthorizationManager.class;
            }

            @Override
            public Session openSession() {
                return new AllGroupsAuthorizationManager();
            }
        });
        configuration.setCustomSessionFactories(factories);
    }

    /** The engine's authorization manager, without the narrowing of the user's groups. */
    static final class AllGroupsAuthorizationManager extends AuthorizationManager {

        @Override
        public List<String> filterAuthenticatedGroupIds(List<String> authenticatedGroupIds) {
            return authenticatedGroupIds == null || authenticatedGroupIds.isEmpty()
                    ? Collections.emptyList()
                    : new ArrayList<>(new LinkedHashSet<>(authenticatedGroupIds));
        }
    }
}
