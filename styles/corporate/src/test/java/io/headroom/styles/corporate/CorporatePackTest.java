package io.headroom.styles.corporate;

import io.headroom.plugin.api.style.StylePack;
import io.headroom.plugin.api.style.testkit.StylePackContract;

class CorporatePackTest extends StylePackContract {

    @Override
    protected StylePack pack() {
        return new CorporatePack();
    }
}
