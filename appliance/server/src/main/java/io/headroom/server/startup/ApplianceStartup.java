package io.headroom.server.startup;

import io.headroom.HeadroomVersion;
import io.headroom.db.SchemaMigrations;
import io.headroom.fs.PrivateDirectories;
import io.headroom.server.config.HeadroomSettings;
import io.headroom.server.db.HeadroomDataSource;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Start-up, in order: the data and keys directories exist (0700) and are writable, the schema is
 * migrated, the secrets exist. Any failure stops the deployment: better not to serve than to
 * serve on a half-prepared installation.
 */
@ApplicationScoped
public class ApplianceStartup {

    private static final Logger LOG = Logger.getLogger(ApplianceStartup.class.getName());

    @Inject
    HeadroomSettings settings;

    @Inject
    ApplianceSecrets secrets;

    @Resource(lookup = HeadroomDataSource.JNDI_NAME)
    DataSource dataSource;

    private volatile String schemaVersion = "none";
    private volatile boolean ready;

    void onStart(@Observes @Initialized(ApplicationScoped.class) Object event) {
        PrivateDirectories.Layout layout = PrivateDirectories.prepare(settings.dataDirectory(), settings.keysDirectory());
        schemaVersion = SchemaMigrations.migrate(dataSource);
        secrets.load(layout.keys());
        ready = true;
        LOG.info(() -> "Headroom " + HeadroomVersion.current() + " started: schema version " + schemaVersion
                + ", data directory " + layout.data() + ", keys directory " + layout.keys()
                + ", sessions " + (settings.sessionsOpen() ? "open to anyone" : "by invitation only"));
    }

    void onStop(@Observes @BeforeDestroyed(ApplicationScoped.class) Object event) {
        ready = false;
        // On SIGTERM the JVM's own shutdown hook has usually reset java.util.logging by now, so
        // a log record would be lost; the operator still sees this line on the console.
        System.err.println("Headroom stopping: undeploying and closing the database");
    }

    public boolean ready() {
        return ready;
    }

    public String schemaVersion() {
        return schemaVersion;
    }
}
