/**
 * The vault: per-session AES-256 data keys, wrapped by a key-encryption key that never leaves
 * the keys directory ({@link io.headroom.vault.KeyProvider}), and blobs sealed as streams of
 * authenticated segments ({@link io.headroom.vault.Vault}). Nothing here writes plaintext or key
 * material to disk or to a log.
 */
package io.headroom.vault;
