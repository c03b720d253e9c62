package io.headroom.db;

import java.nio.file.Path;

/** Where the embedded H2 database lives inside the data directory, and how to reach it. */
public final class DatabaseLocation {

    /** Relative to the data directory, without H2's file suffix. */
    public static final String RELATIVE_PATH = "db/headroom";

    /**
     * H2 settings appended to the file URL. DB_CLOSE_ON_EXIT=FALSE: the server closes the
     * database through its connection pool on shutdown, not H2's own shutdown hook racing it.
     * WRITE_DELAY=0: a commit reaches the file at once; H2's default half-second delay would let
     * a crash forget what was already answered (an upload acknowledged, its row gone).
     * LOCK_TIMEOUT=10000: appends to a hash chain queue on its head row; under a burst of
     * requests H2's default one second could fail a request that would simply have waited.
     */
    public static final String OPTIONS = ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0;LOCK_TIMEOUT=10000";

    private DatabaseLocation() {
    }

    /** The JDBC URL of the database under {@code dataDirectory}. */
    public static String jdbcUrl(Path dataDirectory) {
        return "jdbc:h2:file:" + dataDirectory.toAbsolutePath().normalize().resolve(RELATIVE_PATH) + OPTIONS;
    }
}
