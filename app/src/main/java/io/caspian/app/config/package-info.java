/**
 * The one YAML configuration file, bound into typed records and validated before anything
 * starts: an unknown key or a bad value stops the start with the path of the key and why.
 */
package io.caspian.app.config;
