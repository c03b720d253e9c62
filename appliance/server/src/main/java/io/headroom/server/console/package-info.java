/**
 * The operator console's server side: a console session kept in an HttpOnly, Secure,
 * SameSite=Strict cookie with a CSRF token for every change, ending after idle time, and the
 * client cards (a one-time invitation as a link and a QR code).
 */
package io.headroom.server.console;
