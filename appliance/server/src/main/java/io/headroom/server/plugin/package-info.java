/** The PF4J plugin manager, owned in one place: {@link io.headroom.server.plugin.PluginRegistry}. */
package io.headroom.server.plugin;
