package org.complaints.complaintfile;

import static org.complaints.register.Jdbc.ts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.complaints.engine.InvalidInputException;
import org.complaints.engine.InvalidInputException.Problem;
import org.complaints.engine.Refusal;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Makes an action on the file happen once per key (table cmp_file_action_key, V32): the page's forms carry a key
 * made when the page rendered, API clients send an {@code Idempotency-Key}. The key's row is written first, in the
 * action's own transaction, so of two identical requests at once the second waits for the first and then finds its
 * row; a refused action rolls its row back with everything else and the corrected form can be sent again. A repeated
 * key answers what the first request answered and changes nothing.
 */
@Component
class FileActionKeys {

    /** What a key may hold: letters, digits and . _ : - (a UUID fits). */
    static final Pattern KEY = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    /** Long enough for any retry of a double click or a client's backoff; the rows hold nothing else of value. */
    private static final Duration KEPT = Duration.ofDays(1);

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;

    FileActionKeys(JdbcClient jdbc, PlatformTransactionManager transactions, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /** What a keyed action answered: {@code again} when an earlier request with the key did the work. */
    record Outcome(String value, boolean again) {}

    /** 400 for a key that is not one, named as the header or form field that carried it. */
    static void check(String key) {
        if (key != null && !KEY.matcher(key).matches()) {
            throw new InvalidInputException(List.of(Problem.of(
                    "Idempotency-Key", "idempotency-key", "1 to 64 letters, digits or . _ : - (e.g. a UUID)", key)));
        }
    }

    /**
     * Runs {@code work} once per actor and key: its answer (at most 1000 characters, no personal data) is kept with
     * the key and given again to a repeated request. Without a key the work simply runs.
     *
     * @throws Refusal 409 when the key was used for another action or complaint
     */
    Outcome once(String actor, String key, String action, String reference, Supplier<String> work) {
        if (key == null || key.isBlank()) {
            return new Outcome(work.get(), false);
        }
        check(key);
        Optional<Outcome> earlier = earlier(actor, key, action, reference);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        try {
            String value = transactions.execute(status -> {
                Instant now = clock.instant();
                jdbc.sql("delete from cmp_file_action_key where created_at < ?")
                        .param(ts(now.minus(KEPT)))
                        .update();
                jdbc.sql("""
                        insert into cmp_file_action_key (actor, idempotency_key, action, reference, created_at)
                        values (?, ?, ?, ?, ?)""").params(actor, key, action, reference, ts(now)).update();
                String answer = work.get();
                jdbc.sql("update cmp_file_action_key set outcome = ? where actor = ? and idempotency_key = ?")
                        .params(answer, actor, key)
                        .update();
                return answer;
            });
            return new Outcome(value, false);
        } catch (DuplicateKeyException sameKeyAtOnce) {
            // the other request committed first: its row is there now
            return earlier(actor, key, action, reference).orElseThrow(() -> sameKeyAtOnce);
        }
    }

    private Optional<Outcome> earlier(String actor, String key, String action, String reference) {
        return jdbc.sql("""
                        select action, reference, outcome from cmp_file_action_key
                        where actor = ? and idempotency_key = ?""")
                .params(actor, key)
                .query((rs, n) -> {
                    if (!action.equals(rs.getString("action")) || !reference.equals(rs.getString("reference"))) {
                        throw Refusal.conflict(
                                "key-reused",
                                "The Idempotency-Key " + key + " was used for another action or complaint; send a new"
                                        + " key for a new request.");
                    }
                    return new Outcome(rs.getString("outcome"), true);
                })
                .optional();
    }
}
