/**
 * Operator accounts over HTTP: sign-in with Argon2id and lockout, console bearer tokens, and
 * the Jakarta Security mechanism that turns those tokens into roles on {@code /api/admin/**}.
 * Accounts are created with {@code headroom operator add}.
 */
package io.headroom.server.operator;
