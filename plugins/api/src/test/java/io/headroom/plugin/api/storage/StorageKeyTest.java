package io.headroom.plugin.api.storage;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class StorageKeyTest {

    @Test
    void acceptsRandomLookingPaths() {
        new StorageKey("a");
        new StorageKey("q3x9-_/0a7k/zz");
    }

    @Test
    void refusesAnythingThatCouldEscapeOrCarryNames() {
        for (String bad : new String[] {"", "/a", "a/", "a//b", "../a", "a/../b", "A", "a b", "a.jpg", "a\\b", "ä"}) {
            assertThrows(IllegalArgumentException.class, () -> new StorageKey(bad), bad);
        }
        assertThrows(IllegalArgumentException.class, () -> new StorageKey(null));
    }

    @Test
    void prefixesMatchWholeSegments() {
        StorageKey k = new StorageKey("p1/a");
        assertTrue(k.hasPrefix(""));
        assertTrue(k.hasPrefix("p1"));
        assertTrue(k.hasPrefix("p1/"));
        assertTrue(k.hasPrefix("p1/a"));
        assertFalse(k.hasPrefix("p"));
        assertFalse(new StorageKey("p10/a").hasPrefix("p1"));
    }
}
