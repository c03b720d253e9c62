/**
 * Identity, with the optional face-embedding pack: is every headshot still the person of its
 * source photo, and are all uploads of one person? Embeddings live in memory only.
 */
package io.headroom.identity;
