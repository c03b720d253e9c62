package io.headroom.server.retention;

import io.headroom.plugin.api.storage.StorageException;
import io.headroom.server.vault.SealedBlobs;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** Operators check that every stored object has a deadline and every deadline an object. */
@Path("admin/retention")
@RolesAllowed({"operator", "admin"})
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class RetentionResource {

    @Inject
    SealedBlobs sealed;

    @GET
    @Operation(summary = "Retention check", description = "Counts of stored objects and deadline rows, and of either without the other (both should be 0).")
    @APIResponse(responseCode = "200", description = "The counts")
    @APIResponse(responseCode = "401", description = "Operator sign-in missing or wrong")
    public SealedBlobs.Consistency check() throws StorageException {
        return sealed.consistency();
    }
}
