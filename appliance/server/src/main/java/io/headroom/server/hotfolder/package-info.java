/** The studio's hot folder: client folders of photos made into headshots without the API. */
package io.headroom.server.hotfolder;
