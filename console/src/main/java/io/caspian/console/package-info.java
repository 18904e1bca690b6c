/**
 * The operations console: one HTTP port serving the REST API under {@code /api}, Prometheus
 * metrics at {@code /metrics}, liveness and readiness at {@code /health}, and the web console
 * at {@code /}. It sits beside the message flow, never in it: it reads the store and the
 * engine's counters, is told of answers through {@link io.caspian.core.flow.EngineObserver},
 * and reaches links, reload and clearing only through the ports {@code app} wires
 * ({@link io.caspian.console.LinkControl}, {@link io.caspian.console.Reloader},
 * {@link io.caspian.console.ClearingPort}).
 */
package io.caspian.console;
