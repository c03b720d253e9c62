/**
 * The operator console's server side: its session resource (the session itself, kept in an HttpOnly, Secure,
 * SameSite=Strict cookie with a CSRF token for every change, is {@code operator.ConsoleSessions}), and the
 * client cards (a one-time invitation as a link and a QR code).
 */
package io.headroom.server.console;
