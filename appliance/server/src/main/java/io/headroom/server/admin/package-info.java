/** The operator console's API under {@code /api/admin}: needs an operator token. */
package io.headroom.server.admin;
