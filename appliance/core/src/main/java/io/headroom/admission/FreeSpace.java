package io.headroom.admission;

/** How many bytes can still be written under the data directory. Behind an interface so tests can fill the disk. */
@FunctionalInterface
public interface FreeSpace {
    long usableBytes();
}
