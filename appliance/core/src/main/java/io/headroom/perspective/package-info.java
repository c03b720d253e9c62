/**
 * Selfie perspective: how far the camera was from the face (from the face's size and the camera's
 * field of view) and a warp of the real photo that shows the face as seen from a portrait distance,
 * after Fried et al. (SIGGRAPH 2016): the face mesh's points re-projected from further away, the
 * photo warped from their old positions to the new ones. No pixel is invented.
 */
package io.headroom.perspective;
