package io.headroom.pipeline;

import io.headroom.face.Embedding;
import io.headroom.face.Face;
import io.headroom.face.PhotoAnalysis;
import io.headroom.framing.Aspect;
import io.headroom.perspective.FieldOfView;
import io.headroom.style.Style;
import java.util.List;
import java.util.Optional;

/**
 * From one cleaned photo to its headshots: what a job, the studio command line and the style kit
 * ask of the pipeline. {@link HeadshotPipeline} is the one on the installed models.
 *
 * <p>Calls for one photo come in this order: {@link #analyse} once, then, for a usable photo,
 * {@link #render} once per style. An implementation is used by one thread at a time.
 */
public interface PhotoPipeline {

    /** Analyses a cleaned photo (JPEG/PNG bytes); face coordinates are in the photo's pixels. */
    PhotoAnalysis analyse(byte[] cleaned);

    /**
     * One headshot per aspect of {@code face} in {@code style}, or a verdict for each aspect it
     * skipped; with {@code original} (the identity pack's descriptor of the photo), each headshot
     * reports how close its face stays to it; with {@code cutouts}, each also carries the person
     * alone; {@code fieldOfView} as intake found it (empty: a phone's front camera is assumed).
     */
    Rendered render(byte[] cleaned, Face face, Optional<Embedding> original, Style style, List<Aspect> aspects, boolean cutouts,
                    Optional<FieldOfView> fieldOfView);

    /** A photo's analysis, and its headshots when it is usable. */
    record Made(PhotoAnalysis analysis, Optional<Rendered> rendered) {
    }

    /**
     * One photo on its own, as the studio command line and the style kit take it: analysed, and
     * rendered in {@code style} when it is usable. (A job analyses all of a session's photos first,
     * to judge them together, then renders the best.)
     */
    default Made make(byte[] cleaned, Optional<FieldOfView> fieldOfView, Style style, List<Aspect> aspects, boolean cutouts) {
        PhotoAnalysis analysis = analyse(cleaned);
        return new Made(analysis, analysis.usable() ? Optional.of(render(cleaned, analysis, fieldOfView, style, aspects, cutouts)) : Optional.empty());
    }

    /** {@link #render} of a photo as analysed, which must be usable (it has a face). */
    default Rendered render(byte[] cleaned, PhotoAnalysis analysis, Optional<FieldOfView> fieldOfView, Style style, List<Aspect> aspects,
                            boolean cutouts) {
        Face face = analysis.face().orElseThrow(() -> new IllegalArgumentException("only a usable photo is rendered"));
        return render(cleaned, face, analysis.embedding(), style, aspects, cutouts, fieldOfView);
    }
}
