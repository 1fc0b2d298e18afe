package org.kforge.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The kinds of miss issue 17's held-out sets showed, each on the lines a kernel prints for it: a Wi-Fi
 * firmware missing with nothing after it, a USB device that does not enumerate, an interface userspace
 * cannot find, a PCIe window error before the link-down line, a transient MMC error, tasks hung behind a
 * dead device, and a crash whose only frame is the pc line.
 */
class VerdictKindsTest {
    private static final String BANNER = "[    0.000000] Linux version 6.1.21-v8+ (dom@buildbot) #1642 SMP PREEMPT";

    private static Verdict feed(String... lines) {
        ConsoleWatcher w = new ConsoleWatcher(RuleBook.builtIn(), Map.of());
        for (String l : lines) w.accept(l, -1);
        return VerdictBuilder.decide(w.events());
    }

    @Test
    void aWifiChipsFirmwareMissingIsADeadDeviceEvenWhenNothingFollows() {
        Verdict v = feed(BANNER,
                "[    7.1] brcmfmac mmc1:0001:1: Direct firmware load for brcm/brcmfmac43436-sdio.raspberrypi,model-zero-2-w.bin failed with error -2",
                "[    7.2] brcmfmac mmc1:0001:1: Direct firmware load for brcm/brcmfmac43436-sdio.bin failed with error -2",
                "raspberrypi login: ");
        assertThat(v.booted()).isTrue();
        assertThat(v.outcome()).isEqualTo("device-error");
        // the board-specific name is only the first try: the generic file is what is missing
        assertThat(v.firstBadLine().number()).isEqualTo(3);
        assertThat(v.title()).contains("Wi-Fi dead").contains("brcm/brcmfmac43436-sdio.bin");
    }

    @Test
    void aWifiChipThatRunsAfterAllClearsItsFirmwareLine() {
        Verdict v = feed(BANNER,
                "[    7.2] brcmfmac mmc1:0001:1: Direct firmware load for brcm/brcmfmac43455-sdio.bin failed with error -2",
                "[    7.9] brcmfmac: brcmf_c_preinit_dcmds: Firmware: BCM4345/6 wl0: Jan  4 2021 19:56:29 version 7.45.229",
                "raspberrypi login: ");
        assertThat(v.outcome()).isEqualTo("boot-ok");
        assertThat(v.notes()).singleElement().satisfies(n -> assertThat(n.id()).isEqualTo("wifi-firmware-missing"));
    }

    @Test
    void aUsbDeviceThatNeverEnumeratesIsADeadDeviceAndOneThatDoesIsANote() {
        Verdict dead = feed(BANNER,
                "[   34.6] usb 1-1.3: device descriptor read/64, error -71",
                "[   36.1] usb 1-1-port3: unable to enumerate USB device",
                "raspberrypi login: ");
        assertThat(dead.outcome()).isEqualTo("device-error");
        assertThat(dead.firstBadLine().number()).isEqualTo(2);
        Verdict recovered = feed(BANNER,
                "[    2.1] usb 1-1.2: device descriptor read/64, error -71",
                "[    2.5] usb 1-1.2: New USB device found, idVendor=046d, idProduct=c52b, bcdDevice=12.11",
                "raspberrypi login: ");
        assertThat(recovered.outcome()).isEqualTo("boot-ok");
    }

    @Test
    void anInterfaceUserspaceCannotFindIsAUserspaceDeviceError() {
        Verdict v = feed(BANNER, "raspberrypi login: ", "ifup: interface wlan0 does not exist");
        assertThat(v.outcome()).isEqualTo("device-error");
        assertThat(v.title()).contains("wlan0");
        assertThat(v.layer()).isEqualTo("userspace");
    }

    @Test
    void thePcieWindowErrorBeforeTheLinkDownLineIsTheFirstBadLine() {
        Verdict v = feed(BANNER,
                "[    1.0] brcm-pcie fd500000.pcie: non-prefetchable memory resource required",
                "[    1.6] brcm-pcie fd500000.pcie: link down",
                "raspberrypi login: ");
        assertThat(v.outcome()).isEqualTo("device-error");
        assertThat(v.firstBadLine().number()).isEqualTo(2);
    }

    @Test
    void anMmcErrorIsClearedWhenTheSameHostsCardShowsUpAsABlockDevice() {
        Verdict v = feed(BANNER,
                "[    1.2] mmc0: error -84 whilst initialising SD card",
                "[    1.9] mmcblk0: mmc0:aaaa SC16G 14.8 GiB",
                "[    2.4] VFS: Mounted root (ext4 filesystem) readonly on device 179:2.",
                "raspberrypi login: ");
        assertThat(v.outcome()).isEqualTo("boot-ok");
        assertThat(v.notes()).extracting(Verdict.Finding::id).contains("mmc-init-error");
    }

    @Test
    void tasksHungBehindADeviceThatStoppedAnsweringGiveHangBecauseTheRuleSaysItDecides() {
        Verdict v = feed(BANNER,
                "[   10.0] mmc1: Controller never released inhibit bit(s).",
                "[  243.6] INFO: task kworker/1:0:26 blocked for more than 120 seconds.");
        assertThat(v.outcome()).isEqualTo("hang");
        assertThat(v.firstBadLine().number()).isEqualTo(2);
        // the policy is data: every hang rule says it decides, no outcome name is special in Java
        assertThat(RuleBook.builtIn().rules()).filteredOn(r -> r.kind() == Rule.Kind.FAILURE && "hang".equals(r.outcome()))
                .isNotEmpty().allSatisfy(r -> assertThat(r.details().decisive()).as(r.id()).isTrue());
    }

    @Test
    void aCrashWhoseOnlyFrameIsThePcLineIsNamedAfterIt() {
        Verdict v = feed(BANNER,
                "[    0.6135] Unable to handle kernel NULL pointer dereference at virtual address 0000000000000008",
                "[    0.6136] Internal error: Oops: 0000000096000004 [#1] PREEMPT SMP",
                "[    0.6137] pc : list_test_list_add+0x28/0x80",
                "[    0.6138] Kernel panic - not syncing: Oops: Fatal exception",
                "[    0.6139] ---[ end Kernel panic - not syncing: Oops: Fatal exception ]---");
        assertThat(v.outcome()).isEqualTo("panic");
        assertThat(v.title()).endsWith("in list_test_list_add").doesNotContain("unknown function");
    }
}
