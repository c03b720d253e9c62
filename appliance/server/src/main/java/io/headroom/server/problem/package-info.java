/**
 * Every error leaves the API as {@code application/problem+json} (RFC 9457) with a stable
 * {@code code} and a message a person understands; never a stack trace.
 */
package io.headroom.server.problem;
