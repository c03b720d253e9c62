package io.headroom.server.fakes;

import io.headroom.server.db.Transactions;

/** Runs work as it is and knows whether a transaction is open now, and how many were begun. */
public final class FakeTransactions implements Transactions {

    private int depth;
    private int begun;

    @Override
    public <T, E extends Exception> T inNew(Work<T, E> work) throws E {
        depth++;
        begun++;
        try {
            return work.run();
        } finally {
            depth--;
        }
    }

    public boolean open() {
        return depth > 0;
    }

    public int begun() {
        return begun;
    }

    /** Fails the test's expectation unless a transaction is open. */
    public void requireOpen(String what) {
        if (!open()) {
            throw new AssertionError(what + " outside a transaction");
        }
    }
}
