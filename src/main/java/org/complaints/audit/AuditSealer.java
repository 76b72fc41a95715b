package org.complaints.audit;

import java.sql.ResultSet;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Links audit rows into the hash chain in the order it meets them, a few seconds after they were written.
 * Nodes seal one at a time (row lock on the chain head); a row whose transaction commits late is simply
 * chained later. A sealed row cannot be changed, removed or reordered without the verification noticing.
 */
@Component
public class AuditSealer {

    /** Rows per transaction: a backlog (e.g. after the sealer was down) never becomes one huge transaction. */
    static final int BATCH = 5000;

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final AuditChain chain;
    private final Clock clock;
    private final TransactionTemplate transaction;

    public AuditSealer(
            JdbcClient jdbc, JdbcTemplate batch, AuditLog log, Clock clock, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.chain = log.chain();
        this.clock = clock;
        // a template, not @Transactional: the scheduled call below would bypass the proxy and with it the lock
        this.transaction = new TransactionTemplate(transactions);
    }

    @Scheduled(fixedDelayString = "${complaints.audit.seal-interval:PT5S}")
    public void sealScheduled() {
        sealNow();
    }

    /** Seals every row committed so far; returns how many it chained. */
    public int sealNow() {
        int sealed = 0;
        while (true) {
            Integer batch = transaction.execute(status -> sealBatch());
            sealed += batch;
            if (batch < BATCH) {
                return sealed;
            }
        }
    }

    private int sealBatch() {
        // the lock on the head serialises the sealers of all nodes; it is held until the batch commits
        Map<String, Object> head = jdbc.sql("select last_seq, last_hash from cmp_audit_seal where id = 1 for update")
                .query()
                .singleRow();
        long seq = ((Number) head.get("last_seq")).longValue();
        String hash = (String) head.get("last_hash");
        List<Unsealed> rows = jdbc.sql("select id, leaf_hash from cmp_audit where chain_seq is null order by id "
                        + "fetch first " + BATCH + " rows only")
                .query((ResultSet rs, int n) -> new Unsealed(rs.getLong("id"), rs.getString("leaf_hash")))
                .list();
        if (rows.isEmpty()) {
            return 0;
        }
        List<Object[]> links = new ArrayList<>(rows.size());
        for (Unsealed row : rows) {
            seq++;
            String next = chain.link(hash, row.leaf(), seq, row.id());
            links.add(new Object[] {seq, hash, next, row.id()});
            hash = next;
        }
        // one batch, not one round trip per row
        batch.batchUpdate("update cmp_audit set chain_seq = ?, prev_hash = ?, chain_hash = ? where id = ?", links);
        jdbc.sql("update cmp_audit_seal set last_seq = ?, last_hash = ?, sealed_at = ? where id = 1")
                .params(seq, hash, OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
                .update();
        return rows.size();
    }

    private record Unsealed(long id, String leaf) {}
}
