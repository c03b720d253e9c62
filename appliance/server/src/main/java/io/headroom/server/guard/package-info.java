/** Who may call what: bearer tokens, per-address guessing limits, role checks. */
package io.headroom.server.guard;
