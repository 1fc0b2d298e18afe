#!/bin/sh
# mmdebstrap --customize-hook for a kforge twin image; $1 is the new root directory. Part of the
# image's cache key: any change here makes new images. @NAME@ words are filled in by kforge.
set -e
R="$1"
echo @HOSTNAME@ > "$R/etc/hostname"
printf '127.0.0.1\tlocalhost\n127.0.1.1\t@HOSTNAME@\n' > "$R/etc/hosts"
# the profile's root device; the initramfs mounts it, systemd remounts it by this line
echo '@ROOTDEV@ / ext4 defaults 0 1' > "$R/etc/fstab"
# DHCP on whatever the virtio NIC is called (enp0s1 on virt's PCI bus, eth0 elsewhere): systemd.network(5)
mkdir -p "$R/etc/systemd/network"
printf '[Match]\nName=en* eth*\n\n[Network]\nDHCP=ipv4\n' > "$R/etc/systemd/network/20-kforge-twin.network"
# only kforge's key logs in: sshd_config(5)
mkdir -p "$R/root/.ssh"
chmod 700 "$R/root/.ssh"
echo '@PUBKEY@' > "$R/root/.ssh/authorized_keys"
chmod 600 "$R/root/.ssh/authorized_keys"
mkdir -p "$R/etc/ssh/sshd_config.d"
printf 'PasswordAuthentication no\nKbdInteractiveAuthentication no\nPermitRootLogin prohibit-password\nUseDNS no\n' \
    > "$R/etc/ssh/sshd_config.d/kforge.conf"
# root has no password: the serial getty shows a prompt, ssh is the way in
chroot "$R" systemctl enable systemd-networkd.service serial-getty@@CONSOLE@.service
# timers that would wake apt and fstrim on a short-lived twin
chroot "$R" systemctl mask apt-daily.timer apt-daily-upgrade.timer e2scrub_all.timer fstrim.timer \
    systemd-networkd-wait-online.service
