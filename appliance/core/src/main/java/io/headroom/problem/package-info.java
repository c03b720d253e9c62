/** Errors as the API reports them: a stable code, an HTTP status and a message for a person. */
package io.headroom.problem;
