/**
 * Deletion receipts: signed (Ed25519) JSON documents, chained by hash, that say what a purge
 * deleted and when, verifiable offline with standard tools.
 */
package io.headroom.receipt;
