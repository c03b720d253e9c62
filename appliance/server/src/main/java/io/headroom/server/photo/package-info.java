/** A session's photos over HTTP: streaming multipart upload through intake and the vault, listing, reading back. */
package io.headroom.server.photo;
