package io.headroom.styles.creative;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.headroom.plugin.api.style.StyleFrame;
import io.headroom.plugin.api.style.StylePack;
import io.headroom.plugin.api.style.testkit.StylePackContract;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class CreativePackTest extends StylePackContract {

    @Override
    protected StylePack pack() {
        return new CreativePack();
    }

    @Test
    void onlyWarmFilmHasGrain() {
        CreativePack pack = new CreativePack();
        assertTrue(pack.hook("warm-film").isPresent());
        assertTrue(pack.hook("bold-colour").isEmpty());
        assertTrue(pack.hook("high-key-bw").isEmpty());
    }

    @Test
    void grainIsInTheMidTonesAndTheSameEveryTime() {
        int[] mid = new int[64 * 64];
        Arrays.fill(mid, 0xFF808080);
        int[] black = new int[64 * 64];
        Arrays.fill(black, 0xFF000000);
        int[] once = grained(mid);
        assertArrayEquals(once, grained(mid), "deterministic");
        assertArrayEquals(black, grained(black), "no grain in pure black");
        long changed = Arrays.stream(once).filter(p -> p != 0xFF808080).count();
        assertTrue(changed > once.length / 2, "most mid-grey pixels get grain: " + changed);
        for (int p : once) {
            int r = (p >> 16) & 0xFF;
            assertEquals(r, p & 0xFF, "grain is monochrome");
            assertTrue(Math.abs(r - 0x80) <= 7, "within the amplitude: " + r);
            assertEquals(0xFF, p >>> 24, "alpha kept");
        }
    }

    private static int[] grained(int[] pixels) {
        int[] px = pixels.clone();
        float[] person = new float[px.length];
        new FilmGrain(7).apply(new StyleFrame(64, 64, px, person, 20, 30));
        return px;
    }
}
