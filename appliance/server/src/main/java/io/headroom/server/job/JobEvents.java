package io.headroom.server.job;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/** Who wants to hear about a job's progress (Server-Sent Events streams), and telling them. */
@ApplicationScoped
public class JobEvents {

    /** A progress report: state and percent. */
    public record Progress(String jobId, io.headroom.job.JobState state, int progress) {
    }

    private final Map<String, List<Consumer<Progress>>> listeners = new ConcurrentHashMap<>();

    public void subscribe(String jobId, Consumer<Progress> listener) {
        listeners.computeIfAbsent(jobId, k -> new CopyOnWriteArrayList<>()).add(listener);
    }

    public void unsubscribe(String jobId, Consumer<Progress> listener) {
        List<Consumer<Progress>> l = listeners.get(jobId);
        if (l != null) {
            l.remove(listener);
            if (l.isEmpty()) {
                listeners.remove(jobId, l);
            }
        }
    }

    /** Announced only once the change is committed, so a listener reading the job sees the same. */
    void onCommitted(@Observes(during = TransactionPhase.AFTER_SUCCESS) Progress p) {
        publish(p);
    }

    void publish(Progress p) {
        List<Consumer<Progress>> l = listeners.get(p.jobId());
        if (l != null) {
            for (Consumer<Progress> c : l) {
                try {
                    c.accept(p);
                } catch (RuntimeException e) {
                    l.remove(c); // a closed stream: forget it
                }
            }
        }
    }
}
