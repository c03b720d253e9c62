/**
 * Intake: turning an upload into a clean photo. Format from magic bytes, limits from the header
 * before decoding, a memory budget for decoding, orientation applied, pixels re-encoded with no
 * metadata at all. Everything happens in memory.
 */
package io.headroom.intake;
