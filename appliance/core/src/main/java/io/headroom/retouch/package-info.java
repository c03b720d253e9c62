/**
 * Skin retouch that keeps texture: a skin mask from the face mesh (face oval less eyes, brows and
 * lips) and a frequency separation that evens out the low-frequency layer only.
 */
package io.headroom.retouch;
