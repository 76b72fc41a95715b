package org.complaints.register;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Rows already read in the running transaction, by key (an id, or a process instance id). One intake or
 * process step asks for the same complaint again and again (the delegate, the access rules for each candidate
 * group, the stage tracker): without this, each ask is a round trip. A write through the register forgets the row,
 * or changes it where the change is plain (the link to its process instance, the rule assessment); outside a
 * transaction nothing is kept.
 *
 * <p>The rows hang on a synchronization registered with the transaction rather than on a thread-bound resource: they
 * end with it whatever phase registered them (work done after a commit registers synchronizations that never run),
 * and a transaction started inside it (requires-new) does not see them.
 */
final class TransactionReads<K, V> {

    V get(K id, Function<K, V> load) {
        Map<K, V> rows = rows(true);
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
    void remember(K id, V row) {
        Map<K, V> rows = rows(true);
        if (rows != null) {
            rows.put(id, row);
        }
    }

    /** A row the caller has just changed in a way it can work out itself: the kept row changes with it, if kept. */
    void replace(K id, UnaryOperator<V> change) {
        Map<K, V> rows = rows(false);
        if (rows != null) {
            rows.computeIfPresent(id, (key, row) -> change.apply(row));
        }
    }

    void forget(K id) {
        Map<K, V> rows = rows(false);
        if (rows != null) {
            rows.remove(id);
        }
    }

    private Map<K, V> rows(boolean create) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()
                || !TransactionSynchronizationManager.isSynchronizationActive()) {
            return null;
        }
        for (TransactionSynchronization synchronization : TransactionSynchronizationManager.getSynchronizations()) {
            if (synchronization instanceof Rows<?, ?> rows && rows.owner == this) {
                @SuppressWarnings("unchecked")
                Map<K, V> mine = (Map<K, V>) rows.byId;
                return mine;
            }
        }
        if (!create) {
            return null;
        }
        Rows<K, V> rows = new Rows<>(this);
        TransactionSynchronizationManager.registerSynchronization(rows);
        return rows.byId;
    }

    private static final class Rows<K, V> implements TransactionSynchronization {

        private final TransactionReads<K, V> owner;
        private final Map<K, V> byId = new HashMap<>();

        Rows(TransactionReads<K, V> owner) {
            this.owner = owner;
        }

        /** A transaction that ran inside this one may have changed them. */
        @Override
        public void resume() {
            byId.clear();
        }
    }
}
