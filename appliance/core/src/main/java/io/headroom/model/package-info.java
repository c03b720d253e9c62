/** The models folder: manifest, hash verification before use. */
package io.headroom.model;
