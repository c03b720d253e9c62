/** The styles a person can choose: the built-in one and those of the installed style packs. */
package io.headroom.server.style;
