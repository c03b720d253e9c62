import io.headroom.face.PhotoAnalysis;
import io.headroom.framing.Aspect;
import io.headroom.framing.HeadshotEncoder;
import io.headroom.grade.CubeLut;
import io.headroom.intake.CleanedPhoto;
import io.headroom.intake.DecodeBudget;
import io.headroom.intake.IntakeLimits;
import io.headroom.intake.PhotoCleaner;
import io.headroom.model.ModelSet;
import io.headroom.pipeline.Headshot;
import io.headroom.pipeline.LocalPipeline;
import io.headroom.style.Style;
import io.headroom.style.StyleDescriptor;
import java.io.InputStream;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Renders the style previews (240×300, 4:5) of the built-in style and the packs in styles/ from
 * the style kit's licensed test photo, with the real pipeline. Run from the repository root:
 *
 *   java -cp "$(cat appliance/core/target/classpath.txt):appliance/core/target/classes:plugins/api/target/classes" \
 *        -Dai.djl.offline=true styles/tools/RenderPreviews.java
 *
 * (classpath.txt from: ./mvnw -q -pl appliance/core dependency:build-classpath -Dmdep.outputFile=target/classpath.txt)
 */
public class RenderPreviews {

    public static void main(String[] args) throws Exception {
        byte[] photo = Files.readAllBytes(Path.of("plugins/api/src/test/resources/io/headroom/plugin/api/style/testkit/test-photo.jpg"));
        CleanedPhoto cleaned = new PhotoCleaner(IntakeLimits.DEFAULT, new DecodeBudget(IntakeLimits.DEFAULT.maxPixels() * 2, Duration.ofMinutes(5)))
                .clean(photo);
        List<Path> folders = List.of(Path.of("appliance/core/src/main/resources/io/headroom/style"),
                Path.of("styles/corporate/src/main/resources/headroom-styles/corporate"),
                Path.of("styles/creative/src/main/resources/headroom-styles/creative"));
        try (LocalPipeline local = new LocalPipeline(ModelSet.open(Path.of("installer/models").toAbsolutePath()), new HeadshotEncoder(85, ""))) {
            PhotoAnalysis a = local.pipeline().analyse(cleaned.encoded());
            for (Path folder : folders) {
                try (var files = Files.list(folder)) {
                    for (Path json : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                        StyleDescriptor d;
                        try (InputStream in = Files.newInputStream(json)) {
                            d = StyleDescriptor.read(in);
                        }
                        CubeLut lut = null;
                        if (d.grade().lut() != null) {
                            try (Reader r = Files.newBufferedReader(folder.resolve(d.grade().lut()))) {
                                lut = CubeLut.parse(r);
                            }
                        }
                        Style style = new Style(d.id(), d, lut, Optional.empty());
                        List<Headshot> shots = local.pipeline().render(cleaned.encoded(), a.face().orElseThrow(), Optional.empty(), style,
                                List.of(new Aspect("4:5", 240, 300))).headshots();
                        Path out = folder.resolve(d.preview());
                        Files.write(out, shots.get(0).jpeg());
                        System.out.println("wrote " + out + " (" + shots.get(0).jpeg().length + " bytes)");
                    }
                }
            }
        }
    }
}
