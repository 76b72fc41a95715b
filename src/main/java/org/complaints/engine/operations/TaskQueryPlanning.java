package org.complaints.engine.operations;

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
 * materialising the user's grants, without parallel workers, and for the parameters they are run with.
 *
 * <p>The engine checks a task query against the grants of the user and his groups with a join whose condition is an
 * {@code OR} ({@code RESOURCE_ID_ in (task id, process definition key, '*')}), which PostgreSQL cannot hash. The
 * access rules grant per task, so PostgreSQL, underrating the cost, compares every task with a materialised list
 * of all the user's grants instead of looking each task's grants up by resource id; without materialisation it
 * takes the index. The variable query behind a Tasklist page's columns has the same kind of join.
 *
 * <p>A parallel worker makes each process sort all of the group's candidate links, where a page needs only the
 * first tens of rows of the link index. The engine's statements are prepared, and a generic plan (which PostgreSQL
 * may keep after five runs) for a page's variable query, knowing neither its tasks nor the limit, walks every
 * variable instead of looking up the page's own by the engine's unique index on scope and name.
 *
 * <p>Only in these commands and only for their transaction ({@code set local}): {@link #SETTINGS}. The figures
 * behind each setting: bench/FINDINGS.md, 'task query plans' and 'Tasklist plans'.
 */
@Component
public class TaskQueryPlanning extends AbstractProcessEnginePlugin {

    /** What a staff member's task query is planned with (the benchmark's bare engine plans its count the same way). */
    public static final List<String> SETTINGS = List.of(
            "set local enable_material = off",
            "set local max_parallel_workers_per_gather = 0",
            "set local plan_cache_mode = force_custom_plan");

    private static final Logger LOG = LoggerFactory.getLogger(TaskQueryPlanning.class);

    // the variable query fetches the columns of a Tasklist page (HAL) and is checked with the same kind of join
    private static final Set<Class<?>> TASK_QUERIES = Set.of(
            TaskQueryImpl.class,
            ExecuteFilterListCmd.class,
            ExecuteFilterListPageCmd.class,
            ExecuteFilterCountCmd.class,
            ExecuteFilterSingleResultCmd.class,
            VariableInstanceQueryImpl.class);

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<CommandInterceptor> interceptors = configuration.getCustomPostCommandInterceptorsTxRequired() == null
                ? new ArrayList<>()
                : new ArrayList<>(configuration.getCustomPostCommandInterceptorsTxRequired());
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
                    plan(context);
                }
            }
            return next.execute(command);
        }

        private static void plan(CommandContext context) {
            Connection connection = context.getDbSqlSession().getSqlSession().getConnection();
            try (Statement statement = connection.createStatement()) {
                // transaction-scoped: ends with the command's (or its caller's) transaction
                for (String setting : SETTINGS) {
                    statement.addBatch(setting);
                }
                statement.executeBatch();
            } catch (SQLException e) {
                // only on a broken connection, which the query itself then reports
                LOG.warn("Task query planned with its default settings ({})", e.getMessage());
            }
        }
    }
}
