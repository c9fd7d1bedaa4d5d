"""Runs a command with the kernel's memory-deny-write-execute (PR_SET_MDWE, Linux 6.3+), which
is what MemoryDenyWriteExecute= enforces: no mapping may become writable and executable, or
gain execute permission. Exits 3 without running the command when the kernel lacks it.
Usage: with-mdwe.py COMMAND [ARGUMENT...]"""
import ctypes
import os
import sys

PR_SET_MDWE = 65
PR_MDWE_REFUSE_EXEC_GAIN = 1
libc = ctypes.CDLL(None, use_errno=True)
if libc.prctl(PR_SET_MDWE, PR_MDWE_REFUSE_EXEC_GAIN, 0, 0, 0) != 0:
    sys.exit(3)
os.execvp(sys.argv[1], sys.argv[1:])
