/** Styles as data (descriptors) and the look they give a headshot. */
package io.headroom.style;
