package io.headroom.face;

/**
 * Thresholds of the per-photo verdicts.
 *
 * @param minInterEyePx   smallest distance between the eyes, in pixels of the original photo,
 *                        for a face to be large enough (default 40: a 1024 px headshot then
 *                        needs at most ~3× enlargement)
 * @param minSharpness    smallest variance of the Laplacian over the face (measured at 256 px
 *                        face width) for a photo to be sharp enough
 * @param analysisMaxSide the longest side the photo is scaled to for analysis
 */
public record AnalysisSettings(double minInterEyePx, double minSharpness, int analysisMaxSide) {

    public static final AnalysisSettings DEFAULT = new AnalysisSettings(40, 10, 1024);
}
