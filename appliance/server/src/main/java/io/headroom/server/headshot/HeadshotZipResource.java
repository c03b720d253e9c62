package io.headroom.server.headshot;

import io.headroom.problem.ProblemException;
import io.headroom.problem.ProblemType;
import io.headroom.server.session.SessionAccess;
import io.headroom.server.session.SessionEntity;
import io.headroom.server.vault.SealedBlobs;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * All of a session's headshots as one ZIP, built while it is sent. A class of its own: a class
 * path of {@code sessions/{id}} would shadow the session resource's own methods.
 */
@Path("sessions/{id}/headshots.zip")
@Tag(name = "headshots")
public class HeadshotZipResource {

    @Inject
    SessionAccess access;

    @Inject
    SealedBlobs sealed;

    @Inject
    HeadshotService headshots;

    @Context
    HttpServletRequest request;

    @GET
    @Produces("application/zip")
    @Operation(summary = "Download all headshots", description = "A ZIP streamed as it is built: <style>/<aspect>/headshot-N.jpg.")
    @APIResponse(responseCode = "200", description = "The ZIP")
    @APIResponse(responseCode = "404", description = "No headshots yet")
    public Response zip(@PathParam("id") String id, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        SessionEntity session = access.authorize(id, authorization, request);
        List<HeadshotEntity> all = headshots.all(session);
        if (all.isEmpty()) {
            throw new ProblemException(ProblemType.NOT_FOUND, "There are no headshots yet.");
        }
        headshots.verify(session, all);
        StreamingOutput body = out -> {
            try (ZipOutputStream zip = new ZipOutputStream(out)) {
                int n = 0;
                for (HeadshotEntity h : all) {
                    ZipEntry entry = new ZipEntry(h.style() + "/" + h.aspect().replace(':', 'x') + "/" + HeadshotService.fileName(h, ++n));
                    entry.setTime(0); // no timestamps: they say nothing useful and something about the person
                    zip.putNextEntry(entry);
                    sealed.copyTo(session.id(), session.storagePrefix(), h.blobId(), zip);
                    zip.closeEntry();
                }
            }
        };
        return Response.ok(body, "application/zip")
                .header("Content-Disposition", "attachment; filename=\"headshots.zip\"").build();
    }

}
