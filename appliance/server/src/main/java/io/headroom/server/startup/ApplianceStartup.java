package io.headroom.server.startup;

import io.headroom.HeadroomVersion;
import io.headroom.db.SchemaMigrations;
import io.headroom.fs.PrivateDirectories;
import io.headroom.server.config.HeadroomSettings;
import io.headroom.server.guard.ApplianceSecrets;
import io.headroom.server.db.HeadroomDataSource;
import io.headroom.server.audit.AuditLog;
import io.headroom.server.job.JobQueue;
import io.headroom.server.receipt.ReceiptLedger;
import io.headroom.server.retention.RetentionSweeper;
import io.headroom.server.pipeline.PipelineModels;
import io.headroom.server.plugin.PluginRegistry;
import io.headroom.server.storage.BlobStore;
import io.headroom.server.vault.SessionVault;
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
 * migrated, the secrets exist, the vault keystore opens, plugins load, the storage driver opens,
 * the models load (hashes checked) and the job queue starts, resuming unfinished jobs. Any failure stops the deployment: better not to serve than to
 * serve on a half-prepared installation.
 */
@ApplicationScoped
public class ApplianceStartup {

    private static final Logger LOG = Logger.getLogger(ApplianceStartup.class.getName());

    @Inject
    HeadroomSettings settings;

    @Inject
    ApplianceSecrets secrets;

    @Inject
    SessionVault vault;

    @Inject
    PluginRegistry plugins;

    @Inject
    BlobStore blobs;

    @Inject
    PipelineModels models;

    @Inject
    JobQueue jobs;

    @Inject
    ReceiptLedger receipts;

    @Inject
    RetentionSweeper retention;

    @Inject
    io.headroom.server.style.StyleCatalog styles;

    @Inject
    AuditLog audit;

    @Resource(lookup = HeadroomDataSource.JNDI_NAME)
    DataSource dataSource;

    private volatile String schemaVersion = "none";
    private volatile String databaseVersion = "unknown";
    private volatile boolean ready;

    /**
     * Set by {@code bin/headroom serve}: when start-up fails the whole process exits, instead of
     * Payara Micro serving on without the application (and answering every request with an error).
     */
    static final String EXIT_ON_FAILURE = "headroom.exit-on-startup-failure";
    static final int EXIT_STATUS = 78; // EX_CONFIG: most start-up failures are settings or directories

    void onStart(@Observes @Initialized(ApplicationScoped.class) Object event) {
        try {
            start();
        } catch (RuntimeException e) {
            LOG.severe("Headroom cannot start: " + rootMessage(e));
            if (Boolean.getBoolean(EXIT_ON_FAILURE)) {
                // From another thread: exiting inside the deployment would wait on the deployment.
                Thread exit = new Thread(() -> System.exit(EXIT_STATUS), "headroom-exit");
                exit.setDaemon(false);
                exit.start();
            }
            throw e;
        }
    }

    /** The innermost message: CDI wraps a bean's start-up failure in its own exceptions. */
    private static String rootMessage(Throwable e) {
        String message = e.getMessage();
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t.getMessage() != null) {
                message = t.getMessage();
            }
        }
        return message;
    }

    private void start() {
        PrivateDirectories.Layout layout = PrivateDirectories.prepare(settings.dataDirectory(), settings.keysDirectory());
        schemaVersion = SchemaMigrations.migrate(dataSource);
        databaseVersion = engineVersion();
        secrets.load(layout.keys());
        receipts.start(layout.keys());
        try {
            vault.start(layout.keys(), settings.keystorePassphrase(), settings.keyEpoch());
            // Jars are verified into a private copy under data/ and loaded from there, never from the folder itself.
            plugins.start(settings.pluginsDirectory().toAbsolutePath().normalize(), layout.data().resolve("plugins-verified"),
                    settings.pluginVerifier());
            audit.record("plugins-loaded", plugins.describe());
            blobs.open(settings.storageDriver(), layout.data());
            styles.refresh();
            plugins.addStateListener(e -> {
                if (e.getPluginState() == org.pf4j.PluginState.STARTED || e.getOldState() == org.pf4j.PluginState.STARTED) {
                    styles.refresh();
                }
            });
            // Deadlines that passed while the appliance was down: purged before anything is served.
            retention.start();
            models.start();
            jobs.start();
            hotFolder.start();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
        audit.record("appliance-started", "version " + HeadroomVersion.current() + ", schema " + schemaVersion);
        ready = true;
        LOG.info(() -> "Headroom " + HeadroomVersion.current() + " started: " + databaseVersion + ", schema version " + schemaVersion
                + ", data directory " + layout.data() + ", keys directory " + layout.keys()
                + ", storage " + blobs.driverId() + ", inference on " + models.deviceLabel()
                + ", sessions " + (settings.sessionsOpen() ? "open to anyone" : "by invitation only"));
        logHttps(layout.keys());
    }

    /** Where the LAN reaches the appliance, and the certificate's fingerprint to compare with the browser's. */
    private void logHttps(java.nio.file.Path keys) {
        if (settings.httpsPort() == 0) {
            LOG.info("HTTPS is off (headroom.https.port=0): plain HTTP on 127.0.0.1 only");
            return;
        }
        try {
            java.util.Optional<java.security.cert.X509Certificate> cert = io.headroom.tls.HttpsIdentity.leaf(keys);
            if (cert.isPresent()) {
                String fingerprint = io.headroom.tls.HttpsIdentity.fingerprint(cert.get());
                LOG.info(() -> "HTTPS on port " + settings.httpsPort() + ", certificate SHA-256 fingerprint " + fingerprint);
            } else {
                LOG.warning("HTTPS is configured but the keys directory holds no HTTPS certificate: start with bin/headroom serve");
            }
        } catch (java.io.IOException | java.security.GeneralSecurityException e) {
            LOG.warning(() -> "The HTTPS certificate cannot be read: " + e.getClass().getSimpleName());
        }
    }

    @Inject
    io.headroom.server.hotfolder.HotFolder hotFolder;

    void onStop(@Observes @BeforeDestroyed(ApplicationScoped.class) Object event) {
        ready = false;
        // On SIGTERM the JVM's own shutdown hook has usually reset java.util.logging by now, so
        // a log record would be lost; the operator still sees this line on the console.
        System.err.println("Headroom stopping: undeploying and closing the database");
    }

    public boolean ready() {
        return ready;
    }

    /** The H2 engine actually serving the database: the application's pinned one, not the server's. */
    public String databaseVersion() {
        return databaseVersion;
    }

    private String engineVersion() {
        try (java.sql.Connection c = dataSource.getConnection();
             java.sql.Statement s = c.createStatement();
             java.sql.ResultSet rs = s.executeQuery("SELECT H2VERSION()")) {
            rs.next();
            return "H2 " + rs.getString(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("The database does not answer: " + e.getMessage(), e);
        }
    }

    public String schemaVersion() {
        return schemaVersion;
    }
}
