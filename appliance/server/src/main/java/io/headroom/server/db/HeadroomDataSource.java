package io.headroom.server.db;

import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The embedded H2 file database in the data directory. The URL must equal
 * {@link io.headroom.db.DatabaseLocation#jdbcUrl} (a test checks it), so the command-line tools
 * open the very same database.
 */
@DataSourceDefinition(
        name = HeadroomDataSource.JNDI_NAME,
        className = "org.h2.jdbcx.JdbcDataSource",
        url = HeadroomDataSource.URL,
        minPoolSize = 1,
        maxPoolSize = 16,
        properties = {"fish.payara.log-jdbc-calls=false"})
@ApplicationScoped
public class HeadroomDataSource {

    public static final String JNDI_NAME = "java:app/jdbc/headroom";

    /** Resolved by Payara from MicroProfile Config at deployment. */
    public static final String URL = "jdbc:h2:file:${MPCONFIG=headroom.data.dir}/db/headroom;DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0;LOCK_TIMEOUT=10000";
}
