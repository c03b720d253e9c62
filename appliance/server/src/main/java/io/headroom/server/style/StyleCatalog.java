package io.headroom.server.style;

import io.headroom.framing.Aspect;
import io.headroom.plugin.api.style.StylePack;
import io.headroom.server.config.HeadroomSettings;
import io.headroom.server.plugin.PluginRegistry;
import io.headroom.style.PackStyles;
import io.headroom.style.Style;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every style the appliance offers, read once when the plugins load and again after each reload:
 * descriptors, LUTs and previews are held as values, so a job that took its styles at its start
 * finishes with them. A pack whose style fails to read is reported with its plugin id; the other
 * styles stay.
 */
@ApplicationScoped
public class StyleCatalog {

    private static final Logger LOG = Logger.getLogger(StyleCatalog.class.getName());

    /** A style on offer. {@code pluginId} is null for the built-in one. */
    public record Offered(Style style, byte[] preview, String previewType, String pluginId, String packVersion, List<Aspect> outputs) {
    }

    @Inject
    PluginRegistry plugins;

    @Inject
    HeadroomSettings settings;

    private volatile Map<String, Offered> styles = Map.of();

    /** Reads the built-in style and every started pack's; called at start-up and after each plugin reload. */
    public void refresh() {
        Map<String, Offered> found = new LinkedHashMap<>();
        Style natural = Style.natural();
        offer(found, natural, builtInPreview(natural), "image/jpeg", null, io.headroom.HeadroomVersion.current());
        Set<String> packIds = new HashSet<>();
        for (PluginRegistry.Contribution<StylePack> c : plugins.contributions(StylePack.class)) {
            StylePack pack = c.extension();
            try {
                String packId = pack.id();
                if (!packIds.add(packId)) {
                    LOG.warning(() -> "Plugin " + c.pluginId() + ": another plugin already offers the style pack '" + packId + "'; skipped");
                    continue;
                }
                for (String styleId : pack.styleIds()) {
                    try {
                        PackStyles.Loaded loaded = PackStyles.read(pack, styleId);
                        offer(found, loaded.style(), loaded.preview(), loaded.previewType(), c.pluginId(), c.pluginVersion());
                    } catch (IOException | RuntimeException e) {
                        LOG.warning(() -> "Plugin " + c.pluginId() + ": style " + styleId + " is not offered: " + e.getMessage());
                    }
                }
            } catch (RuntimeException | LinkageError e) {
                LOG.log(Level.WARNING, "Plugin " + c.pluginId() + ": its style pack failed", e);
            }
        }
        styles = java.util.Collections.unmodifiableMap(found);
        LOG.info(() -> "Styles offered: " + String.join(", ", found.keySet()));
    }

    private void offer(Map<String, Offered> into, Style style, byte[] preview, String type, String pluginId, String version) {
        // Only the aspects the operator delivers (headroom.pipeline.aspects), at the style's own size.
        Set<String> allowed = new HashSet<>();
        settings.aspects().forEach(a -> allowed.add(a.name()));
        List<Aspect> outputs = style.aspects().stream().filter(a -> allowed.contains(a.name())).toList();
        if (outputs.isEmpty()) {
            LOG.warning(() -> "Style " + style.id() + " is not offered: none of its aspects is in headroom.pipeline.aspects");
            return;
        }
        into.put(style.id(), new Offered(style, preview, type, pluginId, version, outputs));
    }

    private static byte[] builtInPreview(Style natural) {
        try (InputStream in = Style.class.getResourceAsStream(natural.descriptor().preview())) {
            if (in == null) {
                throw new IllegalStateException("the built-in style's preview is missing from the build");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException("the built-in style's preview cannot be read", e);
        }
    }

    /** The styles on offer, built-in first, then pack by pack in plugin order. */
    public List<Offered> all() {
        return List.copyOf(styles.values());
    }

    public Optional<Offered> find(String id) {
        return Optional.ofNullable(styles.get(id));
    }

    /**
     * The styles a job takes at its start, held as values, with a hold on each plugin whose style
     * has Java code, so that plugin stays loaded until the job lets go.
     */
    public Snapshot snapshot(List<String> ids) {
        List<Offered> taken = new ArrayList<>();
        List<PluginRegistry.Lease> leases = new ArrayList<>();
        Map<String, Offered> s = styles;
        for (String id : ids) {
            Offered o = s.get(id);
            if (o == null) {
                leases.forEach(PluginRegistry.Lease::close);
                return null;
            }
            taken.add(o);
            if (o.pluginId() != null && o.style().hook().isPresent()) {
                leases.add(plugins.lease(o.pluginId()));
            }
        }
        return new Snapshot(List.copyOf(taken), leases);
    }

    /** A job's styles; close it when the job ends. */
    public record Snapshot(List<Offered> styles, List<PluginRegistry.Lease> leases) implements AutoCloseable {
        @Override
        public void close() {
            leases.forEach(PluginRegistry.Lease::close);
        }
    }
}
