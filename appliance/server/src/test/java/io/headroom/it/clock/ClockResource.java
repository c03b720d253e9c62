package io.headroom.it.clock;

import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.time.Duration;

/** Test-only: {@code POST /api/test/clock?advance=PT25H} moves the application's clock forward. */
@Path("test/clock")
@RequestScoped
public class ClockResource {

    @POST
    public Response advance(@QueryParam("advance") String duration) {
        MovableClock.OFFSET.updateAndGet(d -> d.plus(Duration.parse(duration)));
        return Response.noContent().build();
    }
}
