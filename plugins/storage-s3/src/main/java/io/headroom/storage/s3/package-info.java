/** Storage driver for S3-compatible object stores (a PF4J plugin). */
package io.headroom.storage.s3;
