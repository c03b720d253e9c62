/** Defences against guessing tokens, invitation codes and passwords. */
package io.headroom.guard;
