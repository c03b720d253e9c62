package io.headroom.config;

import io.headroom.framing.Aspect;
import io.headroom.session.RetentionPolicy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Every {@code headroom.*} setting of the appliance and its command-line tools, in one place:
 * name, default, parser and purpose. The appliance reads them through MicroProfile Config, the
 * command-line tools through the configuration file with the environment over it, so both honour
 * the same settings; {@code config/headroom.properties} and {@code docs/configuration.md} list
 * exactly these (tests keep them in step). Each key can also be set from the environment, by
 * MicroProfile's rule: {@code headroom.sessions.open} as {@code HEADROOM_SESSIONS_OPEN}.
 */
public final class ConfigKeys {

    private ConfigKeys() {
    }

    public static final Setting<Path> DATA_DIR = new Setting<>("headroom.data.dir", "./data", Path::of,
            "H2 database and sealed blobs (0700)");
    public static final Setting<Path> KEYS_DIR = new Setting<>("headroom.keys.dir", "./keys", Path::of,
            "keystore, epoch keys, signing key (0700), never inside the data directory");
    public static final Setting<RetentionPolicy> RETENTION = new Setting<>("headroom.retention", "PT24H", RetentionPolicy::parse,
            "how long a session's data lives");
    public static final Setting<Duration> KEY_EPOCH = new Setting<>("headroom.retention.key-epoch", "PT1H", atLeast(Duration.ofMinutes(1)),
            "deadlines are grouped into key epochs this long; each epoch's key is destroyed when it ends");
    public static final Setting<Boolean> SESSIONS_OPEN = new Setting<>("headroom.sessions.open", "true", ConfigKeys::bool,
            "whether anyone may open a session without an invitation");
    public static final Setting<String> POLICY_VERSION = new Setting<>("headroom.consent.policy-version", "2026-11", s -> s,
            "the privacy policy version a person consents to");
    public static final Setting<Integer> GUARD_MAX_FAILURES = new Setting<>("headroom.guard.max-failures", "20", atLeast(1),
            "failed token guesses per client address within the window");
    public static final Setting<Duration> GUARD_WINDOW = new Setting<>("headroom.guard.window", "PT10M", positive(),
            "the window of failed token guesses");
    public static final Setting<Integer> LIMIT_SESSION_OPENS = new Setting<>("headroom.limits.session-opens-per-minute", "10", atLeast(1),
            "sessions one client address may open per minute; then 429");
    public static final Setting<Integer> LIMIT_JOBS_PER_SESSION = new Setting<>("headroom.limits.jobs-per-session", "2", atLeast(1),
            "queued or running jobs one session may have at once; then 429 too-many-jobs");
    public static final Setting<Integer> LIMIT_STREAMS_PER_SESSION = new Setting<>("headroom.limits.streams-per-session", "4", atLeast(1),
            "progress streams (SSE) one session may hold open at once; then 429");
    public static final Setting<ByteSize> LIMIT_UPLOAD_PER_MINUTE = new Setting<>("headroom.limits.upload-bytes-per-minute", "250MB",
            ByteSize::parse, "bytes one session may upload per minute; then 429");
    public static final Setting<Integer> LIMIT_SIGN_IN_CONCURRENCY = new Setting<>("headroom.limits.sign-in-concurrency", "2", atLeast(1),
            "operator sign-ins whose password hash (Argon2id, 19 MiB) is computed at once; more wait a second, then 429");
    public static final Setting<io.headroom.guard.TrustedProxies> TRUSTED_PROXIES = new Setting<>("headroom.http.trusted-proxies", null,
            io.headroom.guard.TrustedProxies::parse,
            "optional: reverse proxies (addresses or CIDR ranges) whose Forwarded / X-Forwarded-For name the client; unset: none");
    public static final Setting<Integer> LOCKOUT_MAX_FAILURES = new Setting<>("headroom.operators.lockout.max-failures", "5", atLeast(1),
            "wrong passwords in a row from one address before an operator name locks for that address");
    public static final Setting<Duration> LOCKOUT_DURATION = new Setting<>("headroom.operators.lockout.duration", "PT15M", positive(),
            "how long a locked operator name stays locked for that address");
    public static final Setting<Duration> OPERATOR_TOKEN_LIFETIME = new Setting<>("headroom.operators.token-lifetime", "PT12H", positive(),
            "how long a console sign-in lasts");
    public static final Setting<Duration> INVITATION_LIFETIME = new Setting<>("headroom.invitations.lifetime", "P7D", positive(),
            "how long an invitation link works");
    public static final Setting<ByteSize> DISK_RESERVE = new Setting<>("headroom.admission.disk-reserve", "1GiB", ByteSize::parse,
            "free space kept on the data directory's disk; below it uploads and jobs get 503");
    public static final Setting<Duration> RETRY_AFTER = new Setting<>("headroom.admission.retry-after", "PT60S", positive(),
            "the Retry-After of a 503 when the appliance is full");
    public static final Setting<Path> PLUGINS_DIR = new Setting<>("headroom.plugins.dir", "./plugins", Path::of,
            "style packs and storage drivers (PF4J jars)");
    public static final Setting<Boolean> PLUGINS_REQUIRE_SIGNATURE = new Setting<>("headroom.plugins.require-signature", "true",
            ConfigKeys::bool, "whether plugin jars must be signed by a trusted key or pinned by their SHA-256");
    public static final Setting<Path> PLUGINS_TRUSTED_KEYS = new Setting<>("headroom.plugins.trusted-keys", "./config/plugin-keys", Path::of,
            "the folder of trusted plugin authors' keys (*.pem) and pinned jar hashes (pinned-jars.sha256)");
    public static final Setting<String> STORAGE_DRIVER = new Setting<>("headroom.storage.driver", "localfs", s -> s,
            "the storage driver plugin that holds sealed blobs");
    public static final Setting<ByteSize> MAX_FILE_SIZE = new Setting<>("headroom.intake.max-file-size", "25MB", ByteSize::parse,
            "the largest photo file accepted");
    public static final Setting<Long> MAX_PIXELS = new Setting<>("headroom.intake.max-pixels", "40000000", atLeastLong(1),
            "the most pixels a photo may have (checked from its header, before decoding)");
    public static final Setting<Integer> MAX_PHOTOS = new Setting<>("headroom.intake.max-photos", "20", atLeast(1),
            "the most photos a session holds");
    public static final Setting<Long> DECODE_BUDGET_PIXELS = new Setting<>("headroom.intake.decode-budget-pixels", "160000000",
            atLeastLong(1), "pixels being decoded at once across all uploads");
    public static final Setting<Duration> DECODE_WAIT = new Setting<>("headroom.intake.decode-wait", "PT30S", positive(),
            "how long an upload waits for decode budget before a 503");
    public static final Setting<String> KEYSTORE_PASSPHRASE = new Setting<>("headroom.vault.keystore-passphrase", null, s -> s,
            "optional: without it a passphrase is generated into the keys directory on first start");
    public static final Setting<Path> MODELS_DIR = new Setting<>("headroom.models.dir", "./models", Path::of,
            "ONNX models and their manifest");
    public static final Setting<String> INFERENCE_DEVICE = new Setting<>("headroom.inference.device", "cpu", s -> s.toLowerCase(Locale.ROOT),
            "cpu, or cuda[:N] where the CUDA build of ONNX Runtime is installed");
    public static final Setting<Integer> INFERENCE_THREADS = new Setting<>("headroom.inference.threads", "1", atLeast(1),
            "ONNX Runtime threads per worker");
    public static final Setting<Integer> JOB_WORKERS = new Setting<>("headroom.jobs.workers", "0", atLeast(0),
            "job workers; 0 for one per core");
    public static final Setting<Integer> JOB_QUEUE_CAPACITY = new Setting<>("headroom.jobs.queue-capacity", "50", atLeast(1),
            "jobs queued or running at once; beyond it 503");
    public static final Setting<Integer> BEST_PHOTOS = new Setting<>("headroom.pipeline.best-photos", "4", atLeast(1),
            "how many of a session's best photos become headshots");
    public static final Setting<List<Aspect>> ASPECTS = new Setting<>("headroom.pipeline.aspects", "1:1,4:5",
            s -> Arrays.stream(s.split(",")).map(String::strip).map(Aspect::parse).toList(), "the built-in style's output shapes");
    public static final Setting<Double> MIN_EYE_DISTANCE = new Setting<>("headroom.pipeline.min-eye-distance", "40", ConfigKeys::positiveNumber,
            "the smallest usable face, as pixels between the eyes");
    public static final Setting<Integer> JPEG_QUALITY = new Setting<>("headroom.output.jpeg-quality", "92", between(1, 100),
            "JPEG quality of headshots, 1–100");
    public static final Setting<Boolean> AI_DISCLOSURE = new Setting<>("headroom.output.ai-disclosure", "true", ConfigKeys::bool,
            "whether headshots carry the IPTC digital source type that says how they were edited");
    public static final Setting<String> OUTPUT_COMMENT = new Setting<>("headroom.output.comment", null, s -> s,
            "optional comment written into every headshot, e.g. \"edited with Headroom\"");

