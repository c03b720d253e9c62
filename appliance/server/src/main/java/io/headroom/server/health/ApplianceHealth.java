package io.headroom.server.health;

import io.headroom.HeadroomVersion;
import io.headroom.server.startup.ApplianceStartup;
import io.headroom.plugin.api.storage.StorageHealth;
import io.headroom.server.pipeline.PipelineModels;
import io.headroom.server.retention.RetentionSweeper;
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

    @Inject
    RetentionSweeper retention;

    @Override
    public HealthCheckResponse call() {
        StorageHealth storage = blobs.health();
        long failingPurges = retention.failingPurges();
        var response = HealthCheckResponse.named("headroom")
                .status(startup.ready() && storage.healthy())
                .withData("version", HeadroomVersion.current())
                .withData("schema", startup.schemaVersion())
                .withData("database", startup.databaseVersion())
                .withData("storage", storage.detail())
                .withData("inference", models.deviceLabel())
                .withData("purgesFailing", failingPurges);
        java.util.List<String> warnings = new java.util.ArrayList<>();
        if (failingPurges > 0) {
            // Still up: those sessions are closed and their keys destroyed; storage is retried.
            warnings.add(failingPurges + " session purge(s) failed and are retried with back-off; "
                    + "see the audit log and the storage driver's health");
        }
        retention.recentBackwardJump().ifPresent(jump -> {
            response.withData("clockJumpedBack", jump.by().negated().toString());
            warnings.add("the wall clock went back by " + jump.by().negated() + " at " + jump.at()
                    + "; deadlines are wall-clock times, so purges run that much later: set the clock right (see docs/security.md)");
        });
        if (!warnings.isEmpty()) {
            response.withData("warning", String.join("; ", warnings));
        }
        return response.build();
    }
}
