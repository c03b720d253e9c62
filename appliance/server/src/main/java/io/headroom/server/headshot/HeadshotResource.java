package io.headroom.server.headshot;

import io.headroom.problem.ProblemException;
import io.headroom.problem.ProblemType;
import io.headroom.server.session.SessionAccess;
import io.headroom.server.session.SessionEntity;
import io.headroom.server.vault.SealedBlobs;
import io.headroom.vault.IntegrityException;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.logging.Logger;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A session's finished headshots: list, one by one, or all as a ZIP built on the fly. */
@Path("sessions/{id}")
@Tag(name = "headshots", description = "Results; needs the session's token")
public class HeadshotResource {

    private static final Logger LOG = Logger.getLogger(HeadshotResource.class.getName());

    /** A headshot as listed. */
    public record HeadshotView(String id, String photoId, String style, String aspect, int width, int height,
                               List<String> padded, Instant createdAt) {
    }

    @Inject
    SessionAccess access;

    @Inject
    SealedBlobs sealed;

    @PersistenceContext(unitName = "headroom")
    EntityManager em;

    @Context
    HttpServletRequest request;

    @GET
    @Path("headshots")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "List headshots")
    @APIResponse(responseCode = "200", description = "The headshots, oldest first")
    public List<HeadshotView> list(@PathParam("id") String id, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        SessionEntity session = access.authorize(id, authorization, request);
        return all(session).stream().map(h -> new HeadshotView(h.id(), h.photoId(), h.style(), h.aspect(), h.width(), h.height(),
                h.padded(), h.createdAt())).toList();
    }

    @GET
    @Path("headshots/{hid}")
    @Produces("image/jpeg")
    @Operation(summary = "Read a headshot", description = "The JPEG, opened on the fly after its integrity check.")
    @APIResponse(responseCode = "200", description = "The image")
    @APIResponse(responseCode = "404", description = "No such headshot in this session")
    public Response one(@PathParam("id") String id, @PathParam("hid") String headshotId,
                        @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        SessionEntity session = access.authorize(id, authorization, request);
        HeadshotEntity h = headshotId == null || headshotId.length() > 32 ? null : em.find(HeadshotEntity.class, headshotId);
        if (h == null || !h.sessionId().equals(session.id())) {
            throw new ProblemException(ProblemType.NOT_FOUND, "This session has no such headshot.");
        }
        verify(session, List.of(h));
        StreamingOutput body = out -> sealed.copyTo(session.id(), session.storagePrefix(), h.blobId(), out);
        return Response.ok(body, "image/jpeg")
                .header("Content-Disposition", "inline; filename=\"" + fileName(h, 0) + "\"").build();
    }

    @GET
    @Path("headshots.zip")
    @Produces("application/zip")
    @Operation(summary = "Download all headshots", description = "A ZIP streamed as it is built: <style>/<aspect>/headshot-N.jpg.")
    @APIResponse(responseCode = "200", description = "The ZIP")
    @APIResponse(responseCode = "404", description = "No headshots yet")
    public Response zip(@PathParam("id") String id, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        SessionEntity session = access.authorize(id, authorization, request);
        List<HeadshotEntity> all = all(session);
        if (all.isEmpty()) {
            throw new ProblemException(ProblemType.NOT_FOUND, "There are no headshots yet.");
        }
        verify(session, all);
        StreamingOutput body = out -> {
            try (ZipOutputStream zip = new ZipOutputStream(out)) {
                int n = 0;
                for (HeadshotEntity h : all) {
                    ZipEntry entry = new ZipEntry(h.style() + "/" + h.aspect().replace(':', 'x') + "/" + fileName(h, ++n));
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

    private List<HeadshotEntity> all(SessionEntity session) {
        return em.createQuery("SELECT h FROM HeadshotEntity h WHERE h.sessionId = :s ORDER BY h.createdAt, h.id", HeadshotEntity.class)
                .setParameter("s", session.id()).getResultList();
    }

    /** Authenticates every blob before the answer starts, so tampering is a clean error, not a cut download. */
    private void verify(SessionEntity session, List<HeadshotEntity> headshots) {
        try {
            for (HeadshotEntity h : headshots) {
                sealed.copyTo(session.id(), session.storagePrefix(), h.blobId(), OutputStream.nullOutputStream());
            }
        } catch (IntegrityException e) {
            LOG.severe("A stored headshot failed its integrity check; it was not served");
            throw new ProblemException(ProblemType.INTEGRITY_ERROR,
                    "A stored headshot failed its integrity check, so it is not shown. The operator has been told.");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String fileName(HeadshotEntity h, int n) {
        return "headshot-" + (n > 0 ? n : h.id()) + "-" + h.aspect().replace(':', 'x') + ".jpg";
    }
}
