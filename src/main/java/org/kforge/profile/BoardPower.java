package org.kforge.profile;

/**
 * How a board's power is switched: shell commands ({@code on}, {@code off}, {@code cycle}, as ktest's
 * POWER_CYCLE or LAVA's power_on), a pdudaemon ({@code pdudaemon}: its URL, {@code pdu} the PDU's name in
 * its configuration, {@code port}), or a twin's firmware stand-in ({@code twin}: its control socket).
 */
public record BoardPower(String on, String off, String cycle, String pdudaemon, String pdu, Integer port, String twin) {

    /** How it is switched, in words for a plan. */
    public String describe() {
        if (twin != null) return "twin firmware stand-in (QMP system_reset / quit) via " + twin;
        if (pdudaemon != null) return "pdudaemon " + pdudaemon + " pdu " + pdu + " port " + port;
        if (cycle != null || on != null) return "commands";
        return "none (reboot over ssh only)";
    }
}
