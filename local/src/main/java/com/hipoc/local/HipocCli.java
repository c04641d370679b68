package com.hipoc.local;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** {@code bin/hipoc <command> [options]}: the operator's entry point to Hi-PoC. */
public final class HipocCli {
    private static final List<CliCommand> COMMANDS = List.of(new LocalCommand(), new SavepointCommand(), new UpgradeCommand(),
            new RebuildReadModelsCommand(), new VerifyCommand());

    private HipocCli() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    static int run(String[] args) {
        Optional<CliCommand> command = args.length == 0 ? Optional.empty() : find(args[0]);
        if (command.isEmpty()) {
            printUsage();
            return 2;
        }
        try {
            return command.get().run(Arrays.asList(args).subList(1, args.length));
        } catch (UsageException e) {
            System.err.println("hipoc " + args[0] + ": " + e.getMessage());
            return 2;
        } catch (IllegalStateException e) {
            // An operator's problem (a busy port, a server that did not come up): its message
            // says what to do, a stack trace would bury that.
            System.err.println("hipoc " + args[0] + " failed: " + messages(e));
            return 1;
        } catch (Exception e) {
            System.err.println("hipoc " + args[0] + " failed: " + e);
            e.printStackTrace(System.err);
            return 1;
        }
    }

    private static String messages(Throwable e) {
        StringBuilder text = new StringBuilder(String.valueOf(e.getMessage()));
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            text.append("\n  caused by ").append(cause);
        }
        return text.toString();
    }

    private static Optional<CliCommand> find(String name) {
        return COMMANDS.stream().filter(c -> c.name().equals(name)).findFirst();
    }

    private static void printUsage() {
        System.err.println("usage: hipoc <command> [options]");
        for (CliCommand c : COMMANDS) {
            System.err.printf("  %-20s %s%n", c.name(), c.summary());
        }
    }
}
