package io.headroom.server.job;

import io.headroom.job.JobState;
import io.headroom.server.fakes.FakeTransactions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Jobs and their photos' verdicts in memory; writes and locks only inside a transaction. */
final class MemoryJobs implements JobRepository {

    final Map<String, JobEntity> jobs = new LinkedHashMap<>();
    final List<JobPhotoEntity> photos = new ArrayList<>();
    private final FakeTransactions transactions;

    MemoryJobs(FakeTransactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public void add(JobEntity job) {
        transactions.requireOpen("a job added");
        jobs.put(job.id(), job);
    }

    @Override
    public Optional<JobEntity> find(String sessionId, String jobId) {
        return find(jobId).filter(j -> j.sessionId().equals(sessionId));
    }

    @Override
    public Optional<JobEntity> find(String jobId) {
        return Optional.ofNullable(jobs.get(jobId));
    }

    @Override
    public Optional<JobEntity> lock(String jobId) {
        transactions.requireOpen("a job locked");
        return find(jobId);
    }

    @Override
    public Optional<JobEntity> lockShared(String jobId) {
        return lock(jobId);
    }

    @Override
    public List<JobEntity> of(String sessionId) {
        return jobs.values().stream().filter(j -> j.sessionId().equals(sessionId)).toList();
    }

    @Override
    public List<JobEntity> unfinished() {
        return jobs.values().stream().filter(j -> j.state() == JobState.QUEUED || j.state() == JobState.RUNNING)
                .sorted(Comparator.comparing(JobEntity::createdAt)).toList();
    }

    @Override
    public void addPhoto(JobPhotoEntity photo) {
        transactions.requireOpen("a verdict recorded");
        photos.add(photo);
    }

    @Override
    public Optional<JobPhotoEntity> findPhoto(String jobId, String photoId) {
        return photos.stream().filter(p -> p.jobId().equals(jobId) && p.photoId().equals(photoId)).findFirst();
    }

    @Override
    public List<JobPhotoEntity> photos(String jobId) {
        return photos.stream().filter(p -> p.jobId().equals(jobId)).sorted(Comparator.comparing(JobPhotoEntity::photoId)).toList();
    }

    @Override
    public void removePhotos(String jobId) {
        transactions.requireOpen("verdicts removed");
        photos.removeIf(p -> p.jobId().equals(jobId));
    }
}
