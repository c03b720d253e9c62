/** Plain-array image planes and the filters the matte and retouch stages share. */
package io.headroom.raster;
