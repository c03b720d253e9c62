package io.headroom.hotfolder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Which client folders of a hot folder's {@code in/} are ready: one holding a {@code .ready} file,
 * or one whose files (names, sizes, modification times) have not changed for the quiet period, so
 * a folder still being copied is left alone. Called at each look; remembers what it saw last.
 */
public final class ReadyFolders {

    /** The file a studio may drop to say a folder is complete. */
    public static final String READY_MARK = ".ready";

    private record Seen(List<String> files, Instant since) {
    }

    private final Clock clock;
    private final Duration quiet;
    private final Map<Path, Seen> seen = new HashMap<>();
    private final Map<Path, List<String>> refused = new HashMap<>();

    public ReadyFolders(Clock clock, Duration quiet) {
        this.clock = clock;
        this.quiet = quiet;
    }

    /** The folders of {@code in} that are ready now, by name. */
    public List<Path> look(Path in) throws IOException {
        Instant now = clock.instant();
        List<Path> ready = new ArrayList<>();
        List<Path> folders;
        try (Stream<Path> all = Files.isDirectory(in) ? Files.list(in) : Stream.empty()) {
            folders = all.filter(Files::isDirectory).filter(p -> !p.getFileName().toString().startsWith(".")).sorted().toList();
        }
        seen.keySet().retainAll(folders);
        refused.keySet().retainAll(folders);
        for (Path folder : folders) {
            List<String> files = state(folder);
            if (files.equals(refused.get(folder))) {
                continue;
            }
            refused.remove(folder);
            Seen before = seen.get(folder);
            if (before == null || !before.files().equals(files)) {
                seen.put(folder, new Seen(files, now));
            }
            boolean marked = Files.exists(folder.resolve(READY_MARK));
            if (!files.isEmpty() && (marked || !seen.get(folder).since().plus(quiet).isAfter(now))) {
                ready.add(folder);
            }
        }
        return ready;
    }

    /** Forgets a folder once it was taken. */
    public void taken(Path folder) {
        seen.remove(folder);
    }

    /** A folder that could not be taken as it is (its settings name no such style): left alone until its files change. */
    public void refused(Path folder) throws IOException {
        seen.remove(folder);
        if (Files.isDirectory(folder)) {
            refused.put(folder, state(folder));
        }
    }

    private static List<String> state(Path folder) throws IOException {
        List<String> files = new ArrayList<>();
        try (Stream<Path> all = Files.list(folder)) {
            for (Path p : all.sorted().toList()) {
                if (Files.isRegularFile(p)) {
                    files.add(p.getFileName() + "\t" + Files.size(p) + "\t" + Files.getLastModifiedTime(p).toMillis());
                }
            }
        }
        return files;
    }
}
