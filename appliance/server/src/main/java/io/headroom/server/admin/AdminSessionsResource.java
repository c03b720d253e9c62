package io.headroom.server.admin;

import io.headroom.session.SessionState;
import jakarta.annotation.security.RolesAllowed;
import io.headroom.server.session.SessionRepository;
import jakarta.inject.Inject;
import io.headroom.problem.ProblemException;
import io.headroom.problem.ProblemType;
import io.headroom.server.audit.AuditLog;
import io.headroom.server.operator.SignedInOperator;
import io.headroom.server.session.PurgeSession;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The console's view of sessions: how many, in which state, and when each will be deleted; and
 * an operator deleting a client's session at once (audited, with a receipt like any purge).
 * No personal data: sessions carry none, and this view leaves out even the consent details.
 */
@Path("admin/sessions")
@RolesAllowed({"operator", "admin"})
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "admin")
public class AdminSessionsResource {

    /** One session in the overview. */
    public record SessionSummary(String id, String state, Instant createdAt, Instant deletesAt) {
    }

    /** Counts per state, the total, and the sessions due first. */
    public record SessionsOverview(long total, Map<String, Long> byState, Instant nextDeletion,
                                   List<SessionSummary> sessions) {
    }

    private static final int MAX_LIMIT = 1000;

    @Inject
    SessionRepository sessions;

    @Inject
    PurgeSession purge;

    @Inject
    AuditLog audit;

    @Inject
    SignedInOperator operator;

    /** A deletion storage did not finish: the key is gone, the rest follows. */
    public record DeletionPending(String detail) {
    }

    @DELETE
    @jakarta.ws.rs.Path("{id}")
    @Operation(summary = "Delete a client's session now", description = "As the person's own delete-now: the key is destroyed, photos "
            + "and results deleted, a signed receipt issued (reason deleted-by-operator). Audited with the operator's name.")
    @APIResponse(responseCode = "204", description = "Everything of the session is gone")
    @APIResponse(responseCode = "202", description = "The key is destroyed and the session closed; storage is retried")
    @APIResponse(responseCode = "404", description = "No such session")
    public Response delete(@PathParam("id") String id) {
        if (id == null || id.length() > 64 || sessions.find(id).isEmpty()) {
            throw new ProblemException(ProblemType.NOT_FOUND, "There is no such session.");
        }
        audit.record("session-deleted-by-operator", "operator " + operator.current().name() + " deleted a client's session");
        if (!purge.deleteNow(id, PurgeSession.Reason.BY_OPERATOR)) {
            return Response.accepted(new DeletionPending("The session's key is destroyed; deleting its stored copies did not finish "
                    + "and is retried until the receipt is issued.")).build();
        }
        return Response.noContent().build();
    }

    @GET
    @Operation(summary = "Sessions overview", description = "Counts by state and deadlines, soonest first; no personal data.")
    @APIResponse(responseCode = "200", description = "The overview")
    @APIResponse(responseCode = "401", description = "No valid operator token")
    public SessionsOverview overview(@QueryParam("limit") @DefaultValue("100") int limit) {
        int n = Math.max(1, Math.min(limit, MAX_LIMIT));
        Map<SessionState, Long> counts = sessions.countByState();
        Map<String, Long> byState = new TreeMap<>();
        counts.forEach((k, v) -> byState.put(k.wireName(), v));
        long total = counts.values().stream().mapToLong(Long::longValue).sum();
        List<SessionSummary> due = sessions.dueFirst(n).stream()
                .map(s -> new SessionSummary(s.id(), s.state().wireName(), s.createdAt(), s.deletesAt()))
                .toList();
        Instant next = due.isEmpty() ? null : due.get(0).deletesAt();
        return new SessionsOverview(total, byState, next, due);
    }
}
