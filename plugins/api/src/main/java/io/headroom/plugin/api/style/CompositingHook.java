package io.headroom.plugin.api.style;

/**
 * A style's own last step, for what a descriptor cannot say (film grain, a light leak, a
 * branded border). It runs after framing, retouch, grade and backdrop, just before the headshot
 * is encoded.
 *
 * <p>An implementation must be thread-safe (several workers call it at once), deterministic for
 * the same frame, quick (it runs once per headshot), and must not keep, copy, log or send the
 * pixels anywhere: it changes {@link StyleFrame#argb()} in place and returns.
 */
@FunctionalInterface
public interface CompositingHook {

    /** Changes the frame's pixels in place. An exception fails that headshot's job, not the appliance. */
    void apply(StyleFrame frame);
}
