package io.headroom.pipeline;

import io.headroom.face.Verdict;
import io.headroom.framing.Aspect;
import java.util.List;
import java.util.Optional;

/**
 * What rendering one photo in one style gave: the headshots that passed their check, best first
 * in the order of the aspects asked for, and the aspects that gave none, with why.
 */
public record Rendered(List<Headshot> headshots, List<Skipped> skipped) {

    public Rendered {
        headshots = List.copyOf(headshots);
        skipped = List.copyOf(skipped);
    }

    /**
     * An aspect this photo gave no headshot for.
     *
     * @param reason the verdict for the person
     * @param checks the failed headshot's figures; empty when no composition fit the photo at all
     */
    public record Skipped(Aspect aspect, Verdict reason, Optional<HeadshotCheck.Figures> checks) {
    }
}
