/** Operators: the studio or IT staff who sign in to the console. Roles, names, lockout rules. */
package io.headroom.operator;
