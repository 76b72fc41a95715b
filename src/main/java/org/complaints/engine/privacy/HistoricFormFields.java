package org.complaints.engine.privacy;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Deletes fields of a submitted start or task form from the engine's history ({@code ACT_HI_DETAIL}, type
 * {@code FormProperty}), where the engine keeps every field as submitted and its API offers no way to delete
 * some: a representative who asks for erasure is removed from the complaint's history this way, while the
 * complainant's fields stay. The engine's schema is its own and may change with an upgrade, so this lives in the
 * engine's home and docs/engine-extensions.md names it.
 */
@Component
public class HistoricFormFields {

    private final JdbcClient jdbc;

    HistoricFormFields(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Deletes the fields whose id starts with {@code prefix} of one process instance; how many were deleted. */
    public int delete(String processInstanceId, String prefix) {
        return jdbc.sql("delete from ACT_HI_DETAIL where TYPE_ = 'FormProperty' and PROC_INST_ID_ = ? and NAME_ like ?")
                .params(processInstanceId, prefix + "%")
                .update();
    }
}
