package io.headroom.server.style;

import io.headroom.problem.ProblemException;
import io.headroom.problem.ProblemType;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The styles on offer and their previews, for anyone: the page shows them before a session exists. */
@Path("styles")
@RequestScoped
@Tag(name = "styles")
public class StyleResource {

    /**
     * A style as the picker shows it.
     *
     * @param id      what a job names: {@code natural}, or {@code packId/styleId}
     * @param preview where its preview image is served, without a token
     * @param pack    the pack's id, or null for the built-in style
     */
    public record StyleView(String id, String name, String description, String preview, String pack, String packVersion,
                            List<String> aspects) {
    }

    @Inject
    StyleCatalog catalog;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Styles on offer", description = "The built-in style first, then each installed pack's.")
    public List<StyleView> list(@Context UriInfo uri) {
        // The application's path, so previews resolve wherever the appliance is mounted.
        String base = uri.getBaseUri().getPath();
        return catalog.all().stream().map(o -> {
            String id = o.style().id();
            String pack = id.contains("/") ? id.substring(0, id.indexOf('/')) : null;
            return new StyleView(id, o.style().descriptor().name(), o.style().descriptor().description(),
                    base + "styles/" + id + "/preview", pack, o.packVersion(), o.outputs().stream().map(a -> a.name()).toList());
        }).toList();
    }

    @GET
    @Path("{style}/preview")
    @Operation(summary = "Preview of the built-in style")
    @APIResponse(responseCode = "404", description = "No such style")
    public Response builtInPreview(@PathParam("style") String style) {
        return preview(style);
    }

    @GET
    @Path("{pack}/{style}/preview")
    @Operation(summary = "Preview of a pack's style")
    @APIResponse(responseCode = "404", description = "No such style")
    public Response packPreview(@PathParam("pack") String pack, @PathParam("style") String style) {
        return preview(pack + "/" + style);
    }

    private Response preview(String id) {
        StyleCatalog.Offered o = catalog.find(id).orElseThrow(() -> new ProblemException(ProblemType.NOT_FOUND, "There is no such style."));
        CacheControl cache = new CacheControl();
        cache.setMaxAge(300);
        return Response.ok(o.preview(), o.previewType()).cacheControl(cache).build();
    }
}
