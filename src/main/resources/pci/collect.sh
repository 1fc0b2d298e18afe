#!/bin/sh
# kforge PCI collector: prints the sysfs/procfs files a PCI and vfio analysis needs as text
# records, so a board without a JVM (or a busybox initramfs) can be analysed elsewhere.
# Usage: sh collect.sh [ROOT]   (ROOT prefixes every path; default: the live system)
# Records, one per line, each starting with "kfpci ":
#   begin 1 RELEASE | D PATH | L PATH TARGET | F PATH (then X lines: hex bytes) | E PATH | end N
# Needs only POSIX sh, cat, od, readlink (busybox has them all).
R="${1:-}"
n=0
rel=$(cat "$R/proc/sys/kernel/osrelease" 2>/dev/null || uname -r)
echo "kfpci begin 1 $rel"

file() {
    [ -f "$R$1" ] || return 0
    if od -An -v -tx1 "$R$1" >/tmp/kfpci.$$ 2>/dev/null; then
        echo "kfpci F $1"
        while read -r l; do echo "kfpci X $l"; done </tmp/kfpci.$$
        n=$((n + 1))
    else
        echo "kfpci E $1"
    fi
    rm -f /tmp/kfpci.$$
}

link() {
    [ -L "$R$1" ] && echo "kfpci L $1 $(readlink "$R$1")"
}

present() {
    [ -e "$R$1" ] && echo "kfpci D $1"
}

for d in "$R"/sys/bus/pci/devices/*; do
    [ -L "$d" ] || continue
    b=${d##*/}
    link "/sys/bus/pci/devices/$b"
    real=$(cd -P "$d" && pwd -P)
    p=${real#"$R"}
    echo "kfpci D $p"
    for f in vendor device class revision subsystem_vendor subsystem_device config resource irq \
             driver_override enable current_link_speed current_link_width max_link_speed max_link_width; do
        file "$p/$f"
    done
    link "$p/driver"
    link "$p/iommu_group"
done
for g in "$R"/sys/kernel/iommu_groups/*; do
    [ -d "$g" ] || continue
    p=${g#"$R"}
    echo "kfpci D $p"
    file "$p/type"
    for m in "$g"/devices/*; do
        [ -L "$m" ] && link "${m#"$R"}"
    done
done
for i in "$R"/sys/class/iommu/*; do
    [ -L "$i" ] && link "${i#"$R"}"
done
for dr in "$R"/sys/bus/pci/drivers/*; do
    [ -d "$dr" ] && echo "kfpci D ${dr#"$R"}"
done
for m in vfio vfio_pci vfio_iommu_type1 vfio_pci_core; do
    present "/sys/module/$m"
    file "/sys/module/$m/parameters/enable_unsafe_noiommu_mode"
done
file /proc/modules
file /proc/cmdline
file /proc/sys/kernel/osrelease
file "/lib/modules/$rel/modules.builtin"
for k in "$R/lib/modules/$rel"/kernel/drivers/vfio/*.ko* "$R/lib/modules/$rel"/kernel/drivers/vfio/pci/*.ko*; do
    [ -f "$k" ] && echo "kfpci D ${k#"$R"}"
done
file /proc/config.gz
echo "kfpci end $n"
