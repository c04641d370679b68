package com.hipoc.local;

import java.io.PrintStream;

/** The one line per part that start-up and shutdown print, each with how long that part took. */
public final class Progress {
    private final PrintStream out;

    public Progress(PrintStream out) {
        this.out = out;
    }

    /** Starts timing one part; {@link Step#done} prints its line. */
    public Step step(String part) {
        return new Step(part, System.nanoTime());
    }

    public void line(String text) {
        out.println(text);
        out.flush();
    }

    public final class Step {
        private final String part;
        private final long startNanos;

        private Step(String part, long startNanos) {
            this.part = part;
            this.startNanos = startNanos;
        }

        public void done(String detail) {
            line(String.format("%-20s %5.1f s  %s", part, (System.nanoTime() - startNanos) / 1e9, detail));
        }
    }
}
