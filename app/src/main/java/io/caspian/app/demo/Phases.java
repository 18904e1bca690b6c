package io.caspian.app.demo;

import io.caspian.sim.fault.IssuerFaults;

/**
 * The demo's day: normal trading, then the Shetab issuer loses a quarter of its answers
 * (timeouts, reversals, late approvals reversed), then the Shetab link goes down (stand-in
 * for Shetab cards, advices owed), then normal again while owed messages are delivered.
 */
final class Phases {
    private final long totalMs;
    private final IssuerFaults shetab;
    private int current = -1;
    private boolean disconnectArmed;

    private static final String[] NAMES = {
        "normal trading",
        "Shetab issuer drops 25% of answers: timeouts -> reversals",
        "Shetab link down: stand-in for Shetab cards, advices owed",
        "normal again: reversals and advices delivered"};

    Phases(long totalMs, SchemeWorld shetab) {
        this.totalMs = totalMs;
        this.shetab = shetab.simulator.faults();
    }

    void at(long elapsedMs) {
        int phase = elapsedMs < totalMs * 30 / 100 ? 0 : elapsedMs < totalMs * 45 / 100 ? 1
                : elapsedMs < totalMs * 60 / 100 ? 2 : 3;
        if (disconnectArmed) {
            // One disconnect is enough: the host stays away for the phase.
            shetab.setDisconnect(0, 0);
            disconnectArmed = false;
        }
        if (phase == current) {
            return;
        }
        current = phase;
        shetab.clear();
        if (phase == 1) {
            shetab.setDropFraction(0.25);
        } else if (phase == 2) {
            shetab.setDisconnect(1.0, totalMs * 15 / 100);
            disconnectArmed = true;
        }
    }

    String name() {
        return current < 0 ? "" : NAMES[current];
    }

    void end() {
        shetab.clear();
    }
}
