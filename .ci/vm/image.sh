#!/usr/bin/env bash
# Builds the cgroup v2 test VM's boot files into $1 (which must not exist): Debian's kernel
# (vmlinuz), a busybox initramfs that mounts the root disk and switches to it (initrd.gz), and an
# ext4 root image (rootfs.img) with Debian bookworm minbase, Docker and a copy of the host's JDK.
# Sourced by .ci/cgroup-v2-vm.sh, which caches the folder under a key over everything used here.
# Needs root (debootstrap) and: debootstrap busybox-static cpio kmod e2fsprogs.
set -euo pipefail
out=$1 kv=$2 jdk=$3
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
work=$(mktemp -d "${out}.tmp.XXXXXX")
trap 'rm -rf "$work"' EXIT
cd "$work"

# The kernel package, unpacked (never installed on the host).
(cd "$work" && apt-get download -q "linux-image-$kv" >/dev/null)
dpkg-deb -x linux-image-"$kv"_*.deb kernel
depmod -b "$work/kernel" "$kv"
cp "kernel/boot/vmlinuz-$kv" vmlinuz

# initramfs: busybox, the modules to reach the disk (virtio, ext4) and the results share (9p).
mkdir -p ird/bin ird/proc ird/sys ird/dev ird/newroot ird/lib/modules
cp /bin/busybox ird/bin/
for cmd in sh mount insmod sleep switch_root cat; do ln -s busybox "ird/bin/$cmd"; done
for m in virtio_pci virtio_blk ext4 9pnet_virtio 9p; do
  modprobe -d "$work/kernel" -S "$kv" --show-depends "$m" | awk '$1 == "insmod" {print $2}'
done | awk '!seen[$0]++' | while read -r ko; do
  cp "$ko" ird/lib/modules/
  basename "$ko" >>ird/lib/modules/order
done
cp "$here/initramfs-init.sh" ird/init
chmod 755 ird/init
(cd ird && find . | cpio -o -H newc --quiet | gzip -1) >initrd.gz

# root file system: what the guest runs (tini as PID 1 reaps the units' orphans).
packages=$(grep -v '^#' "$here/packages" | tr '\n' ',' | sed 's/,*$//')
debootstrap --variant=minbase --include="$packages" bookworm rootfs >debootstrap.log 2>&1 ||
  { tail -30 debootstrap.log >&2; exit 1; }
cp -a "kernel/lib/modules" rootfs/lib/
mkdir -p rootfs/opt rootfs/t rootfs/results
cp -a "$jdk" rootfs/opt/jdk
# Debian's JDK links its conf and security files into /etc/java-17-openjdk
[ -d /etc/java-17-openjdk ] && cp -a /etc/java-17-openjdk rootfs/etc/
cp "$here/guest-init.sh" rootfs/sbin/optbench-guest-init
chmod 755 rootfs/sbin/optbench-guest-init
rm -rf rootfs/var/cache/apt/archives/*.deb
truncate -s 6G rootfs.img
mkfs.ext4 -q -F -L optbench-root -d rootfs rootfs.img

mkdir "$work/done"
mv vmlinuz initrd.gz rootfs.img "$work/done/"
mv "$work/done" "$out"
