/** Job states; the queue itself lives in the server. */
package io.headroom.job;
