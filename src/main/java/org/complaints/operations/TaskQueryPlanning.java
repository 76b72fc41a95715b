package org.complaints.operations;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.VariableInstanceQueryImpl;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.ExecuteFilterCountCmd;
import org.camunda.bpm.engine.impl.cmd.ExecuteFilterListCmd;
import org.camunda.bpm.engine.impl.cmd.ExecuteFilterListPageCmd;
import org.camunda.bpm.engine.impl.cmd.ExecuteFilterSingleResultCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Task queries of a staff member on PostgreSQL (Tasklist, its filters, the REST API) are planned without
 * materialising the user's grants.
 *
 * <p>The engine checks a task query against the grants of the user and his groups with a join whose condition is an
 * {@code OR} ({@code RESOURCE_ID_ in (task id, process definition key, '*')}). PostgreSQL cannot hash such a join,
 * so it either looks each task's grants up by resource id (index) or compares every task with a materialised list of
 * all of the user's grants. The access rules grant per task, so that list holds one row per open task of the group,
 * and PostgreSQL, which underrates those comparisons, picks the list: a page of 50 tasks cost 25 ms at 3,000 open
 * tasks, 66 ms at 10,000 and 400 ms at 59,000 (the benchmark), against 1–2 ms by index. The variables Tasklist shows
 * as a page's columns come from a variable query with the same kind of join (grants by process instance, definition
 * key, task or {@code '*'}): 1.2 s per page at 20,000 open tasks, comparing 200 variables with 40,000 grants. Only in
 * these commands and only for their transaction ({@code set local}), materialising is ruled out, which leaves the
 * index.
 */
@Component
class TaskQueryPlanning extends AbstractProcessEnginePlugin {

    private static final Logger LOG = LoggerFactory.getLogger(TaskQueryPlanning.class);

    // the variable query fetches the columns of a Tasklist page (HAL) and is checked with the same kind of join
    private static final Set<Class<?>> TASK_QUERIES = Set.of(TaskQueryImpl.class, ExecuteFilterListCmd.class,
            ExecuteFilterListPageCmd.class, ExecuteFilterCountCmd.class, ExecuteFilterSingleResultCmd.class,
            VariableInstanceQueryImpl.class);

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<CommandInterceptor> interceptors = configuration.getCustomPostCommandInterceptorsTxRequired() == null
                ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPostCommandInterceptorsTxRequired());
        interceptors.add(new Interceptor());
        configuration.setCustomPostCommandInterceptorsTxRequired(interceptors);
    }

    /** Runs inside the command context, so on the connection and in the transaction the query will use. */
    static final class Interceptor extends CommandInterceptor {

        @Override
        public <T> T execute(Command<T> command) {
            if (TASK_QUERIES.contains(command.getClass())) {
                CommandContext context = Context.getCommandContext();
                if ("postgres".equals(context.getProcessEngineConfiguration().getDatabaseType())
                        && context.getAuthorizationManager().isAuthorizationEnabled()
                        && context.getAuthentication() != null) {
                    avoidMaterialisedGrants(context);
                }
            }
            return next.execute(command);
        }

        private static void avoidMaterialisedGrants(CommandContext context) {
            Connection connection = context.getDbSqlSession().getSqlSession().getConnection();
            try (Statement statement = connection.createStatement()) {
                // transaction-scoped: ends with the command's (or its caller's) transaction
                statement.execute("set local enable_material = off");
            } catch (SQLException e) {
                // only on a broken connection, which the query itself then reports
                LOG.warn("Task query planned with its default settings ({})", e.getMessage());
            }
        }
    }
}
