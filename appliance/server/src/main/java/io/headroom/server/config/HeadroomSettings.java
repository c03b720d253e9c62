package io.headroom.server.config;

import io.headroom.config.ByteSize;
import io.headroom.framing.Aspect;
import io.headroom.intake.IntakeLimits;
import io.headroom.operator.Lockout;
import io.headroom.session.RetentionPolicy;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Every {@code headroom.*} setting, typed and validated once at start-up. Defaults here are the
 * ones documented in {@code config/headroom.properties} (a test keeps the two in step); each key
 * can also be set from the environment, e.g. {@code HEADROOM_SESSIONS_OPEN=false}.
 */
@ApplicationScoped
public class HeadroomSettings {

    @Inject
    @ConfigProperty(name = "headroom.data.dir", defaultValue = "./data")
    String dataDir;

    @Inject
    @ConfigProperty(name = "headroom.keys.dir", defaultValue = "./keys")
    String keysDir;

    @Inject
    @ConfigProperty(name = "headroom.retention", defaultValue = "PT24H")
    String retention;

    @Inject
    @ConfigProperty(name = "headroom.retention.key-epoch", defaultValue = "PT1H")
    String keyEpoch;

    @Inject
    @ConfigProperty(name = "headroom.sessions.open", defaultValue = "true")
    boolean sessionsOpen;

    @Inject
    @ConfigProperty(name = "headroom.consent.policy-version", defaultValue = "2026-11")
    String policyVersion;

    @Inject
    @ConfigProperty(name = "headroom.guard.max-failures", defaultValue = "20")
    int guardMaxFailures;

    @Inject
    @ConfigProperty(name = "headroom.guard.window", defaultValue = "PT10M")
    String guardWindow;

    @Inject
    @ConfigProperty(name = "headroom.operators.lockout.max-failures", defaultValue = "5")
    int lockoutMaxFailures;

    @Inject
    @ConfigProperty(name = "headroom.operators.lockout.duration", defaultValue = "PT15M")
    String lockoutDuration;

    @Inject
    @ConfigProperty(name = "headroom.operators.token-lifetime", defaultValue = "PT12H")
    String operatorTokenLifetime;

    @Inject
    @ConfigProperty(name = "headroom.invitations.lifetime", defaultValue = "P7D")
    String invitationLifetime;

    @Inject
    @ConfigProperty(name = "headroom.admission.disk-reserve", defaultValue = "1GiB")
    String diskReserve;

    @Inject
    @ConfigProperty(name = "headroom.admission.retry-after", defaultValue = "PT60S")
    String retryAfter;

    @Inject
    @ConfigProperty(name = "headroom.plugins.dir", defaultValue = "./plugins")
    String pluginsDir;

    @Inject
    @ConfigProperty(name = "headroom.plugins.require-signature", defaultValue = "false")
    boolean pluginsRequireSignature;

    @Inject
    @ConfigProperty(name = "headroom.plugins.trusted-keys", defaultValue = "./config/plugin-keys")
    String pluginTrustedKeys;

    @Inject
    @ConfigProperty(name = "headroom.storage.driver", defaultValue = "localfs")
    String storageDriver;

    @Inject
    @ConfigProperty(name = "headroom.intake.max-file-size", defaultValue = "25MB")
    String maxFileSize;

    @Inject
    @ConfigProperty(name = "headroom.intake.max-pixels", defaultValue = "40000000")
    long maxPixels;

    @Inject
    @ConfigProperty(name = "headroom.intake.max-photos", defaultValue = "20")
    int maxPhotos;

    @Inject
    @ConfigProperty(name = "headroom.intake.decode-budget-pixels", defaultValue = "160000000")
    long decodeBudgetPixels;

    @Inject
    @ConfigProperty(name = "headroom.intake.decode-wait", defaultValue = "PT30S")
    String decodeWait;

    /** Optional: without it a passphrase is generated into the keys directory on first start. */
    @Inject
    @ConfigProperty(name = "headroom.vault.keystore-passphrase")
    Optional<String> keystorePassphrase;

    @Inject
    @ConfigProperty(name = "headroom.models.dir", defaultValue = "./models")
    String modelsDir;

    @Inject
    @ConfigProperty(name = "headroom.inference.device", defaultValue = "cpu")
    String inferenceDevice;

    @Inject
    @ConfigProperty(name = "headroom.inference.threads", defaultValue = "1")
    int inferenceThreads;

    @Inject
    @ConfigProperty(name = "headroom.jobs.workers", defaultValue = "0")
    int jobWorkers;

    @Inject
    @ConfigProperty(name = "headroom.jobs.queue-capacity", defaultValue = "50")
    int jobQueueCapacity;

    @Inject
    @ConfigProperty(name = "headroom.pipeline.best-photos", defaultValue = "4")
    int bestPhotos;

