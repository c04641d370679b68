"""The TaskManager's CPU by thread kind and by hot method, from async-profiler's collapsed stacks
with threads (bench/profile.sh), in microseconds per command.
Usage: profile_threads.py <collapsed> <seconds sampled> <commands per second>"""
import collections
import re
import sys

# Thread name patterns, first match wins: Flink names a task thread after its operator chain.
KINDS = [
    ("engine: AccountProcessor chain (decide, state, sinks)", r"AccountProcessor"),
    ("engine: balance.commands source", r"balance\.commands source|Source Data Fetcher for Source: balance\.commands"),
    ("read-models: tasks", r"balance\.events|read-models|MySQL|Redis"),
    ("Kafka producers (network threads)", r"kafka-producer-network-thread"),
    ("RocksDB compaction", r"rocksdb:low"),
    ("RocksDB flush", r"rocksdb:high"),
    ("checkpoint uploads", r"RocksDBStateDataTransfer|AsyncOperations"),
    ("JIT and GC", r"Compiler|GC Thread|G1 |VM Thread"),
]
# Hot methods, counted inclusively (a sample is in every method of its stack).
METHODS = ["RocksDBValueState.value", "RocksDBValueState.update", "RocksDBMapState.get", "RocksDBMapState.put",
           "KafkaWriter.write", "KafkaProducer.send", "Sender.run", "WireJson.decode", "WireJson.encode",
           "EventJson.encode", "PojoSerializer", "CompactSerializer", "Checkpoint", "flush"]

samples, window, rate = sys.argv[1], float(sys.argv[2]), float(sys.argv[3])
by_kind, by_method, total = collections.Counter(), collections.Counter(), 0
for line in open(samples):
    stack, _, count = line.rstrip().rpartition(" ")
    frames, count = stack.split(";"), int(count)
    total += count
    thread = frames[0]
    by_kind[next((k for k, p in KINDS if re.search(p, thread)), "other")] += count
    for m in METHODS:
        if any(m in f for f in frames):
            by_method[m] += count
# async-profiler took a sample every 2 ms of CPU time.
us_per_sample = 2000 / window / rate
print(f"{total} samples = {total * 0.002 / window:.2f} cores = {total * us_per_sample:.1f} us/command")
for kind, n in by_kind.most_common():
    print(f"  {n * us_per_sample:6.1f} us/command {100 * n / total:5.1f}%  {kind}")
print("hot methods, inclusive:")
for m, n in by_method.most_common():
    print(f"  {n * us_per_sample:6.1f} us/command {100 * n / total:5.1f}%  {m}")
