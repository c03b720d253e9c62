package io.headroom.server.headshot;

import io.headroom.problem.ProblemException;
import io.headroom.problem.ProblemType;
import io.headroom.server.session.CurrentSession;
import io.headroom.server.session.SessionRoute;
import io.headroom.server.session.SessionEntity;
import io.headroom.server.vault.SealedBlobs;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A session's finished headshots: the list, each one and its cut-out (the ZIP is {@link HeadshotZipResource}). */
@Path("sessions/{id}/headshots")
@Tag(name = "headshots", description = "Results; needs the session's token")
public class HeadshotResource {

    @Inject
    CurrentSession current;

    @Inject
    SealedBlobs sealed;

    @Inject
    HeadshotService headshots;

    @SessionRoute
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "List headshots")
    @APIResponse(responseCode = "200", description = "The headshots, best first: each job's in the order it made them, "
            + "its best photo first")
    public List<HeadshotView> list(@PathParam("id") String id,
                                   @Context UriInfo uri) {
        SessionEntity session = current.get();
        String base = uri.getBaseUri().getPath();
        return headshots.all(session).stream().map(h -> HeadshotView.of(h, base)).toList();
    }

    @SessionRoute
    @GET
    @Path("{hid}")
    @Produces("image/jpeg")
    @Operation(summary = "Read a headshot", description = "The JPEG, opened on the fly after its integrity check.")
    @APIResponse(responseCode = "200", description = "The image")
    @APIResponse(responseCode = "404", description = "No such headshot in this session")
    public Response one(@PathParam("id") String id, @PathParam("hid") String headshotId) {
        SessionEntity session = current.get();
        HeadshotEntity h = find(session, headshotId);
        headshots.verify(session, List.of(h));
        StreamingOutput body = out -> sealed.copyTo(session.id(), session.storagePrefix(), h.blobId(), out);
        return Response.ok(body, "image/jpeg")
                .header("Content-Disposition", "inline; filename=\"" + HeadshotService.fileName(h, 0) + "\"").build();
    }

    @SessionRoute
    @GET
    @Path("{hid}/cutout")
    @Produces("image/png")
    @Operation(summary = "Read a headshot's cut-out", description = "The person alone as a PNG with alpha, in the headshot's framing, "
            + "on transparency; made when the job asked for \"cutout\": true. Opened on the fly after its integrity check.")
    @APIResponse(responseCode = "200", description = "The image")
    @APIResponse(responseCode = "404", description = "No such headshot in this session, or it has no cut-out")
    public Response cutout(@PathParam("id") String id, @PathParam("hid") String headshotId) {
        SessionEntity session = current.get();
        HeadshotEntity h = find(session, headshotId);
        if (!h.hasCutout()) {
            throw new ProblemException(ProblemType.NOT_FOUND,
                    "This headshot has no cut-out. Start a job with \"cutout\": true to get one beside each headshot.");
        }
        headshots.verifyCutout(session, h);
        StreamingOutput body = out -> sealed.copyTo(session.id(), session.storagePrefix(), h.cutoutBlobId(), out);
        return Response.ok(body, "image/png")
                .header("Content-Disposition", "inline; filename=\"" + HeadshotService.cutoutFileName(h, 0) + "\"").build();
    }

    private HeadshotEntity find(SessionEntity session, String headshotId) {
        return headshots.find(session, headshotId)
                .orElseThrow(() -> new ProblemException(ProblemType.NOT_FOUND, "This session has no such headshot."));
    }
}