    public static final Setting<Integer> HTTPS_PORT = new Setting<>("headroom.https.port", "8443", between(0, 65535),
            "the HTTPS port for the LAN (0: no HTTPS); plain HTTP (--port) serves loopback only");
    public static final Setting<String> HTTPS_BIND = new Setting<>("headroom.https.bind", "0.0.0.0", ConfigKeys::address,
            "the address the HTTPS listener binds (0.0.0.0: every interface)");
    public static final Setting<Path> HTTPS_CERTIFICATE = new Setting<>("headroom.https.certificate", null, Path::of,
            "the operator's certificate chain (PEM); without it the appliance makes its own");
    public static final Setting<Path> HTTPS_KEY = new Setting<>("headroom.https.key", null, Path::of,
            "the private key of headroom.https.certificate (PEM, unencrypted)");
    public static final Setting<List<String>> HTTPS_NAMES = new Setting<>("headroom.https.names", "", ConfigKeys::names,
            "extra host names or addresses for the certificate the appliance makes (comma-separated)");

    public static final Setting<Path> HOTFOLDER_IN = new Setting<>("headroom.hotfolder.in", null, Path::of,
            "a studio's hot folder: client folders copied here are made into headshots (with headroom.hotfolder.out)");
    public static final Setting<Path> HOTFOLDER_OUT = new Setting<>("headroom.hotfolder.out", null, Path::of,
            "where the hot folder's headshots, contact sheets and reports go, a folder per client; the studio's, not deleted by Headroom");
    public static final Setting<Duration> HOTFOLDER_QUIET = new Setting<>("headroom.hotfolder.quiet", "PT10S", atLeast(Duration.ofSeconds(1)),
            "how long a client folder's files must stay unchanged before it is taken (or drop a .ready file in it)");

