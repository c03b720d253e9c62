package io.headroom.cli;

import io.headroom.db.DatabaseLocation;
import io.headroom.db.SchemaMigrations;
import java.nio.file.Path;
import java.sql.SQLException;
import org.h2.jdbcx.JdbcDataSource;

/**
 * The appliance's H2 database opened directly by a command-line tool, schema migrated. H2 locks
 * the file while the server runs, so these commands work on a stopped appliance.
 */
public final class ApplianceDatabase {

    private ApplianceDatabase() {
    }

    /** @throws CliException when the database is in use by a running appliance */
    public static JdbcDataSource open(Path dataDirectory) {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL(DatabaseLocation.jdbcUrl(dataDirectory));
        try {
            ds.getConnection().close();
        } catch (SQLException e) {
            if (e.getErrorCode() == org.h2.api.ErrorCode.DATABASE_ALREADY_OPEN_1) {
                throw new CliException("The appliance is running and holds the database. Stop it first (Ctrl-C or SIGTERM), then run this command again.");
            }
            throw new CliException("Cannot open the database in " + dataDirectory + ": " + e.getMessage());
        }
        SchemaMigrations.migrate(ds);
        return ds;
    }
}
