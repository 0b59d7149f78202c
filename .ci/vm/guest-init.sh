#!/bin/bash
# Runs in the guest under tini: mounts the test payload (second disk, /t) and the results share
# (9p, /results), runs /t/guest-tests.sh with its output on the console and in the share, and
# powers off. The exit code goes to /results/rc: the host's verdict.
export PATH=/usr/sbin:/usr/bin:/sbin:/bin
mount -t tmpfs tmpfs /run
mount -t tmpfs tmpfs /tmp
mount -t ext4 /dev/vdb /t
mount -t 9p -o trans=virtio,version=9p2000.L results /results
hostname optbench-v2
bash /t/guest-tests.sh 2>&1 | tee /results/guest.log
echo "${PIPESTATUS[0]}" >/results/rc
sync
echo o >/proc/sysrq-trigger
sleep 10
