"""Receives sd_notify messages on a Unix datagram socket, the way systemd does, and prints
each one as it arrives. Usage: notify-listener.py SOCKET_PATH OUTPUT_FILE"""
import socket
import sys

path, output = sys.argv[1], sys.argv[2]
listener = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
listener.bind(path)
with open(output, "a", buffering=1) as log:
    while True:
        message = listener.recv(4096).decode("utf-8", "replace")
        for line in message.splitlines():
            log.write(line + "\n")
