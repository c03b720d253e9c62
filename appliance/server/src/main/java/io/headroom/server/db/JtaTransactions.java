package io.headroom.server.db;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** {@link Transactions} through the container's transaction manager. */
@ApplicationScoped
public class JtaTransactions implements Transactions {

    @Override
    @Transactional(value = Transactional.TxType.REQUIRES_NEW, rollbackOn = Exception.class)
    public <T, E extends Exception> T inNew(Work<T, E> work) throws E {
        return work.run();
    }
}
