package io.headroom.server.hotfolder;

import io.headroom.batch.PhotoBatch;
import io.headroom.config.ConfigKeys;
import io.headroom.hotfolder.ClientFolder;
import io.headroom.hotfolder.ReadyFolders;
import io.headroom.pipeline.HeadshotPipeline;
import io.headroom.server.audit.AuditLog;
import io.headroom.server.config.HeadroomSettings;
import io.headroom.intake.DecodeBudget;
import io.headroom.intake.PhotoCleaner;
import io.headroom.server.pipeline.PipelineModels;
import io.headroom.server.style.StyleCatalog;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The studio's hot folder ({@code headroom.hotfolder.in} / {@code .out}): every two seconds it
 * looks for client folders that are ready ({@link ReadyFolders}) and makes each into headshots
 * ({@link ClientFolder}), one folder at a time, with the appliance's own intake, models and styles.
 * The client folder's name appears in the audit log and the log (the studio chose it); the names
 * of the photo files do not.
 */
@ApplicationScoped
public class HotFolder {

    private static final Logger LOG = Logger.getLogger(HotFolder.class.getName());

    @Inject
    HeadroomSettings settings;

    @Inject
    PipelineModels models;

    @Inject
    StyleCatalog styles;

    @Inject
    AuditLog audit;

    @Inject
    Clock clock;

    @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
    ManagedScheduledExecutorService scheduler;

    private Path in;
    private Path out;
    private ReadyFolders ready;
    private HeadshotPipeline pipeline;
    private PhotoCleaner intake;
    private ScheduledFuture<?> timer;
    private volatile String current;
    private volatile int done;

    /** Starts watching when both folders are configured; says so and does nothing otherwise. */
    public synchronized void start() throws IOException {
        var source = (io.headroom.config.SettingsSource) key -> ConfigProvider.getConfig().getOptionalValue(key, String.class);
        Optional<Path> inFolder = ConfigKeys.HOTFOLDER_IN.optionalIn(source);
        Optional<Path> outFolder = ConfigKeys.HOTFOLDER_OUT.optionalIn(source);
        if (inFolder.isEmpty() && outFolder.isEmpty()) {
            return;
        }
        if (inFolder.isEmpty() || outFolder.isEmpty()) {
            throw new IllegalStateException("headroom.hotfolder.in and headroom.hotfolder.out go together: set both or neither");
        }
        in = Files.createDirectories(inFolder.get().toAbsolutePath().normalize());
        out = Files.createDirectories(outFolder.get().toAbsolutePath().normalize());
        Duration quiet = ConfigKeys.HOTFOLDER_QUIET.in(source);
        ready = new ReadyFolders(clock, quiet);
        // One photo at a time, so a budget of its own, and a patient one: a photo refused because
        // uploads hold the shared budget would be reported failed and its original removed.
        long maxPixels = settings.intakeLimits().maxPixels();
        intake = new PhotoCleaner(settings.intakeLimits(), new DecodeBudget(maxPixels * 2, Duration.ofMinutes(30)));
        timer = scheduler.scheduleWithFixedDelay(this::lookQuietly, 2, 2, TimeUnit.SECONDS);
        LOG.info(() -> "Hot folder: client folders in " + in + " are taken after " + quiet.toSeconds() + " s without change (or a .ready file), "
                + "their headshots go to " + out);
    }

    private void lookQuietly() {
        try {
            for (Path folder : ready.look(in)) {
                take(folder);
            }
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "The hot folder could not be read; trying again", e);
        }
    }

    private void take(Path folder) throws IOException {
        String client = folder.getFileName().toString();
        current = client;
        if (pipeline == null) {
            pipeline = models.newPipeline();
        }
        try (StyleCatalog.Snapshot snapshot = styles.snapshot(styles.all().stream().map(o -> o.style().id()).toList())) {
            if (snapshot == null) {
                // A pack was unloaded between the two reads: the next look takes the folder.
                return;
            }
            ClientFolder.Outcome o = ClientFolder.process(folder, out,
                    id -> snapshot.styles().stream().map(StyleCatalog.Offered::style).filter(s -> s.id().equals(id)).findFirst(),
                    List.of("natural"), settings.aspects(),
                    (style, aspects) -> new PhotoBatch(intake, pipeline, new PhotoBatch.Options(style, aspects, true, false)),
                    (styleOut, style, aspects, photos) -> PhotoBatch.writeReport(styleOut, models.modelSet(), models.roles(), style, aspects, photos));
            ready.taken(folder);
            done++;
            audit.record("hotfolder-processed", client + ": " + o.photos() + " photos, " + o.usable() + " usable, " + o.headshots() + " headshots");
            LOG.info(() -> "Hot folder: " + client + " made into " + o.headshots() + " headshots from " + o.usable() + " of " + o.photos()
                    + " photos; originals removed");
        } catch (IllegalArgumentException e) {
            ready.refused(folder);
            Path report = Files.createDirectories(out.resolve(client)).resolve("failed.txt");
            Files.writeString(report, "The folder was not processed: " + e.getMessage()
                    + ". Fix its headroom.properties; it is taken again once its files change.\n", StandardCharsets.UTF_8);
            LOG.warning(() -> "Hot folder: " + client + " was not processed: " + e.getMessage());
        } finally {
            current = null;
        }
    }

    /** The client folder being processed now, if any. */
    public Optional<String> current() {
        return Optional.ofNullable(current);
    }

    /** How many client folders were processed since start. */
    public int done() {
        return done;
    }

    @PreDestroy
    synchronized void stop() {
        if (timer != null) {
            timer.cancel(false);
        }
    }
}
