package io.headroom.server.job;

import io.headroom.problem.ProblemException;
import io.headroom.problem.ProblemType;
import io.headroom.server.admission.AddsData;
import io.headroom.server.photo.PhotoService;
import io.headroom.server.photo.PhotoView;
import io.headroom.server.session.CurrentSession;
import io.headroom.server.session.SessionRoute;
import io.headroom.server.session.SessionEntity;
import io.headroom.server.style.StyleCatalog;
import io.headroom.face.Verdict;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Headshot jobs of a session: start one, follow it, read its per-photo verdicts. */
@Path("sessions/{id}/jobs")
@Tag(name = "jobs", description = "Making headshots; needs the session's token")
public class JobResource {

    /** Most styles one job makes: each multiplies the work. */
    static final int MAX_STYLES = 6;
    private static final Jsonb JSON = JsonbBuilder.create();

    @Inject
    StyleCatalog catalog;

    /**
     * What to make.
     *
     * @param cutout whether each headshot also gets its cut-out, the person alone as a PNG with
     *               alpha (absent: no)
     */
    public record JobRequest(List<String> styles, List<String> photos, Boolean cutout) {
    }

    /** A started job. */
    public record JobCreated(String id, String state) {
    }

    /** A photo's verdict in a job. */
    public record PhotoVerdict(String id, String verdict, List<Map<String, String>> reasons, double quality, boolean selected,
                               List<Map<String, String>> skipped) {
    }

    /** A job as the person sees it. */
    public record JobView(String id, String state, int progress, List<String> styles, boolean cutout, String problem,
                          List<PhotoVerdict> photos, List<io.headroom.server.headshot.HeadshotView> headshots) {
    }

    @Inject
    CurrentSession current;

    @Inject
    JobStore store;

    @Inject
    JobQueue queue;

    @Inject
    PhotoService photos;

    @Inject
    JobEvents events;

    @Inject
    StreamSlots slots;

    @Inject
    io.headroom.server.config.HeadroomSettings settings;

    /** When a session with all its streams open may try again. */
    private static final java.time.Duration STREAM_RETRY = java.time.Duration.ofSeconds(10);

    @SessionRoute
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @AddsData
    @Operation(summary = "Create headshots", description = "{\"styles\": [\"natural\"]}, optionally \"photos\": [ids] and "
            + "\"cutout\": true (each headshot also as a PNG of the person alone on transparency). Queues a job.")
    @APIResponse(responseCode = "202", description = "Queued; follow it at the job's address or its /events stream")
    @APIResponse(responseCode = "400", description = "Unknown style or photo")
    @APIResponse(responseCode = "409", description = "No photos uploaded yet")
    @APIResponse(responseCode = "429", description = "The session has as many jobs queued or running as it may; see Retry-After")
    @APIResponse(responseCode = "503", description = "The queue is full or the disk low; see Retry-After")
    public Response create(@PathParam("id") String id, JobRequest body) {
        SessionEntity session = current.get();
        List<String> styles = body == null || body.styles() == null || body.styles().isEmpty() ? List.of("natural") : body.styles();
        if (styles.size() > MAX_STYLES || styles.stream().distinct().count() != styles.size()) {
            throw new ProblemException(ProblemType.INVALID_REQUEST, "Name up to " + MAX_STYLES + " different styles.");
        }
        for (String s : styles) {
            if (s == null || catalog.find(s).isEmpty()) {
                throw new ProblemException(ProblemType.UNKNOWN_STYLE, "There is no such style. Available: "
                        + catalog.all().stream().map(o -> o.style().id()).collect(Collectors.joining(", ")) + ".");
            }
        }
        Set<String> existing = photos.list(session.id()).stream().map(PhotoView::id).collect(Collectors.toSet());
        if (existing.isEmpty()) {
            throw new ProblemException(ProblemType.NO_PHOTOS, "Upload some photos first; 5 to 20 good ones work best.");
        }
        List<String> chosen = body == null || body.photos() == null ? List.of() : body.photos();
        if (chosen.size() > existing.size() || chosen.stream().anyMatch(java.util.Objects::isNull)) {
            throw new ProblemException(ProblemType.INVALID_REQUEST, "Name each of the session's photos at most once.");
        }
        if (!existing.containsAll(chosen)) {
            throw new ProblemException(ProblemType.INVALID_REQUEST, "Some of the photos named are not in this session.");
        }
        boolean cutout = body != null && Boolean.TRUE.equals(body.cutout());
        JobEntity job = store.create(session.id(), styles, chosen, cutout);
        queue.submit(job.id());
        return Response.accepted(new JobCreated(job.id(), "queued"))
                .location(java.net.URI.create(job.id()))
                .build();
    }

