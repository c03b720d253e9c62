package io.headroom.server.console;

import io.headroom.problem.ProblemException;
import io.headroom.problem.ProblemType;
import io.headroom.server.config.HeadroomSettings;
import io.headroom.server.invitation.InvitationService;
import io.headroom.server.operator.SignedInOperator;
import io.headroom.tls.HttpsIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * A client card: a new one-time invitation as the link a client opens
 * ({@code https://host:port/#invite=CODE}: the code stays in the fragment, which browsers never
 * send to a server), its QR code, the HTTPS certificate's fingerprint to compare, and how long
 * photos are kept.
 */
@Path("admin/invitations/card")
@RolesAllowed({"operator", "admin"})
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "admin")
public class ClientCardResource {

    /** Where clients reach the appliance, as the console sees it: {@code https://host[:port]}. */
    public record CardRequest(String origin) {
    }

    /** What the printed card shows. */
    public record Card(String link, String qrSvg, String fingerprint, String photosKeptFor, Instant invitationExpiresAt) {
    }

    private static final Pattern ORIGIN = Pattern.compile("https://[A-Za-z0-9.\\-]+(:[0-9]{1,5})?|https://\\[[0-9A-Fa-f:.]+\\](:[0-9]{1,5})?");

    @Inject
    InvitationService invitations;

    @Inject
    SignedInOperator operator;

    @Inject
    HeadroomSettings settings;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "A client card", description = "Issues a one-time invitation and answers with the link a client opens "
            + "(the code in the URL fragment), its QR code (SVG, made on the server), the HTTPS certificate's SHA-256 fingerprint and "
            + "how long photos are kept.")
    public Response card(CardRequest body) {
        if (body == null || body.origin() == null || body.origin().length() > 300 || !ORIGIN.matcher(body.origin()).matches()) {
            throw new ProblemException(ProblemType.INVALID_REQUEST, "Send {\"origin\": \"https://host:port\"}: the address clients use, over HTTPS.");
        }
        InvitationService.IssuedInvitation issued = invitations.issue(operator.current().id());
        String link = body.origin() + "/#invite=" + issued.code();
        return Response.status(Response.Status.CREATED).entity(new Card(link, QrCode.svg(link, 240), fingerprint(),
                settings.retentionPolicy().retention().toString(), issued.expiresAt())).build();
    }

    private String fingerprint() {
        try {
            return HttpsIdentity.leaf(settings.keysDirectory()).map(c -> {
                try {
                    return HttpsIdentity.fingerprint(c);
                } catch (GeneralSecurityException e) {
                    return null;
                }
            }).orElse(null);
        } catch (IOException | GeneralSecurityException e) {
            return null;
        }
    }
}
