package io.headroom.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class JobStateTest {

    @Test
    void aJobMovesOnlyAlongItsDiagramAndAFinishedOneNeverAgain() {
        assertEquals(EnumSet.of(JobState.RUNNING, JobState.CANCELLED), reachable(JobState.QUEUED));
        assertEquals(EnumSet.of(JobState.DONE, JobState.FAILED, JobState.CANCELLED, JobState.QUEUED), reachable(JobState.RUNNING));
        for (JobState end : EnumSet.of(JobState.DONE, JobState.FAILED, JobState.CANCELLED)) {
            assertTrue(end.finished());
            assertEquals(EnumSet.noneOf(JobState.class), reachable(end), end + " is final");
        }
        assertFalse(JobState.QUEUED.canBecome(JobState.DONE), "a job is done only after running");
        assertEquals("cancelled", JobState.CANCELLED.wireName());
    }

    private static Set<JobState> reachable(JobState from) {
        Set<JobState> to = EnumSet.noneOf(JobState.class);
        for (JobState s : JobState.values()) {
            if (from.canBecome(s)) {
                to.add(s);
            }
        }
        return to;
    }
}
