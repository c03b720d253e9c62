package io.headroom.admission;

/**
 * How full the work queue is. The job queue implements it; until a queue exists the appliance
 * uses {@link #IDLE}.
 */
public interface QueueLoad {

    QueueLoad IDLE = new QueueLoad() {
        @Override
        public int queued() {
            return 0;
        }

        @Override
        public int capacity() {
            return Integer.MAX_VALUE;
        }
    };

    /** Jobs waiting or running now. */
    int queued();

    /** Jobs the queue accepts at most. */
    int capacity();
}
