/**
 * The Jakarta EE side of Headroom: REST resources, CDI wiring, JPA entities and start-up.
 * Domain rules live in {@code appliance/core}; classes here adapt them to HTTP and the database.
 */
package io.headroom.server;
