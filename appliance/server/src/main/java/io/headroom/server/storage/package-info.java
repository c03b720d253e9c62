/** The configured storage driver behind one facade: {@link io.headroom.server.storage.BlobStore}. */
package io.headroom.server.storage;
