package io.headroom.pipeline;

import io.headroom.framing.HeadshotEncoder;
import io.headroom.intake.CleanedPhoto;
import io.headroom.intake.DecodeBudget;
import io.headroom.intake.IntakeLimits;
import io.headroom.intake.PhotoCleaner;
import io.headroom.model.ModelSet;
import io.headroom.plugin.api.style.StylePack;
import io.headroom.plugin.api.style.StyleRenderer;
import io.headroom.style.PackStyles;
import io.headroom.style.Style;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The appliance's reading and rendering of pack styles, for the style contract kit (found through
 * {@link java.util.ServiceLoader}). Rendering runs the real pipeline on the models of the folder
 * named by the system property {@code headroom.models.dir} (an installation's {@code models/}).
 */
public final class ApplianceStyleRenderer implements StyleRenderer {

    private LocalPipeline local;

    @Override
    public Summary read(StylePack pack, String styleId) throws IOException {
        PackStyles.Loaded loaded = PackStyles.read(pack, styleId);
        Style style = loaded.style();
        List<Output> outputs = style.aspects().stream().map(a -> new Output(a.name(), a.width(), a.height())).toList();
        return new Summary(style.id(), style.descriptor().name(), style.descriptor().description(), outputs, loaded.previewType());
    }

    @Override
    public synchronized List<Rendered> render(StylePack pack, String styleId, byte[] photo) throws IOException {
        Style style = PackStyles.read(pack, styleId).style();
        PhotoCleaner intake = new PhotoCleaner(IntakeLimits.DEFAULT, new DecodeBudget(IntakeLimits.DEFAULT.maxPixels() * 2, Duration.ofMinutes(5)));
        CleanedPhoto cleaned = intake.clean(photo);
        HeadshotPipeline pipeline = pipeline();
        PhotoPipeline.Made made = pipeline.make(cleaned.encoded(), cleaned.fieldOfView(), style, style.aspects(), false);
        if (made.rendered().isEmpty()) {
            throw new IllegalArgumentException("the test photo is not usable: " + made.analysis().reasons());
        }
        List<Rendered> out = new ArrayList<>();
        for (Headshot h : made.rendered().get().headshots()) {
            out.add(new Rendered(h.aspect().name(), h.width(), h.height(), h.jpeg()));
        }
        return out;
    }

    private HeadshotPipeline pipeline() {
        if (local == null) {
            String dir = System.getProperty("headroom.models.dir");
            if (dir == null) {
                throw new IllegalStateException("Rendering needs the appliance's models: set the system property headroom.models.dir "
                        + "to an installation's models folder");
            }
            local = new LocalPipeline(ModelSet.open(Path.of(dir).toAbsolutePath().normalize()), new HeadshotEncoder(90, ""));
        }
        return local.pipeline();
    }
}
