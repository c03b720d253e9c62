package io.headroom.server.config;

import io.headroom.config.ByteSize;
import io.headroom.config.ConfigKeys;
import io.headroom.config.SettingsSource;
import io.headroom.framing.Aspect;
import io.headroom.intake.IntakeLimits;
import io.headroom.operator.Lockout;
import io.headroom.session.RetentionPolicy;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;

/**
 * Every {@code headroom.*} setting of the appliance, read through MicroProfile Config from the
 * one registry of keys ({@link ConfigKeys}: name, default, parser), typed and validated once at
 * start-up; a value that will not do stops the start with the key and the reason. The defaults are
 * the ones documented in {@code config/headroom.properties} (a test keeps the two in step); each
 * key can also be set from the environment, e.g. {@code HEADROOM_SESSIONS_OPEN=false}.
 */
@ApplicationScoped
public class HeadroomSettings {

    @Inject
    Config config;

    private Path dataDir;
    private Path keysDir;
    private RetentionPolicy retentionPolicy;
    private Duration keyEpoch;
    private boolean sessionsOpen;
    private String policyVersion;
    private int guardMaxFailures;
    private Duration guardWindow;
    private Lockout lockout;
    private io.headroom.guard.Limits limits;
    private io.headroom.guard.TrustedProxies trustedProxies;
    private Duration operatorTokenLifetime;
    private Duration invitationLifetime;
    private ByteSize diskReserve;
    private Duration retryAfter;
    private Path pluginsDir;
    private boolean pluginsRequireSignature;
    private Path pluginTrustedKeys;
    private String storageDriver;
    private IntakeLimits intakeLimits;
    private long decodeBudgetPixels;
    private Duration decodeWait;
    private Optional<String> keystorePassphrase;
    private Path modelsDir;
    private String inferenceDevice;
    private int inferenceThreads;
    private int jobWorkers;
    private int httpsPort;
    private int jobQueueCapacity;
    private int bestPhotos;
    private List<Aspect> aspects;
    private double minEyeDistance;
    private int jpegQuality;
    private boolean aiDisclosure;
    private Optional<String> outputComment;

    @PostConstruct
    void validate() {
        read(key -> config.getOptionalValue(key, String.class));
    }

    /** Reads and checks every setting from {@code source}. */
    void read(SettingsSource source) {
        dataDir = ConfigKeys.DATA_DIR.in(source);
        keysDir = ConfigKeys.KEYS_DIR.in(source);
        retentionPolicy = ConfigKeys.RETENTION.in(source);
        keyEpoch = ConfigKeys.KEY_EPOCH.in(source);
        sessionsOpen = ConfigKeys.SESSIONS_OPEN.in(source);
        policyVersion = ConfigKeys.POLICY_VERSION.in(source);
        guardMaxFailures = ConfigKeys.GUARD_MAX_FAILURES.in(source);
        guardWindow = ConfigKeys.GUARD_WINDOW.in(source);
        lockout = new Lockout(ConfigKeys.LOCKOUT_MAX_FAILURES.in(source), ConfigKeys.LOCKOUT_DURATION.in(source));
        limits = new io.headroom.guard.Limits(ConfigKeys.LIMIT_SESSION_OPENS.in(source), ConfigKeys.LIMIT_JOBS_PER_SESSION.in(source),
                ConfigKeys.LIMIT_STREAMS_PER_SESSION.in(source), ConfigKeys.LIMIT_UPLOAD_PER_MINUTE.in(source),
                ConfigKeys.LIMIT_SIGN_IN_CONCURRENCY.in(source));
        trustedProxies = ConfigKeys.TRUSTED_PROXIES.optionalIn(source).orElse(io.headroom.guard.TrustedProxies.NONE);
        operatorTokenLifetime = ConfigKeys.OPERATOR_TOKEN_LIFETIME.in(source);
        invitationLifetime = ConfigKeys.INVITATION_LIFETIME.in(source);
        diskReserve = ConfigKeys.DISK_RESERVE.in(source);
        retryAfter = ConfigKeys.RETRY_AFTER.in(source);
        pluginsDir = ConfigKeys.PLUGINS_DIR.in(source);
        pluginsRequireSignature = ConfigKeys.PLUGINS_REQUIRE_SIGNATURE.in(source);
        pluginTrustedKeys = ConfigKeys.PLUGINS_TRUSTED_KEYS.in(source);
        storageDriver = ConfigKeys.STORAGE_DRIVER.in(source);
        long maxPixels = ConfigKeys.MAX_PIXELS.in(source);
        try {
            intakeLimits = new IntakeLimits(ConfigKeys.MAX_FILE_SIZE.in(source).bytes(), maxPixels, ConfigKeys.MAX_PHOTOS.in(source));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("headroom.intake.*: " + e.getMessage(), e);
        }
        decodeBudgetPixels = ConfigKeys.DECODE_BUDGET_PIXELS.in(source);
        if (decodeBudgetPixels < maxPixels) {
            throw new IllegalStateException("headroom.intake.decode-budget-pixels must be at least headroom.intake.max-pixels");
        }
        decodeWait = ConfigKeys.DECODE_WAIT.in(source);
        keystorePassphrase = ConfigKeys.KEYSTORE_PASSPHRASE.optionalIn(source);
        modelsDir = ConfigKeys.MODELS_DIR.in(source);
        inferenceDevice = ConfigKeys.INFERENCE_DEVICE.in(source);
        inferenceThreads = ConfigKeys.INFERENCE_THREADS.in(source);
        jobWorkers = ConfigKeys.JOB_WORKERS.in(source);
        jobQueueCapacity = ConfigKeys.JOB_QUEUE_CAPACITY.in(source);
        bestPhotos = ConfigKeys.BEST_PHOTOS.in(source);
        aspects = ConfigKeys.ASPECTS.in(source);
        minEyeDistance = ConfigKeys.MIN_EYE_DISTANCE.in(source);
        jpegQuality = ConfigKeys.JPEG_QUALITY.in(source);
        aiDisclosure = ConfigKeys.AI_DISCLOSURE.in(source);
        outputComment = ConfigKeys.OUTPUT_COMMENT.optionalIn(source);
        httpsPort = ConfigKeys.HTTPS_PORT.in(source);
        ConfigKeys.HTTPS_BIND.in(source);
        ConfigKeys.HTTPS_NAMES.in(source);
    }

