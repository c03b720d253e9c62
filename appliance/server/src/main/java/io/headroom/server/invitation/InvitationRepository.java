package io.headroom.server.invitation;

import java.util.Optional;

/** One-time invitation codes, kept only as keyed hashes; every method works in the caller's transaction. */
public interface InvitationRepository {

    void add(InvitationEntity invitation);

    /** The invitation whose code hashes to {@code codeHash}, locked until the transaction ends. */
    Optional<InvitationEntity> lockByCodeHash(String codeHash);
}
