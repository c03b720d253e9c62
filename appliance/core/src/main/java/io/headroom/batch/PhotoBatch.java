package io.headroom.batch;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.headroom.HeadroomVersion;
import io.headroom.face.PhotoAnalysis;
import io.headroom.framing.Aspect;
import io.headroom.intake.CleanedPhoto;
import io.headroom.intake.PhotoCleaner;
import io.headroom.model.ModelFile;
import io.headroom.model.ModelSet;
import io.headroom.pipeline.ContactSheet;
import io.headroom.pipeline.Headshot;
import io.headroom.pipeline.HeadshotPipeline;
import io.headroom.pipeline.PhotoPipeline;
import io.headroom.problem.ProblemException;
import io.headroom.style.Style;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A studio batch: photo files made into headshots in a folder, with {@code report.json}, the same
 * for {@code headroom process} and the appliance's hot folder. A batch holds many clients, so
 * every photo stands alone: each usable one yields its headshots, each unusable one a verdict.
 */
public final class PhotoBatch {

    /** What every photo of the batch is made into. */
    public record Options(Style style, List<Aspect> aspects, boolean sheets, boolean cutouts) {
        public Options {
            aspects = List.copyOf(aspects);
        }
    }

    private final PhotoCleaner intake;
    private final HeadshotPipeline pipeline;
    private final Options options;

    public PhotoBatch(PhotoCleaner intake, HeadshotPipeline pipeline, Options options) {
        this.intake = intake;
        this.pipeline = pipeline;
        this.options = options;
    }

    /** The report entry of a file that could not be read at all. */
    public static Map<String, Object> unreadable(String name) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("input", name);
        entry.put("usable", false);
        entry.put("verdicts", List.of(Map.of("code", "unreadable-file", "message", "The file cannot be read.")));
        return entry;
    }

    /**
     * Cleans and renders one photo, writing its headshots (and sheets and cut-outs when asked) into
     * {@code outDir} as {@code <stem>-<aspect>.jpg}; returns its entry of {@code report.json}. The
     * photo's bytes live only in memory; the cleaned copy is wiped before this returns.
     *
     * @param name the photo's file name, for the report and the output names
     * @throws IOException when an output cannot be written
     */
    public Map<String, Object> process(String name, byte[] bytes, Path outDir) throws IOException {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("input", name);
        CleanedPhoto cleaned;
        try {
            cleaned = intake.clean(bytes);
        } catch (ProblemException e) {
            entry.put("usable", false);
            entry.put("verdicts", List.of(Map.of("code", e.type().code(), "message", e.detail())));
            return entry;
        }
        entry.put("removedMetadata", cleaned.removedMetadata());
        cleaned.fieldOfView().ifPresent(f -> entry.put("fieldOfView", f.degrees()));
        PhotoPipeline.Made made = pipeline.make(cleaned.encoded(), cleaned.fieldOfView(), options.style(), options.aspects(), options.cutouts());
        PhotoAnalysis analysis = made.analysis();
        entry.put("usable", analysis.usable());
        entry.put("verdicts", analysis.reasons().stream().map(v -> Map.of("code", v.code(), "message", v.message())).toList());
        entry.put("faces", analysis.faces());
        entry.put("quality", round(analysis.quality()));
        entry.put("sharpness", round(analysis.sharpness()));
        entry.put("exposure", Map.of("crushed", round(analysis.exposure().crushed()), "blown", round(analysis.exposure().blown()),
                "p05", analysis.exposure().p05(), "p95", analysis.exposure().p95(), "mean", round(analysis.exposure().mean())));
        analysis.face().ifPresent(f -> entry.put("face", Map.of("interEyeDistance", round(f.interEyeDistance()), "roll", round(f.rollDegrees()))));
        analysis.pose().ifPresent(p -> entry.put("pose", Map.of("roll", round(p.roll()), "yaw", round(p.yaw()), "pitch", round(p.pitch()),
                "eyeOpenness", round(p.eyeOpenness()), "mouthOpenness", round(p.mouthOpenness()),
                "mouth", p.mouth().name().toLowerCase(java.util.Locale.ROOT))));
        if (made.rendered().isPresent()) {
            String stem = name.contains(".") ? name.substring(0, name.lastIndexOf('.')) : name;
            List<Map<String, Object>> written = new ArrayList<>();
            io.headroom.pipeline.Rendered rendered = made.rendered().get();
            for (Headshot h : rendered.headshots()) {
                String file = stem + "-" + h.aspect().slug() + ".jpg";
                Files.write(outDir.resolve(file), h.jpeg());
                Map<String, Object> w = new LinkedHashMap<>(Map.of("file", file, "aspect", h.aspect().name(), "width", h.width(),
                        "height", h.height(), "padded", h.padded()));
                w.put("framing", Map.of("composition", h.composition().name(), "extended", h.extended()));
                w.put("checks", h.checks().asMap());
                w.put("perspective", perspective(h.perspective()));
                h.identity().ifPresent(similarity -> w.put("identity", round(similarity)));
                if (h.cutout().isPresent()) {
                    String cutoutFile = stem + "-" + h.aspect().slug() + "-cutout.png";
                    Files.write(outDir.resolve(cutoutFile), h.cutout().get());
                    w.put("cutout", cutoutFile);
                }
                if (options.sheets()) {
                    String sheetFile = stem + "-" + h.aspect().slug() + "-sheet.jpg";
                    Files.write(outDir.resolve(sheetFile), ContactSheet.of(cleaned.encoded(), h.jpeg()));
                    w.put("sheet", sheetFile);
                }
                written.add(w);
            }
            entry.put("headshots", written);
            List<Map<String, Object>> skipped = new ArrayList<>();
            for (io.headroom.pipeline.Rendered.Skipped k : rendered.skipped()) {
                Map<String, Object> m = new LinkedHashMap<>(Map.of("aspect", k.aspect().name(), "code", k.reason().code(),
                        "message", k.reason().message()));
                k.checks().ifPresent(c -> m.put("checks", c.asMap()));
                skipped.add(m);
            }
            if (!skipped.isEmpty()) {
                entry.put("skipped", skipped);
            }
        }
        analysis.embedding().ifPresent(io.headroom.face.Embedding::erase);
        cleaned.wipe();
        return entry;
    }

    /** A headshot's selfie perspective as report.json gives it (as the server's headshot list does). */
    public static Map<String, Object> perspective(io.headroom.perspective.Perspective p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("distanceCm", p.distanceCm().isPresent() ? p.distanceCm().getAsInt() : null);
        m.put("assumedFov", p.assumedFov());
        m.put("correction", round(p.correction()));
        p.skipped().ifPresent(r -> m.put("skipped", r));
        return m;
    }

    /** report.json: the version, the models used (with their hashes and licences), the style, the aspects and every photo's entry. */
    public static void writeReport(Path outDir, ModelSet models, java.util.Set<String> usedRoles, Style style, List<Aspect> aspects,
                                   List<Map<String, Object>> photos) throws IOException {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("headroom", HeadroomVersion.current());
        List<Map<String, String>> used = new ArrayList<>();
        for (ModelFile m : models.files()) {
            if (!usedRoles.contains(m.role())) {
                continue;
            }
            used.add(Map.of("file", m.file(), "role", m.role(), "sha256", m.sha256(), "source", m.source(), "licence", m.licence()));
        }
        report.put("models", used);
        report.put("style", style.id());
        report.put("aspects", aspects.stream().map(a -> Map.of("name", a.name(), "width", a.width(), "height", a.height())).toList());
        report.put("photos", photos);
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(outDir.resolve("report.json").toFile(), report);
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
