package io.shotplan.app.cli;

import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * While open, Ctrl-C runs an action instead of killing the JVM, so long work (solving, rendering) can stop cleanly
 * and keep what it finished. A second Ctrl-C falls back to the default: the process ends at once.
 */
final class CtrlC implements AutoCloseable {

    private static final Signal INT = new Signal("INT");

    private final SignalHandler previous;

    private CtrlC(Runnable action) {
        SignalHandler[] before = new SignalHandler[1];
        before[0] = Signal.handle(INT, signal -> {
            Signal.handle(INT, before[0]);
            action.run();
        });
        this.previous = before[0];
    }

    static CtrlC onPress(Runnable action) {
        return new CtrlC(action);
    }

    @Override
    public void close() {
        Signal.handle(INT, previous);
    }
}
