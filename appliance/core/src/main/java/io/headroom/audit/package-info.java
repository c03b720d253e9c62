/** The append-only audit log: operator-visible events, no personal data, chained by hash. */
package io.headroom.audit;
