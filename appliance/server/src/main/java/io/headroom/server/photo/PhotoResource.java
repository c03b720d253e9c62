package io.headroom.server.photo;

import io.headroom.problem.ProblemException;
import io.headroom.problem.ProblemType;
import io.headroom.server.admission.AddsData;
import io.headroom.server.session.CurrentSession;
import io.headroom.server.session.SessionRoute;
import io.headroom.server.session.SessionEntity;
import io.headroom.vault.IntegrityException;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.logging.Logger;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A session's photos: upload (cleaned and sealed on the way in), list, and read back. */
@Path("sessions/{id}/photos")
@Tag(name = "photos", description = "Selfies of a session; needs the session's token")
public class PhotoResource {

    private static final Logger LOG = Logger.getLogger(PhotoResource.class.getName());

    @Inject
    PhotoService photos;

    @Inject
    UploadPhotos uploads;

    @Inject
    UploadBudget budget;

    @Inject
    CurrentSession current;

    @Context
    HttpServletRequest request;

    @SessionRoute
    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.APPLICATION_JSON)
    @AddsData
    @Operation(summary = "Upload photos",
            description = "multipart/form-data with one part named \"photo\" per photo (JPEG, PNG or WebP; up to 20 per session). "
                    + "Each is checked, stripped of all metadata, re-encoded and sealed. All or nothing: if one is refused, none is kept.")
    @APIResponse(responseCode = "201", description = "The photos as stored, with the kinds of metadata removed")
    @APIResponse(responseCode = "409", description = "The session would hold too many photos")
    @APIResponse(responseCode = "413", description = "A file is too large")
    @APIResponse(responseCode = "415", description = "Not JPEG, PNG or WebP (HEIC gets advice)")
    @APIResponse(responseCode = "422", description = "Damaged file, or too many pixels")
    @APIResponse(responseCode = "429", description = "The session uploaded as much as it may this minute; see Retry-After")
    @APIResponse(responseCode = "503", description = "Busy decoding other photos, or low on disk; see Retry-After")
    public Response upload(@PathParam("id") String id) {
        SessionEntity session = current.get();
        budget.check(session.id());
        List<PhotoView> stored = uploads.upload(session.id(), budget.counted(session.id(), new PhotoParts(request, uploads.maxBytes())));
        return Response.status(Response.Status.CREATED).entity(stored).build();
    }

    @SessionRoute
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "List photos", description = "The session's photos in upload order.")
    @APIResponse(responseCode = "200", description = "The photos")
    public List<PhotoView> list(@PathParam("id") String id) {
        return photos.list(current.get().id());
    }

    @SessionRoute
    @GET
    @Path("{pid}")
    @Produces({"image/jpeg", "image/png"})
    @Operation(summary = "Read a photo", description = "The cleaned image, opened on the fly; nothing is decrypted to disk.")
    @APIResponse(responseCode = "200", description = "The image")
    @APIResponse(responseCode = "404", description = "No such photo in this session")
    @APIResponse(responseCode = "500", description = "The stored photo failed its integrity check and is not shown")
    public Response photo(@PathParam("id") String id, @PathParam("pid") String photoId) {
        SessionEntity session = current.get();
        PhotoEntity photo = photos.find(session.id(), photoId);
        // Authenticate the whole blob before the first byte goes out (a cheap pass at GB/s), so
        // tampering becomes a clean error answer rather than a cut connection.
        try {
            photos.copyTo(session, photo, OutputStream.nullOutputStream());
        } catch (IntegrityException e) {
            LOG.severe("A stored photo failed its integrity check (altered, cut short or moved); it was not served");
            throw new ProblemException(ProblemType.INTEGRITY_ERROR,
                    "This photo's stored copy failed its integrity check, so it is not shown. The operator has been told.");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        StreamingOutput body = out -> photos.copyTo(session, photo, out);
        String extension = photo.mediaType().equals("image/png") ? "png" : "jpg";
        return Response.ok(body, photo.mediaType())
                .header("Content-Disposition", "inline; filename=\"photo-" + photo.id() + "." + extension + "\"")
                .build();
    }
}
