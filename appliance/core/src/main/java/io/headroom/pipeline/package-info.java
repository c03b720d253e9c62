/** The headshot pipeline: analysis, best-photo selection, framing, encoding; no Jakarta EE. */
package io.headroom.pipeline;
