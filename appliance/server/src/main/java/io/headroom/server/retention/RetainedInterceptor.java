package io.headroom.server.retention;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import java.util.List;

/**
 * Records the deadline of everything a {@link Retained} method stored, after it returns and
 * inside its transaction (this interceptor runs within the transactional one), so an object and
 * its deadline row commit together or not at all.
 */
@Retained
@Interceptor
@Priority(Interceptor.Priority.APPLICATION)
public class RetainedInterceptor {

    @Inject
    BlobDeadlines deadlines;

    @AroundInvoke
    public Object record(InvocationContext invocation) throws Exception {
        List<RetentionScope.Created> outer = RetentionScope.open();
        List<RetentionScope.Created> created = null;
        try {
            Object result = invocation.proceed();
            created = RetentionScope.close(outer);
            deadlines.record(created);
            return result;
        } finally {
            if (created == null) {
                RetentionScope.close(outer);
            }
        }
    }
}