    /** The HTTPS port the launcher configured Payara with; 0 when HTTPS is off. */
    public int httpsPort() {
        return httpsPort;
    }

    public Path modelsDirectory() {
        return modelsDir;
    }

    public String inferenceDevice() {
        return inferenceDevice;
    }

    public int inferenceThreads() {
        return inferenceThreads;
    }

    /** Workers: configured, or one per core (each with {@link #inferenceThreads()} threads). */
    public int jobWorkers() {
        return jobWorkers > 0 ? jobWorkers : Math.max(1, Runtime.getRuntime().availableProcessors() / inferenceThreads);
    }

    public boolean aiDisclosure() {
        return aiDisclosure;
    }

    public int jobQueueCapacity() {
        return jobQueueCapacity;
    }

    public int bestPhotos() {
        return bestPhotos;
    }

    public List<Aspect> aspects() {
        return aspects;
    }

    public double minEyeDistance() {
        return minEyeDistance;
    }

    public int jpegQuality() {
        return jpegQuality;
    }

    public String outputComment() {
        return outputComment.orElse("");
    }

    public Path pluginsDirectory() {
        return pluginsDir;
    }

    /** How plugin jars are checked before they load: descriptors always, signatures when required. */
    public io.headroom.plugin.PluginVerifier pluginVerifier() {
        return io.headroom.plugin.PluginVerifier.of(pluginsRequireSignature, pluginTrustedKeys.toAbsolutePath().normalize());
    }

    public String storageDriver() {
        return storageDriver;
    }

    public IntakeLimits intakeLimits() {
        return intakeLimits;
    }

    public long decodeBudgetPixels() {
        return decodeBudgetPixels;
    }

    public Duration decodeWait() {
        return decodeWait;
    }

    /** The keystore passphrase the operator configured, if any; a copy the caller clears. */
    public Optional<char[]> keystorePassphrase() {
        return keystorePassphrase.filter(p -> !p.isEmpty()).map(String::toCharArray);
    }

    public Path dataDirectory() {
        return dataDir;
    }

    public Path keysDirectory() {
        return keysDir;
    }

    public RetentionPolicy retentionPolicy() {
        return retentionPolicy;
    }

    /** Deadlines are grouped into slices this long; each slice's key is destroyed when it ends. */
    public Duration keyEpoch() {
        return keyEpoch;
    }

    public boolean sessionsOpen() {
        return sessionsOpen;
    }

    public String policyVersion() {
        return policyVersion;
    }

    public int guardMaxFailures() {
        return guardMaxFailures;
    }

    public Duration guardWindow() {
        return guardWindow;
    }

    /** What one visitor may take ({@code headroom.limits.*}). */
    public io.headroom.guard.Limits limits() {
        return limits;
    }

    /** The reverse proxies whose word on the client's address is taken. */
    public io.headroom.guard.TrustedProxies trustedProxies() {
        return trustedProxies;
    }

    public Lockout lockout() {
        return lockout;
    }

    public Duration operatorTokenLifetime() {
        return operatorTokenLifetime;
    }

    public Duration invitationLifetime() {
        return invitationLifetime;
    }

    public ByteSize diskReserve() {
        return diskReserve;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
