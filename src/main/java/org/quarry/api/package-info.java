/**
 * The embedding surface: the {@link org.quarry.api.Quarry} facade offers everything a user can
 * do; the CLI and HTTP server are thin layers on it.
 */
package org.quarry.api;
