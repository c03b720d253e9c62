package io.headroom.styles.corporate;

import io.headroom.plugin.api.style.ResourceStylePack;
import java.util.List;
import org.pf4j.Extension;

/** Conservative looks for company profiles; resources only (under {@code headroom-styles/corporate/}). */
@Extension
public class CorporatePack extends ResourceStylePack {

    public CorporatePack() {
        super("corporate", List.of("studio-grey", "navy-gradient", "bright-office"));
    }
}
