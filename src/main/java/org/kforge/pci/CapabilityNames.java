package org.kforge.pci;

import java.util.Map;

/** Capability names as the PCI specs and include/uapi/linux/pci_regs.h give them. */
final class CapabilityNames {
    private static final Map<Integer, String> STANDARD = Map.ofEntries(
            Map.entry(0x01, "Power Management"), Map.entry(0x02, "AGP"), Map.entry(0x03, "Vital Product Data"),
            Map.entry(0x04, "Slot Identification"), Map.entry(0x05, "MSI"), Map.entry(0x06, "CompactPCI hot-swap"),
            Map.entry(0x07, "PCI-X"), Map.entry(0x08, "HyperTransport"), Map.entry(0x09, "Vendor Specific"),
            Map.entry(0x0a, "Debug port"), Map.entry(0x0b, "CompactPCI central resource control"),
            Map.entry(0x0c, "PCI hot-plug"), Map.entry(0x0d, "Subsystem vendor/device ID"), Map.entry(0x0e, "AGP 8x"),
            Map.entry(0x0f, "Secure device"), Map.entry(0x10, "PCI Express"), Map.entry(0x11, "MSI-X"),
            Map.entry(0x12, "SATA HBA"), Map.entry(0x13, "PCI Advanced Features"), Map.entry(0x14, "Enhanced Allocation"));
    private static final Map<Integer, String> EXTENDED = Map.ofEntries(
            Map.entry(0x01, "Advanced Error Reporting"), Map.entry(0x02, "Virtual Channel"), Map.entry(0x03, "Device Serial Number"),
            Map.entry(0x04, "Power Budgeting"), Map.entry(0x05, "Root Complex Link"), Map.entry(0x06, "Root Complex Internal Link"),
            Map.entry(0x07, "Root Complex Event Collector"), Map.entry(0x08, "Multi-Function VC"), Map.entry(0x09, "Virtual Channel (MFVC)"),
            Map.entry(0x0a, "Root Complex Register Block"), Map.entry(0x0b, "Vendor Specific"), Map.entry(0x0d, "Access Control Services"),
            Map.entry(0x0e, "Alternative Routing-ID Interpretation"), Map.entry(0x0f, "Address Translation Service"),
            Map.entry(0x10, "SR-IOV"), Map.entry(0x11, "MR-IOV"), Map.entry(0x12, "Multicast"), Map.entry(0x13, "Page Request"),
            Map.entry(0x15, "Resizable BAR"), Map.entry(0x16, "Dynamic Power Allocation"), Map.entry(0x17, "TPH Requester"),
            Map.entry(0x18, "Latency Tolerance Reporting"), Map.entry(0x19, "Secondary PCI Express"),
            Map.entry(0x1a, "Protocol Multiplexing"), Map.entry(0x1b, "PASID"), Map.entry(0x1c, "LN Requester"),
            Map.entry(0x1d, "Downstream Port Containment"), Map.entry(0x1e, "L1 PM Substates"),
            Map.entry(0x1f, "Precision Time Measurement"), Map.entry(0x23, "Designated Vendor-Specific"),
            Map.entry(0x25, "Data Link Feature"), Map.entry(0x26, "Physical Layer 16.0 GT/s"),
            Map.entry(0x27, "Lane Margining at the Receiver"), Map.entry(0x2a, "Physical Layer 32.0 GT/s"));

    private CapabilityNames() {
    }

    static String standard(int id) {
        return STANDARD.getOrDefault(id, String.format("capability %02x", id));
    }

    static String extended(int id) {
        return EXTENDED.getOrDefault(id, String.format("extended capability %04x", id));
    }
}
