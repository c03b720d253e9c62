/**
 * Extension points for Headroom plugins (style packs and storage drivers).
 *
 * <p>A plugin compiles against this package only, with this jar and PF4J as {@code provided}
 * dependencies: a copy bundled inside a plugin would be a different class to the appliance.
 * The extension points themselves arrive with the features that need them; this package
 * already fixes how a plugin says which version of the API it was built for.
 */
package io.headroom.plugin.api;
