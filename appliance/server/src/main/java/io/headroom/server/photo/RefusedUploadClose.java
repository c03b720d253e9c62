package io.headroom.server.photo;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;

/**
 * An upload refused before its body was read (wrong token, full disk, a bad first photo) would
 * leave the client sending megabytes nobody reads. Closing the connection after the error
 * answer ends that at once, and the appliance never reads a body it already refused.
 */
@Provider
public class RefusedUploadClose implements ContainerResponseFilter {

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (response.getStatus() >= 400 && MediaType.MULTIPART_FORM_DATA_TYPE.isCompatible(request.getMediaType())) {
            response.getHeaders().putSingle("Connection", "close");
        }
    }
}
