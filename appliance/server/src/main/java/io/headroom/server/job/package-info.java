/** The job queue: jobs stored in H2, a bounded worker pool, progress over Server-Sent Events, resume after restart. */
package io.headroom.server.job;
