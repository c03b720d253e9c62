package io.headroom.server.photo;

import java.time.Instant;
import java.util.List;

/** A photo as the person sees it: its size, its type and what intake removed from it. */
public record PhotoView(String id, int width, int height, String mediaType, List<String> removedMetadata, Instant createdAt) {

    static PhotoView of(PhotoEntity p) {
        return new PhotoView(p.id(), p.width(), p.height(), p.mediaType(), p.removedMetadata(), p.createdAt());
    }
}
