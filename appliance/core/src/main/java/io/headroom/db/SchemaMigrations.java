package io.headroom.db;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Creates and evolves the schema from the versioned scripts in {@code db/migration}
 * ({@code V1__foundation.sql}, …), never from entity classes, so an upgrade keeps data.
 *
 * <p>Both the server and the command-line tools call this before touching the database; a
 * script once released is never edited, only followed by a new one.
 */
public final class SchemaMigrations {

    private SchemaMigrations() {
    }

    /** Applies pending migrations and returns the schema version now in place. */
    public static String migrate(DataSource dataSource) {
        Flyway flyway = Flyway.configure(SchemaMigrations.class.getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .cleanDisabled(true)
                .validateMigrationNaming(true)
                .load();
        MigrateResult result = flyway.migrate();
        return result.targetSchemaVersion != null ? result.targetSchemaVersion
                : flyway.info().current() == null ? "none" : flyway.info().current().getVersion().getVersion();
    }
}
