package com.hipoc.local;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;

/** {@code --name value} and {@code --name=value} options of one subcommand. */
public final class CommandLine {
    private final Map<String, String> values;

    private CommandLine(Map<String, String> values) {
        this.values = values;
    }

    public static CommandLine parse(List<String> args, Set<String> known) {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (!arg.startsWith("--")) {
                throw new UsageException("unexpected argument '" + arg + "'");
            }
            int eq = arg.indexOf('=');
            String name = eq < 0 ? arg.substring(2) : arg.substring(2, eq);
            if (!known.contains(name)) {
                throw new UsageException("unknown option --" + name + " (known: --" + String.join(", --", known) + ")");
            }
            if (eq >= 0) {
                values.put(name, arg.substring(eq + 1));
            } else if (i + 1 < args.size()) {
                values.put(name, args.get(++i));
            } else {
                throw new UsageException("--" + name + " needs a value");
            }
        }
        return new CommandLine(values);
    }

    public String string(String name, String fallback) {
        return values.getOrDefault(name, fallback);
    }

    int port(String name, int fallback) {
        return integer(name, fallback, 65535);
    }

    String required(String name) {
        String v = values.get(name);
        if (v == null) {
            throw new UsageException("--" + name + " is required");
        }
        return v;
    }

    /** A whole number from 1 to {@code max}. */
    public int integer(String name, int fallback, int max) {
        return optionalInteger(name, max).orElse(fallback);
    }

    /** A whole number from 1 to {@code max}, if given. */
    OptionalInt optionalInteger(String name, int max) {
        String v = values.get(name);
        if (v == null) {
            return OptionalInt.empty();
        }
        int n;
        try {
            n = Integer.parseInt(v);
        } catch (NumberFormatException e) {
            n = 0;
        }
        if (n >= 1 && n <= max) {
            return OptionalInt.of(n);
        }
        throw new UsageException("--" + name + " must be a whole number from 1 to " + max + ", got '" + v + "'");
    }
}
