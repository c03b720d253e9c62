package io.headroom.server.invitation;

import io.headroom.server.operator.SignedInOperator;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Operators issue one-time invitation codes for people to open sessions with. */
@Path("admin/invitations")
@RolesAllowed({"operator", "admin"})
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "admin", description = "Operator console (needs an operator token)")
public class InvitationResource {

    @Inject
    InvitationService invitations;

    @Inject
    SignedInOperator operator;

    @POST
    @Operation(summary = "Issue a one-time invitation code", description = "The code is shown only in this answer.")
    @APIResponse(responseCode = "201", description = "Invitation issued")
    @APIResponse(responseCode = "401", description = "No valid operator token")
    public Response issue() {
        InvitationService.IssuedInvitation issued = invitations.issue(operator.current().id());
        return Response.status(Response.Status.CREATED).entity(issued).build();
    }
}
