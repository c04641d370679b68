package com.hipoc.local;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/** The range of a whole-number option, checked once picocli has read it: a number outside it is a usage error (exit 2). */
public final class OptionBounds {
    private OptionBounds() {
    }

    public static int check(CommandSpec spec, String option, int value, int min, int max) {
        if (value < min || value > max) {
            throw new ParameterException(spec.commandLine(),
                    option + " must be a whole number from " + min + " to " + max + ", got " + value);
        }
        return value;
    }
}
