package io.headroom.server.admin;

import io.headroom.server.operator.OperatorPrincipal;
import io.headroom.server.operator.SignedInOperator;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Who is signed in, for the console's header. */
@Path("admin/me")
@RolesAllowed({"operator", "admin"})
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "admin")
public class AdminMeResource {

    /** The signed-in operator. */
    public record Me(String name, String role) {
    }

    @Inject
    SignedInOperator operator;

    @GET
    @Operation(summary = "The signed-in operator")
    public Me me() {
        OperatorPrincipal p = operator.current();
        return new Me(p.name(), p.role().roleName());
    }
}
