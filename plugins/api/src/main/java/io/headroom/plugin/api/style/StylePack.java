package io.headroom.plugin.api.style;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;
import org.pf4j.ExtensionPoint;

/**
 * A set of styles a plugin contributes; each style is known to people as {@code packId/styleId}.
 *
 * <h2>Life cycle (the order in which the appliance calls)</h2>
 * <ol>
 *   <li>{@link #id()}, then {@link #styleIds()}, once each when the plugin is loaded or the
 *       plugins are reloaded.</li>
 *   <li>{@link #resource(String)} for each style's descriptor ({@code <styleId>.json}), then for
 *       the LUT and preview that descriptor names. The appliance keeps what it read: a job uses
 *       the bytes read when it started, even if the pack is replaced meanwhile.</li>
 *   <li>{@link #hook(String)} once per style at the same time; the hook it returns is called for
 *       every headshot of that style, from worker threads, until the plugin is unloaded (which
 *       waits for the jobs that use it).</li>
 * </ol>
 *
 * <h2>What an implementation must guarantee</h2>
 * <ul>
 *   <li>Ids are {@code [a-z0-9-]}, 1–31 characters; the pack id is unique among installed packs
 *       and {@code styleIds} has no duplicates.</li>
 *   <li>Every style id has a descriptor, and every resource a descriptor names exists.</li>
 *   <li>All methods are cheap, thread-safe and free of side effects: no network, no files outside
 *       the plugin's own jar.</li>
 * </ul>
 * Most packs extend {@link ResourceStylePack} and consist of resources only. The contract test kit
 * {@code io.headroom.plugin.api.style.testkit.StylePackContract} (this module's test-jar) checks
 * all of the above, and renders every style on a test photo.
 */
public interface StylePack extends ExtensionPoint {

    /** The pack's id, the first half of its styles' ids: {@code corporate} in {@code corporate/navy-gradient}. */
    String id();

    /** The pack's styles, in the order a person should see them. */
    List<String> styleIds();

    /**
     * A resource of the pack: {@code <styleId>.json} or a file a descriptor names (a {@code .cube}
     * LUT, a JPEG or PNG preview). Names are plain file names, no folders.
     *
     * @return the resource's bytes, for the caller to close; null when there is no such resource
     */
    InputStream resource(String name) throws IOException;

    /** A custom compositing step for a style, if it has one; none by default. */
    default Optional<CompositingHook> hook(String styleId) {
        return Optional.empty();
    }
}
