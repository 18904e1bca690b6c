/**
 * What core needs from outside, as interfaces: a way to send a message to a scheme, and a
 * clock with timers that run on the switch's own thread. {@code app} adapts links and an
 * executor to them; tests use fakes and a manual clock.
 */
package io.caspian.core.port;
