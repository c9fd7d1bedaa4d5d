// CSocPrefetch: the cache-prefetch hint the firewall matcher gives the processor, which Swift
// has no spelling for.
//
// Only SocSim's matcher imports this module. A prefetch is a hint: it starts bringing a line
// towards the cache and retires at once, so unlike a load it never holds up the instructions
// after it. That is what lets a batch of packets keep many cold lines in flight (see
// Sources/SocSim/Firewall/RuleIndex+Batched.swift). It never faults, whatever the address.
#pragma once

/// Starts loading the cache line holding `address` into every cache level, for reading.
static inline __attribute__((always_inline)) void CSocPrefetch_read(const void *address) {
    __builtin_prefetch(address, 0, 3);
}