    @Inject
    @ConfigProperty(name = "headroom.pipeline.aspects", defaultValue = "1:1,4:5")
    String aspects;

    @Inject
    @ConfigProperty(name = "headroom.pipeline.min-eye-distance", defaultValue = "40")
    double minEyeDistance;

    @Inject
    @ConfigProperty(name = "headroom.output.jpeg-quality", defaultValue = "92")
    int jpegQuality;

    /** Whether headshots carry the IPTC digital source type that says how they were edited. */
    @Inject
    @ConfigProperty(name = "headroom.output.ai-disclosure", defaultValue = "true")
    boolean aiDisclosure;

    /** Optional comment written into every headshot, e.g. "edited with Headroom". */
    @Inject
    @ConfigProperty(name = "headroom.output.comment")
    Optional<String> outputComment;

    private RetentionPolicy retentionPolicy;
    private IntakeLimits intakeLimits;
    private List<Aspect> parsedAspects;
    private Lockout lockout;

    @PostConstruct
    void validate() {
        retentionPolicy = RetentionPolicy.parse(retention);
        keyEpoch();
        lockout = new Lockout(lockoutMaxFailures, duration("headroom.operators.lockout.duration", lockoutDuration));
        guardWindow();
        operatorTokenLifetime();
        invitationLifetime();
        diskReserve();
        retryAfter();
        decodeWait();
        try {
            intakeLimits = new IntakeLimits(ByteSize.parse(maxFileSize).bytes(), maxPixels, maxPhotos);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("headroom.intake.*: " + e.getMessage(), e);
        }
        try {
            parsedAspects = Arrays.stream(aspects.split(",")).map(Aspect::parse).toList();
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("headroom.pipeline.aspects: " + e.getMessage(), e);
        }
        if (inferenceThreads < 1 || jobWorkers < 0 || jobQueueCapacity < 1 || bestPhotos < 1 || jpegQuality < 1 || jpegQuality > 100) {
            throw new IllegalStateException("headroom.inference.threads, headroom.jobs.*, headroom.pipeline.best-photos and "
                    + "headroom.output.jpeg-quality must be positive (jpeg-quality at most 100)");
        }
        if (decodeBudgetPixels < maxPixels) {
            throw new IllegalStateException("headroom.intake.decode-budget-pixels must be at least headroom.intake.max-pixels");
        }
    }

    public Path modelsDirectory() {
        return Path.of(modelsDir);
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
        return parsedAspects;
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
        return Path.of(pluginsDir);
    }

    /** How plugin jars are checked before they load: descriptors always, signatures when required. */
    public io.headroom.plugin.PluginVerifier pluginVerifier() {
        return io.headroom.plugin.PluginVerifier.of(pluginsRequireSignature, Path.of(pluginTrustedKeys).toAbsolutePath().normalize());
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
        return duration("headroom.intake.decode-wait", decodeWait);
    }

    /** The keystore passphrase the operator configured, if any; a copy the caller clears. */
    public Optional<char[]> keystorePassphrase() {
        return keystorePassphrase.filter(p -> !p.isEmpty()).map(String::toCharArray);
    }

    public Path dataDirectory() {
        return Path.of(dataDir);
    }

    public Path keysDirectory() {
        return Path.of(keysDir);
    }

    public RetentionPolicy retentionPolicy() {
        return retentionPolicy;
    }

    /** Deadlines are grouped into slices this long; each slice's key is destroyed when it ends. */
    public Duration keyEpoch() {
        Duration d = duration("headroom.retention.key-epoch", keyEpoch);
        if (d.compareTo(Duration.ofMinutes(1)) < 0) {
            throw new IllegalStateException("headroom.retention.key-epoch must be at least PT1M");
        }
        return d;
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
        return duration("headroom.guard.window", guardWindow);
    }

    public Lockout lockout() {
        return lockout;
    }

    public Duration operatorTokenLifetime() {
        return duration("headroom.operators.token-lifetime", operatorTokenLifetime);
    }

    public Duration invitationLifetime() {
        return duration("headroom.invitations.lifetime", invitationLifetime);
    }

    public ByteSize diskReserve() {
        try {
            return ByteSize.parse(diskReserve);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("headroom.admission.disk-reserve: " + e.getMessage(), e);
        }
    }

    public Duration retryAfter() {
        return duration("headroom.admission.retry-after", retryAfter);
    }

    private static Duration duration(String key, String value) {
        try {
            Duration d = Duration.parse(value.trim());
            if (d.isNegative() || d.isZero()) {
                throw new IllegalStateException(key + " must be a positive ISO-8601 duration such as PT15M");
            }
            return d;
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalStateException(key + " must be an ISO-8601 duration such as PT15M, not '" + value + "'", e);
        }
    }
}
