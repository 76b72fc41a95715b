package org.complaints.support;

import java.util.function.Consumer;
import java.util.function.Supplier;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Rows a log appends in the running transaction, kept and written in one JDBC batch just before it commits: a
 * process step appends dozens of audit rows and a few event-log entries, one round trip instead of one each. The
 * audit log and the event log each hold one; what is kept ({@code P}) and how it is written is theirs.
 *
 * <p>Outside a transaction, and in a transaction started while an outer one keeps rows (requires-new, the outer
 * one suspended), {@link #pending()} is null and the caller writes at once. Whoever reads or changes the table with
 * SQL in the transaction calls {@link #writeNow()} first, so the transaction always sees its own rows.
 */
public final class CommitBatch<P> {

    private final Supplier<P> newPending;
    private final Consumer<P> write;

    /**
     * @param newPending an empty store for one transaction's rows
     * @param write      writes the stored rows in one batch and empties the store (called again when new rows come)
     */
    public CommitBatch(Supplier<P> newPending, Consumer<P> write) {
        this.newPending = newPending;
        this.write = write;
    }

    /** The current transaction's rows not written yet; null when the caller is to write at once. */
    public P pending() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()
                || !TransactionSynchronizationManager.isActualTransactionActive()) {
            return null;
        }
        Transaction transaction = (Transaction) TransactionSynchronizationManager.getResource(this);
        if (transaction == null) {
            transaction = new Transaction(newPending.get());
            TransactionSynchronizationManager.bindResource(this, transaction);
            TransactionSynchronizationManager.registerSynchronization(transaction);
            return transaction.pending;
        }
        // bound by an outer transaction that is suspended now (its synchronizations are not the current ones)
        return ours(transaction) ? transaction.pending : null;
    }

    /** Writes the current transaction's rows now: before SQL that reads or changes the table. */
    public void writeNow() {
        Transaction transaction = TransactionSynchronizationManager.isSynchronizationActive()
                ? (Transaction) TransactionSynchronizationManager.getResource(this)
                : null;
        if (transaction != null && ours(transaction)) {
            write.accept(transaction.pending);
        }
    }

    private boolean ours(Transaction transaction) {
        return TransactionSynchronizationManager.getSynchronizations().contains(transaction);
    }

    private final class Transaction implements TransactionSynchronization {

        private final P pending;

        Transaction(P pending) {
            this.pending = pending;
        }

        @Override
        public void beforeCommit(boolean readOnly) {
            write.accept(pending);
        }

        @Override
        public void afterCompletion(int status) {
            TransactionSynchronizationManager.unbindResourceIfPossible(CommitBatch.this);
        }
    }
}
