package io.headroom.server.photo;

import java.time.Instant;
import java.util.List;

/**
 * A photo as the person sees it: its size, its type, what intake removed from it and the one
 * figure it kept of the camera ({@code fieldOfView}: degrees across the photo, rounded to 5°; null
 * when the photo did not say).
 */
public record PhotoView(String id, int width, int height, String mediaType, List<String> removedMetadata, Integer fieldOfView,
                        Instant createdAt) {

    static PhotoView of(PhotoEntity p) {
        return new PhotoView(p.id(), p.width(), p.height(), p.mediaType(), p.removedMetadata(),
                p.fieldOfView().map(io.headroom.perspective.FieldOfView::degrees).orElse(null), p.createdAt());
    }
}
