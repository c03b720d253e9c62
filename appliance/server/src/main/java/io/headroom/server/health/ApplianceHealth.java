package io.headroom.server.health;

import io.headroom.HeadroomVersion;
import io.headroom.server.startup.ApplianceStartup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready once start-up finished (directories, schema, secrets); reports the version. */
@Readiness
@ApplicationScoped
public class ApplianceHealth implements HealthCheck {

    @Inject
    ApplianceStartup startup;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("headroom")
                .status(startup.ready())
                .withData("version", HeadroomVersion.current())
                .withData("schema", startup.schemaVersion())
                .withData("database", startup.databaseVersion())
                .build();
    }
}
