package io.headroom.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.headroom.HeadroomVersion;
import io.headroom.config.ConfigKeys;
import io.headroom.face.AnalysisSettings;
import io.headroom.face.PhotoAnalysis;
import io.headroom.framing.Aspect;
import io.headroom.framing.HeadshotEncoder;
import io.headroom.intake.CleanedPhoto;
import io.headroom.intake.DecodeBudget;
import io.headroom.intake.IntakeLimits;
import io.headroom.intake.PhotoCleaner;
import io.headroom.model.ModelFile;
import io.headroom.model.ModelSet;
import io.headroom.pipeline.ContactSheet;
import io.headroom.pipeline.Headshot;
import io.headroom.pipeline.HeadshotPipeline;
import io.headroom.pipeline.PhotoPipeline;
import io.headroom.pipeline.LocalPipeline;
import io.headroom.problem.ProblemException;
import io.headroom.plugin.api.style.StylePack;
import io.headroom.style.PackStyles;
import io.headroom.style.Style;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code headroom process --out DIR [--aspect 1:1,4:5] [--style natural] [--sheet] [--cutout] PHOTO...}: the appliance's intake and
 * pipeline over a folder of photos, without the server. A studio batch holds many clients, so
 * every photo stands alone: each usable one yields its headshots, each unusable one a verdict.
 * Writes the headshots and {@code report.json} into DIR.
 */
public final class ProcessCommand {

    static final int NOTHING_USABLE = 3;

    private final Path modelsDirectory;
    private final PrintStream out;
    private final Path pluginsFolder;
    private final Map<String, String> configuration;

    /** Only the built-in style. */
    public ProcessCommand(Path modelsDirectory, PrintStream out) {
        this(modelsDirectory, out, null, Map.of());
    }

    /** With the style packs in {@code pluginsFolder}, checked as {@code configuration} says. */
    public ProcessCommand(Path modelsDirectory, PrintStream out, Path pluginsFolder, Map<String, String> configuration) {
        this.modelsDirectory = modelsDirectory;
        this.out = out;
        this.pluginsFolder = pluginsFolder;
        this.configuration = configuration;
    }

