package io.headroom.server.admin;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Operator endpoints are protected per resource (@RolesAllowed); a new resource under
 * {@code admin/} that forgets it would be open to anyone, so every one is checked here.
 */
class AdminResourcesAreGuardedTest {

    @Test
    void everyResourceUnderAdminRequiresAnOperator() {
        List<String> admin = new ArrayList<>();
        List<String> open = new ArrayList<>();
        for (Class<?> c : io.headroom.server.CompiledClasses.all()) {
            Path path = c.getAnnotation(Path.class);
            if (path != null && path.value().replaceFirst("^/", "").startsWith("admin")) {
                admin.add(c.getName());
                RolesAllowed roles = c.getAnnotation(RolesAllowed.class);
                if (roles == null || roles.value().length == 0) {
                    open.add(c.getName());
                }
            }
        }
        assertFalse(admin.isEmpty(), "the scan found the admin resources");
        assertTrue(open.isEmpty(), "admin resources without @RolesAllowed: " + open);
    }
}
