package com.hipoc.local;

import java.util.List;

/** One subcommand of {@code bin/hipoc}; returns the process exit code. */
interface CliCommand {
    String name();

    String summary();

    int run(List<String> args) throws Exception;
}
