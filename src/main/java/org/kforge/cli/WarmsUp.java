package org.kforge.cli;

/**
 * A command with work to start before picocli parses its options (a class-loading head start on the second core):
 * {@link Main} calls {@link #warmUp()} once the command is registered, before it runs. Nothing here may depend on
 * the options; a failure is left for the command itself to meet and report.
 */
interface WarmsUp {
    void warmUp();
}
