package io.headroom.server;

import jakarta.annotation.security.DeclareRoles;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.info.License;

/** The REST API, under {@code /api}. Resources and providers are discovered by scanning. */
@ApplicationPath("api")
@DeclareRoles({"operator", "admin"})
@OpenAPIDefinition(info = @Info(
        title = "Headroom API",
        version = "1",
        description = "Self-hosted headshot appliance. Errors are application/problem+json (RFC 9457) with a stable `code`.",
        license = @License(name = "Proprietary")))
public class HeadroomApplication extends Application {
}
