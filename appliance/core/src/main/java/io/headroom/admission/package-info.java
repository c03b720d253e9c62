/** Admission control: refuse new data early (503 + Retry-After) when disk or queue are full. */
package io.headroom.admission;
