package io.headroom.server.guard;

import io.headroom.problem.ProblemException;
import io.headroom.problem.ProblemType;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Every JSON request body is small (a consent, a deadline, a list of styles): at most 64 KiB, or
 * 413 before it is parsed, whether the client says its length or streams it chunked. Nesting is
 * bounded by the JSON parser's depth limit within that (a 400).
 */
@Provider
@Priority(Priorities.ENTITY_CODER)
public class JsonBodyLimit implements ContainerRequestFilter {

    static final int MAX_BYTES = 64 * 1024;

    @Override
    public void filter(ContainerRequestContext request) {
        MediaType type = request.getMediaType();
        if (type == null || !type.isCompatible(MediaType.APPLICATION_JSON_TYPE) && !type.getSubtype().endsWith("+json")) {
            return;
        }
        if (request.getLength() > MAX_BYTES) {
            throw tooLarge();
        }
        request.setEntityStream(new Bounded(request.getEntityStream()));
    }

    private static ProblemException tooLarge() {
        return new ProblemException(ProblemType.REQUEST_TOO_LARGE, "A JSON request body may have at most " + (MAX_BYTES / 1024)
                + " KiB.");
    }

    /** Counts what is read and stops past the limit. */
    private static final class Bounded extends FilterInputStream {
        private long read;

        Bounded(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            count(b < 0 ? 0 : 1);
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            count(Math.max(n, 0));
            return n;
        }

        private void count(int n) {
            read += n;
            if (read > MAX_BYTES) {
                throw tooLarge();
            }
        }
    }
}
