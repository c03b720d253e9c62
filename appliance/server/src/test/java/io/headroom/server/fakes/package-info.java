/**
 * In-memory stand-ins for the ports the server's use cases depend on (repositories, sealed
 * storage, keys, the audit log, receipts, transactions), so each use case is tested
 * without a server or a database. They check the rules the real ones keep: a lock is taken only
 * inside a transaction, an object is stored only inside one, storage is emptied outside of one.
 */
package io.headroom.server.fakes;
