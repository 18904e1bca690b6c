package io.caspian.console;

import java.util.ArrayList;
import java.util.List;

/** A link that records the operator actions it was asked for. */
final class FakeLink implements LinkControl {
    final List<String> actions = new ArrayList<>();
    private final String name;
    private String state = "SIGNED_ON";

    FakeLink(String name) {
        this.name = name;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String state() {
        return state;
    }

    @Override
    public boolean signedOn() {
        return state.equals("SIGNED_ON");
    }

    @Override
    public Counters counters() {
        return new Counters(10, 9, 0, 0, 1, 1, 0, 0, 0);
    }

    @Override
    public synchronized String signOn() {
        actions.add("sign-on");
        state = "SIGNED_ON";
        return "SENT";
    }

    @Override
    public synchronized String signOff() {
        actions.add("sign-off");
        state = "CONNECTED";
        return "SENT";
    }

    @Override
    public synchronized String echo() {
        actions.add("echo");
        return "SENT";
    }
}