    @SessionRoute
    @GET
    @Path("{jid}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Read a job", description = "State, progress in percent and the verdict for each photo.")
    @APIResponse(responseCode = "200", description = "The job")
    @APIResponse(responseCode = "404", description = "No such job in this session")
    public JobView get(@PathParam("id") String id, @PathParam("jid") String jobId,
                       @Context UriInfo uri) {
        SessionEntity session = current.get();
        return view(find(session, jobId), uri.getBaseUri().getPath());
    }

    @SessionRoute
    @GET
    @Path("{jid}/events")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(summary = "Follow a job", description = "Server-Sent Events: a 'progress' event with {state, progress} at every step; "
            + "the stream ends when the job is done, failed or cancelled.")
    @APIResponse(responseCode = "200", description = "The event stream")
    @APIResponse(responseCode = "429", description = "The session has as many streams open as it may; see Retry-After")
    public void events(@PathParam("id") String id, @PathParam("jid") String jobId,
                       @Context SseEventSink sink, @Context Sse sse) {
        SessionEntity session = current.get();
        JobEntity job = find(session, jobId);
        if (!slots.take(session.id(), settings.limits().streamsPerSession())) {
            throw new ProblemException(ProblemType.TOO_MANY_REQUESTS, "This session has as many progress streams open as it may. "
                    + "Close one (or read the job's state instead), then try again.", STREAM_RETRY);
        }
        AtomicBoolean ended = new AtomicBoolean();
        Consumer<JobEvents.Progress> listener = new Consumer<>() {
            @Override
            public void accept(JobEvents.Progress p) {
                // A client that went away is dropped at the next event: unsubscribed, its slot given back.
                if (!send(sink, sse, p) || p.state().finished()) {
                    end(this);
                }
            }

            private void end(Consumer<JobEvents.Progress> self) {
                events.unsubscribe(jobId, self);
                closeQuietly(sink);
                if (ended.compareAndSet(false, true)) {
                    slots.giveBack(session.id());
                }
            }
        };
        events.subscribe(jobId, listener);
        // The state now, after subscribing, so no step between reading and listening is missed.
        JobEntity now = store.find(session.id(), jobId).orElse(job);
        listener.accept(new JobEvents.Progress(now.id(), now.state(), now.progress()));
    }

    /** Sends one event; false when the stream is closed (its client went away). */
    private static boolean send(SseEventSink sink, Sse sse, JobEvents.Progress p) {
        // The worker and this request may both send on one stream: one at a time per stream.
        synchronized (sink) {
            if (sink.isClosed()) {
                return false;
            }
            sink.send(sse.newEventBuilder().name("progress").mediaType(MediaType.APPLICATION_JSON_TYPE)
                            .data(String.class, JSON.toJson(Map.of("state", p.state().wireName(), "progress", p.progress()))).build())
                    .whenComplete((done, failure) -> {
                        if (failure != null) {
                            closeQuietly(sink); // the next event finds it closed
                        }
                    });
            return true;
        }
    }

    private static void closeQuietly(SseEventSink sink) {
        try {
            sink.close();
        } catch (RuntimeException e) {
            // already gone
        }
    }

    private JobEntity find(SessionEntity session, String jobId) {
        return store.find(session.id(), jobId)
                .orElseThrow(() -> new ProblemException(ProblemType.NOT_FOUND, "This session has no such job."));
    }

    private JobView view(JobEntity job, String base) {
        List<PhotoVerdict> verdicts = store.photos(job.id()).stream().map(p -> new PhotoVerdict(p.photoId(),
                p.usable() ? "usable" : "unusable",
                p.reasonCodes().stream().map(c -> Map.of("code", c, "message", message(c))).toList(),
                Math.round(p.quality() * 1000) / 1000.0, p.selected(),
                p.skipped().stream().map(k -> Map.of("style", k.style(), "aspect", k.aspect(), "code", k.code(), "message", message(k.code())))
                        .toList())).toList();
        List<io.headroom.server.headshot.HeadshotView> made = store.headshotsOf(job.id()).stream()
                .map(h -> io.headroom.server.headshot.HeadshotView.of(h, base)).toList();
        return new JobView(job.id(), job.state().wireName(), job.progress(), job.styles(), job.cutout(), job.problem(),
                verdicts, made);
    }

    private static String message(String code) {
        for (Verdict v : Verdict.values()) {
            if (v.code().equals(code)) {
                return v.message();
            }
        }
        return code;
    }
}
