package io.onboarding.system;

/**
 * The terminal of whoever started this process: for words meant for that person only and never for the log file
 * (the console's one-time password). The command line provides it; a door below it never writes to a terminal.
 */
@FunctionalInterface
public interface OperatorTerminal {

    void say(String line);
}
