package io.headroom.server.admission;

import io.headroom.admission.AdmissionControl;
import io.headroom.server.config.HeadroomSettings;
import io.headroom.admission.QueueLoad;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;
import java.io.File;

/**
 * Refuses {@link AddsData} requests with 503 and Retry-After before they start when the disk
 * under the data directory is below the reserve or the work queue is full.
 */
@Provider
@AddsData
@ApplicationScoped
public class AdmissionFilter implements ContainerRequestFilter {

    @Inject
    HeadroomSettings settings;

    /** The job queue's load (the queue itself lives above admission: it is what admission protects). */
    @Inject
    QueueLoad jobs;

    private AdmissionControl admission;

    @PostConstruct
    void init() {
        File data = settings.dataDirectory().toFile();
        admission = new AdmissionControl(data::getUsableSpace, settings.diskReserve(), jobs, settings.retryAfter());
    }

    @Override
    public void filter(ContainerRequestContext request) {
        admission.admit();
    }
}
