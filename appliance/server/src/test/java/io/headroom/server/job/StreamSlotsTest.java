package io.headroom.server.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class StreamSlotsTest {

    @Test
    void aSessionHoldsAtMostItsStreamsAndAnotherSessionIsStillServed() {
        StreamSlots slots = new StreamSlots();
        assertTrue(slots.take("a", 2));
        assertTrue(slots.take("a", 2));
        assertFalse(slots.take("a", 2));
        assertTrue(slots.take("b", 2));
        slots.giveBack("a");
        assertTrue(slots.take("a", 2), "a closed stream gives its slot back");
        slots.giveBack("a");
        slots.giveBack("a");
        assertEquals(0, slots.held("a"));
        slots.giveBack("a");
        assertEquals(0, slots.held("a"), "never below zero");
    }
}