    /** Runs; returns the exit status (0 when at least one photo gave headshots). */
    public int run(List<String> args) {
        Path outDir = null;
        List<Aspect> aspects = null;
        String styleId = Style.natural().id();
        List<Path> inputs = new ArrayList<>();
        boolean sheet = false;
        boolean cutout = false;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("--out") && i + 1 < args.size()) {
                outDir = Path.of(args.get(++i));
            } else if (a.equals("--aspect") && i + 1 < args.size()) {
                aspects = parseAspects(args.get(++i));
            } else if (a.equals("--style") && i + 1 < args.size()) {
                styleId = args.get(++i);
            } else if (a.equals("--sheet")) {
                sheet = true;
            } else if (a.equals("--cutout")) {
                cutout = true;
            } else if (a.startsWith("-")) {
                throw new CliException(usage());
            } else {
                inputs.add(Path.of(a));
            }
        }
        if (outDir == null || inputs.isEmpty()) {
            throw new CliException(usage());
        }
        try {
            Files.createDirectories(outDir);
        } catch (IOException e) {
            throw new CliException("Cannot create the output folder " + outDir);
        }
        try (CliPlugins plugins = styleId.contains("/") ? loadPlugins() : null) {
            Style style = styleId.contains("/") ? packStyle(plugins, styleId) : Style.natural();
            if (!style.id().equals(styleId)) {
                throw new CliException("There is no style '" + styleId + "'. Available: " + Style.natural().id() + ", or packId/styleId of a style pack.");
            }
            return run(outDir, inputs, aspects == null ? defaultAspects(style) : aspects, style, sheet, cutout);
        }
    }

    /** Without --aspect: the style's own shapes and sizes (the built-in style's are 1:1 and 4:5). */
    private static List<Aspect> defaultAspects(Style style) {
        return style.aspects();
    }

    private CliPlugins loadPlugins() {
        if (pluginsFolder == null) {
            throw new CliException("Style packs need the installation's plugins folder (bin/headroom passes it).");
        }
        return CliPlugins.load(pluginsFolder, configuration, out);
    }

    private static Style packStyle(CliPlugins plugins, String qualified) {
        String packId = qualified.substring(0, qualified.indexOf('/'));
        String styleId = qualified.substring(qualified.indexOf('/') + 1);
        for (StylePack pack : plugins.extensions(StylePack.class)) {
            if (pack.id().equals(packId) && pack.styleIds().contains(styleId)) {
                try {
                    return PackStyles.read(pack, styleId).style();
                } catch (IOException | IllegalArgumentException e) {
                    throw new CliException("The style " + qualified + " cannot be read: " + e.getMessage());
                }
            }
        }
        throw new CliException("There is no style '" + qualified + "' among the installed style packs.");
    }

    private int run(Path outDir, List<Path> inputs, List<Aspect> aspects, Style style, boolean sheet, boolean cutout) {
        ModelSet models = ModelSet.open(modelsDirectory);
        // The appliance's intake and output settings, from the same registry the appliance reads.
        long maxPixels = CliConfiguration.get(configuration, ConfigKeys.MAX_PIXELS);
        IntakeLimits limits = new IntakeLimits(CliConfiguration.get(configuration, ConfigKeys.MAX_FILE_SIZE).bytes(), maxPixels, Integer.MAX_VALUE);
        PhotoCleaner intake = new PhotoCleaner(limits, new DecodeBudget(maxPixels * 2, Duration.ofMinutes(5)));
        HeadshotEncoder encoder = new HeadshotEncoder(CliConfiguration.get(configuration, ConfigKeys.JPEG_QUALITY),
                ConfigKeys.OUTPUT_COMMENT.optionalIn(CliConfiguration.source(configuration)).orElse(""),
                CliConfiguration.get(configuration, ConfigKeys.AI_DISCLOSURE));
        AnalysisSettings analysis = new AnalysisSettings(CliConfiguration.get(configuration, ConfigKeys.MIN_EYE_DISTANCE),
                AnalysisSettings.DEFAULT.minSharpness(), AnalysisSettings.DEFAULT.analysisMaxSide());
        List<Map<String, Object>> photos = new ArrayList<>();
        int usable = 0;
        java.util.Set<String> roles;
        // A studio batch holds many people, so there is no "different person" check here; with the
        // identity pack, each headshot reports how close it stays to its source photo.
        try (LocalPipeline local = new LocalPipeline(models, analysis, encoder)) {
            HeadshotPipeline pipeline = local.pipeline();
            roles = local.roles();
            for (Path input : inputs) {
                Map<String, Object> entry = processOne(input, outDir, aspects, style, intake, pipeline, sheet, cutout);
                photos.add(entry);
                if (Boolean.TRUE.equals(entry.get("usable"))) {
                    usable++;
                }
            }
        }
        writeReport(outDir, models, roles, style, aspects, photos);
        out.println(usable + " of " + inputs.size() + " photos gave headshots; report in " + outDir.resolve("report.json"));
        if (usable == 0) {
            throw new CliException("No usable photo among the " + inputs.size() + " given: see the verdicts in "
                    + outDir.resolve("report.json") + ".", NOTHING_USABLE);
        }
        return 0;
    }

    private Map<String, Object> processOne(Path input, Path outDir, List<Aspect> aspects, Style style, PhotoCleaner intake, HeadshotPipeline pipeline,
                                           boolean sheet, boolean cutout) {
        Map<String, Object> entry = new LinkedHashMap<>();
        String name = input.getFileName().toString();
        entry.put("input", name);
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(input);
        } catch (IOException e) {
            entry.put("usable", false);
            entry.put("verdicts", List.of(Map.of("code", "unreadable-file", "message", "The file cannot be read.")));
            return entry;
        }
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
        PhotoPipeline.Made made = pipeline.make(cleaned.encoded(), cleaned.fieldOfView(), style, aspects, cutout);
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
                try {
                    Files.write(outDir.resolve(file), h.jpeg());
                } catch (IOException e) {
                    throw new CliException("Cannot write " + outDir.resolve(file));
                }
                Map<String, Object> w = new LinkedHashMap<>(Map.of("file", file, "aspect", h.aspect().name(), "width", h.width(),
                        "height", h.height(), "padded", h.padded()));
                w.put("framing", Map.of("composition", h.composition().name(), "extended", h.extended()));
                w.put("checks", h.checks().asMap());
                w.put("perspective", perspective(h.perspective()));
                h.identity().ifPresent(similarity -> w.put("identity", round(similarity)));
                if (h.cutout().isPresent()) {
                    String cutoutFile = stem + "-" + h.aspect().slug() + "-cutout.png";
                    try {
                        Files.write(outDir.resolve(cutoutFile), h.cutout().get());
                    } catch (IOException e) {
                        throw new CliException("Cannot write " + outDir.resolve(cutoutFile));
                    }
                    w.put("cutout", cutoutFile);
                }
                if (sheet) {
                    String sheetFile = stem + "-" + h.aspect().slug() + "-sheet.jpg";
                    try {
                        Files.write(outDir.resolve(sheetFile), ContactSheet.of(cleaned.encoded(), h.jpeg()));
                    } catch (IOException e) {
                        throw new CliException("Cannot write " + outDir.resolve(sheetFile));
                    }
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
    static Map<String, Object> perspective(io.headroom.perspective.Perspective p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("distanceCm", p.distanceCm().isPresent() ? p.distanceCm().getAsInt() : null);
        m.put("assumedFov", p.assumedFov());
        m.put("correction", round(p.correction()));
        p.skipped().ifPresent(r -> m.put("skipped", r));
        return m;
    }

    /** report.json: the version, the models used (with their hashes and licences), the style, the aspects and every photo's entry. */
    private static void writeReport(Path outDir, ModelSet models, java.util.Set<String> usedRoles, Style style, List<Aspect> aspects,
                                    List<Map<String, Object>> photos) {
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
        try {
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(outDir.resolve("report.json").toFile(), report);
        } catch (IOException e) {
            throw new CliException("Cannot write the report in " + outDir);
        }
    }

    private static List<Aspect> parseAspects(String list) {
        List<Aspect> aspects = new ArrayList<>();
        for (String a : list.split(",")) {
            try {
                aspects.add(Aspect.parse(a));
            } catch (IllegalArgumentException e) {
                throw new CliException(e.getMessage());
            }
        }
        return aspects;
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }

    static String usage() {
        return "usage: headroom process --out DIR [--aspect 1:1,4:5] [--style natural|PACK/STYLE] [--sheet] [--cutout] PHOTO...";
    }
}
