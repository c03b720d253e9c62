package io.headroom.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashSet;
import org.junit.jupiter.api.Test;

class ProblemTypeTest {

    @Test
    void codesAreUniqueKebabCaseAndTypesAreUris() {
        HashSet<String> codes = new HashSet<>();
        for (ProblemType t : ProblemType.values()) {
            assertTrue(codes.add(t.code()));
            assertTrue(t.code().matches("[a-z]+(-[a-z]+)*"), t.code());
            assertEquals("urn:headroom:problem:" + t.code(), t.typeUri());
            assertTrue(t.status() >= 400 && t.status() < 600);
        }
    }

    @Test
    void genericStatusesMapToTheirTypes() {
        assertEquals(ProblemType.NOT_FOUND, ProblemType.forStatus(404));
        assertEquals(ProblemType.METHOD_NOT_ALLOWED, ProblemType.forStatus(405));
        assertEquals(ProblemType.INVALID_REQUEST, ProblemType.forStatus(422));
        assertEquals(ProblemType.INTERNAL_ERROR, ProblemType.forStatus(502));
        Arrays.stream(ProblemType.values()).forEach(t -> assertEquals(t.status() >= 500, ProblemType.forStatus(t.status()).status() >= 500));
    }

    @Test
    void exceptionCarriesNoStackTrace() {
        ProblemException e = new ProblemException(ProblemType.NOT_FOUND, "gone");
        assertEquals(0, e.getStackTrace().length, "problem exceptions are expected, not bugs");
        assertEquals("gone", e.detail());
    }
}
