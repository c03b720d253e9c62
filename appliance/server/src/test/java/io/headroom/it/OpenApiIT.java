package io.headroom.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.net.URL;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Every resource method of the application appears in the MicroProfile OpenAPI document. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class OpenApiIT {

    private static final Map<Class<? extends Annotation>, String> VERBS = Map.of(
            GET.class, "get", POST.class, "post", PUT.class, "put", DELETE.class, "delete",
            PATCH.class, "patch", HEAD.class, "head");

    @Deployment(testable = false)
    static WebArchive deployment() {
        return ItDeployment.named("openapi").war();
    }

    @ArquillianResource
    URL base;

    @Test
    void everyResourceMethodIsDocumented() throws Exception {
        Api api = new Api(base);
        Api.Reply r = api.getAbsolute(api.root().resolve("/openapi"), "Accept", "application/json");
        assertEquals(200, r.status(), r.raw().body());
        JsonObject paths = r.json().getJsonObject("paths");

        List<String> expected = resourceMethods();
        assertTrue(expected.size() >= 7, "found the resource classes: " + expected);
        List<String> missing = new ArrayList<>();
        for (String e : expected) {
            String verb = e.substring(0, e.indexOf(' '));
            String path = e.substring(e.indexOf(' ') + 1);
            boolean documented = paths.keySet().stream()
                    .anyMatch(p -> p.endsWith(path) && paths.getJsonObject(p).containsKey(verb)
                            && paths.getJsonObject(p).getJsonObject(verb).containsKey("summary"));
            if (!documented) {
                missing.add(e);
            }
        }
        assertTrue(missing.isEmpty(), "not in /openapi (or without a summary): " + missing);
    }

    /** "verb /api/path" for every resource method in the server's compiled classes. */
    private static List<String> resourceMethods() throws IOException, ClassNotFoundException {
        List<String> out = new ArrayList<>();
        java.nio.file.Path classes = java.nio.file.Path.of("target/classes");
        List<String> names;
        try (Stream<java.nio.file.Path> walk = Files.walk(classes.resolve("io/headroom/server"))) {
            names = walk.map(p -> classes.relativize(p).toString())
                    .filter(n -> n.endsWith(".class") && !n.contains("$"))
                    .map(n -> n.substring(0, n.length() - ".class".length()).replace('/', '.'))
                    .toList();
        }
        for (String name : names) {
            Class<?> c = Class.forName(name, false, OpenApiIT.class.getClassLoader());
            Path classPath = c.getAnnotation(Path.class);
            if (classPath == null) {
                continue;
            }
            for (Method m : c.getDeclaredMethods()) {
                for (var verb : VERBS.entrySet()) {
                    if (m.isAnnotationPresent(verb.getKey())) {
                        Path sub = m.getAnnotation(Path.class);
                        String path = "/api/" + strip(classPath.value()) + (sub == null ? "" : "/" + strip(sub.value()));
                        out.add(verb.getValue() + " " + path);
                    }
                }
            }
        }
        assertFalse(out.isEmpty());
        return out;
    }

    private static String strip(String p) {
        String s = p.startsWith("/") ? p.substring(1) : p;
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }
}
