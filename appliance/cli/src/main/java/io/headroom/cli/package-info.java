/** The command-line tools of {@code bin/headroom} that work on a stopped appliance's data directory. */
package io.headroom.cli;
