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
 * materialising the user's grants, without parallel workers, and for the parameters they are run with.
 *
 * <p>The engine checks a task query against the grants of the user and his groups with a join whose condition is an
 * {@code OR} ({@code RESOURCE_ID_ in (task id, process definition key, '*')}). PostgreSQL cannot hash such a join,
 * so it either looks each task's grants up by resource id (index) or compares every task with a materialised list of
 * all of the user's grants. The access rules grant per task, so that list holds one row per open task of the group,
 * and PostgreSQL, which underrates those comparisons, picks the list: a page of 50 tasks cost 25 ms at 3,000 open
 * tasks, 66 ms at 10,000 and 400 ms at 59,000 (the benchmark), against 1–2 ms by index. The variables Tasklist shows
 * as a page's columns come from a variable query with the same kind of join (grants by process instance, definition
 * key, task or {@code '*'}): 1.2 s per page at 20,000 open tasks, comparing 200 variables with 40,000 grants.
 *
 * <p>Below some 30,000 open tasks PostgreSQL also planned a page with a second (parallel) worker: each of the two
 * processes then sorted all of the group's candidate links to merge them with the tasks, 33 ms for a page of 50 at
 * 20,000 open tasks (plans logged by {@code auto_explain}); by itself it walks the link index in task order and stops
 * after 50, 1 ms. A page needs tens of rows, never a worker.
 *
 * <p>The engine's statements are prepared, and after five runs PostgreSQL may keep one generic plan for all
 * parameters. For the variable query of a Tasklist page it does: not knowing the 50 tasks or the limit, it walks every
 * variable in id order (900 ms at 20,000 open tasks, over 540,000 variables) instead of looking the page's 200 up by
 * the engine's unique index on scope and name (8 ms). These commands are planned for their parameters every time.
 *
 * <p>Only in these commands and only for their transaction ({@code set local}): {@link #SETTINGS}.
 */
@Component
public class TaskQueryPlanning extends AbstractProcessEnginePlugin {

    /** What a staff member's task query is planned with (the benchmark's bare engine plans its count the same way). */
    public static final List<String> SETTINGS = List.of("set local enable_material = off",
            "set local max_parallel_workers_per_gather = 0", "set local plan_cache_mode = force_custom_plan");

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
