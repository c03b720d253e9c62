package io.headroom.server.admin;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Path;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Operator endpoints are protected per resource (@RolesAllowed); a new resource under
 * {@code admin/} that forgets it would be open to anyone, so every one is checked here.
 */
class AdminResourcesAreGuardedTest {

    @Test
    void everyResourceUnderAdminRequiresAnOperator() throws IOException, ClassNotFoundException {
        java.nio.file.Path classes = java.nio.file.Path.of("target/classes");
        List<String> admin = new ArrayList<>();
        List<String> open = new ArrayList<>();
        try (Stream<java.nio.file.Path> files = Files.walk(classes)) {
            for (java.nio.file.Path f : files.filter(p -> p.toString().endsWith(".class") && !p.toString().contains("$")).toList()) {
                String name = classes.relativize(f).toString().replace('/', '.').replaceAll("\\.class$", "");
                Class<?> c = Class.forName(name, false, getClass().getClassLoader());
                Path path = c.getAnnotation(Path.class);
                if (path != null && path.value().replaceFirst("^/", "").startsWith("admin")) {
                    admin.add(name);
                    RolesAllowed roles = c.getAnnotation(RolesAllowed.class);
                    if (roles == null || roles.value().length == 0) {
                        open.add(name);
                    }
                }
            }
        }
        assertFalse(admin.isEmpty(), "the scan found the admin resources");
        assertTrue(open.isEmpty(), "admin resources without @RolesAllowed: " + open);
    }
}
