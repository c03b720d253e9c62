package io.headroom.plugin.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ApiVersionTest {

    @Test
    void parsesAndPrintsMajorMinor() {
        ApiVersion v = ApiVersion.parse(" 1.12 ");
        assertEquals(new ApiVersion(1, 12), v);
        assertEquals("1.12", v.toString());
    }

    @Test
    void rejectsMalformedVersions() {
        assertThrows(IllegalArgumentException.class, () -> ApiVersion.parse("1"));
        assertThrows(IllegalArgumentException.class, () -> ApiVersion.parse("1.0.0"));
        assertThrows(IllegalArgumentException.class, () -> ApiVersion.parse("one.zero"));
    }

    @Test
    void sameMajorAndOlderOrEqualMinorIsSatisfied() {
        ApiVersion appliance = new ApiVersion(1, 3);
        assertTrue(appliance.satisfies(new ApiVersion(1, 0)));
        assertTrue(appliance.satisfies(new ApiVersion(1, 3)));
        assertFalse(appliance.satisfies(new ApiVersion(1, 4)), "plugin needs a newer minor");
        assertFalse(appliance.satisfies(new ApiVersion(2, 0)), "different major");
        assertFalse(new ApiVersion(2, 0).satisfies(new ApiVersion(1, 0)), "majors may break");
    }
}
