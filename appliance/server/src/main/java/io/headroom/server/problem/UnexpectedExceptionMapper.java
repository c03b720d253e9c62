package io.headroom.server.problem;

import io.headroom.problem.ProblemType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Anything else is a bug: the client gets a 500 problem with an incident number and never a
 * stack trace; the log gets the stack trace under the same number. Only the exception's class
 * and stack are logged, not its message, which could carry request data.
 */
@Provider
public class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(UnexpectedExceptionMapper.class.getName());

    @Override
    public Response toResponse(Throwable e) {
        if (e instanceof jakarta.ws.rs.ProcessingException || e instanceof jakarta.json.JsonException
                || e instanceof jakarta.json.bind.JsonbException) {
            // Jersey reports unreadable JSON bodies this way.
            return ProblemResponses.of(ProblemType.INVALID_REQUEST,
                    "The request body is not valid JSON of the documented shape.");
        }
        String incident = UUID.randomUUID().toString();
        LOG.log(Level.SEVERE, "Unexpected error, incident " + incident + ": " + e.getClass().getName(), scrubbed(e));
        return ProblemResponses.of(ProblemType.INTERNAL_ERROR, Problem.unexpectedDetail(incident));
    }

    /** The stack trace without messages, which may quote request content. */
    private static Throwable scrubbed(Throwable e) {
        Throwable copy = new Throwable(e.getClass().getName());
        copy.setStackTrace(e.getStackTrace());
        if (e.getCause() != null && e.getCause() != e) {
            copy.initCause(scrubbed(e.getCause()));
        }
        return copy;
    }
}
