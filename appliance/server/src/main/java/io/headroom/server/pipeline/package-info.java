/** The models and per-worker pipelines of the server. */
package io.headroom.server.pipeline;
