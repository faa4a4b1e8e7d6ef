#!/usr/bin/env python3
"""Where a scan's delivery threads spend their time, from an async-profiler wall-clock profile.

    time_shares.py profile.collapsed [--detail]

The profile is async-profiler's collapsed output with thread names (event=wall, threads): one
line per distinct stack, the thread name as its first frame, the sample count last. Only the
scan's delivery threads ("delivery-N") count, and only while they have a delivery to work on
(a thread waiting in the pool for its next file is idle, not counted). Each sample goes to the
layer of the innermost frame it is in: a commit parked on H2's lock is the job repository's,
a fragment's POST waiting for SCB's answer inside the chunk's transaction is the SCB call's.
"""
import re
import sys
from collections import Counter

LAYERS = {
    "job repository": re.compile(
        r"org/springframework/batch/core/repository/|org/springframework/jdbc/|org/h2/|org/postgresql/"
        r"|com/zaxxer/hikari/|net/javacrumbs/shedlock/|DataSourceTransactionManager"
        r"|AbstractPlatformTransactionManager\.(commit|processCommit|getTransaction|startTransaction|rollback)"
        r"|se/scbdelivery/delivery/DeliveryLocks"),
    "SCB calls (HTTP)": re.compile(r"reactor/netty/|io/netty/|se/scbdelivery/scb/http/|BlockingSingleSubscriber"),
    "file checks (SHA-256, reads)": re.compile(r"sun/security/provider/|java/security/MessageDigest|FingerprintCache"),
    "reports": re.compile(r"se/scbdelivery/delivery/DeliveryReports|se/scbdelivery/report/"),
    "logging": re.compile(r"ch/qos/logback/"),
}
IDLE = re.compile(r"ThreadPoolExecutor\.getTask")
THREAD = re.compile(r"^\[(delivery-\d+)")


def layer(frames):
    best, depth = "other", -1
    for name, pattern in LAYERS.items():
        for index in range(len(frames) - 1, depth, -1):
            if pattern.search(frames[index]):
                best, depth = name, index
                break
    return best


def main(path, detail):
    shares, busy = Counter(), 0
    for line in open(path, encoding="utf-8", errors="replace"):
        stack, _, count = line.rstrip("\n").rpartition(" ")
        frames = stack.split(";")
        if not THREAD.match(frames[0]) or IDLE.search(stack):
            continue
        n = int(count)
        busy += n
        shares[layer(frames[1:])] += n
    if busy == 0:
        sys.exit(f"{path}: no samples of delivery threads")
    parts = [f"{name} {100 * n / busy:.0f}%" for name, n in shares.most_common()]
    print(", ".join(parts) if not detail else "\n".join(parts) + f"\n({busy} samples)")


if __name__ == "__main__":
    main(sys.argv[1], "--detail" in sys.argv[2:])
