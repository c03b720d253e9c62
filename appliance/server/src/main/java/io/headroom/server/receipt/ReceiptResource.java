package io.headroom.server.receipt;

import io.headroom.problem.ProblemException;
import io.headroom.problem.ProblemType;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * Receipts and the key that signs them, for anyone: a receipt holds no personal data, and its id
 * (given to the person with the session) is unguessable.
 */
@Path("receipts")
@RequestScoped
public class ReceiptResource {

    static final String PEM = "application/x-pem-file";

    @Inject
    ReceiptLedger ledger;

    @GET
    @Path("key")
    @Produces(PEM)
    @Operation(summary = "The receipt signing key", description = "Ed25519 public key (PEM) that verifies every deletion receipt of this appliance.")
    @APIResponse(responseCode = "200", description = "The public key")
    public Response key() {
        return Response.ok(ledger.publicKeyPem(), PEM).build();
    }

    @GET
    @Path("keys")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Every receipt signing key", description = "Each Ed25519 public key (PEM) this appliance has signed receipts with, "
            + "its id (what a receipt's signingKey names) and its validity period; the last is the current one.")
    @APIResponse(responseCode = "200", description = "The keys, oldest first")
    public Response keys() {
        return Response.ok(ledger.publishedKeys(), MediaType.APPLICATION_JSON).build();
    }

    @GET
    @Path("{receiptId}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "A deletion receipt", description = "The signed receipt of a purged session, by the receiptId the session was given.")
    @APIResponse(responseCode = "200", description = "The receipt")
    @APIResponse(responseCode = "404", description = "No receipt under this id (yet: it is written when the session is purged)")
    public Response receipt(@PathParam("receiptId") String receiptId) {
        return ledger.find(receiptId).map(body -> Response.ok(body, MediaType.APPLICATION_JSON).build())
                .orElseThrow(() -> new ProblemException(ProblemType.NOT_FOUND,
                        "There is no receipt with this id. A receipt is written when its session's data is deleted."));
    }
}
