/**
 * Style packs: the looks a person can choose for their headshots, contributed by plugins.
 *
 * <p>A style is data first: a JSON descriptor (framing, backdrop, light and colour, LUT, retouch
 * strength, output aspects and size, preview image) read from the pack's resources. Code is
 * optional: a {@link io.headroom.plugin.api.style.CompositingHook} adds a custom step at the end.
 * The plugin author's guide ({@code docs/plugins.md}) documents the descriptor field by field.
 */
package io.headroom.plugin.api.style;
