/**
 * The {@link io.headroom.plugin.api.storage.StorageDriver} extension point: where sealed blobs
 * live. See its Javadoc for the call order and guarantees, and the test kit for the checks.
 */
package io.headroom.plugin.api.storage;
