/** The audit log in the appliance: where events are appended and how operators read and check it. */
package io.headroom.server.audit;
