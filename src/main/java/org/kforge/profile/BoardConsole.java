package org.kforge.profile;

import java.util.List;

/**
 * A board's serial console: what the kernel calls it ({@code device}, the UART behind it, its {@code earlycon}),
 * the other UARTs the SoC has ({@code uarts}), and how kforge reads it — exactly one of a serial device
 * ({@code serial} at {@code baud}), a TCP serial server ({@code tcp} host:port, {@code telnet} framing as
 * ser2net's telnet mode), or a command whose stdout is the console ({@code command}, as ktest's CONSOLE).
 */
public record BoardConsole(String device, String uart, String earlycon, List<Uart> uarts, String serial, Integer baud,
                           String tcp, Boolean telnet, String command) {
    public BoardConsole {
        uarts = uarts == null ? List.of() : List.copyOf(uarts);
    }

    /** One UART of the SoC: its kernel name, what it is, its earlycon and what enables it. */
    public record Uart(String device, String uart, String earlycon, String enable) {
    }

    public boolean telnetFraming() {
        return Boolean.TRUE.equals(telnet);
    }

    /** How kforge reads it, in words for a plan; null when the board file gives no reader. */
    public String reader() {
        if (serial != null) return "serial " + serial + " at " + baud + " baud";
        if (tcp != null) return "tcp " + tcp + (telnetFraming() ? " (telnet)" : "");
        if (command != null) return "command: " + command;
        return null;
    }

    public BoardConsole withTcp(String hostPort) {
        return new BoardConsole(device, uart, earlycon, uarts, null, null, hostPort, false, null);
    }
}
