package io.headroom.styles.creative;

import io.headroom.plugin.api.style.CompositingHook;
import io.headroom.plugin.api.style.ResourceStylePack;
import java.util.List;
import java.util.Optional;
import org.pf4j.Extension;

/** Bolder looks; {@code warm-film} adds a Java step (film grain) after the descriptor's work. */
@Extension
public class CreativePack extends ResourceStylePack {

    private static final CompositingHook GRAIN = new FilmGrain(7);

    public CreativePack() {
        super("creative", List.of("bold-colour", "warm-film", "high-key-bw"));
    }

    @Override
    public Optional<CompositingHook> hook(String styleId) {
        return "warm-film".equals(styleId) ? Optional.of(GRAIN) : Optional.empty();
    }
}
