#!/bin/sh
# The guest's first process: load the modules for the disks, mount the root disk with cgroup v2
# only (the kernel runs with cgroup_no_v1=all) and hand over to tini and optbench-guest-init.
export PATH=/bin
mount -t proc proc /proc
mount -t sysfs sysfs /sys
mount -t devtmpfs devtmpfs /dev
for m in $(cat /lib/modules/order); do insmod "/lib/modules/$m" 2>/dev/null; done
i=0
while [ ! -b /dev/vda ] && [ $i -lt 100 ]; do sleep 0.1; i=$((i + 1)); done
mount -t ext4 /dev/vda /newroot || { echo "guest: no root disk"; exec sh; }
for d in proc sys dev; do mount --move /$d /newroot/$d; done
mount -t cgroup2 cgroup2 /newroot/sys/fs/cgroup
exec switch_root /newroot /usr/bin/tini -s -- /sbin/optbench-guest-init
