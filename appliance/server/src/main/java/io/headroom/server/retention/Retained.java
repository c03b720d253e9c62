package io.headroom.server.retention;

import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a service method that creates user data (uploads, results, exports, derived files). Every
 * object it stores gets a deadline row, in the method's own transaction, from the
 * {@link RetainedInterceptor}; storing user data anywhere else fails ({@link RetentionScope}).
 * The method must be transactional.
 */
@InterceptorBinding
@Target({ElementType.METHOD, ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
public @interface Retained {
}
