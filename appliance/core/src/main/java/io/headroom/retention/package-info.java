/**
 * Retention rules that need no server: one sweep of the retention timer, in which each due session
 * is purged on its own, and the back-off for a session whose purge keeps failing.
 */
package io.headroom.retention;
