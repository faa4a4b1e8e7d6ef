#!/usr/bin/env python3
"""An inbox of small, unique XML files for the benchmark's scans.

    make_inbox.py ROOT COUNT ORGS PREFIX PROGRAM/PERIOD/FORMAT NAME

COUNT files spread over ORGS organisation numbers (PREFIX plus a counter, with the right
Luhn check digit), each under ROOT/{org}/PROGRAM/PERIOD/FORMAT/NAME-{k}.xml.
"""
import os
import sys
import uuid

root, count, org_count, prefix, folders, name = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4], \
    sys.argv[5], sys.argv[6]


def luhn(number):
    total = 0
    for i, c in enumerate(number):
        p = int(c) * (2 if i % 2 == 0 else 1)
        total += p - 9 if p > 9 else p
    return (10 - total % 10) % 10


orgs = [b + str(luhn(b)) for b in (prefix + "%06d" % i for i in range(org_count))]
for k in range(count):
    d = os.path.join(root, orgs[k % org_count], *folders.split("/"))
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, f"{name}-{k}.xml"), "w") as f:
        f.write(f'<?xml version="1.0"?><Report id="{uuid.uuid4()}"><Item>{k}</Item></Report>\n')
