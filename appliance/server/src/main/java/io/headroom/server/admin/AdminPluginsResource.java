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

    @GET
    @Operation(summary = "Installed plugins", description = "Id, version, provider, licence and state (started, disabled, failed, unloading) of every jar in the plugins folder.")
    public List<PluginRegistry.PluginInfo> list() {
        return plugins.list();
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
