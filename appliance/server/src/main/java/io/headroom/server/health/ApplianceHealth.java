package io.headroom.server.health;

import io.headroom.HeadroomVersion;
import io.headroom.server.startup.ApplianceStartup;
import io.headroom.plugin.api.storage.StorageHealth;
import io.headroom.server.pipeline.PipelineModels;
import io.headroom.server.storage.BlobStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready once start-up finished (directories, schema, secrets, vault, storage) and storage is healthy; reports versions. */
@Readiness
@ApplicationScoped
public class ApplianceHealth implements HealthCheck {

    @Inject
    ApplianceStartup startup;

    @Inject
    BlobStore blobs;

    @Inject
    PipelineModels models;

    @Override
    public HealthCheckResponse call() {
        StorageHealth storage = blobs.health();
        return HealthCheckResponse.named("headroom")
                .status(startup.ready() && storage.healthy())
                .withData("version", HeadroomVersion.current())
                .withData("schema", startup.schemaVersion())
                .withData("database", startup.databaseVersion())
                .withData("storage", storage.detail())
                .withData("inference", models.deviceLabel())
                .build();
    }
}
