#!/usr/bin/env python3
"""auto_block: a small SOAR playbook. Blocks the source of each alert socd raises, for a while.

    auto_block.py [--topic alerts] [--field alert.source] [--match event=raised] [--ttl 1h]

It subscribes to a topic, keeps the events whose data matches every `--match PATH=VALUE`,
reads the offending address at `--field` (a dotted path into the event's data) and adds a
DROP rule for it at the top of the table with a lifetime, so the block wins over ACCEPT rules
and lifts itself. It never blocks an address in
`--allow` (default: socd's simulated network, 10.0.0.0/8, and loopback), blocks each address
once per TTL, and ignores the audit entries of its own changes, so `--topic audit` cannot feed
on itself.

The SIEM's alerts are expected as `{"event":"raised","alert":{"id":..,"source":"198.51.100.7",..}}`
on the `alerts` topic; `--topic`/`--field`/`--match` point it at any other topic, e.g.
`--topic audit --field params.src --match method=rules.add --match params.comment=honeypot`.
"""

import argparse
import ipaddress
import os
import sys
import time

try:
    import socd
except ImportError:  # run from a checkout
    sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
    import socd

COMMENT_PREFIX = "auto_block"
EX_UNAVAILABLE = 69


def parse_duration(text):
    """Seconds in "90", "30m", "4h" or "1d" (socd takes the same forms for `ttl`)."""
    units = {"s": 1, "m": 60, "h": 3600, "d": 86400}
    text = str(text).strip()
    if text[-1:] in units:
        return int(text[:-1]) * units[text[-1]]
    return int(text)


def field_value(data, path):
    """`data` at a dotted path, or None where the path does not lead anywhere."""
    value = data
    for key in path.split("."):
        if not isinstance(value, dict) or key not in value:
            return None
        value = value[key]
    return value


class Playbook:
    """The decision and the response, apart from where the events come from."""

    def __init__(self, client, field, matches=(), ttl="1h", allow=(), dst="ANY", output=print, clock=time.monotonic):
        self.client = client
        self.field = field
        self.matches = list(matches)
        self.ttl = ttl
        self.ttl_seconds = parse_duration(ttl)
        self.allow = [ipaddress.ip_network(network, strict=False) for network in allow]
        self.dst = dst
        self.output = output
        self.clock = clock
        self._blocked_until = {}

    def wants(self, data):
        if not isinstance(data, dict):
            return False
        # An audit entry of this playbook's own rules.add would name the address it just blocked.
        if str(field_value(data, "params.comment") or "").startswith(COMMENT_PREFIX):
            return False
        return all(str(field_value(data, path)) == value for path, value in self.matches)

    def handle(self, event):
        """Acts on one `events.event` params; returns the rule it added or extended, else None."""
        data = event.get("data")
        if not self.wants(data):
            return None
        source = field_value(data, self.field)
        if not isinstance(source, str):
            self.output(f"skipped an event on {event.get('topic')}: no address at {self.field}")
            return None
        try:
            address = ipaddress.ip_address(source)
        except ValueError:
            self.output(f"skipped {source!r}: not an IP address")
            return None
        if any(address in network for network in self.allow):
            self.output(f"not blocking {address}: allowed by --allow")
            return None
        now = self.clock()
        if self._blocked_until.get(source, 0) > now:
            return None
        reason = field_value(data, "alert.detection") or field_value(data, "method") or event.get("topic")
        try:
            # Position 1: the block must win over any ACCEPT rule that would otherwise match first.
            added = self.client.rules.add(
                src=source, dst=self.dst, action="drop", ttl=self.ttl, position=1, comment=f"{COMMENT_PREFIX}: {reason}"
            )
        except socd.InvalidParams as error:
            self.output(f"socd refused to block {source}: {error.message}")
            return None
        self._blocked_until[source] = now + self.ttl_seconds
        rule = added["rule"]
        self.output(f"blocked {source} until {rule.get('expiresAt', 'further notice')} (rule {rule['id']}, {added['outcome']})")
        return rule

    def run(self, topic, count=None, retry_seconds=1.0):
        """Handles events until `count` blocks were made; resubscribes when socd restarts."""
        blocks = 0
        while count is None or blocks < count:
            try:
                with self.client.subscribe([topic]) as events:
                    self.output(f"watching {topic} (subscription {events.id})")
                    for event in events:
                        if self.handle(event) is not None:
                            blocks += 1
                            if count is not None and blocks >= count:
                                return blocks
            except socd.Unreachable as error:
                self.output(f"{error}; retrying in {retry_seconds:g} s")
            time.sleep(retry_seconds)
        return blocks


def parse_arguments(arguments):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-s", "--socket", help="socd's socket (default: as socctl finds it)")
    parser.add_argument("--topic", default="alerts", help="topic to watch (default: alerts)")
    parser.add_argument("--field", default="alert.source", help="dotted path of the address in the event data")
    parser.add_argument("--match", action="append", metavar="PATH=VALUE", help="only events whose data has this value (repeatable; default for alerts: event=raised)")
    parser.add_argument("--ttl", default="1h", help="how long a block lasts: seconds, 30m, 4h, 1d (default: 1h)")
    parser.add_argument("--dst", default="ANY", help="destination the block applies to (default: ANY)")
    parser.add_argument("--allow", action="append", metavar="CIDR", help="never block these (repeatable; default: 10.0.0.0/8, 127.0.0.0/8)")
    parser.add_argument("--count", type=int, help="exit after this many blocks")
    options = parser.parse_args(arguments)
    matches = options.match if options.match is not None else (["event=raised"] if options.topic == "alerts" else [])
    options.matches = []
    for match in matches:
        path, separator, value = match.partition("=")
        if not separator or not path:
            parser.error(f"--match wants PATH=VALUE, not {match!r}")
        options.matches.append((path, value))
    options.allow = options.allow if options.allow is not None else ["10.0.0.0/8", "127.0.0.0/8"]
    try:
        parse_duration(options.ttl)
        for network in options.allow:
            ipaddress.ip_network(network, strict=False)
    except ValueError as error:
        parser.error(str(error))
    return options


def main(arguments=None):
    options = parse_arguments(sys.argv[1:] if arguments is None else arguments)
    client = socd.Client(options.socket)
    playbook = Playbook(client, options.field, options.matches, options.ttl, options.allow, options.dst, output=lambda line: print(line, flush=True))
    try:
        client.system.ping()
        playbook.run(options.topic, options.count)
    except socd.Unreachable as error:
        print(f"auto_block: {error}", file=sys.stderr)
        return EX_UNAVAILABLE
    except socd.InvalidParams as error:
        print(f"auto_block: socd cannot subscribe to {options.topic!r}: {error.message}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
