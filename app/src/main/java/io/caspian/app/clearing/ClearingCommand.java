package io.caspian.app.clearing;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Mixin;

/**
 * What the clearing commands share: where the store is ({@code --config} or the demo's
 * {@code --data}), where they print, and clearing's and the store's failures as one line
 * with exit code 2.
 */
abstract class ClearingCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    StoreOptions store;

    @Override
    public final Integer call() {
        return ClearingRun.oneLineErrors(this::execute);
    }

    /** The command's work; its exit code. */
    abstract Integer execute();

    PrintWriter out() {
        return spec.commandLine().getOut();
    }
}
