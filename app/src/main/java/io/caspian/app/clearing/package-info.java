/**
 * The clearing commands ({@code caspian cutover | clear | settle | recon | dispute}): they
 * open the store named by a configuration (or the demo's), build the clearing module's
 * services from it and print what they did. No clearing logic lives here.
 */
package io.caspian.app.clearing;
