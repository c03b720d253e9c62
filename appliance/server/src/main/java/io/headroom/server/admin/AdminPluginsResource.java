package io.headroom.server.admin;

import io.headroom.server.audit.AuditLog;
import io.headroom.server.plugin.PluginRegistry;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The installed plugins, and picking up jars added to or removed from the plugins folder. */
@Path("admin/plugins")
@RolesAllowed("admin")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "admin")
public class AdminPluginsResource {

    @Inject
    PluginRegistry plugins;

    @Inject
    AuditLog audit;

    /** The plugins folder as the operator sees it, and whom the appliance trusts to run code. */
    public record Plugins(boolean signaturesRequired, List<PluginRegistry.PluginInfo> plugins, List<PluginRegistry.TrustedKey> trustedKeys,
                          List<io.headroom.plugin.PluginTrust.PinnedJar> pinnedJars, String trustProblem) {
    }

    @GET
    @Operation(summary = "Installed plugins and whom they are trusted by", description = "Every jar in the plugins folder: id, version, "
            + "provider, licence, kind, state (started, disabled, stopped, unloading, failed), SHA-256 and why it was let in (signed by "
            + "which trusted key, pinned by its hash) or why not; whether signatures are required; the trusted authors' keys and the "
            + "pinned jar hashes.")
    public Plugins list() {
        PluginRegistry.Trust trust = plugins.trust();
        return new Plugins(trust.signaturesRequired(), plugins.list(), trust.trustedKeys(), trust.pinnedJars(), trust.problem());
    }

    @POST
    @Path("reload")
    @Operation(summary = "Reload plugins", description = "Loads jars added to the plugins folder and unloads removed ones; a plugin in use by a running job follows when the job ends.")
    public PluginRegistry.ReloadResult reload() {
        PluginRegistry.ReloadResult result = plugins.reload();
        audit.record("plugins-reloaded", plugins.describe());
        return result;
    }
}
