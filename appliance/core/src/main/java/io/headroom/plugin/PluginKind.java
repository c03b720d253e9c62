package io.headroom.plugin;

import io.headroom.plugin.api.storage.StorageDriver;
import io.headroom.plugin.api.style.StylePack;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What a plugin declares it is ({@code Plugin-Kind} in its descriptor), and so the only extension
 * point it may contribute to: a style pack cannot slip in a storage driver that would receive
 * every sealed blob, and a storage driver cannot offer styles that receive every photo.
 */
public enum PluginKind {
    STYLE_PACK("style-pack", StylePack.class),
    STORAGE_DRIVER("storage-driver", StorageDriver.class);

    /** Every extension point a plugin could contribute to. */
    public static final List<Class<?>> EXTENSION_POINTS = Arrays.stream(values()).<Class<?>>map(PluginKind::extensionPoint).toList();

    private final String word;
    private final Class<?> extensionPoint;

    PluginKind(String word, Class<?> extensionPoint) {
        this.word = word;
        this.extensionPoint = extensionPoint;
    }

    /** As the descriptor spells it: {@code style-pack} or {@code storage-driver}. */
    public String word() {
        return word;
    }

    public Class<?> extensionPoint() {
        return extensionPoint;
    }

    /** Whether an extension of {@code type} (an extension point or an implementation of one) belongs to this kind. */
    public boolean allows(Class<?> type) {
        return extensionPoint.isAssignableFrom(type);
    }

    /** The kind a descriptor names, ignoring case; empty for anything else. */
    public static Optional<PluginKind> parse(String word) {
        if (word == null) {
            return Optional.empty();
        }
        String w = word.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(k -> k.word.equals(w)).findFirst();
    }

    /** The words an operator may write, for messages. */
    public static String words() {
        return String.join(" or ", Arrays.stream(values()).map(PluginKind::word).toList());
    }
}
