package io.headroom.server.job;

import io.headroom.job.JobState;
import io.headroom.server.db.SessionOwned;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;

/** {@link JobRepository} on the {@code JOBS} and {@code JOB_PHOTOS} tables. */
/* Joins the caller's transaction; a read outside one gets its own, since the container's entity
 * manager needs one on the job workers' and the retention timer's threads. */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRED)
class JpaJobRepository implements JobRepository {

    @PersistenceContext(unitName = "headroom")
    EntityManager em;

    @Override
    public void add(JobEntity job) {
        em.persist(job);
    }

    @Override
    public Optional<JobEntity> find(String sessionId, String jobId) {
        return SessionOwned.find(em, JobEntity.class, sessionId, jobId);
    }

    @Override
    public Optional<JobEntity> find(String jobId) {
        return Optional.ofNullable(em.find(JobEntity.class, jobId));
    }

    @Override
    public Optional<JobEntity> lock(String jobId) {
        return Optional.ofNullable(em.find(JobEntity.class, jobId, LockModeType.PESSIMISTIC_WRITE));
    }

    @Override
    public Optional<JobEntity> lockShared(String jobId) {
        return Optional.ofNullable(em.find(JobEntity.class, jobId, LockModeType.PESSIMISTIC_READ));
    }

    @Override
    public List<JobEntity> of(String sessionId) {
        return em.createQuery("SELECT j FROM JobEntity j WHERE j.sessionId = :s", JobEntity.class)
                .setParameter("s", sessionId).getResultList();
    }

    @Override
    public List<JobEntity> unfinished() {
        return em.createQuery("SELECT j FROM JobEntity j WHERE j.state IN :s ORDER BY j.createdAt", JobEntity.class)
                .setParameter("s", List.of(JobState.QUEUED, JobState.RUNNING)).getResultList();
    }

    @Override
    public void addPhoto(JobPhotoEntity photo) {
        em.persist(photo);
    }

    @Override
    public Optional<JobPhotoEntity> findPhoto(String jobId, String photoId) {
        return Optional.ofNullable(em.find(JobPhotoEntity.class, new JobPhotoEntity.Key(jobId, photoId)));
    }

    @Override
    public List<JobPhotoEntity> photos(String jobId) {
        return em.createQuery("SELECT p FROM JobPhotoEntity p WHERE p.jobId = :j ORDER BY p.photoId", JobPhotoEntity.class)
                .setParameter("j", jobId).getResultList();
    }

    @Override
    public void removePhotos(String jobId) {
        em.createQuery("DELETE FROM JobPhotoEntity p WHERE p.jobId = :j").setParameter("j", jobId).executeUpdate();
    }
}
