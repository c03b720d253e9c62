/**
 * Secrets and their handling: random capability tokens, keyed token hashes, Argon2id password
 * hashes and the secret files generated into the keys directory.
 *
 * <p>Nothing here logs or puts a secret in an exception message.
 */
package io.headroom.security;