    public static final Setting<Duration> CONSOLE_IDLE_TIMEOUT = new Setting<>("headroom.console.idle-timeout", "PT15M",
            atLeast(Duration.ofMinutes(1)), "how long an unused operator console session lives");

    /** Every key, in the order {@code config/headroom.properties} documents them. */
    public static final List<Setting<?>> ALL = List.of(DATA_DIR, KEYS_DIR, RETENTION, KEY_EPOCH, SESSIONS_OPEN, POLICY_VERSION,
            GUARD_MAX_FAILURES, GUARD_WINDOW, LIMIT_SESSION_OPENS, LIMIT_JOBS_PER_SESSION, LIMIT_STREAMS_PER_SESSION,
            LIMIT_UPLOAD_PER_MINUTE, LIMIT_SIGN_IN_CONCURRENCY, TRUSTED_PROXIES, LOCKOUT_MAX_FAILURES, LOCKOUT_DURATION, OPERATOR_TOKEN_LIFETIME, INVITATION_LIFETIME,
            DISK_RESERVE, RETRY_AFTER, PLUGINS_DIR, PLUGINS_REQUIRE_SIGNATURE, PLUGINS_TRUSTED_KEYS, STORAGE_DRIVER, MAX_FILE_SIZE,
            MAX_PIXELS, MAX_PHOTOS, DECODE_BUDGET_PIXELS, DECODE_WAIT, KEYSTORE_PASSPHRASE, MODELS_DIR, INFERENCE_DEVICE,
            INFERENCE_THREADS, JOB_WORKERS, JOB_QUEUE_CAPACITY, BEST_PHOTOS, ASPECTS, MIN_EYE_DISTANCE, JPEG_QUALITY, AI_DISCLOSURE,
            OUTPUT_COMMENT, HTTPS_PORT, HTTPS_BIND, HTTPS_CERTIFICATE, HTTPS_KEY, HTTPS_NAMES, HOTFOLDER_IN,
            HOTFOLDER_OUT, HOTFOLDER_QUIET, CONSOLE_IDLE_TIMEOUT);

