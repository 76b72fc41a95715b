package org.complaints.register;

import java.util.HashMap;
import java.util.Map;
import java.util.function.LongFunction;
import java.util.function.UnaryOperator;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Rows already read in the running transaction, by id. One intake or process step asks for the same complaint
 * again and again (the delegate, the access rules for each candidate group, the stage tracker): each ask was a
 * round trip. A write through the register forgets the row, or changes it where the change is plain (the link to
 * its process instance, the rule assessment); outside a transaction nothing is kept.
 *
 * <p>The rows hang on a synchronization registered with the transaction rather than on a thread-bound resource: they
 * end with it whatever phase registered them (work done after a commit registers synchronizations that never run),
 * and a transaction started inside it (requires-new) does not see them.
 */
final class TransactionReads<V> {

    V get(long id, LongFunction<V> load) {
        Map<Long, V> rows = rows(true);
        if (rows == null) {
            return load.apply(id);
        }
        V row = rows.get(id);
        if (row == null) {
            row = load.apply(id);
            rows.put(id, row);
        }
        return row;
    }

    /** A row the caller has just written and read back itself. */
    void remember(long id, V row) {
        Map<Long, V> rows = rows(true);
        if (rows != null) {
            rows.put(id, row);
        }
    }

    /** A row the caller has just changed in a way it can work out itself: the kept row changes with it, if kept. */
    void replace(long id, UnaryOperator<V> change) {
        Map<Long, V> rows = rows(false);
        if (rows != null) {
            rows.computeIfPresent(id, (key, row) -> change.apply(row));
        }
    }

    void forget(long id) {
        Map<Long, V> rows = rows(false);
        if (rows != null) {
            rows.remove(id);
        }
    }

    private Map<Long, V> rows(boolean create) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()
                || !TransactionSynchronizationManager.isSynchronizationActive()) {
            return null;
        }
        for (TransactionSynchronization synchronization : TransactionSynchronizationManager.getSynchronizations()) {
            if (synchronization instanceof Rows<?> rows && rows.owner == this) {
                @SuppressWarnings("unchecked")
                Map<Long, V> mine = (Map<Long, V>) rows.byId;
                return mine;
            }
        }
        if (!create) {
            return null;
        }
        Rows<V> rows = new Rows<>(this);
        TransactionSynchronizationManager.registerSynchronization(rows);
        return rows.byId;
    }

    private static final class Rows<V> implements TransactionSynchronization {

        private final TransactionReads<V> owner;
        private final Map<Long, V> byId = new HashMap<>();

        Rows(TransactionReads<V> owner) {
            this.owner = owner;
        }

        /** A transaction that ran inside this one may have changed them. */
        @Override
        public void resume() {
            byId.clear();
        }
    }
}
