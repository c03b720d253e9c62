package io.headroom.server.operator;

import io.headroom.operator.JdbcOperatorRepository;
import io.headroom.operator.OperatorRepository;
import io.headroom.server.db.HeadroomDataSource;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.time.Clock;
import javax.sql.DataSource;

/**
 * The appliance's operator accounts: the same repository the command line uses, on the container's
 * data source, whose connections join the caller's transaction.
 */
@ApplicationScoped
class OperatorRepositoryProducer {

    @Resource(lookup = HeadroomDataSource.JNDI_NAME)
    DataSource dataSource;

    @Inject
    Clock clock;

    @Produces
    @ApplicationScoped
    OperatorRepository operators() {
        return new JdbcOperatorRepository(dataSource, clock);
    }
}
