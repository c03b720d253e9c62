package io.headroom.hotfolder;

import io.headroom.batch.PhotoBatch;
import io.headroom.framing.Aspect;
import io.headroom.style.Style;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * One client's folder of a hot folder, made into headshots: the photos are read into memory, made
 * into headshots, contact sheets and {@code report.json} under {@code out/<client>/<style>/}, and
 * then the originals are overwritten with zeros and removed, with the folder. Photos that gave
 * nothing are listed with their verdicts in {@code out/<client>/failed.txt}. Nothing of a photo is
 * written anywhere else.
 *
 * <p>A {@code headroom.properties} in the folder may say {@code styles=natural,corporate/navy-gradient}
 * and {@code aspects=1:1,4:5}; otherwise the operator's defaults apply.
 */
public final class ClientFolder {

    /** The optional settings file of a client folder. */
    public static final String SETTINGS = "headroom.properties";

    /** What became of a folder. */
    public record Outcome(String client, int photos, int usable, int headshots, Path out) {
    }

    /** Makes the batch that renders one style in the given aspects. */
    public interface Batches {
        PhotoBatch batch(Style style, List<Aspect> aspects);
    }

    private ClientFolder() {
    }

    /**
     * @param styles        finds a style by id ({@code natural}, {@code pack/style})
     * @param defaultStyles the styles when the folder names none
     * @param defaultAspects the aspects when the folder names none
     * @param report        writes report.json for a style's folder
     * @throws IllegalArgumentException when the folder's settings name a style or aspect that does not exist
     */
    public static Outcome process(Path folder, Path outRoot, Function<String, Optional<Style>> styles, List<String> defaultStyles,
                                  List<Aspect> defaultAspects, Batches batches, Report report) throws IOException {
        String client = folder.getFileName().toString();
        Properties settings = new Properties();
        if (Files.isRegularFile(folder.resolve(SETTINGS))) {
            try (InputStream in = Files.newInputStream(folder.resolve(SETTINGS))) {
                settings.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
            }
        }
        List<Style> chosen = new ArrayList<>();
        for (String id : list(settings.getProperty("styles"), defaultStyles)) {
            chosen.add(styles.apply(id).orElseThrow(() -> new IllegalArgumentException("there is no style '" + id + "'")));
        }
        List<Aspect> aspects = new ArrayList<>();
        List<String> aspectNames = list(settings.getProperty("aspects"), List.of());
        if (aspectNames.isEmpty()) {
            aspects.addAll(defaultAspects);
        } else {
            for (String a : aspectNames) {
                aspects.add(Aspect.parse(a));
            }
        }
        List<Path> photos;
        try (Stream<Path> all = Files.list(folder)) {
            photos = all.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().startsWith("."))
                    .filter(p -> !p.getFileName().toString().equals(SETTINGS)).sorted().toList();
        }
        Path out = outRoot.resolve(client);
        Files.createDirectories(out);
        List<String> failed = new ArrayList<>();
        int usable = 0;
        int headshots = 0;
        for (Style style : chosen) {
            Path styleOut = Files.createDirectories(out.resolve(style.id().replace('/', '-')));
            PhotoBatch batch = batches.batch(style, aspects);
            List<Map<String, Object>> entries = new ArrayList<>();
            for (Path photo : photos) {
                String name = photo.getFileName().toString();
                byte[] bytes;
                try {
                    bytes = Files.readAllBytes(photo);
                } catch (IOException e) {
                    entries.add(PhotoBatch.unreadable(name));
                    continue;
                }
                Map<String, Object> entry = batch.process(name, bytes, styleOut);
                java.util.Arrays.fill(bytes, (byte) 0);
                entries.add(entry);
            }
            report.write(styleOut, style, aspects, entries);
            for (Map<String, Object> e : entries) {
                Object made = e.get("headshots");
                if (made instanceof List<?> l && !l.isEmpty()) {
                    headshots += l.size();
                    if (style == chosen.get(0)) {
                        usable++;
                    }
                } else if (style == chosen.get(0)) {
                    failed.add(e.get("input") + ": " + verdicts(e));
                }
            }
        }
        if (!failed.isEmpty()) {
            Files.writeString(out.resolve("failed.txt"), "Photos of " + client + " that gave no headshot, and why:\n"
                    + String.join("\n", failed) + "\n", StandardCharsets.UTF_8);
        }
        for (Path photo : photos) {
            overwriteAndDelete(photo);
        }
        try (Stream<Path> rest = Files.list(folder)) {
            for (Path p : rest.toList()) {
                if (Files.isRegularFile(p)) {
                    overwriteAndDelete(p);
                }
            }
        }
        Files.deleteIfExists(folder);
        return new Outcome(client, photos.size(), usable, headshots, out);
    }

    /** Writes report.json for one style's output folder. */
    public interface Report {
        void write(Path styleOut, Style style, List<Aspect> aspects, List<Map<String, Object>> photos) throws IOException;
    }

    private static String verdicts(Map<String, Object> entry) {
        Object v = entry.get("verdicts");
        if (v instanceof List<?> l && !l.isEmpty()) {
            List<String> words = new ArrayList<>();
            for (Object o : l) {
                if (o instanceof Map<?, ?> m) {
                    words.add(m.get("code") + " (" + m.get("message") + ")");
                }
            }
            return String.join("; ", words);
        }
        return "no headshot fitted the photo (see report.json)";
    }

    private static List<String> list(String value, List<String> fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        return java.util.Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    /** The original's bytes overwritten where they lay, then the file removed. */
    static void overwriteAndDelete(Path file) throws IOException {
        long size = Files.size(file);
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ByteBuffer zeros = ByteBuffer.allocate(64 * 1024);
            for (long at = 0; at < size; ) {
                zeros.clear().limit((int) Math.min(zeros.capacity(), size - at));
                at += ch.write(zeros, at);
            }
            ch.force(true);
        }
        Files.delete(file);
    }
}
