/** Framing headshots: eyes level, eye line and face width by rule, edge-aware padding, clean JPEG output. */
package io.headroom.framing;
