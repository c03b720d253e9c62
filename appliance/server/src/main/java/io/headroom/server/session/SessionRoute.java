package io.headroom.server.session;

import jakarta.ws.rs.NameBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a resource method under {@code /sessions/{id}}: it runs only for the session whose token
 * the request carries ({@link SessionAccessFilter}), and reads it from {@link CurrentSession}.
 */
@NameBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface SessionRoute {
}
