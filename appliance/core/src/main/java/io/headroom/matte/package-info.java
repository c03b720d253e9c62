/**
 * Matting and compositing: edge-aware refinement of a person mask, colour decontamination of
 * the edge, backdrops described by parameters, and the composite with a contact shadow.
 */
package io.headroom.matte;
