package io.headroom.server.headshot;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Instant;
import java.util.List;

/**
 * A headshot as listed: what it shows, how it was framed ({@code composition}: the style's own
 * {@code head-and-shoulders} or {@code closer}; {@code extended}: the sides where clothing was
 * continued by synthesis, none so far) and its self-check's figures. {@code cutout}: whether it
 * has a cut-out (the person alone, PNG with alpha), served at {@code cutoutUrl} (absent without).
 * {@code perspective}: {@code distanceCm} (camera to eyes, estimated), {@code assumedFov} (true when the
 * photo said nothing of its lens), {@code correction} (how much smaller the nose tip is drawn relative
 * to the eyes, 0 for none) and, when nothing was corrected, {@code skipped} with the reason.
 */
public record HeadshotView(String id, String photoId, String style, String aspect, int width, int height, List<String> padded,
                           Framing framing, JsonObject checks, JsonObject perspective, Double identity, boolean cutout, String cutoutUrl,
                           Instant createdAt) {

    /** How the headshot was framed. */
    public record Framing(String composition, List<String> extended) {
    }

    /** {@code base}: the API's path ({@code UriInfo.getBaseUri().getPath()}), so links resolve wherever the appliance is mounted. */
    public static HeadshotView of(HeadshotEntity h, String base) {
        JsonObject checks = h.checks() == null ? null : Json.createReader(new StringReader(h.checks())).readObject();
        JsonObject perspective = h.perspective() == null ? null : Json.createReader(new StringReader(h.perspective())).readObject();
        String cutoutUrl = h.hasCutout() ? base + "sessions/" + h.sessionId() + "/headshots/" + h.id() + "/cutout" : null;
        return new HeadshotView(h.id(), h.photoId(), h.style(), h.aspect(), h.width(), h.height(), h.padded(),
                new Framing(h.composition(), List.of()), checks, perspective, h.identitySimilarity(), h.hasCutout(), cutoutUrl, h.createdAt());
    }
}
