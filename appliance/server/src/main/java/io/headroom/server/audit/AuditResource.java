package io.headroom.server.audit;

import io.headroom.audit.AuditEntry;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.OptionalLong;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** Operators read the audit log and whether its chain is whole. */
@Path("admin/audit")
@RolesAllowed({"operator", "admin"})
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

    /** The log and its check: {@code brokenAt} is the first altered, removed or inserted entry, or null. */
    public record AuditView(boolean intact, Long brokenAt, List<AuditEntry> entries) {
    }

    @Inject
    AuditLog log;

    @GET
    @Operation(summary = "Audit log", description = "Every operator-visible event, oldest first, with the result of checking the hash chain.")
    @APIResponse(responseCode = "200", description = "The log")
    @APIResponse(responseCode = "401", description = "Operator sign-in missing or wrong")
    public AuditView audit() {
        List<AuditEntry> entries = log.entries();
        OptionalLong broken = io.headroom.audit.AuditChain.firstBreak(entries);
        return new AuditView(broken.isEmpty(), broken.isPresent() ? broken.getAsLong() : null, entries);
    }
}
