package io.headroom.storage.s3;

import io.headroom.plugin.api.storage.StorageContext;
import io.headroom.plugin.api.storage.StorageException;
import java.net.URI;
import java.time.Duration;

/**
 * The driver's settings, from {@code headroom.storage.s3.*}. Everything that decides where a
 * request goes is explicit: the endpoint, the region and static credentials; nothing is looked up.
 *
 * @param keyPrefix prepended to every object name ({@code ""} or segments ending in {@code /})
 */
record S3Settings(URI endpoint, String bucket, String region, String accessKey, String secretKey, boolean pathStyle,
                  String keyPrefix, Duration timeout) {

    static S3Settings from(StorageContext context) throws StorageException {
        URI endpoint;
        String e = required(context, "endpoint");
        try {
            endpoint = URI.create(e);
        } catch (IllegalArgumentException x) {
            throw new StorageException("s3: headroom.storage.s3.endpoint is not a URL: " + e);
        }
        if (!("http".equals(endpoint.getScheme()) || "https".equals(endpoint.getScheme())) || endpoint.getHost() == null) {
            throw new StorageException("s3: headroom.storage.s3.endpoint must be an http:// or https:// URL with a host, such as https://minio.example.internal:9000");
        }
        String bucket = required(context, "bucket");
        if (!bucket.matches("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]")) {
            throw new StorageException("s3: headroom.storage.s3.bucket is not a valid bucket name");
        }
        String prefix = context.setting("key-prefix").orElse("");
        if (!prefix.isEmpty() && !prefix.matches("([a-z0-9_-]{1,64}/){1,4}")) {
            throw new StorageException("s3: headroom.storage.s3.key-prefix is segments of [a-z0-9_-] each ending in '/', such as headroom/");
        }
        String pathStyle = context.setting("path-style").orElse("true");
        if (!pathStyle.equals("true") && !pathStyle.equals("false")) {
            throw new StorageException("s3: headroom.storage.s3.path-style is true or false");
        }
        Duration timeout;
        try {
            timeout = Duration.parse(context.setting("timeout").orElse("PT30S"));
        } catch (java.time.format.DateTimeParseException x) {
            throw new StorageException("s3: headroom.storage.s3.timeout is an ISO-8601 duration such as PT30S");
        }
        return new S3Settings(endpoint, bucket, required(context, "region"), required(context, "access-key"),
                required(context, "secret-key"), Boolean.parseBoolean(pathStyle), prefix, timeout);
    }

    private static String required(StorageContext context, String name) throws StorageException {
        String v = context.setting(name).map(String::trim).orElse("");
        if (v.isEmpty()) {
            throw new StorageException("s3: headroom.storage.s3." + name + " is not set");
        }
        return v;
    }

    /** Never prints the secret. */
    @Override
    public String toString() {
        return "S3Settings[endpoint=" + endpoint + ", bucket=" + bucket + ", region=" + region + ", pathStyle=" + pathStyle
                + ", keyPrefix=" + keyPrefix + "]";
    }
}
