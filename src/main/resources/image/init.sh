#!/bin/sh
# /init of a kforge initramfs: mount the kernel filesystems, load the modules listed in
# /etc/kforge/modules, then either switch to root= or print the ready marker, run
# /etc/kforge/run and power off. Documentation/filesystems/ramfs-rootfs-initramfs.rst
/bin/busybox mkdir -p /proc /sys /dev /tmp /root /newroot /sbin /usr/bin /usr/sbin
/bin/busybox --install -s
mount -t proc proc /proc
mount -t sysfs sysfs /sys
mount -t devtmpfs devtmpfs /dev 2>/dev/null || echo "kforge-init: devtmpfs missing (CONFIG_DEVTMPFS)"

stop() {
    sync
    poweroff -f
}

while read -r module; do
    [ -n "$module" ] || continue
    insmod "$module" || echo "kforge-init: could not load $module"
done < /etc/kforge/modules

root=""
rootwait=@ROOTWAIT@
for arg in $(cat /proc/cmdline); do
    case "$arg" in
        root=*) root="${arg#root=}" ;;
        kforge.rootwait=*) rootwait="${arg#kforge.rootwait=}" ;;
    esac
done

if [ -n "$root" ]; then
    echo "kforge-init: waiting up to ${rootwait} s for root device $root"
    tries=$((rootwait * 10))
    while [ ! -b "$root" ] && [ "$tries" -gt 0 ]; do
        usleep 100000
        tries=$((tries - 1))
    done
    if [ ! -b "$root" ]; then
        echo "kforge-init: ALERT! $root does not exist. Block devices present: $(ls /sys/class/block | tr '\n' ' ')"
        stop
    fi
    if ! mount -o rw "$root" /newroot; then
        echo "kforge-init: cannot mount $root"
        stop
    fi
    if [ -x /newroot/sbin/init ] || [ -L /newroot/sbin/init ]; then
        echo "kforge-init: switching root to $root"
        exec switch_root /newroot /sbin/init
    fi
    echo "kforge-init: $root holds no /sbin/init"
    stop
fi

echo "kforge-init: ready"
if [ -s /etc/kforge/run ]; then
    sh /etc/kforge/run
    echo "kforge-init: command exit status $?"
fi
stop
