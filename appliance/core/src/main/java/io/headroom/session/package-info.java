/** Anonymous sessions: consent, lifecycle ({@link io.headroom.session.SessionState}) and retention deadlines. */
package io.headroom.session;
