package io.headroom.plugin.api.style;

import java.io.InputStream;
import java.util.List;

/**
 * A pack made of resources only: its files lie in its jar under {@code headroom-styles/<packId>/}.
 * A subclass names the pack and its styles, and is annotated {@code @Extension}:
 *
 * <pre>{@code
 * @Extension
 * public class CorporatePack extends ResourceStylePack {
 *     public CorporatePack() {
 *         super("corporate", List.of("studio-grey", "navy-gradient", "bright-office"));
 *     }
 * }
 * }</pre>
 */
public abstract class ResourceStylePack implements StylePack {

    private final String id;
    private final List<String> styleIds;

    protected ResourceStylePack(String id, List<String> styleIds) {
        this.id = id;
        this.styleIds = List.copyOf(styleIds);
    }

    @Override
    public final String id() {
        return id;
    }

    @Override
    public final List<String> styleIds() {
        return styleIds;
    }

    @Override
    public InputStream resource(String name) {
        if (name == null || name.isEmpty() || name.contains("/") || name.contains("\\") || name.startsWith(".")) {
            return null;
        }
        // The subclass's own class loader: the plugin's jar, not the appliance's.
        return getClass().getClassLoader().getResourceAsStream("headroom-styles/" + id + "/" + name);
    }
}
