package io.headroom.plugin.api.storage;

/**
 * A driver's answer to a health check.
 *
 * @param healthy whether the store can take writes and serve reads now
 * @param detail  for the operator, e.g. "42 GiB free" or "endpoint answered 503"; never secrets
 */
public record StorageHealth(boolean healthy, String detail) {

    public static StorageHealth up(String detail) {
        return new StorageHealth(true, detail);
    }

    public static StorageHealth down(String detail) {
        return new StorageHealth(false, detail);
    }
}
