package io.headroom.server.db;

/**
 * Units of work that commit on their own. Use cases say through this where their transactions
 * begin and end, instead of leaving it to annotations on whatever they happen to call, so the same
 * boundaries hold in the appliance (JTA) and in a unit test (which runs the work as it is).
 */
public interface Transactions {

    /** Work done inside one transaction. */
    @FunctionalInterface
    interface Work<T, E extends Exception> {
        T run() throws E;
    }

    /**
     * Runs {@code work} in a new transaction, which commits when it returns and rolls back when it
     * throws anything (checked exceptions included); a transaction of the caller is suspended
     * meanwhile.
     */
    <T, E extends Exception> T inNew(Work<T, E> work) throws E;
}
