/** The embedded H2 database: where it lives and how its schema is migrated. */
package io.headroom.db;