    /** The environment variable MicroProfile Config reads for {@code key}: {@code headroom.jobs.workers} → {@code HEADROOM_JOBS_WORKERS}. */
    public static String environmentName(String key) {
        return key.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
    }

    static boolean bool(String s) {
        return switch (s.toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException("must be true or false, not '" + s + "'");
        };
    }

    /** An IP literal: the bind address is never looked up by name (no DNS, ever). */
    static String address(String s) {
        if (!s.matches("[0-9.]+|[0-9A-Fa-f:]+")) {
            throw new IllegalArgumentException("must be an IP address such as 0.0.0.0 or 192.168.1.20, not '" + s + "'");
        }
        return s;
    }

    /** Comma-separated host names or addresses: letters, digits, dots, hyphens, colons. */
    static List<String> names(String s) {
        List<String> names = java.util.Arrays.stream(s.split(",")).map(String::strip).filter(n -> !n.isEmpty()).toList();
        for (String n : names) {
            if (!n.matches("[A-Za-z0-9.:-]+")) {
                throw new IllegalArgumentException("must be host names or addresses separated by commas, not '" + n + "'");
            }
        }
        return names;
    }

    static double positiveNumber(String s) {
        double v;
        try {
            v = Double.parseDouble(s);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("must be a number, not '" + s + "'");
        }
        if (!(v > 0) || Double.isInfinite(v)) {
            throw new IllegalArgumentException("must be a positive number");
        }
        return v;
    }

    static java.util.function.Function<String, Integer> atLeast(int min) {
        return between(min, Integer.MAX_VALUE);
    }

    static java.util.function.Function<String, Integer> between(int min, int max) {
        return s -> {
            int v;
            try {
                v = Integer.parseInt(s);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("must be a whole number, not '" + s + "'");
            }
            if (v < min || v > max) {
                throw new IllegalArgumentException(max == Integer.MAX_VALUE ? "must be at least " + min : "must be " + min + " to " + max);
            }
            return v;
        };
    }

    static java.util.function.Function<String, Long> atLeastLong(long min) {
        return s -> {
            long v;
            try {
                v = Long.parseLong(s);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("must be a whole number, not '" + s + "'");
            }
            if (v < min) {
                throw new IllegalArgumentException("must be at least " + min);
            }
            return v;
        };
    }

    static java.util.function.Function<String, Duration> positive() {
        return atLeast(Duration.ofNanos(1));
    }

    static java.util.function.Function<String, Duration> atLeast(Duration min) {
        return s -> {
            Duration d;
            try {
                d = Duration.parse(s);
            } catch (java.time.format.DateTimeParseException e) {
                throw new IllegalArgumentException("must be an ISO-8601 duration such as PT15M, not '" + s + "'");
            }
            if (d.compareTo(min) < 0) {
                throw new IllegalArgumentException(min.toNanos() <= 1 ? "must be a positive ISO-8601 duration such as PT15M"
                        : "must be at least " + min);
            }
            return d;
        };
    }
}
