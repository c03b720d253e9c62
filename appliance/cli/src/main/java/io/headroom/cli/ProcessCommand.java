package io.headroom.cli;

import io.headroom.batch.PhotoBatch;
import io.headroom.config.ConfigKeys;
import io.headroom.face.AnalysisSettings;
import io.headroom.framing.Aspect;
import io.headroom.framing.HeadshotEncoder;
import io.headroom.intake.DecodeBudget;
import io.headroom.intake.IntakeLimits;
import io.headroom.intake.PhotoCleaner;
import io.headroom.model.ModelSet;
import io.headroom.pipeline.HeadshotPipeline;
import io.headroom.pipeline.LocalPipeline;
import io.headroom.plugin.api.style.StylePack;
import io.headroom.style.PackStyles;
import io.headroom.style.Style;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
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
            PhotoBatch batch = new PhotoBatch(intake, pipeline, new PhotoBatch.Options(style, aspects, sheet, cutout));
            for (Path input : inputs) {
                Map<String, Object> entry = processOne(batch, input, outDir);
                photos.add(entry);
                if (Boolean.TRUE.equals(entry.get("usable"))) {
                    usable++;
                }
            }
        }
        try {
            PhotoBatch.writeReport(outDir, models, roles, style, aspects, photos);
        } catch (IOException e) {
            throw new CliException("Cannot write the report in " + outDir);
        }
        out.println(usable + " of " + inputs.size() + " photos gave headshots; report in " + outDir.resolve("report.json"));
        if (usable == 0) {
            throw new CliException("No usable photo among the " + inputs.size() + " given: see the verdicts in "
                    + outDir.resolve("report.json") + ".", NOTHING_USABLE);
        }
        return 0;
    }

    private static Map<String, Object> processOne(PhotoBatch batch, Path input, Path outDir) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(input);
        } catch (IOException e) {
            return PhotoBatch.unreadable(input.getFileName().toString());
        }
        try {
            return batch.process(input.getFileName().toString(), bytes, outDir);
        } catch (IOException e) {
            throw new CliException("Cannot write the headshots of " + input.getFileName() + " into " + outDir);
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

    static String usage() {
        return "usage: headroom process --out DIR [--aspect 1:1,4:5] [--style natural|PACK/STYLE] [--sheet] [--cutout] PHOTO...";
    }
}
