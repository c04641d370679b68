package com.hipoc.cli;

import com.hipoc.bench.BenchCommand;
import com.hipoc.bench.chaos.ChaosCommand;
import com.hipoc.local.LocalCommand;
import com.hipoc.local.readmodels.RebuildReadModelsCommand;
import com.hipoc.local.SavepointCommand;
import com.hipoc.local.StopCommand;
import com.hipoc.local.UpgradeCommand;
import com.hipoc.local.readmodels.VerifyCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.ScopeType;

import java.io.PrintWriter;

/**
 * {@code bin/hipoc <command> [options]}: the operator's entry point to Hi-PoC. It lives in bench/,
 * the one module that sees every command: the stack's (local/) and the load and fault suites
 * (bench and chaos); in a package of its own, which nothing imports. A bad command line exits 2, a failed command 1.
 */
@Command(name = "hipoc", synopsisSubcommandLabel = "COMMAND",
        description = "Run, operate, load and check Hi-PoC on this machine (README.md).",
        footer = "`hipoc COMMAND --help` lists a command's options; each takes both --name value and --name=value.",
        subcommands = {LocalCommand.class, StopCommand.class, SavepointCommand.class, UpgradeCommand.class,
                RebuildReadModelsCommand.class, VerifyCommand.class, BenchCommand.class, ChaosCommand.class})
public final class HipocCli {
    @Option(names = {"-h", "--help"}, usageHelp = true, scope = ScopeType.INHERIT, description = "show this help and exit")
    private boolean help;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    public static CommandLine commandLine() {
        return new CommandLine(new HipocCli()).setExecutionExceptionHandler(HipocCli::failed);
    }

    private static int failed(Exception e, CommandLine command, ParseResult parsed) {
        PrintWriter err = command.getErr();
        err.print(command.getCommandSpec().qualifiedName() + " failed: ");
        if (e instanceof IllegalStateException) {
            // An operator's problem (a busy port, a server that did not come up, no stack there):
            // its message says what to do, a stack trace would bury that.
            err.println(messages(e));
        } else {
            err.println(e);
            e.printStackTrace(err);
        }
        err.flush();
        return 1;
    }

    private static String messages(Throwable e) {
        StringBuilder text = new StringBuilder(String.valueOf(e.getMessage()));
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            text.append("\n  caused by ").append(cause);
        }
        return text.toString();
    }
}
