package io.headroom.plugin.api.storage;

import java.io.InputStream;
import java.util.List;
import org.pf4j.ExtensionPoint;

/**
 * Where sealed blobs are kept: a local disk, an S3-compatible object store, a NAS.
 *
 * <p>A driver sees ciphertext and random {@linkplain StorageKey keys} only. It never sees a
 * person's file name, a session token or a key; it needs no cryptography of its own.
 *
 * <h2>Life cycle (the order in which the appliance calls)</h2>
 * <ol>
 *   <li>{@link #id()} any time, also before {@code open}.</li>
 *   <li>{@link #open(StorageContext)} once, before anything else. A driver that cannot reach its
 *       store throws here, with a message for the operator; the appliance then refuses to start.</li>
 *   <li>{@link #put}, {@link #get}, {@link #delete}, {@link #list}, {@link #incomplete},
 *       {@link #deleteIncomplete}, {@link #health} any number of times, from many threads at once,
 *       each on different or the same keys.</li>
 *   <li>{@link #close()} once, at shutdown; no call follows it.</li>
 * </ol>
 *
 * <h2>What an implementation must guarantee</h2>
 * <ul>
 *   <li><b>Durable put.</b> {@code put} returns only when the whole object is durable (fsynced,
 *       or acknowledged by the store). If it throws, or the process dies during it, the key holds
 *       either nothing or a complete earlier object, never a torn one.</li>
 *   <li><b>Whole objects.</b> {@code get} returns exactly the bytes of the last completed put.</li>
 *   <li><b>Idempotent delete.</b> Deleting a missing key is not an error. Deleted data should
 *       not be recoverable from the store where the medium allows (overwrite, then unlink).</li>
 *   <li><b>Prefix listing.</b> {@code list} returns every key under a prefix, including keys put
 *       by an earlier process, in lexicographic order.</li>
 *   <li><b>No side channels.</b> No logging of contents, no copies outside the store, no network
 *       connection to anything but the configured store.</li>
 * </ul>
 * The contract test kit {@code io.headroom.plugin.api.storage.testkit.StorageDriverContract}
 * (in this module's test-jar) checks these on any driver.
 */
public interface StorageDriver extends ExtensionPoint {

    /** Stable identifier the operator configures, e.g. {@code localfs} or {@code s3}. */
    String id();

    /** Prepares the driver; called once, first. */
    void open(StorageContext context) throws StorageException;

    /**
     * Stores {@code content} under {@code key}, replacing any earlier object, and returns once it
     * is durable. Reads {@code content} to its end; does not close it.
     */
    void put(StorageKey key, InputStream content) throws StorageException;

    /**
     * Streams the object under {@code key}. The caller closes the stream.
     *
     * @throws NoSuchObjectException when there is none
     */
    InputStream get(StorageKey key) throws StorageException;

    /**
     * Deletes the object under {@code key}.
     *
     * @return whether there was one
     */
    boolean delete(StorageKey key) throws StorageException;

    /** Every key that {@linkplain StorageKey#hasPrefix has the prefix}, sorted; {@code ""} lists all. */
    List<StorageKey> list(String prefix) throws StorageException;

    /**
     * What puts under {@code prefix} left half-written because the process died during them (a
     * local driver's temporary files), as names only this driver understands, sorted; never a
     * name of a {@linkplain #list listed} key. Empty for a store whose puts are atomic, which is
     * the default. The appliance calls it when it purges a session's prefix, after deleting the
     * listed keys, and deletes each with {@link #deleteIncomplete}; ciphertext under a destroyed
     * key is noise, but a purge leaves nothing behind.
     *
     * @since API 1.2
     */
    default List<String> incomplete(String prefix) throws StorageException {
        return List.of();
    }

    /**
     * Deletes one leftover named by {@link #incomplete}, as thoroughly as {@link #delete}; a name
     * that is gone (or that {@code incomplete} never returned) is not an error.
     *
     * @return whether there was one
     * @since API 1.2
     */
    default boolean deleteIncomplete(String name) throws StorageException {
        return false;
    }

    /** Whether the store works now; cheap enough to call every few seconds. */
    StorageHealth health();

    /** Releases resources; called once, last. */
    void close();
}
