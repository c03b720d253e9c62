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
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
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
    CurrentSession current;

    @Inject
    SealedBlobs sealed;

    @Inject
    HeadshotService headshots;

    @SessionRoute
    @GET
    @Produces("application/zip")
    @Operation(summary = "Download all headshots", description = "A ZIP streamed as it is built: <style>/<aspect>/headshot-N-<aspect>.jpg, "
            + "and beside each headshot that has a cut-out, headshot-N-<aspect>-cutout.png.")
    @APIResponse(responseCode = "200", description = "The ZIP")
    @APIResponse(responseCode = "404", description = "No headshots yet")
    public Response zip(@PathParam("id") String id) {
        SessionEntity session = current.get();
        List<HeadshotEntity> all = headshots.all(session);
        if (all.isEmpty()) {
            throw new ProblemException(ProblemType.NOT_FOUND, "There are no headshots yet.");
        }
        headshots.verifyWithCutouts(session, all);
        StreamingOutput body = out -> {
            try (ZipOutputStream zip = new ZipOutputStream(out)) {
                int n = 0;
                for (HeadshotEntity h : all) {
                    String folder = h.style() + "/" + h.aspect().replace(':', 'x') + "/";
                    put(zip, folder + HeadshotService.fileName(h, ++n), session, h.blobId());
                    if (h.hasCutout()) {
                        // Beside its headshot, under the same name: the pair is plain to see.
                        put(zip, folder + HeadshotService.cutoutFileName(h, n), session, h.cutoutBlobId());
                    }
                }
            }
        };
        return Response.ok(body, "application/zip")
                .header("Content-Disposition", "attachment; filename=\"headshots.zip\"").build();
    }

    private void put(ZipOutputStream zip, String name, SessionEntity session, String blobId) throws IOException {
        ZipEntry entry = new ZipEntry(name);
        entry.setTime(0); // no timestamps: they say nothing useful and something about the person
        zip.putNextEntry(entry);
        sealed.copyTo(session.id(), session.storagePrefix(), blobId, zip);
        zip.closeEntry();
    }

}
