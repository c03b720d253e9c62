package io.headroom.server.session;

import io.headroom.problem.ProblemException;
import io.headroom.problem.ProblemType;
import io.headroom.server.admission.AddsData;
import io.headroom.server.guard.ClientGuard;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Anonymous sessions. Opening one needs consent; everything after needs the session's token as
 * {@code Authorization: Bearer <token>}. A wrong, missing or foreign token gets the same 404 as
 * an unknown session.
 */
@Path("sessions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "sessions", description = "Anonymous sessions of the person in the photos")
public class SessionResource {

    @Inject
    OpenSession opening;

    @Inject
    ShortenDeadline shortening;

    @Inject
    ClientGuard guard;

    @Inject
    CurrentSession current;

    @Inject
    PurgeSession purge;


    /** The answer when "delete everything now" closed the session but storage has not finished. */
    public record DeletionPending(String detail) {
    }

    @Context
    HttpServletRequest request;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @AddsData
    @Operation(summary = "Open an anonymous session", description = "Needs {\"consent\": true}. Answers with the session's token, shown only this once.")
    @APIResponse(responseCode = "201", description = "Session opened")
    @APIResponse(responseCode = "400", description = "No consent, or a malformed request")
    @APIResponse(responseCode = "403", description = "Sessions are by invitation only and the invitation is missing or cannot be used")
    @APIResponse(responseCode = "429", description = "Too many sessions opened from this address in the last minute; see Retry-After")
    @APIResponse(responseCode = "503", description = "Low on disk space or busy; see Retry-After")
    public Response open(CreateSessionRequest body, @Context UriInfo uri) {
        if (body == null) {
            throw new ProblemException(ProblemType.CONSENT_REQUIRED,
                    "Send a JSON body such as {\"consent\": true} after reading the privacy notice.");
        }
        String client = guard.clientOf(request);
        if (body.invitation() != null) {
            guard.checkNotBlocked(client);
        }
        guard.admitSessionOpen(client);
        OpenSession.Opened opened;
        try {
            opened = opening.open(body.consent(), body.policyVersion(), body.invitation());
        } catch (ProblemException e) {
            if (e.type() == ProblemType.INVITATION_INVALID) {
                guard.recordFailure(client);
            }
            throw e;
        }
        SessionEntity s = opened.session();
        return Response.created(uri.getAbsolutePathBuilder().path(s.id()).build())
                .entity(new CreatedSession(s.id(), opened.token(), s.deletesAt(), s.receiptId()))
                .build();
    }

    @SessionRoute
    @GET
    @Path("{id}")
    @Operation(summary = "Read a session", description = "Needs the session's token as Authorization: Bearer.")
    @APIResponse(responseCode = "200", description = "The session")
    @APIResponse(responseCode = "404", description = "No such session for this token")
    @APIResponse(responseCode = "429", description = "Too many wrong guesses from this address; see Retry-After")
    public SessionView get(@PathParam("id") String id) {
        return SessionView.of(current.get());
    }

    @SessionRoute
    @POST
    @Path("{id}/deadline")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Delete sooner",
            description = "Moves the session's deadline earlier: {\"in\": \"PT1H\"} (\"delete 1 hour from now\") or {\"deletesAt\": \"…\"}. "
                    + "Never later than the current deadline, never under a minute from now. Answers with the session.")
    @APIResponse(responseCode = "200", description = "The session with its new deadline")
    @APIResponse(responseCode = "400", description = "Later than the current deadline, under a minute away, or malformed")
    @APIResponse(responseCode = "404", description = "No such session for this token")
    public SessionView shorten(@PathParam("id") String id,
                               DeadlineRequest body) {
        SessionEntity session = current.get();
        return SessionView.of(shortening.shorten(session.id(), body));
    }

    @SessionRoute
    @DELETE
    @Path("{id}")
    @Operation(summary = "Delete everything now",
            description = "Destroys the session's key, deletes its photos and results through the storage driver, then its rows. "
                    + "Answers only when all of it is gone; afterwards every endpoint of the session answers 404.")
    @APIResponse(responseCode = "204", description = "Everything of the session is gone")
    @APIResponse(responseCode = "202", description = "The key is destroyed and the session closed; storage did not finish deleting "
            + "and the appliance retries until it has, then issues the receipt")
    @APIResponse(responseCode = "404", description = "No such session for this token")
    public Response delete(@PathParam("id") String id) {
        if (!purge.deleteNow(current.get().id())) {
            // The key is destroyed and the session closed; the retention timer finishes the rest.
            return Response.accepted(new DeletionPending(
                    "Your photos can no longer be opened: their key is destroyed. Deleting the stored copies did not finish; "
                            + "the appliance keeps trying and issues your receipt when it is done.")).build();
        }
        return Response.noContent().build();
    }
}
