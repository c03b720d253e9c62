package io.headroom.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The server's packages form layers: no package reaches, directly or round about, one that reaches
 * back to it. Read from the sources' imports and fully-qualified names; the core module stays free
 * of Jakarta EE, REST resources leave JPA to the layers below them, and each table has one
 * repository, the only place where JPA is used.
 */
class PackageCyclesTest {

    private static final Path SERVER = Path.of("src/main/java/io/headroom/server");
    private static final Pattern REFERENCE = Pattern.compile("io\\.headroom\\.server\\.(\\w+)\\.[A-Z]");

    @Test
    void theServersPackagesHaveNoCycle() throws IOException {
        Map<String, Set<String>> uses = new TreeMap<>();
        try (Stream<Path> files = Files.walk(SERVER)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java") && p.getNameCount() > SERVER.getNameCount() + 1).toList()) {
                String pkg = SERVER.relativize(f).getName(0).toString();
                Set<String> targets = uses.computeIfAbsent(pkg, k -> new TreeSet<>());
                Matcher m = REFERENCE.matcher(read(f));
                while (m.find()) {
                    if (!m.group(1).equals(pkg)) {
                        targets.add(m.group(1));
                    }
                }
            }
        }
        assertTrue(uses.size() > 15, "the scan found the server's packages: " + uses.keySet());
        assertEquals(List.of(), cycles(uses), "package cycles (each list is a group reaching each other)");
    }

    @Test
    void coreStaysFreeOfJakartaEe() throws IOException {
        Path core = Path.of("../core/src/main/java");
        try (Stream<Path> files = Files.walk(core)) {
            List<String> jakarta = files.filter(p -> p.toString().endsWith(".java")).filter(p -> read(p).contains("import jakarta."))
                    .map(p -> core.relativize(p).toString()).toList();
            assertEquals(List.of(), jakarta, "core imports Jakarta EE");
        }
    }

    @Test
    void restResourcesLeaveTheDatabaseToTheLayersBelow() throws IOException {
        try (Stream<Path> files = Files.walk(SERVER)) {
            List<String> resources = files.filter(p -> p.toString().endsWith(".java")).filter(p -> read(p).contains("@Path(")).toList()
                    .stream().map(p -> SERVER.relativize(p).toString()).toList();
            assertTrue(resources.size() > 10, "the scan found the resources: " + resources);
            List<String> withJpa = resources.stream().filter(r -> read(SERVER.resolve(r)).contains("EntityManager")).toList();
            assertEquals(List.of(), withJpa, "REST resources using EntityManager");
        }
    }

    /**
     * Repositories are the only users of the database: {@code EntityManager} appears only in the
     * {@code Jpa*} implementations of the repository interfaces (and in the {@code db} package's
     * helpers they call with theirs: the one rule for finding a row of a session, the lock of the
     * chain head the audit log and the receipts share), and each entity, that is each table, has
     * exactly one of them.
     */
    @Test
    void eachTableHasOneRepositoryAndOnlyRepositoriesUseTheEntityManager() throws IOException {
        List<Path> sources;
        try (Stream<Path> files = Files.walk(SERVER)) {
            sources = files.filter(p -> p.toString().endsWith(".java")).toList();
        }
        List<String> outside = sources.stream().filter(p -> read(p).contains("EntityManager"))
                .filter(p -> !p.getFileName().toString().startsWith("Jpa") && !SERVER.relativize(p).startsWith("db"))
                .map(p -> SERVER.relativize(p).toString()).sorted().toList();
        assertEquals(List.of(), outside, "EntityManager outside the repositories");

        Set<String> entities = new TreeSet<>();
        sources.stream().filter(p -> read(p).contains("@Entity")).forEach(p -> entities.add(p.getFileName().toString().replace(".java", "")));
        assertTrue(entities.size() >= 10, "the scan found the entities: " + entities);
        Map<String, Set<String>> owners = new TreeMap<>();
        Pattern entity = Pattern.compile("\\b(\\w+Entity)\\b");
        for (Path p : sources.stream().filter(p -> p.getFileName().toString().startsWith("Jpa")).toList()) {
            Matcher m = entity.matcher(read(p));
            while (m.find()) {
                if (entities.contains(m.group(1))) {
                    owners.computeIfAbsent(m.group(1), k -> new TreeSet<>()).add(p.getFileName().toString());
                }
            }
        }
        // The chain heads of the audit log and of the receipts share one table of heads.
        owners.remove("ChainHeadEntity");
        entities.remove("ChainHeadEntity");
        assertEquals(entities, owners.keySet(), "entities without a repository");
        Map<String, Set<String>> shared = new TreeMap<>(owners);
        shared.values().removeIf(o -> o.size() == 1);
        assertEquals(Map.of(), shared, "tables used by more than one repository");
    }

    /** Tarjan's strongly connected components with more than one package. */
    static List<List<String>> cycles(Map<String, Set<String>> uses) {
        Map<String, Integer> index = new HashMap<>();
        Map<String, Integer> low = new HashMap<>();
        Deque<String> stack = new ArrayDeque<>();
        Set<String> onStack = new TreeSet<>();
        List<List<String>> out = new ArrayList<>();
        int[] counter = {0};
        for (String v : uses.keySet()) {
            if (!index.containsKey(v)) {
                connect(v, uses, index, low, stack, onStack, out, counter);
            }
        }
        return out;
    }

    private static void connect(String v, Map<String, Set<String>> uses, Map<String, Integer> index, Map<String, Integer> low,
                                Deque<String> stack, Set<String> onStack, List<List<String>> out, int[] counter) {
        index.put(v, counter[0]);
        low.put(v, counter[0]++);
        stack.push(v);
        onStack.add(v);
        for (String w : uses.getOrDefault(v, Set.of())) {
            if (!index.containsKey(w)) {
                connect(w, uses, index, low, stack, onStack, out, counter);
                low.put(v, Math.min(low.get(v), low.get(w)));
            } else if (onStack.contains(w)) {
                low.put(v, Math.min(low.get(v), index.get(w)));
            }
        }
        if (low.get(v).equals(index.get(v))) {
            List<String> group = new ArrayList<>();
            String w;
            do {
                w = stack.pop();
                onStack.remove(w);
                group.add(w);
            } while (!w.equals(v));
            if (group.size() > 1) {
                group.sort(null);
                out.add(group);
            }
        }
    }

    @Test
    void theCycleFinderFindsACycle() {
        assertEquals(List.of(List.of("a", "b", "c")), cycles(Map.of("a", Set.of("b"), "b", Set.of("c"), "c", Set.of("a", "d"), "d", Set.of())));
    }

    private static String read(Path f) {
        try {
            return Files.readString(f);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
