package org.complaints.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What the reliability test reads in the shared database: the register's tables ({@code cmp_*}) and the engine's
 * ({@code ACT_*}), by complaint reference. The only write is bringing timers forward.
 */
final class ObservedTables {

    private final JdbcClient jdbc;

    ObservedTables(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Schema(
            long migrations, long failedMigrations, long engineSchemaLog, long deployments, long processDefinitions) {}

    Schema schema() {
        return new Schema(
                single("select count(*) from cmp_schema_history where success"),
                single("select count(*) from cmp_schema_history where not success"),
                single("select count(*) from act_ge_schema_log"),
                single("select count(*) from act_re_deployment"),
                single("select count(*) from act_re_procdef") + single("select count(*) from act_re_decision_def"));
    }

    long single(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    record LockedJob(String id, String processInstanceId, String activity) {}

    List<LockedJob> lockedBy(String owner) {
        return jdbc.sql("""
                select j.id_, j.process_instance_id_, coalesce(d.act_id_, j.handler_type_) activity
                from act_ru_job j left join act_ru_jobdef d on d.id_ = j.job_def_id_ where j.lock_owner_ = ?""")
                .param(owner)
                .query((rs, n) -> new LockedJob(rs.getString(1), rs.getString(2), rs.getString(3)))
                .list();
    }

    List<String> processInstances(List<String> references) {
        List<String> ids = jdbc.sql("select process_instance_id from cmp_complaint where reference in ("
                        + placeholders(references.size()) + ")")
                .params(references)
                .query(String.class)
                .list();
        assertThat(ids).as("process instances").hasSize(references.size()).doesNotContainNull();
        return ids;
    }

    /**
     * Brings the given timers of these process instances forward to now (as if their time had come): the
     * deadlines are working days away, the test has minutes.
     */
    int moveTimersToNow(List<String> processInstanceIds, String... activityIds) {
        List<Object> params = new ArrayList<>();
        params.add(new Timestamp(System.currentTimeMillis() - 1000));
        params.addAll(processInstanceIds);
        params.addAll(List.of(activityIds));
        return jdbc.sql("update act_ru_job set duedate_ = ? where lock_owner_ is null and process_instance_id_ in ("
                        + placeholders(processInstanceIds.size())
                        + ") and job_def_id_ in (select id_ from act_ru_jobdef "
                        + "where act_id_ in (" + placeholders(activityIds.length) + "))")
                .params(params)
                .update();
    }

    /** Per complaint: how many times the given activity ran (the engine's history). */
    Map<String, Long> firings(String activityId, List<String> references) {
        return perComplaint("""
                select c.reference, count(a.id_) from cmp_complaint c
                left join act_hi_actinst a on a.proc_inst_id_ = c.process_instance_id and a.act_id_ = ?
                where c.reference in (%s) group by c.reference""", activityId, references);
    }

    Map<String, Long> events(String type, List<String> references) {
        return perComplaint("""
                select c.reference, count(e.id) from cmp_complaint c
                left join cmp_event e on e.complaint_id = c.id and e.event_type = ?
                where c.reference in (%s) group by c.reference""", type, references);
    }

    Map<String, Long> perComplaint(String sql, String first, List<String> references) {
        List<Object> params = new ArrayList<>();
        params.add(first);
        params.addAll(references);
        return jdbc
                .sql(sql.formatted(placeholders(references.size())))
                .params(params)
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getLong(2)))
                .list()
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    long tasks(String taskDefinitionKey, List<String> references) {
        List<Object> params = new ArrayList<>();
        params.add(taskDefinitionKey);
        params.addAll(references);
        return jdbc.sql(
                        "select count(*) from act_ru_task t join cmp_complaint c on c.process_instance_id = t.proc_inst_id_ "
                                + "where t.task_def_key_ = ? and c.reference in (" + placeholders(references.size())
                                + ")")
                .params(params)
                .query(Long.class)
                .single();
    }

    /** Timer jobs of the activity for these complaints, due more than {@code ahead} from now. */
    long timerJobs(String activityId, List<String> references, Duration ahead) {
        List<Object> params = new ArrayList<>();
        params.add(activityId);
        params.add(new Timestamp(System.currentTimeMillis() + ahead.toMillis()));
        params.addAll(references);
        return jdbc.sql("select count(*) from act_ru_job j join act_ru_jobdef d on d.id_ = j.job_def_id_ "
                        + "join cmp_complaint c on c.process_instance_id = j.process_instance_id_ "
                        + "where d.act_id_ = ? and j.duedate_ >= ? and c.reference in ("
                        + placeholders(references.size()) + ")")
                .params(params)
                .query(Long.class)
                .single();
    }

    long incidents() {
        return single("select count(*) from act_ru_incident");
    }

    private static String placeholders(int count) {
        return String.join(", ", Collections.nCopies(count, "?"));
    }

    /** The references of these complaints that are in the register. */
    Set<String> stored(List<String> references) {
        return new HashSet<>(jdbc.sql("select reference from cmp_complaint where reference in ("
                        + placeholders(references.size()) + ")")
                .params(references)
                .query(String.class)
                .list());
    }

    /** Open tasks of the given kind in these process instances. */
    List<String> taskIds(String taskDefinitionKey, List<String> processInstanceIds) {
        List<Object> params = new ArrayList<>();
        params.add(taskDefinitionKey);
        params.addAll(processInstanceIds);
        return jdbc.sql("select id_ from act_ru_task where task_def_key_ = ? and proc_inst_id_ in ("
                        + placeholders(processInstanceIds.size()) + ")")
                .params(params)
                .query(String.class)
                .list();
    }

    long expiredLocks() {
        return jdbc.sql("select count(*) from act_ru_job where lock_owner_ is not null and lock_exp_time_ < ?")
                .param(new Timestamp(System.currentTimeMillis()))
                .query(Long.class)
                .single();
    }

    /** Jobs due within a minute, by activity and lock owner, with their retries and last error: for failures. */
    List<String> dueJobs() {
        return jdbc.sql("""
                select coalesce(d.act_id_, j.handler_type_) activity, coalesce(j.lock_owner_, '-') owner,
                       count(*) jobs, min(j.retries_) retries, max(j.exception_msg_) error
                from act_ru_job j left join act_ru_jobdef d on d.id_ = j.job_def_id_
                where j.duedate_ is null or j.duedate_ < ? group by 1, 2""")
                .param(new Timestamp(System.currentTimeMillis() + 60_000))
                .query((rs, n) -> rs.getString(1) + " owner=" + rs.getString(2) + " jobs=" + rs.getLong(3)
                        + " min retries=" + rs.getInt(4) + " error=" + rs.getString(5))
                .list();
    }
}
