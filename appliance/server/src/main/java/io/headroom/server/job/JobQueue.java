package io.headroom.server.job;

import io.headroom.admission.QueueLoad;
import io.headroom.pipeline.HeadshotPipeline;
import io.headroom.server.config.HeadroomSettings;
import io.headroom.server.pipeline.PipelineModels;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A bounded pool of workers running jobs. Each worker thread has its own pipeline (its own
 * predictors); the queue is bounded, and its load feeds admission control so a full queue turns
 * new work away with 503 instead of piling it up.
 */
@ApplicationScoped
public class JobQueue implements QueueLoad {

    private static final Logger LOG = Logger.getLogger(JobQueue.class.getName());

    @Inject
    HeadroomSettings settings;

    @Inject
    PipelineModels models;

    @Inject
    RunJob runner;

    @Inject
    JobStore store;

    @Resource(lookup = "java:comp/DefaultManagedThreadFactory")
    ManagedThreadFactory threads;

    private ThreadPoolExecutor pool;
    private final ThreadLocal<HeadshotPipeline> pipelines = new ThreadLocal<>();
    private volatile int capacity = Integer.MAX_VALUE;

    /** Starts the workers and queues again what was unfinished when the appliance stopped. */
    public synchronized void start() {
        int workers = settings.jobWorkers();
        capacity = settings.jobQueueCapacity();
        // Threads from the container's factory carry the application's context (JNDI, CDI,
        // transactions); plain threads could not use the database.
        pool = new ThreadPoolExecutor(workers, workers, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), threads);
        var resumed = store.unfinishedForRestart();
        resumed.forEach(this::submit);
        LOG.info(() -> "Job queue: " + workers + " worker(s), capacity " + capacity
                + (resumed.isEmpty() ? "" : ", " + resumed.size() + " unfinished job(s) queued again"));
    }

    /** Queues a job that is stored as QUEUED. */
    public void submit(String jobId) {
        pool.execute(() -> {
            try {
                HeadshotPipeline pipeline = pipelines.get();
                if (pipeline == null) {
                    pipeline = models.newPipeline();
                    pipelines.set(pipeline);
                }
                runner.run(jobId, pipeline);
            } catch (RuntimeException | Error e) {
                LOG.log(Level.SEVERE, "A job failed unexpectedly: " + e.getClass().getName());
            }
        });
    }

    @Override
    public int queued() {
        ThreadPoolExecutor p = pool;
        return p == null ? 0 : p.getQueue().size() + p.getActiveCount();
    }

    @Override
    public int capacity() {
        return capacity;
    }

    @PreDestroy
    synchronized void stop() {
        if (pool != null) {
            // Unfinished jobs stay QUEUED or RUNNING in the database and run again at the next start.
            pool.shutdownNow();
        }
    }
}
