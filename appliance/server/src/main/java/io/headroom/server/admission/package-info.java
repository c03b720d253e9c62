/** Admission control at the HTTP edge, see {@link io.headroom.admission.AdmissionControl}. */
package io.headroom.server.admission;
